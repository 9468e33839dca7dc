"""The municipality column: named by its header whatever its values, else by its values."""

from __future__ import annotations

import pandas as pd

from kl_survey.readers.infer import Column, find_municipality

MESSY = ["Aalborg Kommune", "Aalborg", "Kommune X", "Århus", "Høje Taastrup", "Kobenhavn",
         "Lyngby"]


def _col(i: int, header: str, values: list[str | None]) -> Column:
    return Column.of(i, header, pd.Series(values, dtype="str"))


def test_a_kommune_header_names_the_column_whatever_its_values() -> None:
    """Case 8 / issue 10 #3: 5 of 7 match (71 %), under the 80 % the content rule needs."""
    for header in ("Kommune", "Kommunenavn", "Kommunekode", "Municipality", " KOMMUNE "):
        cols = [_col(0, "Svar", ["Ja"] * 7), _col(1, header, MESSY)]
        assert find_municipality(cols) is cols[1], header


def test_without_such_a_header_the_values_decide() -> None:
    good = ["Aarhus", "Odense", "Vejle", "Aalborg", "Kommune X"]
    cols = [_col(0, "Hvor svarer du fra?", good), _col(1, "Hvilken kommune?", MESSY)]
    assert find_municipality(cols) is cols[0]  # 80 % of its values are municipalities
    assert find_municipality([_col(0, "Q", MESSY)]) is None
    assert find_municipality([_col(0, "Q", ["Aarhus", "Odense"])]) is None  # too few


def test_a_tool_can_name_columns_by_more_than_the_header() -> None:
    cols = [_col(0, "Q0", MESSY)]
    assert find_municipality(cols, [("Q0", "Kommune")]) is cols[0]


def test_a_big_free_text_column_is_ruled_out_from_a_sample() -> None:
    text = [f"svar nummer {i}" for i in range(20_000)]
    assert find_municipality([_col(0, "Q", text)]) is None
