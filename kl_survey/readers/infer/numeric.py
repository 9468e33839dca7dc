"""A number column's cells read: numbers, estimates ("ca. 20") and what is no number.

Danish and English numbers are read as :func:`~.profile.parse_numbers` reads them, once
per distinct value; ``1.234`` alone is ambiguous, and is read the Danish way (1234)
unless the column writes its decimals with a dot elsewhere (``2.5``), when it is 1.234.
A number after an estimating word ("ca. 20", "omkring 12,5") is counted as the number
and marked, so ``validate`` can list it as approximate; anything else that is no
number (``12-15``, ``—``, a date) is kept as written, never counted and never read as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from kl_survey.numbers import parse_approximate, parse_number
from kl_survey.readers.infer.cells import Column
from kl_survey.readers.infer.profile import parse_numbers


@dataclass(frozen=True)
class Numbers:
    """Per row: the number (NaN: none), whether it was an estimate, whether the cell
    held text that is no number."""

    values: np.ndarray
    approximate: np.ndarray
    bad: np.ndarray


_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_DOT_DECIMAL = re.compile(r"^[+-]?\d+\.(?:\d{1,2}|\d{4,})$")


def read_numbers(column: Column) -> Numbers:
    distinct = column.distinct()
    exact = parse_numbers(distinct)
    ambiguous = [i for i, v in enumerate(distinct) if _AMBIGUOUS.match(v.strip())]
    if ambiguous and not any(_DOT_DECIMAL.match(v.strip()) for v in distinct):
        for i in ambiguous:  # no dot decimals in the column: a Danish thousands dot
            exact[i] = parse_number(distinct[i]) or np.nan
    guess = np.array([parse_approximate(v) if np.isnan(x) else None
                      for v, x in zip(distinct, exact.tolist(), strict=True)], dtype=object)
    is_guess = np.array([g is not None for g in guess], dtype=bool)
    value = np.where(is_guess, np.array([g if g is not None else np.nan for g in guess],
                                        dtype=float), exact)
    codes = column.codes
    per_row = np.append(value, np.nan)[codes]  # code -1 (blank) → NaN
    approx = np.append(is_guess, False)[codes]
    bad = np.isnan(per_row) & (codes >= 0)
    return Numbers(per_row, approx, bad)
