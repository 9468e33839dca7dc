"""The typeset: one predicate per type, the first that holds wins, the tool's word is law.

Each case is a column shape met in a real export (issue 9's numbered cases).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kl_survey.model import QType
from kl_survey.readers.infer import ANY, CHOICE, COLUMN_TYPES, TYPED, Column, infer, infer_group
from kl_survey.readers.infer.profile import Profile
from kl_survey.readers.infer.rules import MAX_OPTIONS

LONG = ["Ja, tilbuddet er fuldt implementeret i hele kommunen, og alle medarbejdere i "
        "forvaltningen, på skolerne og i sundhedsplejen er informeret om det " + "x" * 150,
        "Nej, men kommunalbestyrelsen har besluttet at etablere det, og der er afsat midler "
        "i budgettet for det kommende år",
        "Delvist: tilbuddet er i drift i dele af kommunen, og resten følger i løbet af 2025"]


def _col(values: list[str | None], header: str = "Q") -> Column:
    return Column.of(0, header, pd.Series(values, dtype="str"))


def _type(values: list[str | None], allowed: frozenset[QType] = ANY,
          seps: tuple[str, ...] = ()) -> QType:
    return infer(_col(values), allowed, seps).qtype


def test_long_labels_with_few_distinct_answers_are_single_choice() -> None:
    """Case 1: 2-5 distinct answers of 72-290 characters among 86 respondents."""
    values = [LONG[i % 3] for i in range(86)]
    assert max(len(v) for v in values) > 250
    assert _type(values) is QType.SINGLE


@pytest.mark.parametrize("values", [
    [f"Major {i}" for i in range(60)],  # more distinct answers than any option list
    [f"Svar {i}" for i in range(14)],  # 14 different remarks
    ["Virginia"] * 21 + ["Maryland"] * 5 + ["United States"] * 5 + ["virginia"] * 4
    + [f"Place {i}" for i in range(30)],  # mostly repeated, but a third are one-offs
    ["Vi mangler psykologer"],  # one comment among many respondents
])
def test_free_text_is_text(values: list[str]) -> None:
    """Case 2: short answers where most are distinct are text, not 88 options."""
    assert _type(values) is QType.TEXT


def test_dates_are_text_not_options() -> None:
    dates = ["2025-05-12", "2025-05-13", "2025-05-12", "2025-05-14"] * 6
    assert _type(dates) is QType.TEXT
    stamps = ["5/19/2025 9:07 AM", "5/19/2025 9:12 AM", "2025/05/19 9:07:00 AM CEST"] * 5
    assert _type(stamps) is QType.TEXT


def test_a_slider_is_numeric_and_a_rating_scale_is_single() -> None:
    """Case 3: 0-100 sliders (63-91 distinct integers) are numbers; 1-7 codes a scale."""
    slider = [str((i * 37 + 11) % 101) for i in range(120)]
    assert 63 <= len(set(slider)) <= 101
    assert _type(slider) is QType.NUMERIC
    assert _type([str(1 + i % 7) for i in range(50)]) is QType.SINGLE
    assert _type(["2,5", "3", "1,5", "4"] * 5) is QType.NUMERIC  # decimals: quantities


def test_a_few_unreadable_numbers_keep_the_column_numeric() -> None:
    values = [str(i) for i in range(1, 40)] + ["ca. 40"]
    assert _type(values) is QType.NUMERIC
    assert _type([str(i) for i in range(1, 10)] + ["Ved ikke"] * 5) is not QType.NUMERIC


def test_the_tool_decides_what_it_knows() -> None:
    """A Qualtrics choice question is never text; a typed-in answer never options."""
    free = [f"Svar {i}" for i in range(30)]
    assert _type(free, CHOICE) is QType.SINGLE
    assert _type(["Ja", "Nej"] * 10, TYPED) is QType.TEXT
    assert _type([str(1 + i % 5) for i in range(40)], TYPED) is QType.NUMERIC
    assert _type([], TYPED) is QType.TEXT
    assert _type([]) is QType.SINGLE


def test_joined_options_need_the_tools_separator() -> None:
    """Case 4: ``yellow,black`` is a multi-select when the tool joins with ","."""
    cells = ["yellow,black", "black,green", "green", "blue,red", "yellow,green,blue", "green"]
    assert _type(cells, CHOICE, (",",)) is QType.MULTI
    assert _type(cells, CHOICE) is QType.SINGLE
    verdict = infer(_col(cells), CHOICE, (",",))
    assert verdict.cells is not None and verdict.rule == "options joined in one cell"


def test_typeset_is_documented_and_ends_with_a_type_that_always_holds() -> None:
    assert [t.name for t in COLUMN_TYPES] == ["empty", "dates", "scale", "numeric", "text",
                                              "single"]
    assert all(t.rule for t in COLUMN_TYPES)
    assert COLUMN_TYPES[-1].holds(Profile.from_counts({"x": 1}))
    assert MAX_OPTIONS == 50


def test_array_rows_are_typed_with_the_rows_that_share_their_words() -> None:
    """A five-answer row of a rating array is a list because its neighbours say so; the
    "Other, please specify" row of the same array stays free text."""
    scale = ["very poor", "poor", "fair", "good", "very good"]
    rows = [_col([scale[(i * k) % 5] for i in range(30)]) for k in (1, 2, 3)]
    thin = _col(["fair", "good", "very poor", "poor", "very good"])  # alone: all one-offs
    other = _col([f"Eget svar {i}" for i in range(8)])
    verdicts = infer_group([*rows, thin, other], frozenset({QType.SINGLE, QType.NUMERIC,
                                                            QType.TEXT}))
    assert [v.qtype for v in verdicts] == [QType.SINGLE] * 4 + [QType.TEXT]
    assert infer(thin).qtype is QType.TEXT  # what the row alone would have been
