"""Per-column work done once: a text column's distinct values and its cleaned form.

Readers look at the same column several times (does it name municipalities? is it a
tick column? numeric? then add it), and at 500 000 rows every look is a hash pass.
The results for the last columns seen are memoised, keyed by the addresses of the
column's Arrow buffers: those are immutable and the memo holds them alive, so an
equal key means equal content, whichever pandas object wraps them.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa

MEMO_SIZE = 64  # columns: a sheet is read in two passes (municipality, then questions)
PREFETCH_CELLS = 2_000_000


class Entry:
    """What is known about one Arrow string column (filled in lazily by callers)."""

    __slots__ = ("array", "cleaned", "codes", "uniques")

    def __init__(self, array: pa.ChunkedArray) -> None:
        self.array = array  # holds the buffers, so the key stays valid
        self.cleaned: pa.ChunkedArray | None = None
        self.codes: np.ndarray | None = None
        self.uniques: pd.Index | None = None


_MEMO: OrderedDict[tuple[object, ...], Entry] = OrderedDict()
_LOCK = threading.Lock()


def arrow_strings(s: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow array behind a pyarrow-backed ``str`` Series, without a copy (else None)."""
    values = s.array
    if isinstance(values, pd.arrays.ArrowStringArray):
        return values.__arrow_array__()
    return None


def entry(s: pd.Series, arr: pa.ChunkedArray) -> Entry:
    """The memo entry for ``s`` (whose Arrow data is ``arr``), created if new."""
    key: list[object] = [str(s.dtype)]
    for chunk in arr.chunks:
        key += [chunk.offset, len(chunk)]
        key += [b.address if b is not None else 0 for b in chunk.buffers()]
    with _LOCK:
        found = _MEMO.get(tuple(key))
        if found is not None:
            _MEMO.move_to_end(tuple(key))
            return found
        made = _MEMO[tuple(key)] = Entry(arr)
        if len(_MEMO) > MEMO_SIZE:
            _MEMO.popitem(last=False)
        return made


def factorize(s: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """``pd.factorize(s)``: codes (-1 for NA) and the distinct values in order of first
    appearance, computed once per column. The codes are read-only (shared)."""
    arr = arrow_strings(s)
    if arr is None:
        return pd.factorize(s)
    memo = entry(s, arr)
    found = memo.codes, memo.uniques
    if found[0] is not None and found[1] is not None:
        return found[0], found[1]
    codes, uniques = pd.factorize(s)
    if len(codes) < 2**31:  # half the memory while it is kept
        codes = codes.astype(np.int32)
    codes.flags.writeable = False
    memo.codes, memo.uniques = codes, uniques  # one assignment: threads see both or none
    return codes, uniques


def prefetch(columns: list[pd.Series]) -> None:
    """Factorize big columns on all cores at once: Arrow's hashing releases the GIL,
    and a 500 000 x 60 sheet spends a second on it. Small sheets are not worth a pool."""
    columns = columns[:MEMO_SIZE]
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or sum(len(c) for c in columns) < PREFETCH_CELLS:
        return
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(factorize, columns))


def clear() -> None:
    """Drop the memo (tests; or to free the columns after a read)."""
    _MEMO.clear()
