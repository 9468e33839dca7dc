"""A grid's answers from its source columns, for :class:`~.builder.SurveyBuilder`.

Both kinds are stored as :mod:`kl_survey.grid` lays them out: a grid as one
Categorical column per row over the options pooled from every row (so each row can
be counted against the same list), a numeric grid as one Float64 column per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kl_survey.grid import cell_keys, numeric_frame
from kl_survey.readers.infer import Column, order_options
from kl_survey.readers.infer.numeric import read_numbers


def grid_frame(members: Sequence[tuple[Column, str]], n: int,
               options: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], pd.DataFrame]:
    """The options (``options`` first, then any other answer given) and one Categorical
    column per row, named by the row label."""
    counts: dict[str, int] = {}
    for column, _ in members:
        for value, k in zip(column.distinct(), column.counts.tolist(), strict=True):
            counts[value] = counts.get(value, 0) + int(k)
    opts = tuple(options) if options is not None else order_options(list(counts), counts)
    opts = opts + tuple(v for v in counts if v not in opts)
    position = {o: i for i, o in enumerate(opts)}
    dtype = pd.CategoricalDtype(list(opts))
    data: dict[str, pd.Categorical] = {}
    for column, label in members:
        remap = np.array([position[v] for v in column.distinct()] + [-1], dtype=np.int64)
        data[label] = pd.Categorical.from_codes(remap[column.codes], dtype=dtype)
    return opts, pd.DataFrame(data, index=pd.RangeIndex(n))


@dataclass(frozen=True)
class NumericCells:
    """A numeric grid's answers, the cells that held no number (as written, else NA),
    and per cell the rows whose number was an estimate ("ca. 20")."""

    frame: pd.DataFrame
    unparsed: pd.DataFrame | None
    approximate: tuple[np.ndarray, ...]


def numeric_cells(cells: Sequence[Column], rows: Sequence[str], columns: Sequence[str],
                  n: int) -> NumericCells:
    read = [read_numbers(c) for c in cells]
    frame = numeric_frame([r.values for r in read], rows, columns, n)
    unparsed = None
    if any(r.bad.any() for r in read):
        texts = {key: c.values.where(r.bad).reset_index(drop=True)
                 for key, c, r in zip(cell_keys(rows, columns), cells, read, strict=True)}
        unparsed = pd.DataFrame(texts, index=pd.RangeIndex(n))
        unparsed.columns = frame.columns
    return NumericCells(frame, unparsed, tuple(r.approximate for r in read))
