"""CSV to a raw table: the delimiter sniffed from the head, the grid read by Arrow.

Ragged files (rows of unequal length, as SurveyXact's comma variant writes them) go
through pandas' C parser instead, padded to the widest row.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from kl_survey.errors import InputError
from kl_survey.readers.source.encoding import BAD_CHARS, TEXT_HEAD, confirm, decode_marked
from kl_survey.readers.source.limits import SourceOptions, check_file_size
from kl_survey.readers.source.raw import RawTable, arrow_frame, finish, wrapped
from kl_survey.readers.source.repair import repair_table
from kl_survey.readers.source.sniffing import Sniffed

_DELIMITERS = (";", ",", "\t")
_SEP_LINE = re.compile(r"sep=([^\r\n])\r?\n")  # Excel's way of naming the delimiter


def _field_counts(text: str, delimiter: str, truncated: bool) -> list[int]:
    """Delimiters outside quotes per record for the first lines of the head."""
    d = re.escape(delimiter)
    unquoted = re.sub(rf'(?m)(?:^|(?<={d}))"(?:[^"]|"")*"', "Q", text)
    lines = unquoted.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if truncated:
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


def dialect(text: str, truncated: bool) -> tuple[str, int, int]:
    """(delimiter, lines to skip, widest row of the head) from the decoded head.

    Excel's "sep=;" first line names the delimiter; it is skipped, as Excel hides it,
    so row numbers count from the header as the user sees them in Excel.
    """
    if sep := _SEP_LINE.match(text.lstrip("\ufeff")):
        delimiter, skip, text = sep.group(1), 1, text.lstrip("\ufeff")[sep.end():]
    else:
        delimiter, skip = sniff_delimiter(text, truncated=truncated), 0
    return delimiter, skip, max(_field_counts(text, delimiter, truncated), default=0) + 1


def _arrow_csv(source: object, encoding: str, delimiter: str, skip: int,
               width: int) -> tuple[pa.Table, int]:
    """Fast path; returns the table and the widest ragged row (0 if none was ragged)."""
    ragged: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        ragged.append(row.actual_columns)
        return "skip"

    table = pacsv.read_csv(
        source,
        read_options=pacsv.ReadOptions(autogenerate_column_names=True, encoding=encoding,
                                       skip_rows=skip),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                         ignore_empty_lines=False, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(
            column_types={f"f{i}": pa.large_string() for i in range(width)},  # pandas' own
            strings_can_be_null=True, null_values=[""]),
    )
    return table, max(ragged, default=0)


def read_csv(sniffed: Sniffed, options: SourceOptions) -> RawTable:
    """CSV via pyarrow; ragged files (rows of unequal length) via pandas' C parser, padded.

    A UTF-8 file with stray bytes that are not is parsed from its marked decoding, and
    its rows are then named (or repaired) by :mod:`kl_survey.readers.source.repair`.
    """
    path = sniffed.path
    assert sniffed.text is not None and sniffed.encoding is not None
    check_file_size(path, options.max_bytes)
    found = confirm(path, sniffed.head, sniffed.encoding)
    delimiter, skip, widest_head = dialect(sniffed.text, len(sniffed.head) == TEXT_HEAD)
    data = decode_marked(path, found).encode("utf-8") if found.mixed else None
    encoding = "utf-8" if data is not None else found.name
    hint = "Tjek at filen er en CSV-eksport, eller eksportér den igen"
    with wrapped(path, "Filen kan ikke læses som CSV", hint):
        frame = _parse(path if data is None else data, encoding, delimiter, skip,
                       widest_head + 64)
    table = finish(frame, path, "csv", encoding=found.name, delimiter=delimiter)
    return repair_table(table, options.repair_encoding) if found.mixed else table


def _parse(source: Path | bytes, encoding: str, delimiter: str, skip: int,
           width: int) -> pd.DataFrame:
    """The grid: Arrow first, pandas when rows are ragged (Arrow skips those)."""
    arrow_encoding = "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding

    def arrow(columns: int) -> tuple[pa.Table, int]:
        src = source if isinstance(source, Path) else pa.BufferReader(source)
        return _arrow_csv(src, arrow_encoding, delimiter, skip, columns)

    try:
        table, widest = arrow(width)
        if table.num_columns > width:  # more columns than typed: read again, all as text
            table, widest = arrow(table.num_columns)
    except (UnicodeDecodeError, pa.ArrowInvalid) as exc:
        if isinstance(exc, UnicodeDecodeError) or "UTF8" in str(exc):
            raise InputError(BAD_CHARS, file=source if isinstance(source, Path) else None,
                             hint="Gem filen som CSV UTF-8") from exc
        raise
    if not widest:
        return arrow_frame(table)
    src = source if isinstance(source, Path) else io.BytesIO(source)
    return pd.read_csv(src, sep=delimiter, header=None, names=range(max(widest, table.num_columns)),
                       dtype="str", keep_default_na=False, na_values=[""],
                       skip_blank_lines=False, encoding=encoding, engine="c", index_col=False,
                       skiprows=skip)
