"""Tick columns: every tool's words for chosen and not chosen, decided per distinct value."""

from __future__ import annotations

import pandas as pd
import pytest

from kl_survey.readers.infer import Column, is_tick_column, tick_frame, tick_values


def _col(values: list[str | None], name: str = "Q") -> Column:
    return Column.of(7, name, pd.Series(values, dtype="str"))


@pytest.mark.parametrize("word", ["x", "X", "1", "Ja", "Valgt", "Y", "Yes", "true", "checked",
                                  "1.0", "Selected"])
def test_every_tools_tick_word_is_a_tick(word: str) -> None:
    """Regression: ``checked`` was a tick to one reader and an answer to another."""
    assert is_tick_column(_col([word, None]), "Mail")


@pytest.mark.parametrize("word", ["0", "Nej", "Ikke valgt", "No", "N/A", "unchecked", "-"])
def test_every_tools_not_ticked_word_is_no_tick(word: str) -> None:
    chosen, _ = tick_values(_col([word, "x"]), "Mail")
    assert chosen.tolist() == [False, True]


def test_a_scale_is_not_a_tick_column_but_other_text_is() -> None:
    assert not is_tick_column(_col(["Enig", "Uenig"]), "Samarbejdet virker")
    assert is_tick_column(_col(["Via lokalavisen", None]), "Andet, angiv")
    assert is_tick_column(_col(["Telefon", None]), "Telefon")  # the option's own label


def test_tick_values_decides_per_distinct_value() -> None:
    chosen, other = tick_values(_col(["X", None, " x ", "Nej", "fri tekst", "", "Valgt"]),
                                "Andet")
    assert chosen.tolist() == [True, False, True, False, True, False, True]
    assert other.isna().tolist() == [True, True, True, True, False, True, True]
    plain, none = tick_values(_col(["X", None]))
    assert plain.tolist() == [True, False] and none.isna().all() and none.dtype == "str"


def test_tick_frame_keeps_other_text_from_any_option() -> None:
    chosen, other = tick_frame([(_col(["x", None, "x"]), "Mail"),
                                (_col([None, "Brev til borgmesteren", None]), "Andet")])
    assert chosen.to_dict("list") == {"Mail": [True, False, True], "Andet": [False, True, False]}
    assert other.tolist()[1] == "Brev til borgmesteren"


@pytest.mark.parametrize("dtype", ["str", object])
def test_tick_frame_takes_each_rows_first_written_text(dtype: object) -> None:
    """Text written under two options: the first option's wins, row by row, in Arrow as in
    pandas; with no text anywhere the other text is all blank (and still ``str``)."""
    def col(values: list[str | None], name: str) -> Column:
        return Column.of(0, name, pd.Series(values, dtype=dtype))  # type: ignore[call-overload]

    _, other = tick_frame([(col(["x", None, "x", None], "Mail"), "Mail"),
                           (col(["mere", None, "x", None], "Tlf"), "Andet, angiv"),
                           (col(["anden", "brev", None, None], "Brev"), "Andet")])
    assert other.tolist()[:2] == ["mere", "brev"] and other.isna().tolist() == [False, False,
                                                                                True, True]
    assert other.index.equals(pd.RangeIndex(4)) and other.dtype == "str"
    _, blank = tick_frame([(col(["x", None], "Mail"), "Mail"), (col([None, "X"], "Tlf"), "Tlf")])
    assert blank.isna().all() and blank.dtype == "str" and blank.name == "Mail"
