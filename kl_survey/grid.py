"""How grid answers are stored, and what every stage asks of any question's answers.

A grid (``QType.GRID``) is one question whose rows share one set of options: its
answers are a DataFrame with one Categorical column per row, named by the row label.
A numeric grid (``QType.NUMERIC_GRID``) holds numbers in rows x columns (measures x
months): a Float64 DataFrame whose columns are ``(row, column)`` pairs in row order,
so ``data[(row, column)]`` is one cell's answers and the source columns
(``Question.columns``) follow the same order. A grid of one number per row (the
SUF/SOF/BUF split) has no column labels; its cells use :data:`ONE`.

Several stages only need to know whether a respondent answered a question at all;
:func:`answered` says so for every kind of answers, so none of them has to know that
a DataFrame is not always ticks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

#: The column label of a numeric grid with one value per row.
ONE = ""


def cell_keys(rows: Sequence[str], columns: Sequence[str]) -> list[tuple[str, str]]:
    """``(row, column)`` for every cell, row by row: the order of the answers' columns."""
    return [(r, c) for r in rows for c in (columns or (ONE,))]


def numeric_frame(cells: Sequence[np.ndarray | pd.Series], rows: Sequence[str],
                  columns: Sequence[str], n: int) -> pd.DataFrame:
    """A numeric grid's answers from one array of numbers per cell (row by row)."""
    keys = cell_keys(rows, columns)
    assert len(keys) == len(cells), (len(keys), len(cells))
    data = {k: pd.array(np.asarray(c, dtype=float), dtype="Float64")
            for k, c in zip(keys, cells, strict=True)}
    frame = pd.DataFrame(data, index=pd.RangeIndex(n))
    frame.columns = pd.MultiIndex.from_tuples(keys, names=["row", "column"])
    return frame


def is_tick_frame(data: pd.DataFrame) -> bool:
    """A multi-select's answers (one bool column per option), not a grid's."""
    return all(pd.api.types.is_bool_dtype(t) for t in data.dtypes)


def answered(data: pd.Series | pd.DataFrame) -> np.ndarray:
    """Per respondent: did they answer anything (a tick, a grid row, a cell, a value)?"""
    if isinstance(data, pd.Series):
        return np.asarray(data.notna().to_numpy(dtype=bool), dtype=bool)
    if is_tick_frame(data):
        return np.asarray(data.to_numpy(dtype=bool).any(axis=1), dtype=bool)
    return np.asarray(data.notna().to_numpy(dtype=bool).any(axis=1), dtype=bool)


def cells_answered(data: pd.DataFrame) -> np.ndarray:
    """A respondents x cells bool matrix: which cells of a grid hold an answer."""
    return np.asarray(data.notna().to_numpy(dtype=bool), dtype=bool)


def split_reference(ref: str, rows: Sequence[str] = ()) -> tuple[str, str, str | None]:
    """A derived rate's reference: ``"q1:Antal henvendelser"`` → ``("q1", "Antal
    henvendelser", None)``; a third part names a column. A row label (one of ``rows``)
    may hold colons; a question id may not."""
    qid, _, rest = ref.partition(":")
    row, sep, column = rest.rpartition(":")
    if not sep or rest.strip() in rows:
        return qid.strip(), rest.strip(), None
    return qid.strip(), row.strip(), column.strip()
