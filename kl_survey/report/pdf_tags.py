"""Two repairs to WeasyPrint's PDF structure tree, applied as its ``finisher``.

WeasyPrint 70 tags tables and figures for PDF/UA but, as read in its
``weasyprint/pdf/tags.py``:

* a ``/TH`` element gets ``/A << /O /Table >>`` and an ``/ID``, never ``/Scope``: the
  HTML ``scope`` attribute is only read to build the ``/Headers`` arrays of the data
  cells (upstream: Kozea/WeasyPrint#2508, open). Matterhorn 15-003 accepts Headers/IDs
  instead of Scope, but PAC and other checkers ask for Scope, and it is what a screen
  reader's table navigation uses;
* a ``/Figure`` element's ``/BBox`` is written in CSS pixels measured from the page's
  top-left corner (``box.content_box_x()``/``content_box_y()``), not in PDF points from
  the bottom-left, so boxes lie off the page (a figure low on an A4 page gets y > 842).

WeasyPrint offers no option for either, so :func:`finish` fixes both in the
``pydyf.PDF`` object right before it is written (``write_pdf(finisher=…)``, WeasyPrint's
documented hook for post-processing). It depends on the tag names of that file and is
covered by tests/test_report_pdf.py, which fails if an upgrade changes them.
"""

from __future__ import annotations

from typing import Any

_PX_TO_PT = 0.75  # WeasyPrint draws 1 CSS px as 0.75 pt (zoom 1)
_HEADER_GROUPS = {"/THead": "/Column", "/TBody": "/Row", "/TFoot": "/Row"}


def finish(_document: Any, pdf: Any) -> None:
    """Add /Scope to header cells and move Figure bounding boxes into page space."""
    import pydyf

    objects = pdf.objects
    for obj in objects:
        if not isinstance(obj, dict) or obj.get("Type") != "/StructElem":
            continue
        tag = obj.get("S")
        if tag == "/TH":
            obj["A"]["Scope"] = _scope(obj, objects)  # pydyf writes "/Row" as a name
        elif tag == "/Figure" and "A" in obj and "BBox" in obj["A"]:
            height = _page_height(obj, objects)
            if height is not None:
                obj["A"]["BBox"] = pydyf.Array(_pdf_box(obj["A"]["BBox"], height))


def _parent(obj: dict[str, Any], objects: list[Any]) -> Any:
    ref = obj.get("P")
    if not isinstance(ref, bytes):
        return None
    number = int(ref.split()[0])
    return objects[number] if 0 <= number < len(objects) else None


def _scope(th: dict[str, Any], objects: list[Any]) -> str:
    """A header in the table head labels a column; one in the body labels its row
    (the template writes ``scope="col"`` and ``scope="row"`` exactly so)."""
    row = _parent(th, objects)
    group = _parent(row, objects) if row is not None else None
    if group is not None and group.get("S") in _HEADER_GROUPS:
        return _HEADER_GROUPS[group["S"]]
    return "/Column"


def _page_height(obj: dict[str, Any], objects: list[Any]) -> float | None:
    ref = obj.get("Pg")
    if not isinstance(ref, bytes):
        return None
    page = objects[int(ref.split()[0])]
    box = page.get("MediaBox") if isinstance(page, dict) else None
    return float(box[3]) if box is not None else None


def _pdf_box(box: Any, page_height: float) -> tuple[float, float, float, float]:
    """CSS px, y down from the top → PDF points, y up from the bottom."""
    x1, y1, x2, y2 = (float(v) for v in box)
    return (round(x1 * _PX_TO_PT, 3), round(page_height - y2 * _PX_TO_PT, 3),
            round(x2 * _PX_TO_PT, 3), round(page_height - y1 * _PX_TO_PT, 3))
