"""xlsx and xls workbooks to raw tables, through calamine (fastexcel).

Every cell comes back as the text calamine gives it; the safety screens in
:mod:`kl_survey.readers.source.safety` run before calamine sees a byte.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import fastexcel

from kl_survey import cores
from kl_survey.errors import InputError
from kl_survey.messages import msg
from kl_survey.readers.source import ahead, safety
from kl_survey.readers.source.limits import (
    SourceOptions,
    check_cells,
    check_columns,
    check_file_size,
    may_exceed,
)
from kl_survey.readers.source.raw import RawTable, arrow_frame, finish, may_contain, wrapped
from kl_survey.readers.source.sheets import check_memory, visibility
from kl_survey.readers.source.sniffing import Sniffed

if TYPE_CHECKING:  # imported once calamine has parsed the sheet: see raw.py
    import numpy as np
    import pyarrow as pa

SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",)}


def _open_workbook(path: Path, kind: str, options: SourceOptions, keep: bool = False,
                   opening: Callable[[], object] | None = None) -> fastexcel.ExcelReader:
    """Safety checks, then a lazy calamine reader (by path only when the suffix matches,
    because calamine picks the format from the suffix; otherwise from the bytes).

    Opening parses all shared strings (0.5 s for 500 000 rows), and reader detection
    lists the sheets just before the read, so ``keep`` hands the reader on to the next
    open of the same unchanged file. ``opening`` is called just before calamine opens
    the file (and holds no GIL).
    """
    if kind == "xlsx":
        safety.check_xlsx(path, options.max_bytes)
        check_memory(path, options.max_memory)
    else:
        check_file_size(path, options.max_bytes)
    key = _identity(path)
    with _OPENING:
        reader = _OPENED.pop(key, None)
        if reader is None:
            broken = (msg("source.corrupt-xlsx") if kind == "xlsx"
                      else msg("source.unreadable-workbook"))
            with wrapped(path, broken):
                source = (str(path) if path.suffix.lower() in SUFFIXES[kind]
                          else path.read_bytes())
                if opening is not None:
                    opening()
                reader = fastexcel.read_excel(source)
        if keep:
            _OPENED.clear()
            _OPENED[key] = reader
        _NAMES[key] = list(reader.sheet_names)
    return reader


def open_early(path: Path, opening: Callable[[], object] | None = None) -> None:
    """Open an xlsx for a read that is about to be asked for (:mod:`kl_survey.console`),
    and keep the reader for that read's own open of the unchanged file (``keep``). The
    screens run with the default limits here, and again with the read's own limits
    before it takes the reader. Nothing when a read has opened the file already.
    ``opening``: as for :func:`_open_workbook`."""
    with _OPENING:
        if _NAMES.get(_identity(path)) is None:
            _open_workbook(path, "xlsx", SourceOptions(), keep=True, opening=opening)


Identity = tuple[str, int, int]
#: one open at a time: a listing waits for the read-ahead thread's open of the same file
_OPENING = threading.RLock()
_OPENED: dict[Identity, fastexcel.ExcelReader] = {}
#: the sheet names of every workbook opened, so listing them after (or while) the
#: read-ahead thread reads the file does not parse its shared strings a second time
_NAMES: dict[Identity, list[str]] = {}


def _identity(path: Path) -> Identity:
    """The file as it is now: a file rewritten in between is opened again."""
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _text_column(column: pa.Array) -> pa.Array:
    """calamine's text for a cell: "" becomes null, midnight datetimes become dates,
    time-only cells (day 0 = 1899-12-31) become times. Integers already lack ".0".

    Made ``large_string``, what pandas stores: pandas' own conversion of a ``string``
    column costs ten times this cast (0.2 s for 100 000 x 60)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = pc.cast(column, pa.large_string())
    if pc.any(pc.equal(column, "")).as_py():
        column = pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.large_string()), column)
    if not may_contain(column, b":"):  # both rewrites need a time: two scans saved
        return column
    column = _rewrite(column, pc.ends_with(column, " 00:00:00"),
                      r"^(\d{4}-\d\d-\d\d) 00:00:00$", r"\1")
    return _rewrite(column, pc.starts_with(column, "1899-12-31 "),
                    r"^1899-12-31 (\d\d:\d\d:\d\d(\.\d+)?)$", r"\1")


def _rewrite(column: pa.Array, where: pa.Array, pattern: str, replacement: str) -> pa.Array:
    """``column`` with ``pattern`` replaced in the cells ``where`` marks (a superset of
    the cells it can match): a timestamp column with a few midnights costs a sixth of
    running the expression over every cell. A null cell is null in ``where`` too, and
    stays null."""
    import pyarrow.compute as pc

    if not pc.any(where).as_py():
        return column
    changed = pc.replace_substring_regex(pc.filter(column, where), pattern, replacement)
    return pc.replace_with_mask(column, where, changed)


#: cells below which a thread pool costs more than it saves
POOL_CELLS = 2_000_000


class _Text(NamedTuple):
    """A column made text, with what the checks after it need, found on the same thread:
    whether a cell may be over the length limit, and which rows hold a value."""

    column: pa.Array
    suspect: bool
    filled: np.ndarray


def _text(column: pa.Array, limit: int) -> _Text:
    import pyarrow.compute as pc

    text = _text_column(column)
    return _Text(text, may_exceed(text, limit),
                 pc.is_valid(text).to_numpy(zero_copy_only=False))


def _text_columns(columns: list[pa.Array], limit: int) -> list[_Text]:
    """:func:`_text` of each column, on two threads for a big sheet (Arrow's kernels
    release the GIL; 0.3 s of CPU for 500 000 x 60), biggest first so that no long
    column is left to one thread at the end. The length screen and the filled rows come
    along: one more walk over every column each, 40 ms at 100 000 rows on one thread."""
    if sum(len(c) for c in columns) < POOL_CELLS or not cores.spare():
        return [_text(c, limit) for c in columns]
    from concurrent.futures import ThreadPoolExecutor

    order = sorted(range(len(columns)), key=lambda i: columns[i].nbytes, reverse=True)
    with ThreadPoolExecutor(2) as pool:
        done = dict(zip(order, pool.map(lambda c: _text(c, limit),
                                        [columns[i] for i in order]), strict=True))
    return [done[i] for i in range(len(columns))]


def _load_sheet(reader: fastexcel.ExcelReader, path: Path, kind: str, name: str,
                options: SourceOptions, shown: bool | None = None) -> tuple[RawTable, bool]:
    """A whole sheet as text from row 1 (index + 1 is the Excel row), and its visibility.

    With the visibility already known (``shown``) the sheet is loaded eagerly, straight
    to Arrow: 25 % faster and leaner than calamine's lazy sheet, the only one that
    reports visibility.
    """
    with wrapped(path, msg("source.sheet-unreadable"), sheet=name):
        ahead.parsing()
        if shown is None:
            sheet = reader.load_sheet_by_name(name, header_row=None, dtypes="string",
                                              skip_rows=0)
            batch, shown = sheet.to_arrow(), sheet.visible == "visible"
        else:
            batch = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0,
                                      eager=True)
        check_columns(path, batch.num_columns, options.max_columns, name)
        texts = _text_columns(batch.columns, options.max_cell_length)
        columns = [t.column for t in texts]
        check_cells(path, columns, options.max_cell_length, sheet=name,
                    suspects={i for i, t in enumerate(texts) if t.suspect})
        import pyarrow as pa

        table = pa.table(columns, names=[str(i) for i in range(len(columns))])
        filled = _any([t.filled for t in texts])
    return finish(arrow_frame(table), path, kind, sheet=name, filled=filled), shown


def _any(masks: list[np.ndarray]) -> np.ndarray | None:
    """Rows where any of ``masks`` holds; None without a column (``finish`` decides)."""
    import numpy as np

    return np.logical_or.reduce(masks) if masks else None


def _resolve_sheet(names: list[str], wanted: str, path: Path) -> str:
    """Exact name, else a unique case-insensitive match, else a message listing the sheets."""
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    listing = ", ".join(f"'{n}'" for n in names)
    raise InputError(msg("source.no-sheet", wanted=wanted, sheets=listing), file=path)


def read_sheet(sniffed: Sniffed, sheet: str | None, options: SourceOptions) -> RawTable:
    """The named sheet, or the first visible sheet with data (a hidden one if no visible has)."""
    path, kind = sniffed.path, sniffed.kind
    reader = _open_workbook(path, kind, options)
    names = list(reader.sheet_names)
    if sheet is not None:  # visibility does not matter: eager whenever calamine allows
        name = _resolve_sheet(names, sheet, path)
        return _load_sheet(reader, path, kind, name, options, True if kind == "xlsx" else None)[0]
    known = _shown(path, kind, names)
    if known is not None:  # visible sheets first (file order), then hidden ones
        names = sorted(names, key=lambda n: not known[n])
    hidden: RawTable | None = None
    for name in names:
        shown = known[name] if known is not None else None
        table, visible = _load_sheet(reader, path, kind, name, options, shown)
        if len(table.frame) and (visible or known is not None):
            return table
        hidden = hidden or (table if len(table.frame) else None)
    if hidden is None:
        raise InputError(msg("source.no-data"), file=path)
    return hidden


def _shown(path: Path, kind: str, names: list[str]) -> dict[str, bool] | None:
    """Whether each sheet is visible; None where only calamine can tell (xls). A lone
    sheet is read whatever its state, so its workbook part is not parsed to ask."""
    if kind != "xlsx":
        return None
    return {names[0]: True} if len(names) == 1 else visibility(path, names)


def sheet_names(sniffed: Sniffed) -> list[str]:
    """Sheet names of a workbook in file order (hidden ones too); [] for CSV and HTML.

    Bomb and DTD checks still run, but not the size and memory limits: listing parses
    only workbook.xml, and the limits are enforced when a sheet is read.
    """
    if sniffed.kind not in SUFFIXES:
        return []
    with _OPENING:
        known = _NAMES.get(_identity(sniffed.path))
        if known is not None:
            return list(known)
        unlimited = SourceOptions(max_bytes=2**62, max_memory=2**62)
        return list(_open_workbook(sniffed.path, sniffed.kind, unlimited,
                                   keep=True).sheet_names)


def read_sheets(sniffed: Sniffed, sheets: Sequence[str],
                options: SourceOptions) -> dict[str, RawTable]:
    """Several named sheets of one workbook, checking and opening the file only once."""
    path, kind = sniffed.path, sniffed.kind
    if kind not in SUFFIXES:
        raise InputError(msg("source.not-a-workbook"), file=path)
    reader = _open_workbook(path, kind, options)
    names = list(reader.sheet_names)
    eager = True if kind == "xlsx" else None
    return {s: _load_sheet(reader, path, kind, _resolve_sheet(names, s, path), options, eager)[0]
            for s in sheets}
