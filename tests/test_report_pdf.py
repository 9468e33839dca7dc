"""report.pdf: every published number and heading, tagged, non-blank and reproducible."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from kl_survey.analysis import Analysis
from kl_survey.pipeline import run
from kl_survey.report import pdf, write_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"

pypdf = pytest.importorskip("pypdf")


def _published() -> tuple:
    sys.path.insert(0, str(EXAMPLE.parent))
    from generate import PUBLISHED  # type: ignore[import-not-found]

    return PUBLISHED


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module")
def example() -> Analysis:
    return run(EXAMPLE)[0]


@pytest.fixture(scope="module")
def pdf_bytes(example: Analysis, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("pdf")
    write_report(example, out, formats=("pdf",))
    return (out / "report.pdf").read_bytes()


def test_contains_every_published_percentage_and_heading(example: Analysis,
                                                         pdf_bytes: bytes) -> None:
    text = _text(pdf_bytes)
    published = _published()
    assert len(published) == 14
    for _number, _label, pct in published:
        assert f"{pct}%" in text, pct
    for r in example.questions:
        heading = f"Spørgsmål {r.question.number}: {r.question.text}"
        assert heading in text, heading
    assert "Antal besvarelser: 95" in text
    assert "Flere svar muligt" in text
    assert "Vallensbæk, Lemvig og Læsø" in text


def test_pages_are_a4_numbered_and_not_blank(pdf_bytes: bytes) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(pdf_bytes)
    assert len(doc) >= 3
    for i in range(len(doc)):
        page = doc[i]
        width, height = page.get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        image = page.render(scale=0.5).to_pil().convert("L")
        histogram = image.histogram()
        ink = sum(histogram[:200]) / (image.width * image.height)
        assert ink > 0.005, f"page {i + 1} looks blank"
    text = _text(pdf_bytes)
    assert f"Side 1 af {len(doc)}" in text


def test_tagged_for_accessibility(pdf_bytes: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert "/StructTreeRoot" in root
    assert reader.metadata is not None
    assert reader.metadata.title == "Resultater af spørgeskemaundersøgelsen"
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp
    # Each chart is a /Figure with its alt text.
    alts = _alt_texts(reader)
    assert len(alts) == 8
    assert all(a.startswith("Vandret søjlediagram for spørgsmål") for a in alts)


def _alt_texts(reader) -> list[str]:  # type: ignore[no-untyped-def]
    found: list[str] = []
    seen: set[int] = set()

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        obj = node.get_object()
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, dict):
            if obj.get("/S") == "/Figure" and "/Alt" in obj:
                found.append(str(obj["/Alt"]))
            kids = obj.get("/K")
            if kids is not None:
                walk(kids)
        elif isinstance(obj, list):
            for item in obj:
                if hasattr(item, "get_object"):
                    walk(item)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_reproducible_without_and_with_source_date_epoch(
        example: Analysis, pdf_bytes: bytes, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_report(example, tmp_path / "a", formats=("pdf",))
    assert (tmp_path / "a" / "report.pdf").read_bytes() == pdf_bytes
    assert b"/CreationDate" not in pdf_bytes

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748736000")  # 2025-06-01T00:00:00Z
    for name in ("b", "c"):
        write_report(example, tmp_path / name, formats=("pdf",))
    dated = (tmp_path / "b" / "report.pdf").read_bytes()
    assert dated == (tmp_path / "c" / "report.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(dated))
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"] == "D:20250601000000Z"
    assert reader.metadata["/ModDate"] == "D:20250601000000Z"


def test_hostile_text_is_inert(tmp_path: Path) -> None:
    from test_report_html import SCRIPT, hostile_csv

    a = run(hostile_csv(tmp_path / "hostile.csv"))[0]
    write_report(a, tmp_path / "out", formats=("pdf",))
    data = (tmp_path / "out" / "report.pdf").read_bytes()
    text = _text(data)
    assert SCRIPT in text  # printed as text
    assert "onerror=alert(1)" in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert "/Annots" not in page  # no links or actions
    assert "/OpenAction" not in reader.trailer["/Root"]
    assert not re.search(rb"/(JavaScript|JS|URI|Launch)\b", data)


def test_url_fetcher_refuses_external_resources(caplog: pytest.LogCaptureFixture) -> None:
    page = ('<html lang="da"><head><title>t</title></head><body>'
            '<img alt="billede" src="http://127.0.0.1:9/x.png"><p>hej</p></body></html>')
    with caplog.at_level("ERROR", logger="weasyprint"):
        data = pdf.render(page)
    assert "disallowed protocol" in caplog.text
    assert sorted(_text(data).split()) == ["billede", "hej"]  # the alt text stands in


SMALL_PAGE = ('<html lang="da"><head><title>t</title></head>'
              '<body><p>Æblegrød på Læsø: 96,8%</p></body></html>')


@pytest.mark.parametrize("subsetter", ["fonttools", "harfbuzz"])
def test_fonts_are_stamped_from_the_pinned_clock(subsetter: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Both of WeasyPrint's font subsetters give the same bytes whatever the clock says
    and whether SOURCE_DATE_EPOCH is unset or empty (fontTools int()s it)."""
    import fontTools.misc.timeTools as tt
    import weasyprint.pdf.fonts as wfonts

    if subsetter == "fonttools":
        monkeypatch.setattr(wfonts, "harfbuzz_subset", None)
    elif wfonts.harfbuzz_subset is None:
        pytest.skip("libharfbuzz-subset is not installed; the fontTools case covers this machine")
    clock = iter([1_700_000_000.2, 1_700_000_001.9])
    monkeypatch.setattr(tt.time, "time", lambda: next(clock))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = pdf.render(SMALL_PAGE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    second = pdf.render(SMALL_PAGE)
    assert first == second
    fonts = pypdf.PdfReader(io.BytesIO(first)).pages[0]["/Resources"]["/Font"]
    descriptor = next(iter(fonts.values())).get_object()["/DescendantFonts"][0]
    assert "/FontFile2" in descriptor.get_object()["/FontDescriptor"]  # a subset was embedded
    import os

    assert os.environ["SOURCE_DATE_EPOCH"] == ""  # the caller's value is restored


def test_empty_source_date_epoch_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    from kl_survey.report.writer import created_stamp, source_epoch

    assert source_epoch({"SOURCE_DATE_EPOCH": ""}) is None
    assert source_epoch({"SOURCE_DATE_EPOCH": "  "}) is None
    assert created_stamp({}) is None
    assert source_epoch({"SOURCE_DATE_EPOCH": "1748736000"}) == 1748736000
