"""Read any survey export into a raw grid of strings, quickly and safely.

Every survey-tool reader builds on :func:`read_table`: it sniffs the real format
from the bytes (tools mislabel files: HTML saved as .xls, CSV saved as .xlsx),
checks the file is not hostile, and returns a :class:`RawTable` with no header
interpretation, so reader code never sees a third-party exception. A caller that has
already sniffed the file (the reader detection's probe) passes its :class:`Sniffed`
down, and the file is not sniffed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kl_survey.errors import InputError
from kl_survey.messages import msg
from kl_survey.readers.source import ahead, workbook
from kl_survey.readers.source.limits import SourceOptions
from kl_survey.readers.source.raw import RawTable
from kl_survey.readers.source.sniffing import Sniffed, resniff

__all__ = ["RawTable", "decode_text", "list_sheets", "read_table", "read_workbook"]


def _options(options: SourceOptions | None, max_bytes: int | None) -> SourceOptions:
    options = options or SourceOptions()
    if max_bytes is None or max_bytes == options.max_bytes:
        return options
    return replace(options, max_bytes=max_bytes)


def read_table(
    path: Path, *, sheet: str | None = None, max_bytes: int | None = None,
    sniffed: Sniffed | None = None, options: SourceOptions | None = None,
) -> RawTable:
    """The one entry point: sniff the real format (unless ``sniffed`` says it) and read
    one table of it. ``sheet`` only applies to workbooks; CSV and HTML have one table.
    A table the CLI started reading ahead (:mod:`.ahead`) is taken from there.
    """
    opts = _options(options, max_bytes)
    early = ahead.take(path, sheet, opts)
    if early is not None:
        return early
    return read_now(path, sheet, opts, sniffed)


def read_now(path: Path, sheet: str | None, opts: SourceOptions,
             sniffed: Sniffed | None = None) -> RawTable:
    """:func:`read_table`'s work, here and now (also what :mod:`.ahead`'s thread runs)."""
    found = resniff(path, sniffed)
    if found.kind == "csv":  # each reader imported when met: only a workbook's parse can
        from kl_survey.readers.source.csv import read_csv  # start before pyarrow is loaded

        table = read_csv(found, opts)
    elif found.kind == "html":
        from kl_survey.readers.source.html import read_html

        table = read_html(found, opts)
    else:
        return workbook.read_sheet(found, sheet, opts)
    if table.frame.empty:
        raise InputError(msg("source.no-data"), file=found.path)
    return table


def list_sheets(path: Path, *, sniffed: Sniffed | None = None) -> list[str]:
    """Sheet names of a workbook in file order (hidden ones too); [] for CSV and HTML."""
    return workbook.sheet_names(resniff(path, sniffed))


def read_workbook(
    path: Path, sheets: Sequence[str], *, max_bytes: int | None = None,
    sniffed: Sniffed | None = None, options: SourceOptions | None = None,
) -> dict[str, RawTable]:
    """Several named sheets of one workbook, checking and opening the file only once."""
    ahead.drop()  # not the table read ahead: let its memory go first
    return workbook.read_sheets(resniff(path, sniffed), sheets, _options(options, max_bytes))


def decode_text(path: Path, *, sniffed: Sniffed | None = None,
                repair: bool = False) -> tuple[str, str]:
    """A small text file as (text, encoding) with the same rules as the CSV reader."""
    found = resniff(path, sniffed)
    if found.encoding is None:
        raise InputError(msg("source.not-text"), file=found.path)
    from kl_survey.readers.source.html import decode

    return decode(found, repair)[:2]
