"""``--per-municipality``: one report per responding municipality, nobody else's text."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kl_survey import municipalities as mun
from kl_survey.by_municipality import resolve
from kl_survey.model import Survey
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report.feedback_writer import write_per_municipality

from paths import EXAMPLE, EXAMPLE_DIR

PLANTED = "PLANTET-fritekst-7f3a9c"


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Survey:
    """The example with Dragør's "Andet, angiv" text replaced by a unique string."""
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb.active
    assert ws is not None
    for row in ws.iter_rows(min_row=2):
        if str(row[0].value).startswith("Dragør"):
            row[7].value = PLANTED
    path = tmp_path_factory.mktemp("planted") / "responses.xlsx"
    wb.save(path)
    return load(path, LoadOptions(spec=EXAMPLE_DIR / "survey.toml")).survey


@pytest.fixture(scope="module")
def html_reports(planted: Survey, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("per-municipality")
    write_per_municipality(planted, out, formats=("html",))
    return out / "kommuner"


def test_one_report_per_responding_municipality(html_reports: Path) -> None:
    files = sorted(p.name for p in html_reports.iterdir())
    assert len(files) == 95
    assert "101-koebenhavn.html" in files and "155-dragoer.html" in files
    assert not any(f.startswith(("187-", "665-", "825-")) for f in files)  # non-respondents


def test_no_report_contains_another_municipalitys_free_text(
        planted: Survey, html_reports: Path) -> None:
    codes = planted.respondents["municipality"]
    texts = {int(codes[i]): str(t) for i, t in planted.other_text["q2"].items()
             if isinstance(t, str)}
    assert texts[155] == PLANTED
    for path in html_reports.iterdir():
        code = int(path.name.split("-")[0])
        page = path.read_text("utf-8")
        for writer, text in texts.items():
            assert (text in page) == (writer == code), (path.name, text)


def test_koebenhavn_report_marks_koebenhavns_answers_in_title_and_bars(
        html_reports: Path) -> None:
    page = (html_reports / "101-koebenhavn.html").read_text("utf-8")
    assert "<h1>København</h1>" in page
    assert "Jeres svar: »Ja, helt i drift«." in page
    q1 = page.split('id="q01-hovedstaden"')[1].split("</ol>")[0]
    marked = [item for item in q1.split("<li ")[1:] if 'class="pair-row yours"' in item]
    assert len(marked) == 1 and "Ja, helt i drift" in marked[0]


def test_pdfs_on_both_cores_and_only_for_the_chosen(planted: Survey, tmp_path: Path) -> None:
    chosen = resolve(["Dragør", "101", "Vallensbæk"])  # Vallensbæk did not answer
    written = write_per_municipality(planted, tmp_path, chosen=chosen, workers=2)
    names = sorted(p.name for p in written.files)
    assert names == ["101-koebenhavn.html", "101-koebenhavn.pdf", "155-dragoer.html",
                     "155-dragoer.pdf"]
    text = {}
    for name in ("101-koebenhavn.pdf", "155-dragoer.pdf"):
        reader = PdfReader(io.BytesIO((tmp_path / "kommuner" / name).read_bytes()))
        text[name] = " ".join(page.extract_text() for page in reader.pages)
    assert PLANTED in text["155-dragoer.pdf"]
    assert PLANTED not in text["101-koebenhavn.pdf"]
    assert "København" in text["101-koebenhavn.pdf"]
    assert "Jeres svar" in text["101-koebenhavn.pdf"]


def test_same_input_same_bytes(planted: Survey, tmp_path: Path) -> None:
    one = resolve(["Dragør"])
    a = write_per_municipality(planted, tmp_path / "a", chosen=one, workers=1)
    b = write_per_municipality(planted, tmp_path / "b", chosen=one, workers=1)
    assert [p.read_bytes() for p in a.files] == [p.read_bytes() for p in b.files]
    assert mun.slug(one[0]) == "155-dragoer"
