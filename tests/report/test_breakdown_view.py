"""The report model for --by/--bounds/--ci: sections, tables, sentence, method box, page."""

from __future__ import annotations

from typing import Any

import pytest

from kl_survey.extras import Extras, extend
from kl_survey.pipeline import LoadOptions, run
from kl_survey.report import breakdown_view, html, structure

from paths import EXAMPLE, EXAMPLE_DIR


@pytest.fixture(scope="module")
def loaded() -> tuple[Any, Any]:
    return run(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml"))


def _model(loaded: tuple[Any, Any], **kw: Any) -> structure.ReportModel:
    a, ld = loaded
    return structure.build(extend(a, ld.survey, Extras(**kw), ld.spec)[0], "da")


def test_plain_report_has_no_extras(loaded: tuple[Any, Any]) -> None:
    m = structure.build(loaded[0], "da")
    assert all(sec.breakdown is None and sec.bounds is None for sec in m.sections)
    assert m.census_notes == ()
    assert m.sections[0].table is not None
    assert m.sections[0].table.head == ("Svarmulighed", "Antal", "Andel")


def test_bounds_in_sentence_table_and_method_box(loaded: tuple[Any, Any]) -> None:
    m = _model(loaded, bounds=True)
    q1 = m.sections[0]
    assert q1.bounds == ("Uanset hvad de 3 kommuner, der ikke har svaret, ville have svaret, "
                         "ligger andelen mellem 93,9% og 96,9%.")
    assert q1.table is not None and q1.table.head[-1] == "Grænser"
    total = next(row for row in q1.table.rows if row.strong)
    assert total.cells == ("Ja i alt", "92", "96,8%", "93,9%–96,9%")
    assert q1.table.rows[-1].cells == ("Base (n)", "95", "", "")
    assert m.census_heading == "Grænser og usikkerhed"
    assert m.census_notes[0].startswith("Grænser: andelen blandt alle 98 kommuner")
    q2 = m.sections[1]  # sorted by share: the columns still follow each row's option
    assert q2.table is not None
    assert q2.table.rows[0].cells == ("Kommunens hjemmeside", "81", "85,3%", "82,7%–85,7%")


def test_breakdown_section_on_the_reports_scale(loaded: tuple[Any, Any]) -> None:
    m = _model(loaded, by="region", min_base=11)
    sec = m.sections[7]
    assert sec.breakdown is not None
    b = sec.breakdown
    assert b.heading == "Fordelt på region"
    assert b.chart.kind == "grouped" and b.chart.scale == m.scale
    assert [row.label for row in b.chart.rows] == [
        "Hovedstaden (n=28)", "Sjælland (n=17)", "Syddanmark (n=22)", "Midtjylland (n=18)",
        "Nordjylland (n=10)", "I alt (n=95)"]
    assert [k.tone for k in b.chart.keys] == ["s1", "s3", "muted"]  # "Ved ikke" is grey
    assert b.chart.rows[4].withheld and not b.chart.rows[0].withheld
    assert b.table.rows[4].cells == ("Nordjylland (n=10)", "–", "–", "–")
    assert b.table.rows[-1].strong
    assert b.notes[0].startswith("– Færre end 11 besvarelser.")
    # the group labels took part in settling the one label column
    assert m.scale == structure.bar_scale(extend(loaded[0], loaded[1].survey,
                                                 Extras(by="region"), loaded[1].spec)[0])


def test_page_shows_groups_dashes_and_bounds(loaded: tuple[Any, Any]) -> None:
    page = html.render(_model(loaded, by="region", min_base=11, bounds=True, ci=True))
    assert page.count('class="breakdown"') == 8
    assert "Nordjylland (n=10)" in page and "I alt (n=95)" in page
    assert '<span class="bar-value">–</span>' in page
    assert "ligger andelen mellem 93,9% og 96,9%." in page
    assert "<td class=\"num\">93,9%–96,9%</td>" in page
    assert "Wilson med endelighedskorrektion (wilson-fpc)" in page
    assert "sekundær diskretionering" in page


def test_with_ranges_leaves_a_table_alone_without_census(loaded: tuple[Any, Any]) -> None:
    r = loaded[0].questions[0]
    table = structure.Table("c", ("a",), (structure.TableRow(("x",)),))
    assert breakdown_view.with_ranges(table, r) is table
