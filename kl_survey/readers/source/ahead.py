"""Read the export's table in a thread while the command imports the rest.

An analysing command spends its first half second or more importing pandas and
kl-survey's own modules, one core busy and the other idle, and only then starts
reading. calamine's parse and pyarrow's CSV read release the GIL, so the two can
overlap: the CLI calls :func:`start` as soon as Click has split the command line
(``KlCommand.parse_args``, before Typer's coercion imports pydantic), and
:func:`kl_survey.readers.source.read_table` takes the table from here (:func:`take`)
when it is asked for the same file, sheet and options. For this, what a workbook's
read needs up to calamine's parse imports neither pandas, numpy nor pyarrow: they
are imported where a frame is made, while calamine parses.

The thread runs exactly what :func:`read_table` would run, in a copy of the caller's
context (so its messages speak the same ``--lang``); a failure is raised where the
table is taken, as the same error. A table asked for with anything else is read as
before, after the thread has finished, so two parses of one big file never hold
memory at the same time.

For a workbook, :func:`start` returns only once calamine has begun the sheet's parse
(the reader calls :func:`parsing`), or after :data:`WAIT` seconds. Until then the
thread runs Python (the safety screens, opening the workbook) and would take turns
with the caller's imports for the GIL: the parse of a 100 000-row workbook began
0.25-0.32 s into the run instead of 0.41-0.45 s, and the run took 4.40 s against
4.62 s. The imports lose nothing: the parse outlasts them.
"""

from __future__ import annotations

import contextvars
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey import cores
from kl_survey.readers.source.limits import SourceOptions

if TYPE_CHECKING:
    from kl_survey.readers.source.raw import RawTable

#: smaller files are read in a few milliseconds: a thread would cost more than it saves
MIN_BYTES = cores.READ_AHEAD_BYTES
#: workbooks, whose parse :func:`start` waits to see begun
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: the longest :func:`start` waits for it, in seconds
WAIT = 1.0
#: the read-ahead thread's "the parse has begun", for :func:`parsing`
_BEGUN: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "kl_survey_parse_begun", default=None)

Key = tuple[str, int, int, str | None, SourceOptions]
_PENDING: dict[Key, Future[RawTable]] = {}
_LOCK = threading.Lock()


def enabled() -> bool:
    """Only with a second core (:func:`kl_survey.cores.spare`)."""
    return cores.spare()


def _key(path: Path, sheet: str | None, options: SourceOptions) -> Key | None:
    """The file as it is now (a file rewritten in between is read again), the sheet and
    the options; None for anything but a regular file."""
    try:
        st = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return (str(path.resolve()), st.st_size, st.st_mtime_ns, sheet, options)


def start(path: Path, *, sheet: str | None = None,
          options: SourceOptions | None = None) -> None:
    """Begin reading ``path`` (one table: ``sheet``, else the default) in a daemon thread.

    A no-op with one core, for a folder, a missing or a small file (:data:`MIN_BYTES`),
    or when a read of the same file is already under way. Daemon: a command that fails
    before it reads exits at once instead of waiting for the parse.
    """
    options = options or SourceOptions()
    key = _key(path, sheet, options)
    if key is None or key[1] < MIN_BYTES or not enabled():
        return
    with _LOCK:
        if key in _PENDING:
            return
        future: Future[RawTable] = Future()
        _PENDING[key] = future
    context = contextvars.copy_context()
    begun = threading.Event()
    context.run(_BEGUN.set, begun)

    def work() -> None:
        from kl_survey.readers.source.table import read_now

        try:
            future.set_result(context.run(read_now, path, sheet, options))
        except BaseException as exc:  # handed to the taker, raised there
            future.set_exception(exc)
        finally:
            begun.set()

    threading.Thread(target=work, name="kl-survey-read-ahead", daemon=True).start()
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        begun.wait(WAIT)


def parsing() -> None:
    """The reader's parser starts now and holds no GIL: a :func:`start` waiting for this
    read goes on (a no-op outside the read-ahead thread)."""
    begun = _BEGUN.get()
    if begun is not None:
        begun.set()


def take(path: Path, sheet: str | None, options: SourceOptions) -> RawTable | None:
    """The table read ahead for exactly this file, sheet and options (raising what the
    read raised), or None. Any other read ahead is waited for and dropped first."""
    with _LOCK:
        if not _PENDING:
            return None
        key = _key(path, sheet, options)
        mine = _PENDING.pop(key, None) if key is not None else None
    drop()  # any other: let go of its memory before this table is read
    return mine.result() if mine is not None else None


def drop() -> None:
    """Wait for any read ahead and let go of its table (a caller reading the file some
    other way, e.g. several named sheets at once)."""
    with _LOCK:
        futures = list(_PENDING.values())
        _PENDING.clear()
    for future in futures:
        future.exception()


def forget() -> None:
    """Let go of any read ahead without waiting for it (a command that failed before it
    took its table, in a process that goes on: the thread ends on its own)."""
    with _LOCK:
        _PENDING.clear()


def pending() -> bool:
    """Whether a read ahead waits to be taken (tests, and the benchmarks' sanity)."""
    with _LOCK:
        return bool(_PENDING)
