"""The Likert chart, Tabel 1 and Figur 1 in the report model, the page and the figures."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kl_survey.analysis import Analysis, analyse
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report import grid_charts, html, structure, style
from kl_survey.report.grid_section import APART_GAP, GridSection

from paths import EXAMPLE_Q1_DIR

SCALE = ("I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke")


@cache
def _national() -> Analysis:
    data, spec = EXAMPLE_Q1_DIR / "responses.xlsx", EXAMPLE_Q1_DIR / "survey.toml"
    return analyse(load(data, LoadOptions(spec=spec)).survey)


@cache
def _model() -> structure.ReportModel:
    return structure.build(_national())


def _grid(n: int) -> GridSection:
    grid = _model().sections[n].grid
    assert grid is not None
    return grid


def test_likert_rows_are_segments_in_scale_order_with_ved_ikke_apart() -> None:
    chart = _grid(2).likert
    assert chart is not None
    assert [k.label for k in chart.keys] == list(SCALE)
    assert [k.tone for k in chart.keys] == ["s1", "s2", "s3", "s4", "muted"]
    r = _national().questions[2]
    assert r.grid is not None
    for row, result in zip(chart.rows, r.grid.rows, strict=True):
        assert [s.label for s in row.segments] == list(SCALE[:4])
        assert row.apart is not None and row.apart.label == "Ved ikke"
        assert row.apart.tone == "muted"
        shares = {o.label: o.share for o in result.options}
        assert [s.value for s in row.segments] == [shares[o] for o in SCALE[:4]]
        total = sum(s.length for s in row.segments) + row.apart.length
        assert total == pytest.approx(1 - APART_GAP)  # the gap keeps "Ved ikke" apart


def test_likert_shares_are_printed_only_where_they_fit() -> None:
    chart = _grid(2).likert
    assert chart is not None
    from kl_survey.report.grid_section import SEGMENT_AIR, SEGMENT_SIZE
    from kl_survey.report.scale import text_width

    segs = [s for row in chart.rows for s in row.segments]
    assert any(s.inside for s in segs) and any(not s.inside for s in segs)
    for seg in segs:  # inside exactly when the share's text fits its width on the track
        need = text_width(seg.text, SEGMENT_SIZE, bold=True) + SEGMENT_AIR
        assert seg.inside == (need <= seg.length * chart.scale.track), seg


def test_likert_figure_through_its_artists() -> None:
    chart = _grid(2).likert
    assert chart is not None
    fig = grid_charts.draw_likert(chart)
    ax = fig.axes[0]
    bars = ax.patches
    assert len(bars) == sum(len(r.segments) + (r.apart is not None) for r in chart.rows)
    first = bars[:5]  # row 1: four answers left to right, then "Ved ikke" at the end
    assert [round(b.get_x(), 6) for b in first[:4]] == sorted(round(b.get_x(), 6)
                                                            for b in first[:4])
    assert first[4].get_x() + first[4].get_width() == pytest.approx(1.0)
    from matplotlib.colors import to_hex

    assert to_hex(first[4].get_facecolor()) == style.GREY.lower()
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.label for r in chart.rows]
    printed = {t.get_text() for t in ax.texts}
    assert {s.text for r in chart.rows for s in r.segments if s.inside} == printed - {""}
    # the same label column and 100% track as every other bar chart of the report
    assert ax.get_position().x0 * style.WIDTH == pytest.approx(chart.scale.bar_left)


def test_the_page_lays_the_grids_out() -> None:
    page = html.render(_model())
    likert = re.search(r'<figure class="chart likert">(.*?)</figure>', page, re.S)
    assert likert is not None
    assert likert.group(1).count('class="bar-row"') == 4
    assert likert.group(1).count('class="seg tone-muted apart"') == 4
    assert "Tabel 1: Aktivitet pr. måned, 1. kvartal 2025" in page
    assert "<th scope=\"col\" class=\"num\">Samlet</th>" in page
    # Tabel 1 is shown, not folded away: it is not inside a <details>
    tabel = page.index("Tabel 1: Aktivitet")
    assert page.rfind("<details", 0, tabel) < page.rfind("</details>", 0, tabel) or \
        page.rfind("<details", 0, tabel) == -1


def test_key_sentences_and_highlights() -> None:
    m = _model()
    q1, q2, q3 = (sec.key_sentence for sec in m.sections)
    assert re.fullmatch(r"Antallet af henvendelser er steget fra [\d.]+ i januar til "
                        r"[\d.]+ i marts\. I alt [\d.]+ henvendelser i 1\. kvartal\.", q1)
    assert q2.startswith("I alt ") and "Sundhed og omsorg (SUF)" in q2
    assert q3.startswith("Flest svarer »I høj grad« eller »I nogen grad« ved »")
    assert m.highlights[0].text == "henvendelser i 1. kvartal"


def test_report_writes_the_grid_figures(tmp_path: Path) -> None:
    from kl_survey.report import write_report

    written = write_report(_national(), tmp_path, formats=("png", "svg"))
    names = sorted(p.name for p in written.files)
    assert names == ["q01.png", "q01.svg", "q03.png", "q03.svg"]  # q02: one number per row
    svg = (tmp_path / "figures" / "q03.svg").read_text(encoding="utf-8")
    assert "<title>Stablede søjler (100%) for spørgsmål 3" in svg


def test_the_pdf_keeps_the_likert_table_inside_the_text_column(tmp_path: Path) -> None:
    """Tabel 3's seven share columns, their heads on one line, ran 16 pt into the right
    margin of the A4 page; no character may pass the 18 mm margin."""
    pdfium = pytest.importorskip("pypdfium2")
    from kl_survey.report import write_report

    write_report(_national(), tmp_path, formats=("pdf",))
    doc = pdfium.PdfDocument((tmp_path / "report.pdf").read_bytes())
    for i in range(len(doc)):
        page = doc[i]
        edge = page.get_width() - 18 / 25.4 * 72  # @page margin-right: 18mm
        text = page.get_textpage()
        right = max(text.get_charbox(k)[2] for k in range(text.count_chars()))
        assert right <= edge + 0.5, f"page {i + 1}: text at {right:.1f} pt, margin at {edge:.1f}"


def test_a_municipality_s_feedback_report_states_its_grid_answers(tmp_path: Path) -> None:
    from kl_survey.report.feedback_writer import write_per_municipality

    data, spec = EXAMPLE_Q1_DIR / "responses.xlsx", EXAMPLE_Q1_DIR / "survey.toml"
    survey = load(data, LoadOptions(spec=spec)).survey
    from kl_survey import municipalities as mun

    written = write_per_municipality(survey, tmp_path, formats=("html",),
                                     chosen=[mun.by_code(101)])
    page = written.files[0].read_text(encoding="utf-8")
    assert "Antal henvendelser: 198 (alle: " in page
    assert "Sundhed og omsorg (SUF): 11 (alle: " in page
    assert "Rekruttering af medarbejdere: »I høj grad« (alle: 39,4%)" in page
