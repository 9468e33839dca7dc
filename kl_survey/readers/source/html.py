"""An "xls" that is really an HTML table (some tools export that) to a raw table."""

from __future__ import annotations

import codecs
from dataclasses import replace
from html.parser import HTMLParser

import pyarrow as pa

from kl_survey.errors import InputError
from kl_survey.issues import Issue
from kl_survey.messages import msg
from kl_survey.readers.source.encoding import confirm, decode_marked
from kl_survey.readers.source.limits import (
    SourceOptions,
    check_cells,
    check_columns,
    check_file_size,
)
from kl_survey.readers.source.raw import RawTable, finish, wrapped
from kl_survey.readers.source.repair import repair_text
from kl_survey.readers.source.sniffing import Sniffed


class _FirstTable(HTMLParser):
    """Cells of the first <table>; text is whitespace-collapsed as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.done = 0, False
        self.rows: list[list[str | None]] = []
        self.cell: list[str] | None = None
        self.span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        self.depth += tag == "table"
        if self.depth == 1 and tag == "tr":
            self._close_cell()
            self.rows.append([])
        elif self.depth == 1 and tag in ("td", "th"):
            self._close_cell()
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.span = min(int(span), 1000) if span.strip().isdigit() else 1

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self.depth:
            return
        if self.depth == 1 and tag in ("td", "th", "tr", "table"):
            self._close_cell()
        if tag == "table":
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def _close_cell(self) -> None:
        if self.cell is None:
            return
        if not self.rows:
            self.rows.append([])
        text = " ".join("".join(self.cell).split())
        self.rows[-1].extend([text or None] + [None] * (max(self.span, 1) - 1))
        self.cell = None


def decode(sniffed: Sniffed, repair: bool = False) -> tuple[str, str, tuple[Issue, ...]]:
    """The whole text file as (text, encoding, issues), by the same rules as the CSV
    reader: lines that are not UTF-8 in a UTF-8 file are named, or repaired if asked."""
    assert sniffed.encoding is not None
    path = sniffed.path
    found = confirm(path, sniffed.head, sniffed.encoding)
    if found.mixed:
        text, issues = repair_text(decode_marked(path, found), path, repair)
        return text, found.name, issues
    with wrapped(path, msg("source.bad-chars")):
        return codecs.decode(path.read_bytes(), found.name), found.name, ()


def read_html(sniffed: Sniffed, options: SourceOptions) -> RawTable:
    """The first table of an HTML page; a page without one is not an export."""
    path = sniffed.path
    check_file_size(path, options.max_bytes)
    text, encoding, issues = decode(sniffed, options.repair_encoding)
    parser = _FirstTable()
    with wrapped(path, msg("source.html-unreadable")):
        parser.feed(text)
        parser.close()
    if not parser.rows:
        raise InputError(msg("source.html-no-table"), file=path,
                         hint=msg("source.not-a-table.hint"))
    width = max(len(r) for r in parser.rows)
    check_columns(path, width, options.max_columns)
    import pandas as pd  # not at the top: see raw.py

    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in parser.rows], dtype="str")
    frame.columns = pd.RangeIndex(width)
    check_cells(path, [pa.array(frame[c]) for c in frame.columns], options.max_cell_length)
    return replace(finish(frame, path, "html", encoding=encoding), issues=issues)
