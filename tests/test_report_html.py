"""report.html: self-contained, accessible, and inert for hostile free text."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kl_survey.analysis import Analysis
from kl_survey.pipeline import run
from kl_survey.report import charts, html, structure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"

SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://evil.example","klik")'


def hostile_csv(path: Path) -> Path:
    """A hand-built sheet whose free text tries script injection and a spreadsheet formula."""
    rows = [["Kommune", "1. Har I et tilbud?", "2. Hvordan? - Hjemmeside", "2. Hvordan? - Andet",
             "3. Kommentarer"]]
    for i, name in enumerate(["Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding"]):
        comment = {0: f"{SCRIPT} en lang kommentar der bliver ved og ved for at være fritekst",
                   1: f"{IMG} også en meget lang kommentar, som tydeligvis er fritekst"}
        rows.append([name, "Ja" if i % 2 == 0 else "Nej", "X" if i < 4 else "",
                     FORMULA if i == 0 else ("Lokalavisen" if i == 1 else ""),
                     comment.get(i, f"Helt almindelig kommentar nummer {i}, lang nok til "
                                    "at være fritekst")])
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def page_for(a: Analysis, lang: str = "da") -> str:
    model = structure.build(a, lang)  # type: ignore[arg-type]
    svgs = {sec.chart.fig_id: charts.render(sec.chart).svg.decode("utf-8")
            for sec in model.sections if sec.chart is not None}
    return html.render(model, svgs)


@pytest.fixture(scope="module")
def example() -> Analysis:
    return run(EXAMPLE)[0]


@pytest.fixture(scope="module")
def page(example: Analysis) -> str:
    return page_for(example)


def test_document_language_title_and_headings(example: Analysis, page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="da">' in page
    assert "<title>Resultater af spørgeskemaundersøgelsen</title>" in page
    for r in example.questions:
        q = r.question
        assert f">Spørgsmål {q.number}: {q.text}</h2>" in page
    assert "96,8% af de adspurgte kommuner svarer ja" in page


def test_charts_are_inline_svg_with_alt_text(page: str) -> None:
    svgs = re.findall(r"<svg\b[^>]*>", page)
    assert len(svgs) == 8
    for tag in svgs:
        assert 'role="img"' in tag
        assert re.search(r'aria-label="Vandret søjlediagram for spørgsmål \d+\.', tag)
    assert page.count("<figure class=\"chart\">") == 8
    assert page.count("<figcaption") == 8
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids across inline charts"


def test_tables_are_collapsible_details(page: str) -> None:
    assert page.count("<details class=\"data\">") == 8
    assert "<summary>Vis tal: antal og andele</summary>" in page
    assert '<tr class="total"><th scope="row">Ja i alt</th><td class="num">92</td>' \
           '<td class="num">96,8%</td>' in page


def test_method_box_and_appendix(page: str) -> None:
    assert "<dt>Har ikke svaret</dt><dd>Vallensbæk, Lemvig og Læsø</dd>" in page
    assert "<dt>Svarprocent</dt><dd>96,9%</dd>" in page
    assert "Bilag: Fritekstsvar" in page
    assert "<li>Plakater i busser</li>" in page
    assert '«Andet, angiv» <span class="count">(9)</span></h3>' in page


def test_self_contained_no_external_resources(page: str) -> None:
    assert "<style>" in page and "@page" in page
    assert "<link" not in page
    assert "<script" not in page
    assert "@import" not in page and "@font-face" not in page
    refs = re.findall(r'\b(?:src|href|xlink:href)\s*=\s*"([^"]*)"', page)
    assert all(ref.startswith("#") for ref in refs), refs
    assert not re.search(r"url\((?!#)", page)


def test_hostile_free_text_is_escaped(tmp_path: Path) -> None:
    a = run(hostile_csv(tmp_path / "hostile.csv"))[0]
    page = page_for(a)
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;klik&#34;)" in page
    refs = re.findall(r'\b(?:src|href)\s*=\s*"([^"]*)"', page)
    assert all(ref.startswith("#") for ref in refs)


def test_english_page(example: Analysis) -> None:
    page = page_for(example, "en")
    assert '<html lang="en">' in page
    assert ">Question 1: Er tilbuddet i drift?</h2>" in page
    assert "96.8%" in page and "96,8%" not in page
    assert "Number of responses: 95" in page
    assert '"Page " counter(page) " of " counter(pages)' in page


def test_inline_svg_escapes_alt_text() -> None:
    svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>'
    out = html.inline_svg(svg, 'Ja: 50%; "Nej" <b>')
    assert out.startswith('<svg role="img" aria-label="Ja: 50%; &quot;Nej&quot; &lt;b&gt;"')
