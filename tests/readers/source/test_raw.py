"""The raw table's helpers: row numbers kept when empty rows go, Excel's column names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kl_survey.errors import InputError, KlSurveyError, UnsafeInputError
from kl_survey.readers.source.raw import column_letter, finish, wrapped


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
