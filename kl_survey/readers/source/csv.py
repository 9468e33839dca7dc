"""CSV to a raw table: the delimiter sniffed from the head, the grid read by Arrow.

Ragged files (rows of unequal length, as SurveyXact's comma variant writes them) go
through pandas' C parser instead, padded to the widest row.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.csv as pacsv

from kl_survey.errors import InputError
from kl_survey.messages import msg
from kl_survey.readers.source.csvcheck import check_end, check_quotes, odd_quotes, tail_text
from kl_survey.readers.source.encoding import TEXT_HEAD, Encoding, confirm, decode_marked
from kl_survey.readers.source.limits import (
    SourceOptions,
    check_cells,
    check_columns,
    check_file_size,
)
from kl_survey.readers.source.raw import RawTable, arrow_frame, filled_rows, finish, wrapped
from kl_survey.readers.source.repair import repair_table
from kl_survey.readers.source.sniffing import Sniffed

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

_DELIMITERS = (";", ",", "\t")
#: Arrow's error for a file of one row without a line end (apache/arrow, pandas #62635)
_UNCOUNTED = "cannot infer number of columns"
_SEP_LINE = re.compile(r"sep=([^\r\n])\r?\n")  # Excel's way of naming the delimiter


def _field_counts(text: str, delimiter: str, truncated: bool) -> list[int]:
    """Delimiters outside quotes per record for the first lines of the head."""
    d = re.escape(delimiter)
    unquoted = re.sub(rf'(?m)(?:^|(?<={d}))"(?:[^"]|"")*"', "Q", text)
    lines = unquoted.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if truncated and len(lines) > 1:  # the last line may be cut off, unless it is all there is
        lines = lines[:-1]
    return [line.count(delimiter) for line in lines if line][:200]


def sniff_delimiter(text: str, truncated: bool = False) -> str:
    """The delimiter that splits the first lines most consistently; "," for one column.

    Among candidates within 0.1 of the best consistency the one with more fields wins,
    so a ';' file whose text holds a steady comma is still read as ';'.
    """
    stats: dict[str, tuple[float, int]] = {}
    for delimiter in _DELIMITERS:
        counts = _field_counts(text, delimiter, truncated)
        if counts:
            mode, n = Counter(counts).most_common(1)[0]
            if mode:
                stats[delimiter] = (n / len(counts), mode)
    if not stats:
        return ","
    best = max(share for share, _ in stats.values())
    return max((d for d in stats if stats[d][0] >= best - 0.1), key=lambda d: stats[d][1])


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    skip: int  # lines before the first row: 1 after Excel's "sep=;" line
    width: int  # the usual number of fields per row in the head
    widest: int  # the most fields in any row of the head


def dialect(text: str, truncated: bool) -> Dialect:
    """The dialect from the decoded head.

    Excel's "sep=;" first line names the delimiter; it is skipped, as Excel hides it,
    so row numbers count from the header as the user sees them in Excel.
    """
    if sep := _SEP_LINE.match(text.lstrip("\ufeff")):
        delimiter, skip, text = sep.group(1), 1, text.lstrip("\ufeff")[sep.end():]
    else:
        delimiter, skip = sniff_delimiter(text, truncated=truncated), 0
    counts = _field_counts(text, delimiter, truncated) or [0]
    return Dialect(delimiter, skip, Counter(counts).most_common(1)[0][0] + 1, max(counts) + 1)


def _arrow_csv(source: object, encoding: str, delimiter: str, skip: int, width: int,
               even: bool = False, quoted: bool = True, names: int = 0
               ) -> tuple[pa.Table, int]:
    """Fast path; returns the table and the widest ragged row (0 if none was ragged).
    ``even``: a ragged row fails the read instead. ``quoted``: the file may hold a
    quote (:func:`_may_quote`); without one no value can hold a line break, and Arrow
    splits the file between its threads at any line end. ``names``: the number of
    columns, for a file Arrow cannot count them in (0: Arrow counts the first row)."""
    ragged: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        ragged.append(row.actual_columns)
        return "skip"

    table = pacsv.read_csv(
        source,
        read_options=pacsv.ReadOptions(
            autogenerate_column_names=not names, encoding=encoding, skip_rows=skip,
            column_names=[f"f{i}" for i in range(names)]),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=quoted,
                                         ignore_empty_lines=False,
                                         invalid_row_handler=None if even else on_invalid),
        convert_options=pacsv.ConvertOptions(
            column_types={f"f{i}": pa.large_string() for i in range(width)},  # pandas' own
            strings_can_be_null=True, null_values=[""]),
    )
    return table, max(ragged, default=0)


def read_csv(sniffed: Sniffed, options: SourceOptions) -> RawTable:
    """CSV via pyarrow; ragged files (rows of unequal length) via pandas' C parser, padded.

    A UTF-8 file with stray bytes that are not is parsed from its marked decoding, and
    its rows are then named (or repaired) by :mod:`kl_survey.readers.source.repair`.
    Quoting gone wrong and a cut-off last row are caught by
    :mod:`kl_survey.readers.source.csvcheck`.
    """
    path = sniffed.path
    assert sniffed.text is not None and sniffed.encoding is not None
    check_file_size(path, options.max_bytes)
    form = dialect(sniffed.text, len(sniffed.head) == TEXT_HEAD)
    check_columns(path, form.widest, options.max_columns)  # before Arrow makes them all
    if _utf8_left_to_arrow(sniffed, form):
        try:
            return _read(path, Encoding(sniffed.encoding), form, sniffed.head, options,
                         hoping=True)
        except _Unsure:
            pass  # a byte that is not UTF-8, or a ragged row: read as always
    found = confirm(path, sniffed.head, sniffed.encoding)
    return _read(path, found, form, sniffed.head, options)


def _utf8_left_to_arrow(sniffed: Sniffed, form: Dialect) -> bool:
    """Whether a head that is UTF-8 may go unconfirmed over the rest of the file.

    The hopeful read is Arrow's alone, with no handler for ragged rows: Arrow validates
    every cell it reads as text, so a byte that is not UTF-8 fails it, as does a ragged
    row (whose text Arrow would decode for the handler, printing "Exception ignored" on
    stderr when it is not UTF-8). A failed read is redone the usual way, confirmed
    first; one that succeeds is the very table the usual way gives. That spares a good
    file, nearly every one, a walk over all its bytes (0.15-0.25 s for 500 000 rows).
    Rows skipped before the grid are not read as text: a file with a preamble is
    confirmed first."""
    return sniffed.encoding in ("utf-8", "utf-8-sig") and form.skip == 0


def _read(path: Path, found: Encoding, form: Dialect, head: bytes, options: SourceOptions,
          hoping: bool = False) -> RawTable:
    source: Path | bytes = path
    if found.mixed:
        source = decode_marked(path, found).encode("utf-8")
    codec = "utf-8" if found.mixed else found.name
    with wrapped(path, msg("source.csv-unreadable")):
        frame, broken, filled = _parse(source, path, codec, form, options, hoping)
    table = finish(frame, path, "csv", encoding=found.name, delimiter=form.delimiter,
                   filled=filled)
    plain = _plain_codec(codec, head)
    odd = functools.cache(lambda: odd_quotes(source, plain))
    issues = check_end(table, tail_text(source, plain), form.delimiter, form.width, odd)
    if broken:
        issues = check_quotes(table, form.delimiter, form.width, odd) + issues
    table = replace(table, issues=issues) if issues else table
    return repair_table(table, options.repair_encoding) if found.mixed else table


class _Unsure(InputError):
    """:func:`read_csv`'s hopeful read failed (never leaves it)."""


def _plain_codec(codec: str, head: bytes) -> str:
    """The codec for a slice of the file: no BOM to strip, UTF-16's byte order fixed."""
    if codec == "utf-16":
        return "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    return "utf-8" if codec == "utf-8-sig" else codec


def _parse(source: Path | bytes, path: Path, encoding: str, form: Dialect,
           options: SourceOptions, hoping: bool) -> tuple[pd.DataFrame, bool, np.ndarray | None]:
    """The grid, whether any cell holds a line break, and (from Arrow) the rows that
    hold a value: Arrow first, pandas when rows are ragged (Arrow skips those). The
    column and cell-length limits are checked on the way, before pandas copies
    anything. ``hoping``: the encoding is unconfirmed and rows must not be ragged
    (:func:`_utf8_left_to_arrow`)."""
    arrow_encoding = "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding

    def arrow(columns: int, names: int = 0) -> tuple[pa.Table, int]:
        src = source if isinstance(source, Path) else pa.BufferReader(source)
        try:
            return _arrow_csv(src, arrow_encoding, form.delimiter, form.skip, columns,
                              hoping, quoted, names)
        except pa.ArrowInvalid as exc:  # one row and no line end: Arrow cannot count
            if names or _UNCOUNTED not in str(exc):  # its columns, but the head can
                raise
            return arrow(columns, form.width)

    quoted = _may_quote(source)
    width = form.widest + 64
    try:
        table, widest = arrow(width)
        if table.num_columns > width:  # more columns than typed: read again, all as text
            table, widest = arrow(table.num_columns)
    except (UnicodeDecodeError, pa.ArrowInvalid) as exc:
        if hoping:
            raise _Unsure(msg("source.csv-unreadable"), file=path) from exc
        if isinstance(exc, UnicodeDecodeError) or "UTF8" in str(exc):
            raise InputError(msg("source.bad-chars"), file=path,
                             hint=msg("source.save-csv-utf8")) from exc
        raise
    check_columns(path, max(widest, table.num_columns), options.max_columns)
    if not widest:
        check_cells(path, table.columns, options.max_cell_length)
        broken = any(_has_break(c) for c in table.columns)  # before to_pandas frees them
        filled = filled_rows(table.columns)
        return arrow_frame(table), broken, filled
    import pandas as pd  # ragged rows only (see raw.py on why not at the top)

    src = source if isinstance(source, Path) else io.BytesIO(source)
    try:
        frame = pd.read_csv(src, sep=form.delimiter, header=None, dtype="str",
                            names=range(max(widest, table.num_columns)), keep_default_na=False,
                            na_values=[""], skip_blank_lines=False, encoding=encoding,
                            engine="c", index_col=False, skiprows=form.skip)
    except pd.errors.ParserError as exc:
        if eof := re.search(r"EOF inside string starting at row (\d+)", str(exc)):
            row = int(eof.group(1)) + 1 - form.skip
            raise InputError(msg("source.quote-never-closed"), file=path, row=row,
                             hint=msg("source.fix-quote")) from exc
        raise
    check_cells(path, [pa.array(frame[c]) for c in frame.columns], options.max_cell_length)
    return frame, True, None  # ragged: let the quote check look at every cell


def _may_quote(source: Path | bytes, block: int = 1 << 22) -> bool:
    """Whether the file holds a byte 0x22 (``"``) anywhere: in UTF-8, cp1252 and UTF-16
    the quote cannot be written without one, and a value can only hold a line break
    inside quotes. A file without any is read with Arrow's plain line splitting, which
    gives the same table: 0.2-0.3 s less for 500 000 rows, for a memchr over the file
    in 4 MB blocks (0.04 s; a quoted file usually stops at its header)."""
    if isinstance(source, bytes):
        return b'"' in source
    buf = bytearray(block)
    with source.open("rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            if buf.find(b'"', 0, n) >= 0:
                return True
    return False


def _has_break(column: pa.ChunkedArray) -> bool:
    """Whether a string column may hold a line break, from Arrow's data buffers (a memchr
    over bytes: ten times faster than numpy, and nothing to do per cell)."""
    for chunk in column.chunks:
        data = chunk.buffers()[2]
        if data is not None and data.size:
            raw = data.to_pybytes()
            if raw.find(b"\n") >= 0 or raw.find(b"\r") >= 0:
                return True
    return False
