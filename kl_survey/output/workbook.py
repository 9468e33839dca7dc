"""``results.xlsx`` (and ``analyze -f xlsx``): numbers as numbers, text as text.

* Every text cell is written as an explicit string (``t="inlineStr"``), which Excel
  never evaluates, so ``=HYPERLINK(…)`` or ``- via skolen`` is shown exactly as typed,
  without the apostrophe CSV needs (output/safe.py).
* Three sheets: the results with an autofilter and a frozen header; the free text on a
  sheet of its own (long answers would bury the numbers); and where the numbers came
  from (the export's name, sheet and SHA-256, kl-survey's version), since the report
  itself no longer prints them.
* The document's created/modified date is SOURCE_DATE_EPOCH's, as in the PDF; without
  it the workbook has no date at all, so two runs give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from kl_survey import __version__
from kl_survey.analysis import Analysis
from kl_survey.numbers import Lang
from kl_survey.output.results import rows
from kl_survey.output.tables import FREE_TEXT, KINDS, _cells, _header

SHEETS = {"da": ("Resultater", "Fritekst", "Om data"),
          "en": ("Results", "Free text", "About the data")}
_TEXT_HEAD = {"da": ["id", "nummer", "spørgsmål", "række", "tekst"],
              "en": ["id", "number", "question", "row", "text"]}
_WIDTHS = (8, 8, 60, 13, 50, 8, 10, 12, 7, 10)
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def workbook(a: Analysis, lang: Lang = "da", epoch: int | None = None) -> bytes:
    """The workbook's bytes (not yet zip-normalised); ``epoch`` defaults to
    SOURCE_DATE_EPOCH."""
    from openpyxl import Workbook

    if epoch is None:
        from kl_survey.output.epoch import source_epoch

        epoch = source_epoch()
    wb = Workbook()
    results, free = wb.active, wb.create_sheet()
    results.title, free.title = SHEETS[lang][0], SHEETS[lang][1]
    header_row(results, _header(lang), _WIDTHS)
    header_row(free, _TEXT_HEAD[lang], (8, 8, 60, 13, 80))
    for r in rows(a, lang):
        if r.kind in FREE_TEXT:
            append_row(free, [r.question, r.number, r.text, KINDS[lang][r.kind], r.label])
        else:
            append_row(results, _cells(r, lang))
            results.cell(results.max_row, 7).number_format = "0.0"
            results.cell(results.max_row, 8).number_format = "0.000000"
    for ws in (results, free):
        ws.auto_filter.ref = ws.dimensions
    if any(r.grid is not None for r in a.questions):
        from kl_survey.output.grid_workbook import add_grid_sheets

        add_grid_sheets(wb, a, lang, before=2)
    _breakdown(wb, a, lang)
    _about(wb.create_sheet(SHEETS[lang][2]), a, lang, epoch)
    return save(wb, epoch)


def header_row(ws: Any, header: list[str], widths: tuple[int, ...]) -> None:
    """A bold, frozen header row and the column widths (shared with compare/tables.py)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    append_row(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def append_row(ws: Any, values: list[Any]) -> None:
    """One row; text as explicit string cells (never a formula), Decimal as a number."""
    ws.append([float(v) if isinstance(v, Decimal) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _breakdown(wb: Any, a: Analysis, lang: Lang) -> None:
    """--by/--bounds/--ci: a long-format sheet of groups, bounds and intervals."""
    from kl_survey.output import breakdown_tables as bt

    extra = bt.xlsx_rows(a, lang)
    if not extra:
        return
    ws = wb.create_sheet(bt.sheet_name(a, lang))
    header_row(ws, bt.xlsx_header(lang), bt.XLSX_WIDTHS)
    for row in extra:
        append_row(ws, row)
        bt.number_formats(ws, ws.max_row)
    ws.auto_filter.ref = ws.dimensions


def _about(ws: Any, a: Analysis, lang: Lang, epoch: int | None) -> None:
    da = lang == "da"
    facts: list[tuple[str, Any]] = [
        ("Fil" if da else "File", a.source.file),
        ("Ark" if da else "Sheet", a.source.sheet or ""),
        ("Format", a.source.format),
        ("SHA-256", a.source.sha256),
        ("Deltagende" if da else "Participating", a.respondents),
        ("Inviterede" if da else "Invited", a.population.size if a.population else ""),
        ("Lavet med" if da else "Made with", f"kl-survey {__version__}"),
    ]
    if epoch is not None:
        stamp = datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        facts.append(("Dato (SOURCE_DATE_EPOCH)" if da else "Date (SOURCE_DATE_EPOCH)", stamp))
    for key, value in facts:
        append_row(ws, [key, value])
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 70


def save(wb: Any, epoch: int | None) -> bytes:
    """Write without openpyxl's save(), which stamps the wall clock into 'modified'.

    Every workbook kl-survey writes goes through here (results and comparisons)."""
    from openpyxl.writer.excel import ExcelWriter

    stamp = (datetime.fromtimestamp(epoch, tz=UTC).replace(tzinfo=None) if epoch is not None
             else datetime(1970, 1, 1))
    props = wb.properties
    props.created = props.modified = stamp
    props.creator = props.lastModifiedBy = "kl-survey"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return buf.getvalue() if epoch is not None else _without_dates(buf.getvalue())


def _without_dates(data: bytes) -> bytes:
    """Drop dcterms:created/modified (both optional in OPC) when no date is known."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(b"", body)
            dst.writestr(info, body)
    return out.getvalue()
