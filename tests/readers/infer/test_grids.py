"""When a header group's rows are one grid question (infer/grids.py)."""

from __future__ import annotations

import pandas as pd

from kl_survey.model import QType
from kl_survey.readers.infer import Column, find_grid, infer_group
from kl_survey.readers.infer.grids import dash_split, numeric_layout

SCALE = ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke"]


def _cols(*values: list[str | None]) -> list[Column]:
    return [Column.of(i, f"h{i}", pd.Series(v, dtype="str")) for i, v in enumerate(values)]


def _plan(labels: list[str], *values: list[str | None], text: str = "Q"):  # type: ignore[no-untyped-def]
    cols = _cols(*values)
    return find_grid(labels, infer_group(cols), text)


def test_rows_answered_from_one_list_are_a_grid_and_free_text_stays_out() -> None:
    likert = [SCALE[i % 4] for i in range(12)]
    other = [f"Vi gør {i} ting" for i in range(12)]
    plan = _plan(["A", "B", "Andet"], likert, likert[::-1], other)
    assert plan is not None
    assert (plan.qtype, plan.members, plan.rows) == (QType.GRID, (0, 1), ("A", "B"))


def test_an_empty_row_stays_with_its_grid() -> None:
    likert = [SCALE[i % 4] for i in range(12)]
    plan = _plan(["A", "B", "C"], likert, likert[::-1], [None] * 12)
    assert plan is not None and plan.members == (0, 1, 2)


def test_numbers_in_row_column_cells_are_rows_by_columns() -> None:
    labels = ["Henvendelser - Jan", "Henvendelser - Feb", "Screening - Jan", "Screening - Feb"]
    values = [[str(10 * k + i * 7) for i in range(12)] for k in range(4)]
    plan = _plan(labels, *values)
    assert plan is not None and plan.qtype is QType.NUMERIC_GRID
    assert (plan.rows, plan.columns) == (("Henvendelser", "Screening"), ("Jan", "Feb"))


def test_months_alone_are_one_row_over_the_months_else_one_number_per_row() -> None:
    assert numeric_layout(["Januar", "Februar"], [0, 1], "Henvendelser").rows == (
        "Henvendelser",)
    plan = numeric_layout(["SUF", "SOF", "BUF"], [0, 1, 2], "Forløb")
    assert (plan.rows, plan.columns) == (("SUF", "SOF", "BUF"), ())
    ragged = numeric_layout(["A - Jan", "A - Feb", "B - Jan"], [0, 1, 2], "Q")
    assert ragged.columns == () and ragged.rows == ("A - Jan", "A - Feb", "B - Jan")


def test_small_counts_beside_rows_of_numbers_are_counts() -> None:
    big = [str(20 + i * 9) for i in range(12)]
    small = [str(i % 3) for i in range(12)]  # 0-2 alone would read as a scale's codes
    plan = _plan(["A - Jan", "B - Jan"], big, small)
    assert plan is not None and plan.qtype is QType.NUMERIC_GRID


def test_one_row_is_no_grid_and_dash_split_needs_both_sides() -> None:
    assert _plan(["A", "B"], [SCALE[0]] * 12, [f"fri tekst {i}" for i in range(12)]) is None
    assert dash_split("Antal - Januar") == ("Antal", "Januar")
    assert dash_split("Antal") is None and dash_split(" - Januar") is None
