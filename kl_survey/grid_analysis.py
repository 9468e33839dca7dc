"""Counts, shares, sums and totals of grid questions, computed once like every result.

* A **grid** row is counted exactly as a single-choice question would be (the same
  function, :func:`kl_survey.analysis._single`): each row has its own base, follows the
  question's base rule ("Ved ikke" stays in the base unless the spec says otherwise)
  and has its own yes share when the scale has yes options.
* A **numeric grid** cell gives n, sum, mean, median, quartiles, min and max over
  those who answered it. Row totals ("Samlet") and column totals are sums over the
  respondents who answered every cell (``totals = "complete"``, the default: every
  total then covers the same respondents and the table adds up) or over all answers
  (``"all"``); :attr:`GridResult.complete` says how many answered every cell.
* A derived rate (``[[question.derived]]``) divides two sums exactly, as a fraction;
  the one rounding (half up) happens when it is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from kl_survey.analysis import (
    NumericStats,
    OptionCount,
    QuestionResult,
    YesResult,
    _single,
    numeric_stats,
)
from kl_survey.grid import ONE, cell_keys, cells_answered, split_reference
from kl_survey.model import Derived, QType, Question, Totals


@dataclass(frozen=True)
class GridRow:
    """One row of a grid: counted like a single-choice question."""

    label: str
    base: int
    answered: int
    options: tuple[OptionCount, ...]
    yes: YesResult | None


@dataclass(frozen=True)
class Cell:
    column: str | None  # None: a numeric grid with one value per row
    stats: NumericStats | None  # None: nobody answered the cell


@dataclass(frozen=True)
class Total:
    """A sum and how many respondents it covers."""

    n: int
    sum: float


@dataclass(frozen=True)
class NumericRow:
    label: str
    cells: tuple[Cell, ...]
    total: Total  # "Samlet"


@dataclass(frozen=True)
class ColumnTotal:
    column: str | None
    n: int
    sum: float


@dataclass(frozen=True)
class DerivedResult:
    """``numerator / denominator`` as an exact fraction (None when the denominator is 0)."""

    name: str
    numerator: str
    denominator: str
    numerator_sum: float
    denominator_sum: float

    @property
    def fraction(self) -> Fraction | None:
        if not self.denominator_sum:
            return None
        return _exact(self.numerator_sum) / _exact(self.denominator_sum)

    @property
    def value(self) -> float | None:
        f = self.fraction
        return None if f is None else float(f)


@dataclass(frozen=True)
class GridResult:
    rows: tuple[GridRow, ...] = ()
    numeric_rows: tuple[NumericRow, ...] = ()
    columns: tuple[str, ...] = ()
    column_totals: tuple[ColumnTotal, ...] = ()
    total: Total | None = None  # the table's corner: every cell of every row
    totals: Totals = "complete"
    complete: int = 0  # respondents who answered every cell
    derived: tuple[DerivedResult, ...] = ()


def analyse_grid(q: Question, data: pd.DataFrame, population: int) -> QuestionResult:
    """``data``: the grid's answers for the respondents in the question's population."""
    if q.type is QType.GRID:
        return _likert(q, data, population)
    return _numbers(q, data)


def _likert(q: Question, data: pd.DataFrame, population: int) -> QuestionResult:
    rows = []
    for label in q.rows:
        r = _single(q, data[label], population)
        rows.append(GridRow(label, r.base, r.answered, r.options, r.yes))
    answered = int(cells_answered(data).any(axis=1).sum()) if q.rows else 0
    base = population if q.base.kind == "respondents" else answered
    return QuestionResult(q, base=base, answered=answered, grid=GridResult(rows=tuple(rows)))


def _sum(values: pd.Series, mask: np.ndarray) -> float:
    nums = values.to_numpy(dtype=float, na_value=np.nan)[mask]
    return float(np.nansum(nums)) if len(nums) else 0.0


def _numbers(q: Question, data: pd.DataFrame) -> QuestionResult:
    keys = cell_keys(q.rows, q.grid_columns)
    filled = cells_answered(data[keys]) if keys else np.zeros((len(data), 0), dtype=bool)
    complete = filled.all(axis=1) if keys else np.zeros(len(data), dtype=bool)
    columns = q.grid_columns or (ONE,)
    width = len(columns)

    def total(block: np.ndarray, cells: list[tuple[str, str]]) -> Total:
        """Sum over the cells in ``cells`` (their answered-matrix ``block``)."""
        who = np.asarray(complete if q.totals == "complete" else block.any(axis=1), dtype=bool)
        mask = block & who[:, None]
        return Total(int(who.sum()), sum(_sum(data[k], mask[:, j]) for j, k in enumerate(cells)))

    rows = []
    for i, label in enumerate(q.rows):
        cells = keys[i * width:(i + 1) * width]
        block = filled[:, i * width:(i + 1) * width]
        rows.append(NumericRow(label, tuple(
            Cell(None if c == ONE else c, numeric_stats(data[(label, c)])) for c in columns),
            total(block, cells)))
    col_totals = []
    for j, c in enumerate(columns):
        cells = keys[j::width]
        t = total(filled[:, j::width], cells)
        col_totals.append(ColumnTotal(None if c == ONE else c, t.n, t.sum))
    answered = int(filled.any(axis=1).sum())
    grid = GridResult(numeric_rows=tuple(rows), columns=q.grid_columns,
                      column_totals=tuple(col_totals), total=total(filled, keys),
                      totals=q.totals, complete=int(complete.sum()))
    grid = _with_derived(q, grid)
    return QuestionResult(q, base=answered, answered=answered, grid=grid)


def _with_derived(q: Question, grid: GridResult) -> GridResult:
    from dataclasses import replace

    if not q.derived:
        return grid
    return replace(grid, derived=tuple(_derive(q, grid, d) for d in q.derived))


def _derive(q: Question, grid: GridResult, d: Derived) -> DerivedResult:
    return DerivedResult(d.name, d.numerator, d.denominator, reference_sum(q, grid, d.numerator),
                         reference_sum(q, grid, d.denominator))


def reference_sum(q: Question, grid: GridResult, ref: str) -> float:
    """The sum a reference names: ``"q1:Row"`` a row's total, ``"q1:Row:Column"`` one
    cell's sum. The spec checked the reference when it was read."""
    _qid, row, column = split_reference(ref, q.rows)
    found = next(r for r in grid.numeric_rows if r.label == row)
    if column is None:
        return found.total.sum
    cell = next(c for c in found.cells if c.column == column)
    return cell.stats.sum if cell.stats is not None else 0.0


def _exact(x: float) -> Fraction:
    return Fraction(repr(float(x)))
