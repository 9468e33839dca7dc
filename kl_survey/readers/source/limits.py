"""The input limits: what a real export never reaches, and the one way each is refused.

A limit guards a resource (disk, memory, time) against a file that is hostile or
broken; every refusal says which limit it hit and which option raises it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.errors import KlSurveyError, UnsafeInputError
from kl_survey.messages import Text, language, msg
from kl_survey.readers.source.raw import column_letter

if TYPE_CHECKING:  # imported where cells are checked: a read can start before pyarrow is
    import pyarrow as pa  # imported (kl_survey.readers.source.ahead)

DEFAULT_MAX_BYTES = 3 * 1024**3  # real 500 000-row sheets inflate to under 1 GB
#: estimated peak for reading a workbook; 500 000 x 60 needs about 2,4 GB
DEFAULT_MAX_MEMORY = 3 * 1024**3
#: the widest real export seen has 317 columns; 16 384 (Excel's most) took a minute
DEFAULT_MAX_COLUMNS = 2_000
#: Excel's own limit for one cell; the longest real answer seen has about 1 000
DEFAULT_MAX_CELL_LENGTH = 32_767


def size_text(n: int) -> str:
    """Human-sized byte count for messages: ``3,0 GB`` in Danish, ``3.0 GB`` in English."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            text = f"{n / scale:.1f} {unit}"
            return text.replace(".", ",") if language() == "da" else text
    return f"{n} bytes"


def too_big(path: Path, size: int, max_bytes: int, what: Text) -> UnsafeInputError:
    """The one refusal for size (``what``: on disk, or unpacked); the hint names the flag
    that lifts the limit."""
    return UnsafeInputError(
        msg("source.too-big", size=size_text(size), what=what, limit=size_text(max_bytes)),
        file=path)


def check_file_size(path: Path, max_bytes: int) -> None:
    """Refuse a csv/xls/html file larger than max_bytes on disk."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_big(path, size, max_bytes, msg("source.too-big.on-disk"))


@dataclass(frozen=True)
class SourceOptions:
    """How the source layer reads: its limits, and whether to repair a stray encoding."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_memory: int = DEFAULT_MAX_MEMORY
    max_columns: int = DEFAULT_MAX_COLUMNS
    max_cell_length: int = DEFAULT_MAX_CELL_LENGTH
    #: read bytes that are not UTF-8, in an otherwise UTF-8 file, as Windows-1252
    repair_encoding: bool = False

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
                raise KlSurveyError(msg("source.bad-limit", name=f.name, value=value))


def number_text(n: int) -> str:
    """Thousands in the current language: 16.384 in Danish, 16,384 in English."""
    return f"{n:,}".replace(",", ".") if language() == "da" else f"{n:,}"


def check_columns(path: Path, columns: int, limit: int, sheet: str | None = None) -> None:
    """Refuse a table wider than any real export, before its columns are converted."""
    if columns > limit:
        raise UnsafeInputError(
            msg("source.too-many-columns", n=number_text(columns), limit=number_text(limit)),
            file=path, sheet=sheet)


def check_cells(path: Path, columns: list[pa.Array | pa.ChunkedArray], limit: int, *,
                sheet: str | None = None, first_row: int = 1,
                suspects: Collection[int] | None = None) -> None:
    """Refuse a cell longer than ``limit`` characters (Excel's own maximum by default).

    A chunk whose text buffer is no longer than the limit cannot hold such a cell, which
    skips nearly every chunk of an Arrow CSV read; elsewhere byte lengths come first, and
    characters are counted only where a cell could exceed the limit. ``suspects``: the
    only columns that may (:func:`may_exceed`, asked already), else all of them.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for index, column in enumerate(columns):
        if suspects is not None and index not in suspects:
            continue
        offset = 0
        for chunk in column.chunks if isinstance(column, pa.ChunkedArray) else [column]:
            if _may_exceed(chunk, limit):
                lengths = pc.fill_null(pc.utf8_length(chunk), 0).to_numpy()
                if lengths.max() > limit:
                    raise _too_long(path, int(lengths.max()), limit, sheet,
                                    offset + int(lengths.argmax()) + first_row, index)
            offset += len(chunk)


def may_exceed(column: pa.Array | pa.ChunkedArray, limit: int) -> bool:
    """Whether a column may hold a cell over ``limit`` characters (its bytes say so)."""
    import pyarrow as pa

    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    return any(_may_exceed(chunk, limit) for chunk in chunks)


def _may_exceed(chunk: pa.Array, limit: int) -> bool:
    """The longest slot in bytes, from the offsets: a tenth of the cost of Arrow's
    ``binary_length`` (a null slot may have a length of its own; that only sends the
    column on to :func:`check_cells`)."""
    import numpy as np
    import pyarrow as pa

    large = pa.types.is_large_string(chunk.type)
    if not len(chunk) or not (large or pa.types.is_string(chunk.type)):
        return False
    data = chunk.buffers()[2]
    if data is None or data.size <= limit:
        return False
    offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64 if large else np.int32)
    return bool(np.diff(offsets[chunk.offset:chunk.offset + len(chunk) + 1]).max() > limit)


def _too_long(path: Path, length: int, limit: int, sheet: str | None, row: int,
              column: int) -> UnsafeInputError:
    return UnsafeInputError(
        msg("source.cell-too-long", n=number_text(length), limit=number_text(limit),
            excel=number_text(DEFAULT_MAX_CELL_LENGTH)),
        file=path, sheet=sheet, row=row, column=column_letter(column))
