"""The raw table every reader above builds on, and the helpers that finish one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.errors import InputError, KlSurveyError
from kl_survey.issues import Issue
from kl_survey.messages import Text, msg

# pandas, numpy and pyarrow are imported where a frame is made: the source layer can
# then start parsing a file while they are still being imported (source/ahead.py)
if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pyarrow as pa


@dataclass(frozen=True)
class RawTable:
    """A sheet or CSV as a grid of untouched strings; ``rows`` maps back to what users see."""

    frame: pd.DataFrame
    rows: tuple[int, ...]
    file: str
    kind: str
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    #: non-fatal findings (a repaired row, a cut-off last row), for Survey.issues
    issues: tuple[Issue, ...] = ()


@contextmanager
def wrapped(
    path: Path, message: str, hint: str | None = None, sheet: str | None = None
) -> Iterator[None]:
    """Turn any third-party failure into one InputError (ours pass through). The hint is
    ``hint``, else the message's catalogue hint, else "save or export the file again"."""
    try:
        yield
    except KlSurveyError:
        raise
    except Exception as exc:
        if hint is None and not (isinstance(message, Text) and message.hint()):
            hint = msg("source.reexport")
        raise InputError(message, file=path, sheet=sheet, hint=hint) from exc


def arrow_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow string columns to pandas "str" columns, named 0..n-1."""
    import pandas as pd

    if table.num_columns == 0:
        return pd.DataFrame(index=pd.RangeIndex(0))
    frame = table.to_pandas(split_blocks=True, self_destruct=True)
    frame.columns = pd.RangeIndex(len(frame.columns))
    return frame


def filled_rows(columns: list[pa.ChunkedArray]) -> np.ndarray | None:
    """The rows where any of the Arrow ``columns`` holds a value, for :func:`finish`,
    from Arrow's validity bitmaps: one column with no empty cell (an export's respondent
    id or timestamp) settles it at once. None without a column (``finish`` decides)."""
    import numpy as np
    import pyarrow.compute as pc

    if not columns:
        return None
    if any(column.null_count == 0 for column in columns):
        return np.ones(len(columns[0]), bool)
    keep = pc.is_valid(columns[0])
    for column in columns[1:]:
        keep = pc.or_(keep, pc.is_valid(column))
    return np.asarray(keep.to_numpy(zero_copy_only=False), bool)


def finish(frame: pd.DataFrame, path: Path, kind: str, *, sheet: str | None = None,
           encoding: str | None = None, delimiter: str | None = None,
           filled: np.ndarray | None = None) -> RawTable:
    """Drop wholly empty rows but remember each kept row's 1-based number. ``filled``:
    the rows that hold a value, when the reader found them already."""
    import numpy as np

    keep = filled
    if keep is None:
        keep = np.zeros(len(frame), bool)
        for _, column in frame.items():  # column by column: no 500 000 x 60 bool frame
            keep |= column.notna().to_numpy()
    rows = tuple((np.flatnonzero(keep) + 1).tolist())
    frame = frame[keep] if not keep.all() else frame  # a filter copies every column
    frame = frame.reset_index(drop=True)
    return RawTable(frame, rows, str(path), kind, sheet, encoding, delimiter)


#: bytes of a column's data searched at a time by :func:`may_contain`
SEARCH_BLOCK = 1 << 20


def may_contain(column: pa.Array | pa.ChunkedArray, text: bytes) -> bool:
    """Whether ``text`` may occur in a string column's cells, told from the bytes of its
    data at memchr speed (Arrow's per-cell search runs at about 0.6 GB/s). False means
    no cell holds it; True only that one may: a hit may straddle two cells or lie in the
    part of a buffer a slice leaves out, so a caller confirms cell by cell. The data is
    searched a block at a time (overlapping by ``len(text) - 1``), so a 60 MB column of
    comments is not copied whole."""
    chunks = column.chunks if hasattr(column, "chunks") else [column]
    for chunk in chunks:
        buffers = chunk.buffers()
        data = buffers[2] if len(buffers) > 2 else None
        if data is None:
            continue
        view = memoryview(data)
        overlap = max(len(text) - 1, 0)
        for start in range(0, len(view), SEARCH_BLOCK):
            if text in view[start:start + SEARCH_BLOCK + overlap].tobytes():
                return True
    return False


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column: A … Z, AA …, as the user sees a CSV in Excel."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
