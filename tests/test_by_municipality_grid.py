"""A grid row's answers by municipality: ``placed(survey, "q3:Fysiske rammer")``.

Rows are named as the spec's derived rates name them (``id:Row``, ``id:Row:Column``);
the expectations are read from the survey's answers row by row, not from ``placed``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kl_survey import by_municipality as bm
from kl_survey.model import Survey
from kl_survey.pipeline import LoadOptions, load

from paths import EXAMPLE_Q1_DIR

ROWS = ("q3:Rekruttering af medarbejdere, q3:Fysiske rammer, q3:Samarbejdet med regionen, "
        "q3:Kendskabet til tilbuddet blandt borgerne")


@pytest.fixture(scope="module")
def activity() -> Survey:
    return load(EXAMPLE_Q1_DIR / "responses.xlsx",
                LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml")).survey


def _by_code(survey: Survey) -> list[int]:
    return [int(c) for c in survey.respondents["municipality"]]


def test_a_likert_row_places_each_municipalitys_answer_in_that_row(activity: Survey) -> None:
    found = bm.placed(activity, "q3:Fysiske rammer")
    assert (found.qid, found.row, found.column) == ("q3", "Fysiske rammer", None)
    column = activity.answers["q3"]["Fysiske rammer"]
    expected = {code: str(a) for code, a in zip(_by_code(activity), column, strict=True)
                if isinstance(a, str)}
    assert found.as_dict() == expected
    assert len(expected) == 94 and "Ved ikke" in expected.values()


def test_rows_are_matched_ignoring_case_and_spaces(activity: Survey) -> None:
    assert bm.placed(activity, "q3: fysiske RAMMER ").row == "Fysiske rammer"


def test_a_numeric_row_is_its_total_over_municipalities_that_filled_every_month(
        activity: Survey) -> None:
    """totals = "complete" (the example's rule): Jammerbugt (849) left January empty, so
    it has no total for Antal henvendelser; its other rows still count."""
    found = bm.placed(activity, "q1:Antal henvendelser")
    data = activity.answers["q1"]
    expected = {}
    for i, code in enumerate(_by_code(activity)):
        months = [data[("Antal henvendelser", m)].iloc[i] for m in ("Januar", "Februar", "Marts")]
        if not any(pd.isna(v) for v in months):
            expected[code] = float(sum(months))
    assert found.as_dict() == expected
    assert found.as_dict()[101] == 198.0  # Tabel 1's Samlet for København
    assert 849 not in found.as_dict()
    assert 849 in bm.placed(activity, "q1:Antal fysiske forsamtaler").as_dict()


def test_a_numeric_cell_and_a_one_value_row(activity: Survey) -> None:
    assert bm.placed(activity, "q1:Antal henvendelser:Marts").as_dict()[101] == 102.0
    assert bm.placed(activity, "q1:antal henvendelser:januar").column == "Januar"
    assert bm.placed(activity, "q2:Sundhed og omsorg (SUF)").as_dict()[101] == 11.0


@pytest.mark.parametrize(("ref", "da", "en"), [
    ("q3", "Spørgsmål 3 er et gitter; vælg én række til kortet som spørgsmål:række, fx "
           f"»q3:Rekruttering af medarbejdere«. Rækkerne hedder {ROWS}.",
     "Question 3 is a grid; choose one row for the map as question:row, e.g. "
     f"“q3:Rekruttering af medarbejdere”. The rows are {ROWS}."),
    ("q3:Ledelse", f"Spørgsmål 3 har ingen række »Ledelse«. Rækkerne hedder {ROWS}.",
     f"Question 3 has no row “Ledelse”. The rows are {ROWS}."),
    ("q1:Antal henvendelser:April",
     "Spørgsmål 1 har ingen kolonne »April«. Kolonnerne hedder Januar, Februar, Marts; uden "
     "kolonne, fx »q1:Antal henvendelser«, viser kortet rækkens samlede tal.",
     "Question 1 has no column “April”. The columns are Januar, Februar, Marts; without a "
     "column, e.g. “q1:Antal henvendelser”, the map shows the row's total."),
])
def test_a_grid_without_a_known_row_is_refused_with_the_rows(activity: Survey, ref: str,
                                                             da: str, en: str) -> None:
    with pytest.raises(bm.MapNotPossible) as err:
        bm.placed(activity, ref)
    assert err.value.one_line("da") == da
    assert err.value.one_line("en") == en


def test_a_row_of_a_question_that_is_no_grid_is_refused() -> None:
    from paths import EXAMPLE, EXAMPLE_DIR

    survey = load(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml")).survey
    with pytest.raises(bm.MapNotPossible) as err:
        bm.placed(survey, "q1:Ja")
    assert err.value.one_line() == ("Spørgsmål 1 er ikke et gitter, så »q1:Ja« kan ikke vælge "
                                    "en række. Skriv blot q1.")
