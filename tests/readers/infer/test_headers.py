"""Headers: question numbers, column groups, and telling a document from a survey."""

from __future__ import annotations

import pandas as pd

from kl_survey.readers.infer import Column, Numberer, group_columns, looks_like_prose
from kl_survey.readers.infer.headers import EXPRESSION, split_number


def _cols(headers: list[str]) -> list[Column]:
    return [Column.of(i, h, pd.Series([], dtype="str")) for i, h in enumerate(headers)]


def test_numberer_uses_prefixes_when_free() -> None:
    n = Numberer()
    got = [n.next(t) for t in ["2. To", "Uden nummer", "2. Igen", "Spm. 7: Syv"]]
    assert got == [(2, "To"), (3, "Uden nummer"), (4, "Igen"), (7, "Syv")]
    assert split_number("Q12) Tolv") == (12, "Tolv")


def test_three_header_styles_group_adjacent_columns() -> None:
    headers = ["Kommune", "Q - A", "Q - B", "R [x]", "R [y]", "S: 1", "S: 2", "Q - C"]
    groups = group_columns(_cols(headers))
    assert [(g.text, g.labels) for g in groups] == [
        ("Kommune", ("",)), ("Q", ("A", "B")), ("R", ("x", "y")), ("S", ("1", "2")),
        ("Q - C", ("",))]


def test_expressions_are_recognised() -> None:
    assert EXPRESSION.match("{sum(R2.relevanceStatus, R3.relevanceStatus)}")
    assert not EXPRESSION.match("Hvor mange {antal}?")


def _body(rows: list[list[str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, dtype="str")


def test_a_document_is_prose_and_a_sparse_survey_is_not() -> None:
    """Case 7: README.md read as CSV has one header cell and mostly one-cell rows."""
    prose = _body([["Det første afsnit", None], ["fortsætter her", None],
                   ["Et andet afsnit", " med komma"], ["og slutter", None]])
    assert looks_like_prose(["# kl-survey", ""], prose)
    sparse = _body([["Aarhus", None], ["Odense", None], ["Vejle", "Fint"]])
    assert not looks_like_prose(["Kommune", "Bemærkninger"], sparse)
    assert not looks_like_prose(["Er I i gang?", ""], prose)  # a question header
    assert not looks_like_prose(["Tidsstempel", ""], prose)  # a tool's column
