"""Maps of one grid row, tested through their artists: a Likert row is drawn exactly as a
single-choice question, a numeric grid row as a choropleth, and the title and alt text
name the question and the row."""

from __future__ import annotations

from typing import Any

import matplotlib
import pytest
from matplotlib.colors import to_hex

from kl_survey import municipalities as mun
from kl_survey.analysis import analyse
from kl_survey.by_municipality import placed
from kl_survey.model import Survey
from kl_survey.numbers import Lang
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report import mapmodel, maps, palette
from kl_survey.report.mapmodel import MapData

from paths import EXAMPLE_Q1_DIR

NON_RESPONDENTS = {336, 492, 563, 825}  # Stevns, Ærø, Fanø, Læsø


@pytest.fixture(scope="module")
def activity() -> Survey:
    return load(EXAMPLE_Q1_DIR / "responses.xlsx",
                LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml")).survey


def _map(survey: Survey, ref: str, lang: Lang = "da") -> MapData:
    results = {r.question.id: r for r in analyse(survey).questions}
    where = placed(survey, ref)
    return mapmodel.build(results[where.qid], where, lang, "Kilde: test")


def _faces(m: MapData) -> dict[int, Any]:
    with matplotlib.rc_context(maps.rc(m)):
        fig = maps.draw(m)
    return {int(a.get_gid()[1:]): a for ax in fig.axes for a in ax.get_children()
            if (a.get_gid() or "")[1:].isdigit()}


def test_a_likert_row_colours_each_municipality_by_its_answer_in_that_row(
        activity: Survey) -> None:
    """Expected colours from the export's rows: the scale's ramp, "Ved ikke" grey, the
    four non-respondents white and hatched."""
    q3 = activity.question("q3")
    scale = [o for o in q3.options if o != "Ved ikke"]
    ramp = dict(zip(scale, palette.categorical(len(scale)), strict=True))
    ramp["Ved ikke"] = palette.NEUTRAL
    answers = activity.answers["q3"]["Samarbejdet med regionen"]
    codes = [int(c) for c in activity.respondents["municipality"]]
    patches = _faces(_map(activity, "q3:Samarbejdet med regionen"))
    assert sorted(patches) == [m.code for m in mun.register()]
    seen = set()
    for code, answer in zip(codes, answers, strict=True):
        if isinstance(answer, str):
            seen.add(answer)
            assert to_hex(patches[code].get_facecolor()) == ramp[answer].lower(), code
            assert not patches[code].get_hatch()
    assert seen == set(q3.options)  # every colour was checked, the grey one included
    assert set(patches) - set(codes) == NON_RESPONDENTS
    for code in NON_RESPONDENTS:
        assert to_hex(patches[code].get_facecolor()) == "#ffffff"
        assert patches[code].get_hatch() == palette.HATCH


def test_a_likert_rows_title_legend_and_alt_name_the_question_and_the_row(
        activity: Survey) -> None:
    m = _map(activity, "q3:Fysiske rammer")
    assert m.fig_id == "q03-r2-kort" and m.kind == "categorical"
    assert m.title == "Udfordringer i tilbuddet – Fysiske rammer"
    assert [c.legend("da") for c in m.classes] == [
        "I høj grad (15)", "I nogen grad (22)", "I mindre grad (34)", "Slet ikke (14)",
        "Ved ikke (9)", "Ikke besvaret (4)"]
    assert m.alt.startswith("Danmarkskort over kommunernes svar på spørgsmål 3, rækken "
                            "»Fysiske rammer«. I høj grad: 15 kommuner;")
    assert m.alt.endswith("Ikke besvaret: 4 kommuner (Stevns, Ærø, Fanø og Læsø).")
    en = _map(activity, "q3:Fysiske rammer", "en")
    assert "question 3, row “Fysiske rammer”." in en.alt


def test_a_numeric_grid_row_is_a_choropleth_of_its_total(activity: Survey) -> None:
    m = _map(activity, "q1:Antal henvendelser")
    assert m.kind == "choropleth" and m.fig_id == "q01-r1-kort"
    assert m.title == "Aktivitet pr. måned, 1. kvartal 2025 – Antal henvendelser, samlet"
    real = [c for c in m.classes if not c.hatched]
    assert 2 <= len(real) <= 5
    values = placed(activity, "q1:Antal henvendelser").as_dict()
    patches = _faces(m)
    for code, value in values.items():
        cls = m.class_of(code)
        low, _, high = cls.label.partition("–")
        assert float(low) <= float(value) <= float(high or low), code
        assert to_hex(patches[code].get_facecolor()) == cls.colour.lower()
    assert m.class_of(849).hatched  # Jammerbugt left January empty: no total
    assert ("Samlet: summen af Januar, Februar og Marts for de kommuner, der har udfyldt "
            "dem alle") in m.notes
    assert "rækken »Antal henvendelser, samlet«, inddelt i" in m.alt


def test_a_numeric_cell_and_a_one_value_row_need_no_total_note(activity: Survey) -> None:
    cell = _map(activity, "q1:Antal henvendelser:Marts")
    assert cell.fig_id == "q01-r1-k3-kort"
    assert cell.title is not None and cell.title.endswith("– Antal henvendelser, Marts")
    one = _map(activity, "q2:Børn og unge (BUF)")
    assert one.fig_id == "q02-r3-kort" and one.title is not None
    assert one.title.endswith("– Børn og unge (BUF)")
    for m in (cell, one):
        assert not any(n.startswith("Samlet") for n in m.notes)


def test_wanted_keeps_rows_in_questionnaire_order_and_once(activity: Survey) -> None:
    asked = ["q3:Fysiske rammer", " q1 : Antal henvendelser", "q3:Fysiske rammer",
             "q3:Samarbejdet med regionen"]
    assert mapmodel.wanted(activity, asked) == (
        "q1:Antal henvendelser", "q3:Fysiske rammer", "q3:Samarbejdet med regionen")


@pytest.mark.parametrize(("text", "refs"), [
    ("q1,q3:Fysiske rammer", ["q1", "q3:Fysiske rammer"]),
    ("q3:Ledelse, styring og drift,q2:SOF", ["q3:Ledelse, styring og drift", "q2:SOF"]),
    ("q1, q99", ["q1", "q99"]),
])
def test_split_refs_lets_a_row_label_hold_a_comma(activity: Survey, text: str,
                                                  refs: list[str]) -> None:
    assert mapmodel.split_refs(text, activity) == refs
