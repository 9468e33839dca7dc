"""Read any survey export into a raw grid of strings, quickly and safely.

Every survey-tool reader builds on :func:`read_table`: it sniffs the real format
from the bytes (tools mislabel files: HTML saved as .xls, CSV saved as .xlsx),
checks the file is not hostile, and returns a :class:`RawTable` with no header
interpretation, so reader code never sees a third-party exception.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kl_survey.errors import InputError, KlSurveyError
from kl_survey.readers.source import safety
from kl_survey.readers.source.safety import DEFAULT_MAX_BYTES, NOT_TABLE, NOT_TABLE_HINT, TEXT_HEAD
from kl_survey.readers.source.sheets import check_memory, file_encoding, visibility

_DELIMITERS = (";", ",", "\t")
_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",)}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(html|!doctype\s+html|table)\b", re.I | re.S)
_REEXPORT = "Gem eller eksportér filen igen"
_NO_DATA = "Filen indeholder ingen data"
_NO_DATA_HINT = "Tjek at du har eksporteret besvarelserne"
_BAD_CHARS = "Filen indeholder tegn, der hverken er UTF-8 eller Windows-1252"


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


@contextmanager
def _wrapped(
    path: Path, message: str, hint: str = _REEXPORT, sheet: str | None = None
) -> Iterator[None]:
    """Turn any third-party failure into one Danish InputError (ours pass through)."""
    try:
        yield
    except KlSurveyError:
        raise
    except Exception as exc:
        raise InputError(message, file=path, sheet=sheet, hint=hint) from exc


# ---------------------------------------------------------------- sniffing


def _read_head(path: Path) -> bytes:
    """First bytes of a regular file; missing files, folders and devices are refused here."""
    hint = "Angiv selve eksportfilen"
    if not path.exists():
        raise InputError("Filen findes ikke", file=path, hint="Tjek stien og filnavnet")
    if path.is_dir():
        raise InputError("Stien er en mappe, ikke en fil", file=path, hint=hint)
    if not path.is_file():
        raise InputError("Stien er ikke en almindelig fil", file=path, hint=hint)
    hint = "Tjek at du har læseadgang, og at filen ikke er låst"
    with _wrapped(path, "Filen kan ikke åbnes", hint), path.open("rb") as fh:
        return fh.read(TEXT_HEAD)


def sniff_kind(path: Path) -> str:
    """The real format from the bytes, because tools save HTML as .xls and CSV as .xlsx."""
    path = Path(path)
    head = _read_head(path)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        with safety.open_zip(path) as zf:
            if any(n.startswith("xl/") and n.endswith((".xml", ".bin")) for n in zf.namelist()):
                return "xlsx"
        raise InputError(NOT_TABLE, file=path, hint=NOT_TABLE_HINT)
    if head.startswith(_OLE2):
        return "xls"
    if not head:
        raise InputError("Filen er tom", file=path, hint=safety.EMPTY_HINT)
    text = safety.screen_text(path, head)[0].lstrip("\ufeff")
    is_xml = text.lstrip().startswith("<?xml")
    if _HTML_START.match(text) or (is_xml and "<html" in text[:4096].lower()):
        return "html"
    if is_xml:
        raise InputError("Filen er en XML-fil, ikke et regneark eller en CSV-fil", file=path,
                         hint="Åbn filen i Excel og gem den som .xlsx")
    return "csv"


# ---------------------------------------------------------------- csv


def decode_text(path: Path) -> tuple[str, str]:
    """A small text file as (text, encoding) with the same rules as the CSV reader."""
    path = Path(path)
    head = _read_head(path)
    encoding = safety.file_encoding(path, head, safety.screen_text(path, head)[1])
    with _wrapped(path, _BAD_CHARS, "Gem filen som UTF-8"):
        return path.read_bytes().decode(encoding), encoding


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


def _arrow_csv(path: Path, encoding: str, delimiter: str, width: int) -> tuple[pa.Table, int]:
    """Fast path; returns the table and the widest ragged row (0 if none was ragged)."""
    ragged: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        ragged.append(row.actual_columns)
        return "skip"

    table = pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(autogenerate_column_names=True, encoding=encoding),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                         ignore_empty_lines=False, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(
            column_types={f"f{i}": pa.large_string() for i in range(width)},  # pandas' own
            strings_can_be_null=True, null_values=[""]),
    )
    return table, max(ragged, default=0)


def _read_csv(path: Path, max_bytes: int) -> RawTable:
    """CSV via pyarrow; ragged files (rows of unequal length) via pandas' C parser, padded."""
    safety.check_file_size(path, max_bytes)
    head = _read_head(path)
    text, head_encoding = safety.screen_text(path, head)
    encoding = file_encoding(path, head, head_encoding)
    cut = len(head) == TEXT_HEAD
    delimiter = sniff_delimiter(text, truncated=cut)
    width = max(_field_counts(text, delimiter, cut), default=0) + 65
    arrow_encoding = "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding
    hint = "Tjek at filen er en CSV-eksport, eller eksportér den igen"
    with _wrapped(path, "Filen kan ikke læses som CSV", hint):
        try:
            table, widest = _arrow_csv(path, arrow_encoding, delimiter, width)
            if table.num_columns > width:  # more columns than typed: read again, all as text
                table, widest = _arrow_csv(path, arrow_encoding, delimiter, table.num_columns)
        except (UnicodeDecodeError, pa.ArrowInvalid) as exc:
            if isinstance(exc, UnicodeDecodeError) or "UTF8" in str(exc):
                raise InputError(_BAD_CHARS, file=path, hint="Gem filen som CSV UTF-8") from exc
            raise
        if not widest:
            return _finish(_arrow_frame(table), path, "csv", encoding=encoding, delimiter=delimiter)
        names = range(max(widest, table.num_columns))
        frame = pd.read_csv(path, sep=delimiter, header=None, names=names, dtype="str",
                            keep_default_na=False, na_values=[""], skip_blank_lines=False,
                            encoding=encoding, engine="c", index_col=False)
    return _finish(frame, path, "csv", encoding=encoding, delimiter=delimiter)


# ---------------------------------------------------------------- frames


def _arrow_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow string columns to pandas "str" columns, named 0..n-1."""
    if table.num_columns == 0:
        return pd.DataFrame(index=pd.RangeIndex(0))
    frame = table.to_pandas(split_blocks=True, self_destruct=True)
    frame.columns = pd.RangeIndex(len(frame.columns))
    return frame


def _finish(frame: pd.DataFrame, path: Path, kind: str, *, sheet: str | None = None,
            encoding: str | None = None, delimiter: str | None = None) -> RawTable:
    """Drop wholly empty rows but remember each kept row's 1-based number."""
    keep = np.zeros(len(frame), bool)
    for _, column in frame.items():  # column by column: no 500 000 x 60 bool frame
        keep |= column.notna().to_numpy()
    rows = tuple((np.flatnonzero(keep) + 1).tolist())
    frame = frame[keep] if not keep.all() else frame  # a filter copies every column
    frame = frame.reset_index(drop=True)
    return RawTable(frame, rows, str(path), kind, sheet, encoding, delimiter)


# ---------------------------------------------------------------- workbooks


def _open_workbook(path: Path, kind: str, max_bytes: int,
                   keep: bool = False) -> fastexcel.ExcelReader:
    """Safety checks, then a lazy calamine reader (by path only when the suffix matches,
    because calamine picks the format from the suffix; otherwise from the bytes).

    Opening parses all shared strings (0.5 s for 500 000 rows), and reader detection
    lists the sheets just before the read, so ``keep`` hands the reader on to the next
    open of the same unchanged file.
    """
    if kind == "xlsx":
        safety.check_xlsx(path, max_bytes)
        check_memory(path)
    else:
        safety.check_file_size(path, max_bytes)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    reader = _OPENED.pop(key, None)
    what = "en beskadiget eller afkortet xlsx-fil" if kind == "xlsx" else "et ulæseligt regneark"
    if reader is None:
        with _wrapped(path, f"Filen er {what}"):
            source = str(path) if path.suffix.lower() in _SUFFIXES[kind] else path.read_bytes()
            reader = fastexcel.read_excel(source)
    if keep:
        _OPENED.clear()
        _OPENED[key] = reader
    return reader


_OPENED: dict[tuple[str, int, int], fastexcel.ExcelReader] = {}


def _text_column(column: pa.Array) -> pa.Array:
    """calamine's text for a cell: "" becomes null, midnight datetimes become dates,
    time-only cells (day 0 = 1899-12-31) become times. Integers already lack ".0"."""
    column = pc.cast(column, pa.string())
    if pc.any(pc.equal(column, "")).as_py():
        column = pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)
    if pc.any(pc.ends_with(column, " 00:00:00")).as_py():
        column = pc.replace_substring_regex(column, r"^(\d{4}-\d\d-\d\d) 00:00:00$", r"\1")
    if pc.any(pc.starts_with(column, "1899-12-31 ")).as_py():
        column = pc.replace_substring_regex(column, r"^1899-12-31 (\d\d:\d\d:\d\d(\.\d+)?)$", r"\1")
    return column


def _load_sheet(reader: fastexcel.ExcelReader, path: Path, kind: str, name: str,
                shown: bool | None = None) -> tuple[RawTable, bool]:
    """A whole sheet as text from row 1 (index + 1 is the Excel row), and its visibility.

    With the visibility already known (``shown``) the sheet is loaded eagerly, straight
    to Arrow: 25 % faster and leaner than calamine's lazy sheet, the only one that
    reports visibility.
    """
    with _wrapped(path, "Arket kan ikke læses", sheet=name):
        if shown is None:
            sheet = reader.load_sheet_by_name(name, header_row=None, dtypes="string",
                                              skip_rows=0)
            batch, shown = sheet.to_arrow(), sheet.visible == "visible"
        else:
            batch = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0,
                                      eager=True)
        columns = [_text_column(c) for c in batch.columns]
        table = pa.table(columns, names=[str(i) for i in range(len(columns))])
    return _finish(_arrow_frame(table), path, kind, sheet=name), shown


def _resolve_sheet(names: list[str], wanted: str, path: Path) -> str:
    """Exact name, else a unique case-insensitive match, else a message listing the sheets."""
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    listing = ", ".join(f"'{n}'" for n in names)
    raise InputError(f"Arket '{wanted}' findes ikke; arkene er: {listing}", file=path,
                     hint="Brug --sheet med et af arknavnene")


def _read_sheet(path: Path, kind: str, sheet: str | None, max_bytes: int) -> RawTable:
    """The named sheet, or the first visible sheet with data (a hidden one if no visible has)."""
    reader = _open_workbook(path, kind, max_bytes)
    names = list(reader.sheet_names)
    if sheet is not None:  # visibility does not matter: eager whenever calamine allows
        name = _resolve_sheet(names, sheet, path)
        return _load_sheet(reader, path, kind, name, True if kind == "xlsx" else None)[0]
    known = visibility(path, names) if kind == "xlsx" else None
    if known is not None:  # visible sheets first (file order), then hidden ones
        names = sorted(names, key=lambda n: not known[n])
    hidden: RawTable | None = None
    for name in names:
        shown = known[name] if known is not None else None
        table, visible = _load_sheet(reader, path, kind, name, shown)
        if len(table.frame) and (visible or known is not None):
            return table
        hidden = hidden or (table if len(table.frame) else None)
    if hidden is None:
        raise InputError(_NO_DATA, file=path, hint=_NO_DATA_HINT)
    return hidden


def list_sheets(path: Path) -> list[str]:
    """Sheet names of a workbook in file order (hidden ones too); [] for CSV and HTML.

    Bomb and DTD checks still run, but not the size limit: listing parses only
    workbook.xml, and the limit (--max-size) is enforced when a sheet is read.
    """
    path = Path(path)
    kind = sniff_kind(path)
    if kind not in _SUFFIXES:
        return []
    return list(_open_workbook(path, kind, 2**62, keep=True).sheet_names)


def read_workbook(
    path: Path, sheets: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, RawTable]:
    """Several named sheets of one workbook, checking and opening the file only once."""
    path = Path(path)
    kind = sniff_kind(path)
    if kind not in _SUFFIXES:
        raise InputError("Filen er ikke et regneark med flere ark", file=path,
                         hint="Eksportér besvarelserne som .xlsx fra spørgeskemaværktøjet")
    reader = _open_workbook(path, kind, max_bytes)
    names = list(reader.sheet_names)
    eager = True if kind == "xlsx" else None
    return {s: _load_sheet(reader, path, kind, _resolve_sheet(names, s, path), eager)[0]
            for s in sheets}


# ---------------------------------------------------------------- html


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


def _read_html(path: Path, max_bytes: int) -> RawTable:
    """An "xls" that is really an HTML table (some tools export that)."""
    safety.check_file_size(path, max_bytes)
    text, encoding = decode_text(path)
    parser = _FirstTable()
    with _wrapped(path, "HTML-filen kan ikke læses"):
        parser.feed(text)
        parser.close()
    if not parser.rows:
        raise InputError("Filen er en HTML-side, ikke et regneark", file=path, hint=NOT_TABLE_HINT)
    width = max(len(r) for r in parser.rows)
    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in parser.rows], dtype="str")
    frame.columns = pd.RangeIndex(width)
    return _finish(frame, path, "html", encoding=encoding)


def read_table(
    path: Path, *, sheet: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> RawTable:
    """The one entry point: sniff the real format and read one table of it.

    ``sheet`` only applies to workbooks; CSV and HTML have a single table.
    """
    path = Path(path)
    kind = sniff_kind(path)
    if kind == "csv":
        table = _read_csv(path, max_bytes)
    elif kind == "html":
        table = _read_html(path, max_bytes)
    else:
        return _read_sheet(path, kind, sheet, max_bytes)
    if table.frame.empty:
        raise InputError(_NO_DATA, file=path, hint=_NO_DATA_HINT)
    return table
