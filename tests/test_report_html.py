"""report.html: self-contained, accessible, and inert for hostile free text."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kl_survey.analysis import Analysis
from kl_survey.pipeline import run
from kl_survey.report import html, structure

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


def page_for(a: Analysis, lang: str = "da", **options: bool) -> str:
    return html.render(structure.build(a, lang, **options))  # type: ignore[arg-type]


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
    assert "96,8% af de deltagende kommuner svarer ja" in page


def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="chart">.*?</figure>', page, re.S)


def test_charts_are_html_bars_with_one_description(page: str) -> None:
    """Issue 14.9: one accessible description per chart (the aria-label of its
    role="img"); the figcaption is the visible base note, not a hidden copy."""
    figures = _figures(page)
    assert len(figures) == 8
    for fig in figures:
        labels = re.findall(r'role="img" aria-label="([^"]*)"', fig)
        assert len(labels) == 1 and labels[0].startswith("Vandret søjlediagram for spørgsmål")
        caption = re.search(r'<figcaption class="notes">(.*?)</figcaption>', fig, re.S)
        assert caption is not None and caption.group(1).startswith("Antal besvarelser: ")
        assert caption.group(1) not in labels[0]
    assert "sr-only" not in page
    assert "<svg" not in page  # text in the page, not in pictures: it reflows on a phone
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_one_title_per_question(tmp_path: Path) -> None:
    """Issue 14.8: the spec's short chart title is for the stand-alone figures; on the
    page the h2 is the only title."""
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load

    loaded = load(EXAMPLE, LoadOptions(spec=EXAMPLE.parent / "survey.toml"))
    model = structure.build(analyse(loaded.survey), "da")
    page = html.render(model)
    for sec, fig in zip(model.sections, _figures(page), strict=True):
        assert sec.chart is not None and sec.chart.title
        assert sec.chart.title not in fig
        assert page.count(f">{sec.heading}</h2>") == 1


def test_bar_widths_come_from_the_one_scale(example: Analysis) -> None:
    model = structure.build(example, "da")
    page = html.render(model)
    widths = re.findall(r'class="bar tone-\w+" style="width: ([\d.]+)%"', page)
    bars = [b for sec in model.sections if sec.chart for b in sec.chart.bars]
    assert [float(w) for w in widths] == pytest.approx([b.length * 100 for b in bars],
                                                        abs=5e-4)
    label = re.search(r"\.bar-label \{ flex-basis: ([\d.]+)%; \}", page)
    assert label is not None
    assert float(label.group(1)) == pytest.approx(model.scale.label_fraction * 100, abs=1e-3)


def test_highlights_box_opens_the_report(page: str) -> None:
    """Issue 14.5: "Hovedresultater" before the first question, one line each."""
    box = page.index('<section class="highlights"')
    assert box < page.index('id="q01"') and box < page.index('class="method"')
    items = re.findall(r'<li><span class="hl-value">([^<]+)</span>', page)
    assert items == ["96,8%", "85,3%", "89,5%", "68,4%", "12,6%", "58,9%", "78,9%", "46,3%"]


def test_colophon_only_when_asked(example: Analysis) -> None:
    """Issue 14.4: no file name or version for readers unless --colophon."""
    assert "responses.xlsx" not in page_for(example)
    assert "kl-survey 0" not in page_for(example)
    with_colophon = page_for(example, colophon=True)
    assert '<footer class="colophon"' in with_colophon
    assert "Datagrundlag: responses.xlsx, ark »Besvarelser«" in with_colophon


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
    assert '»Andet, angiv« <span class="count">(9)</span></h3>' in page


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
