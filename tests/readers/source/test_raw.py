"""The raw table's helpers: row numbers kept when empty rows go, Excel's column names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kl_survey.errors import InputError, KlSurveyError, UnsafeInputError
from kl_survey.readers.source import raw
from kl_survey.readers.source.raw import (
    column_letter,
    filled_rows,
    finish,
    may_contain,
    wrapped,
)


def test_finish_drops_empty_rows_and_keeps_their_numbers() -> None:
    frame = pd.DataFrame({0: ["a", None, "b", None], 1: [None, None, "c", None]}, dtype="str")
    table = finish(frame, Path("x.csv"), "csv", delimiter=";")
    assert table.rows == (1, 3)
    assert table.frame[0].tolist() == ["a", "b"]
    assert (table.kind, table.delimiter, table.issues) == ("csv", ";", ())


def test_wrapped_turns_foreign_errors_into_one_input_error() -> None:
    with pytest.raises(InputError) as info, wrapped(Path("f.xlsx"), "Kan ikke læses", "Prøv igen"):
        raise ValueError("calamine: bad zip")
    assert info.value.one_line() == "f.xlsx: Kan ikke læses. Prøv igen."
    with pytest.raises(UnsafeInputError), wrapped(Path("f.xlsx"), "x"):
        raise UnsafeInputError("bombe")  # ours pass through unchanged
    assert issubclass(UnsafeInputError, KlSurveyError)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from(["", " ", "ja"])),
                         min_size=3, max_size=3), min_size=1, max_size=30))
def test_filled_rows_agree_with_finish_s_own_look(rows: list[list[str | None]]) -> None:
    """Arrow's bitmaps (and the short cut of a column with no empty cell) find the same
    rows as looking at the frame; chunked columns as Arrow's CSV reader makes them."""
    columns = [pa.chunked_array([pa.array([r[i] for r in rows[:5]], pa.large_string()),
                                 pa.array([r[i] for r in rows[5:]], pa.large_string())])
               for i in range(3)]
    frame = pd.DataFrame({i: pd.Series([r[i] for r in rows], dtype="str") for i in range(3)})
    assert finish(frame, Path("x.csv"), "csv", filled=filled_rows(columns)).rows == \
        finish(frame, Path("x.csv"), "csv").rows


def test_filled_rows_without_columns_is_for_finish_to_decide() -> None:
    assert filled_rows([]) is None


@given(st.lists(st.one_of(st.none(), st.text(alphabet="a:;æ ", max_size=5)), max_size=8),
       st.text(alphabet="a:;æ ", min_size=1, max_size=3), st.integers(0, 8),
       st.sampled_from([1, 2, 3, 5, raw.SEARCH_BLOCK]))
def test_may_contain_never_misses_a_cell_that_holds_the_text(
        cells: list[str | None], text: str, start: int, block: int) -> None:
    """The byte screen may say "may" for text split over two cells, never "no" for a
    cell that holds it: plain, sliced and chunked, and across the blocks it searches."""
    arr = pa.array(cells, pa.large_string())
    start = min(start, len(cells))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(raw, "SEARCH_BLOCK", block)
        for column in (arr, arr.slice(start), pa.chunked_array([arr[:start], arr[start:]])):
            held = any(v is not None and text in v for v in column.to_pylist())
            assert may_contain(column, text.encode()) or not held
    assert not may_contain(pa.array(["a;", None], pa.string()), b":")
    assert may_contain(pa.array(["a:", "b"]).slice(1), b":")  # outside the slice: "may"
