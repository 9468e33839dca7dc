"""Malformed CSV: an unbalanced quote that swallows rows, a last row cut off.

Both parsers accept such files without a word: a quote opened by mistake runs on over
the next line breaks until another quote closes it, so four respondents become one,
and a download cut off mid-row still counts its half row. These checks run after the
parse. Where answers would be lost the read is refused; where a row is only damaged,
it is a warning with its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kl_survey.errors import InputError
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import msg, plural
from kl_survey.readers.source.raw import RawTable, column_letter

if TYPE_CHECKING:
    import pandas as pd

TAIL = 64 * 1024
_BREAK = re.compile(r"\r\n|\n|\r")
_QUOTED = r'(?:^|(?<={d}))"(?:[^"]|"")*"'


def fields_in(line: str, delimiter: str) -> int:
    """Fields of one line, delimiters inside quoted fields not counted."""
    return re.sub(_QUOTED.format(d=re.escape(delimiter)), "Q", line).count(delimiter) + 1


def check_quotes(table: RawTable, delimiter: str, width: int,
                 odd_quotes: Callable[[], bool]) -> tuple[Issue, ...]:
    """Cells whose later lines look like whole rows were rows, swallowed by a quote.

    A line looks like a row when it has exactly the header's number of fields (three or
    more); the cell's last line is credited with the fields that follow the cell in its
    record. Such a file is valid CSV, so this is a judgement: when the lines also start
    as the other rows do (with a respondent number or a date), answers would be lost and
    the read is refused; otherwise two or more such lines are an error-level finding
    (``validate`` fails, ``analyze`` says so), and one is a warning. A quote that never
    closes (an odd number in the file) swallows the rest of the file: refused.
    """
    issues: list[Issue] = []
    frame, last = table.frame, len(table.frame) - 1
    keys = _key_shape(frame)
    for col, name in enumerate(frame.columns):
        broken = frame[name].str.contains(r"[\r\n]", regex=True).fillna(False).to_numpy(bool)
        for i in np.flatnonzero(broken).tolist():
            cell, row = str(frame.iat[i, col]), table.rows[i]
            lines = [line for line in _BREAK.split(cell)[1:] if line.strip()]
            if i == last and cell.endswith(("\n", "\r")) and odd_quotes():
                raise _swallowed(table, row, plural(len(lines), "source.quote-swallows-rest"))
            rows = _row_like(lines, delimiter, width, width - 1 - col)
            keyed = rows and _start_like_rows(lines, delimiter, keys)
            if rows >= 2 and keyed:
                raise _swallowed(table, row, msg("source.quote-swallows-rows", n=rows))
            if rows >= 2 or keyed:
                issues.append(_suspect(table, row, col, rows))
    return tuple(issues)


def _suspect(table: RawTable, row: int, col: int, rows: int) -> Issue:
    return Issue(Severity.ERROR if rows >= 2 else Severity.WARNING, "csv-quote-suspect",
                 plural(rows, "issue.csv-quote-suspect"),
                 Where(file=Path(table.file).name, row=row, column=column_letter(col)),
                 msg("source.fix-quote"))


def _row_like(lines: list[str], delimiter: str, width: int, after: int) -> int:
    """How many of a cell's later lines look like whole rows (0 if any does not)."""
    if width < 3 or not lines:
        return 0
    counts = [line.count(delimiter) + 1 for line in lines]
    counts[-1] += after
    return len(lines) if all(c == width for c in counts) else 0


_SHAPES = (re.compile(r"\d+"), re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T][\d:.]+)?"))


def _key_shape(frame: pd.DataFrame) -> re.Pattern[str] | None:
    """The shape every first cell below the header has (a respondent number, a date), or
    None when the first column holds ordinary text."""
    if frame.shape[1] == 0 or len(frame) < 3:
        return None
    values = frame[frame.columns[0]].iloc[1:].dropna().astype(str).str.strip()
    for shape in _SHAPES:
        if len(values) and values.str.fullmatch(shape.pattern).all():
            return shape
    return None


def _start_like_rows(lines: list[str], delimiter: str, keys: re.Pattern[str] | None) -> bool:
    """Whether every line starts as the rows do (with an id or a date): prose with a stray
    delimiter in it does not."""
    return keys is not None and all(
        keys.fullmatch(line.split(delimiter, 1)[0].strip()) is not None for line in lines)


def _swallowed(table: RawTable, row: int, message: str) -> InputError:
    return InputError(message, file=table.file, row=row, hint=msg("source.fix-quote"))


def check_end(table: RawTable, tail: str, delimiter: str, width: int,
              odd_quotes: Callable[[], bool]) -> tuple[Issue, ...]:
    """A file that ends without a line break, in a row shorter than the header or inside
    a quoted field, was cut off (an interrupted download or copy): a warning."""
    if not tail or tail.endswith(("\n", "\r")) or not table.rows:
        return ()
    last = _BREAK.split(tail)[-1]
    if last.count('"') % 2 == 0 and (fields := fields_in(last, delimiter)) < width:
        reason = msg("issue.csv-row-cut-off.after", fields=fields, width=width)
    elif last.count('"') % 2 and odd_quotes():
        reason = msg("issue.csv-row-cut-off.in-quotes")
    else:
        return ()
    message = msg("issue.csv-row-cut-off", reason=reason)
    return (Issue(Severity.WARNING, "csv-row-cut-off", message,
                  Where(file=Path(table.file).name, row=table.rows[-1]), message.hint()),)


def odd_quotes(source: Path | bytes, encoding: str) -> bool:
    """Whether the file holds an odd number of quote characters: one never closed.
    (Read in full, so only asked when a cell or the file's end looks suspect.)"""
    data = source if isinstance(source, bytes) else source.read_bytes()
    if encoding.startswith("utf-16"):
        return data.decode(encoding, errors="replace").count('"') % 2 == 1
    return data.count(b'"') % 2 == 1


def tail_text(source: Path | bytes, encoding: str) -> str:
    """The file's last 64 KB, decoded (UTF-16 read from an even offset)."""
    if isinstance(source, bytes):
        data = source[-TAIL:]
    else:
        with source.open("rb") as fh:
            size = fh.seek(0, 2)
            fh.seek(max(size - TAIL, 0))
            data = fh.read()
    return data.decode(encoding, errors="replace")
