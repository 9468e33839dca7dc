"""What a column's answers look like, measured once over its distinct values.

A :class:`Profile` holds the distinct non-blank answers and how many respondents gave
each; every statistic the type rules use comes from that, so a 500 000-row column
costs what its few hundred distinct answers cost. Numbers are read in Danish and
English formats (``1.234,5`` and ``1,234.5``), once per distinct value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kl_survey.numbers import parse_number
from kl_survey.readers.infer.cells import Column

# Cells that might be a number in some locale (digits, separators, sign, %): what
# float() cannot read goes to the Danish and English parser only if it looks like this.
_NUMBERISH = r"[+-]?[\d.,  \u00a0]*\d[\d.,  \u00a0]*%?"
_NUMBERISH_RX = re.compile(_NUMBERISH)
# Dates and times as tools write them: 2025-05-19, 19.05.2025, 5/19/2025 9:07 AM,
# 2025/05/19 9:07:00 AM CEST, 12:30.
_DATE = re.compile(
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?"
    r"(?:\s*[A-Z]{2,5}|Z|[+-]\d\d:?\d\d)?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?")


#: a finite number has a decimal digit (RE2's are Python's and Unicode 15's new ones)
_DIGIT_RE2 = r"\p{Nd}"


def _matches(values: pa.Array, pattern: str) -> np.ndarray:
    found = pc.match_substring_regex(values, pattern)
    return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool)


_CHUNK = 1_000  # distinct values tested at a time by Profile.at_least
_SMALL = 256  # below this many values, parsing each beats screening them in C first


@dataclass(frozen=True, eq=False)
class Profile:
    """Distinct non-blank answers (first-appearance order) and their respondent counts.

    A column's profile reads its answers as Python strings only when a rule asks for
    all of them (:attr:`values`): a free-text column is told apart by its counts and
    the first chunk or two of :meth:`at_least`, and making its 20 000 distinct answers
    Python strings cost more than every rule together (5 ms a column)."""

    counts: np.ndarray = field(repr=False)
    given: tuple[str, ...] | None = None
    column: Column | None = field(default=None, repr=False)
    _verdicts: dict[tuple[float, object], bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, column: Column) -> Profile:
        return cls(column.counts, column=column)

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> Profile:
        return cls(np.fromiter(counts.values(), dtype=np.int64, count=len(counts)),
                   tuple(counts))

    @cached_property
    def values(self) -> tuple[str, ...]:
        if self.given is not None or self.column is None:
            return self.given or ()
        return tuple(self.column.distinct())

    def _pick(self, positions: np.ndarray) -> list[str]:
        """The values at ``positions``, without making the others Python strings."""
        if "values" in self.__dict__ or self.column is None:
            return [self.values[int(i)] for i in positions]
        return self.column.pick(positions)

    @cached_property
    def _order(self) -> np.ndarray:
        """Positions, most frequent value first (ties in first-appearance order)."""
        return np.argsort(-self.counts, kind="stable")

    @classmethod
    def pooled(cls, profiles: Iterable[Profile]) -> Profile:
        """One profile over several columns' answers (the rows of one array question)."""
        total: dict[str, int] = {}
        for p in profiles:
            for v, n in zip(p.values, p.counts.tolist(), strict=True):
                total[v] = total.get(v, 0) + n
        return cls.from_counts(total)

    def as_dict(self) -> dict[str, int]:
        return dict(zip(self.values, self.counts.tolist(), strict=True))

    @property
    def answers(self) -> int:
        """Non-blank cells."""
        return int(self.counts.sum())

    @property
    def distinct(self) -> int:
        return len(self.counts)

    @property
    def singletons(self) -> int:
        """Answers given by exactly one respondent."""
        return int((self.counts == 1).sum())

    def share(self, mask: np.ndarray) -> float:
        """Share of answers (respondents, not distinct values) where ``mask`` holds."""
        answers = self.answers
        return float(self.counts[mask].sum()) / answers if answers else 0.0

    def at_least(self, share: float, test: Callable[[list[str]], np.ndarray]) -> bool:
        """Whether ``test`` holds for at least ``share`` of the answers.

        Distinct values are tested most frequent first, a chunk at a time, and the
        count stops as soon as the misses alone decide: a free-text column with
        500 000 different answers is ruled out after its first chunk.
        """
        found = self._verdicts.get((share, test))
        if found is None:
            found = self._verdicts[(share, test)] = self._at_least(share, test)
        return found

    def _at_least(self, share: float, test: Callable[[list[str]], np.ndarray]) -> bool:
        answers = self.answers
        if not answers:
            return False
        allowed = (1.0 - share) * answers + 1e-9
        order = self._order
        missed = 0
        for start in range(0, len(order), _CHUNK):
            chunk = order[start:start + _CHUNK]
            passed = test(self._pick(chunk))
            missed += int(self.counts[chunk][~passed].sum())
            if missed > allowed:
                return False
        return True

    @cached_property
    def numbers(self) -> np.ndarray:
        """Each distinct value as a number (NaN where it is none), Danish or English."""
        return parse_numbers(self.values)

    @property
    def integers(self) -> bool:
        """Every value that is a number is a whole number."""
        nums = self.numbers[~np.isnan(self.numbers)]
        return bool((nums == np.round(nums)).all())


def is_number(values: Sequence[str]) -> np.ndarray:
    return ~np.isnan(parse_numbers(values))


def is_date(values: Sequence[str]) -> np.ndarray:
    """Dates and times as tools write them (see ``_DATE``), in Python's ``re`` for any
    number of values: RE2 compiles this pattern (Unicode digit tables) on every call,
    0.6-0.7 ms, and Python's cached pattern tests a chunk of :meth:`Profile.at_least`'s
    1 000 values in 0.15-0.8 ms."""
    return np.fromiter((bool(_DATE.fullmatch(v)) for v in values), dtype=bool,
                       count=len(values))


def parse_numbers(values: Sequence[str]) -> np.ndarray:
    """Danish and English numbers, one value at a time: ``float`` reads the plain ones,
    :func:`kl_survey.numbers.parse_number` the rest (``1.234,5``, ``12,5``, ``40 %``).

    A long list is screened in C first, and only values with a digit are parsed: free
    text without one costs one match. pandas' ``to_numeric`` on the rest was slower
    than ``float`` one by one (pandas 3.1: 90 ms against 23 ms for 100 000 whole
    numbers, 5 ms against 2 ms for 1 000 comments with a digit)."""
    if len(values) <= _SMALL:
        return np.fromiter((_number(v) for v in values), dtype=float, count=len(values))
    digits = np.flatnonzero(_matches(pa.array(values, pa.large_string()), _DIGIT_RE2))
    out = np.full(len(values), np.nan)
    out[digits] = np.fromiter((_number(values[i]) for i in digits.tolist()), dtype=float,
                              count=len(digits))
    return out


def _number(text: str) -> float:
    if text[:1].isalpha():  # a word: float() reads only "inf" and "nan" so, no numbers
        return math.nan  # here, and the exception it raises costs more than the test
    try:
        value = float(text) if "_" not in text else math.nan
    except ValueError:
        parsed = parse_number(text) if _NUMBERISH_RX.fullmatch(text) else None
        value = parsed if parsed is not None else math.nan
    return value if math.isfinite(value) else math.nan
