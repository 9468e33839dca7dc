"""The ``kl-survey`` console script and ``python -m kl_survey``: a big workbook named on
the command line starts opening before Typer and the commands are imported.

Opening an xlsx parses its shared strings in calamine, without the GIL (0.1 s at
100 000 rows, 0.5 s at 500 000), and only then can the sheet's parse begin. The command
learns its file once Click has split the command line, after Typer and the command
modules are imported on the one thread. Here a thread imports what an open needs, runs
the safety screens and starts calamine's open while the main thread waits (their
imports would only take turns for the GIL); the main thread then imports the rest while
calamine opens, and the command's own read finds the workbook open
(:func:`kl_survey.readers.source.workbook.open_early`).

Only the standard library and :mod:`kl_survey.cores` are imported before the thread
starts.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Sequence

from kl_survey import cores

#: what :func:`open_named` looks for: an argument naming an Office Open XML workbook
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: the longest the main thread waits for calamine's open to begin, in seconds
WAIT = 0.25


def run() -> None:
    """Start opening the named workbook, then run the command
    (:func:`kl_survey.cli.run`, which ends the process)."""
    from kl_survey import natives

    natives.settle()  # before anything can load numpy or pyarrow, as the command does
    begun = open_named(sys.argv[1:])
    if begun is not None:
        begun.wait(WAIT)
    from kl_survey.cli import run as command

    command()


def open_named(args: Sequence[str]) -> threading.Event | None:
    """Open the first argument that names an xlsx of :data:`cores.READ_AHEAD_BYTES` or
    more in a daemon thread; the event is set once calamine's open has begun, or the
    thread has given up (None: no thread, with one core or no such file).

    The first such argument is the export in every command that reads one
    (``kl-survey analyze svar.xlsx -o …``); when it is something else (an old output
    named before the export), the open is wasted work on the spare core and nothing
    more: the command opens its export as before.
    """
    name = next((a for a in args if a.lower().endswith(WORKBOOK_SUFFIXES)), None)
    if name is None or not cores.spare():
        return None
    try:
        st = os.stat(name)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size < cores.READ_AHEAD_BYTES:
        return None
    begun = threading.Event()
    threading.Thread(target=_open, args=(name, begun), name="kl-survey-open",
                     daemon=True).start()
    return begun


def _open(name: str, begun: threading.Event) -> None:
    """Any failure is left to the command's own read, which meets the same problem and
    reports it in the command's language and order."""
    try:
        from pathlib import Path

        from kl_survey.readers.source import workbook

        workbook.open_early(Path(name), opening=begun.set)
    except Exception:  # reported by the command's own read, as said above
        return
    finally:
        begun.set()
