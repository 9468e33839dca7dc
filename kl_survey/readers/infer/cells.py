"""Columns cleaned once, at the boundary between the raw table and inference.

Every tool pads labels with stray spaces, NBSPs and newlines. A :class:`Column` is made
once per source column: its cells are cleaned in one Arrow pass and its distinct
values found once, on demand, and every later look (is it the municipality? ticks?
numbers? then the answers themselves) reuses them. The object lives as long as the
read that made it, so nothing is cached across reads.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kl_survey import cores
from kl_survey.readers.source import may_contain
from kl_survey.vocabulary import ANY_METADATA, key

_WS = re.compile(r"\s+")
# Python's \s (str.isspace) spelt out for RE2, because RE2's own \s misses \v, \x1c-\x1f,
# NBSP and the Unicode spaces; pyarrow then cleans a column in C++, not cell by cell.
_NON_SPACE_WS = (r"\x{9}-\x{d}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}"
                 r"\x{2029}\x{202f}\x{205f}\x{3000}")
#: Python's ``\s`` for RE2 (a test checks every code point)
RE2_SPACE = f"[ {_NON_SPACE_WS}]"
_WS_RUN = f"{RE2_SPACE}+"
# A cell :func:`clean_label` would change: a whitespace character other than the space,
# a double space, or a space at either end. Matching is cheaper than replacing, and
# most columns are clean already.
_DIRTY = f"^ | $|  |[{_NON_SPACE_WS}]"
PREFETCH_CELLS = 2_000_000  # below this a thread pool costs more than it saves


def clean_label(value: object) -> str:
    """Strip and fold all whitespace (newlines, NBSP, tabs) to single spaces."""
    return _WS.sub(" ", str(value).replace("\u00a0", " ")).strip()


def arrow_strings(s: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow array behind a pyarrow-backed ``str`` Series, without a copy (else None)."""
    values = s.array
    if isinstance(values, pd.arrays.ArrowStringArray):
        return values.__arrow_array__()
    return None


def any_contains(values: pd.Index, text: str) -> bool:
    """Whether any of ``values`` contains ``text``.

    Arrow-backed values are screened first with one byte search over their data
    (:func:`~kl_survey.readers.source.may_contain`): a comment column asked for a
    list separator it never holds costs 0.3 ms instead of Arrow's 4 ms per 20 000
    answers. Only a hit there is confirmed value by value."""
    arr = values.array
    if (isinstance(arr, pd.arrays.ArrowStringArray)
            and not may_contain(arr.__arrow_array__(), text.encode())):
        return False
    return bool(values.str.contains(text, regex=False).any())


def clean_series(s: pd.Series, distinct: bool = False) -> pd.Series:
    """Vectorised :func:`clean_label` that keeps NA and turns blank cells into NA;
    ``distinct``: the values are known to differ (no need to find the distinct ones)."""
    s = s.astype("str") if s.dtype == object else s
    arr = arrow_strings(s)
    if arr is None:  # not Arrow-backed: pandas' (per-cell) regex path
        out = s.str.replace(r"\s+", " ", regex=True).str.strip()
        return out.mask(out == "")
    cleaned = _clean_arrow(arr, distinct)
    if cleaned is arr:
        return s
    return pd.Series(cleaned, dtype=s.dtype, index=s.index, name=s.name)


def _clean_arrow(arr: pa.ChunkedArray, unique: bool = False) -> pa.ChunkedArray:
    """One C++ pass, and only when a distinct value needs it (most columns are clean)."""
    distinct = arr if unique else pc.unique(arr)
    if pc.any(pc.match_substring_regex(distinct, _DIRTY)).as_py():
        arr = pc.utf8_trim(pc.replace_substring_regex(arr, _WS_RUN, " "), " ")
    elif not pc.any(pc.equal(distinct, "")).as_py():
        return arr
    blank = pc.equal(arr, "")
    if pc.any(blank).as_py():
        arr = pc.if_else(blank, pa.scalar(None, arr.type), arr)
    return arr


def factorize(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """``pd.factorize`` (codes in order of first appearance, -1 for NA) of an Arrow-backed
    column straight from Arrow's dictionary encoding: a fifth faster than pandas' route
    to the same encoding, and all of it releases the GIL, so :func:`prefetch`'s threads
    really run side by side."""
    arr = arrow_strings(values)
    if arr is None:
        return pd.factorize(values)
    encoded = pc.dictionary_encode(arr, null_encoding="mask").combine_chunks()
    codes = encoded.indices.fill_null(-1).to_numpy()
    return codes, pd.Index(pd.array(encoded.dictionary, dtype=values.dtype))


def letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


class _Factorized(NamedTuple):
    codes: np.ndarray
    uniques: pd.Index
    changed: bool  # cleaning merged or blanked some values
    counts: np.ndarray


@dataclass(eq=False)
class Column:
    """One source column: where it stood, its header, and its cells as read.

    Cleaning and finding the distinct values happen once, together and on demand
    (:attr:`codes`, :attr:`uniques`): the cells are factorized as read, only the few
    distinct values are cleaned, and equal-after-cleaning values are merged. Every
    decision is made on the distinct values; :attr:`values` rebuilds the cleaned
    cells only for the answers that need them (free text).
    """

    index: int
    header: str
    raw: pd.Series

    @classmethod
    def of(cls, index: int, header: object, values: pd.Series) -> Column:
        text = clean_label(header) if isinstance(header, str) else ""
        raw = values.astype("str") if values.dtype == object else values
        return cls(index, text, raw.reset_index(drop=True))

    @property
    def letter(self) -> str:
        return letter(self.index)

    @property
    def name(self) -> str:
        """The header, or "Kolonne F" for a column whose header cell is empty."""
        return self.header or f"Kolonne {self.letter}"

    def __len__(self) -> int:
        return len(self.raw)

    @property
    def _factorized(self) -> _Factorized:
        """Found once, and kept as a plain attribute: a ``cached_property`` holds one lock
        for every instance of the class before Python 3.12, so :func:`prefetch`'s threads
        took turns (1.2 s on two threads as on one, for 60 columns at 500 000 rows)."""
        made: _Factorized | None = self.__dict__.get("_made")
        if made is None:
            made = self.__dict__["_made"] = self._factorize()
        return made

    def _factorize(self) -> _Factorized:
        """Codes, distinct values and their counts together, so that :func:`prefetch`'s
        threads count them too (0.4 ms a column at 100 000 rows, else on the one thread
        that infers)."""
        codes, uniques = factorize(self.raw)
        distinct = pd.Series(uniques, dtype=self.raw.dtype)
        cleaned = clean_series(distinct, distinct=True)  # factorize's uniques
        changed = cleaned is not distinct
        if changed:  # merge values that differ only in spacing; blanks become -1
            merged, uniques = pd.factorize(cleaned)
            codes = np.append(merged, -1)[codes]
        if len(codes) < 2**31:  # half the memory while it is kept
            codes = codes.astype(np.int32, copy=False)
        codes.flags.writeable = False
        # shifted past the blanks' -1, not masked: a mask and a compressed copy cost
        # three times this (28 ms against 15 ms of CPU for 100 000 x 60)
        counts = np.bincount(codes + 1, minlength=len(uniques) + 1)[1:]
        return _Factorized(codes, uniques, changed, counts)

    @property
    def codes(self) -> np.ndarray:
        """Per row, the index of its value in :attr:`uniques`; -1 for a blank cell."""
        return self._factorized[0]

    @property
    def uniques(self) -> pd.Index:
        """Distinct non-blank cleaned values in order of first appearance."""
        return self._factorized[1]

    @cached_property
    def values(self) -> pd.Series:
        """The cleaned cells (NA = blank), a ``str`` Series over the body rows."""
        codes, uniques, changed, _ = self._factorized
        if not changed:
            return self.raw
        taken = uniques.array.take(codes.astype(np.intp), allow_fill=True)
        return pd.Series(taken, dtype=self.raw.dtype, name=self.raw.name)

    @property
    def counts(self) -> np.ndarray:
        """How many rows hold each of :attr:`uniques`."""
        return self._factorized.counts

    def distinct(self) -> list[str]:
        """:attr:`uniques` as Python strings (made once: several inferences ask)."""
        return list(self._distinct)

    @cached_property
    def _distinct(self) -> tuple[str, ...]:
        values = self.uniques.tolist()
        if isinstance(self.uniques.dtype, pd.StringDtype):  # str already: no copy per value
            return tuple(values)  # (0.12 s for 400 000 free-text answers)
        return tuple(str(v) for v in values)

    def pick(self, positions: np.ndarray) -> list[str]:
        """The distinct values at ``positions`` (of :attr:`uniques`), as Python strings."""
        made: tuple[str, ...] | None = self.__dict__.get("_distinct")
        if made is not None:
            return [made[int(i)] for i in positions]
        values = self.uniques[positions].tolist()
        if isinstance(self.uniques.dtype, pd.StringDtype):
            return values
        return [str(v) for v in values]

    def with_values(self, values: pd.Series) -> Column:
        """The same place and header over other cells (rows kept, codes replaced)."""
        return Column.of(self.index, self.header, values)


def columns_of(header: Sequence[object], body: pd.DataFrame) -> list[Column]:
    """Every column of a raw grid, cleaned once; ``header`` gives their header cells."""
    out = [Column.of(i, header[i] if i < len(header) else None, body[key])
           for i, key in enumerate(body.columns)]
    prefetch(out)
    return out


def _size(column: Column) -> int:
    """Bytes of text in a column: what hashing it costs, near enough."""
    arr = arrow_strings(column.raw)
    return arr.nbytes if arr is not None else len(column)


def prefetch(columns: Sequence[Column]) -> None:
    """Find distinct values of big columns on all cores at once: Arrow's hashing releases
    the GIL, and a 500 000 x 60 sheet spends a second on it. Small sheets skip the pool.

    Bookkeeping columns (a header any tool uses for one, :data:`ANY_METADATA`) are left
    to be found if asked for: an id or a timestamp is all distinct values, the costliest
    column to hash (0.33 s each at 500 000 rows), and no reader looks at their values.

    The biggest columns go first, so the free text (last in most exports, and ten times
    a closed question's cost) is not left to one thread at the end."""
    if not cores.spare() or sum(len(c) for c in columns) < PREFETCH_CELLS:
        return
    workers = min(os.cpu_count() or 2, 4)
    wanted = sorted((c for c in columns if key(c.header) not in ANY_METADATA),
                    key=_size, reverse=True)
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda c: c.codes, wanted))
