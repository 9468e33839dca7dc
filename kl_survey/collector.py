"""When the garbage collector runs in a ``kl-survey`` process and its workers.

A command first imports pandas, pyarrow and the rest (kl_survey's readers, Typer's
pydantic): hundreds of thousands of objects that live until exit. Python's default
collector walks them again and again while they are made, 0.06 s of the example's
1 s ``analyze``, and frees nothing. So the console script (:func:`kl_survey.cli.main`)
:func:`hold`\\ s collection off while a command imports; once its imports are done the
command calls :func:`release`, which freezes everything made so far (later passes skip
it) and collects as usual from there, so the reference cycles a long run makes
(matplotlib figures, drawn in-process with ``KL_SURVEY_WORKERS=0``) are freed as ever.
A command that does not call :func:`release` still collects, only rarely
(:data:`HELD`). At exit nothing is collected at all (:func:`skip_at_exit`). The
report's worker processes do the same around their own imports (matplotlib,
WeasyPrint: 0.03-0.05 s of collection each; :mod:`kl_survey.report.workers`).

The end of the process is here too: once the exit functions have run, the console
script and the workers leave without the interpreter's teardown (:func:`leave_quickly`).
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

#: the first generation's threshold while held: allocations (net) between collections
HELD = 1_000_000
_SAVED: list[tuple[int, ...]] = []


def hold() -> None:
    """Collect (almost) nothing until :func:`release`: the imports' objects stay."""
    if not _SAVED:
        threshold = gc.get_threshold()
        _SAVED.append(threshold)
        gc.set_threshold(HELD, *threshold[1:])


def release() -> None:
    """The imports are done: freeze their objects and collect as usual from here on."""
    if _SAVED:
        gc.freeze()
        gc.set_threshold(*_SAVED.pop())


def skip_at_exit() -> None:
    """At exit, skip the garbage collector's last passes over every object left.

    The interpreter collects several times while it tears its modules down; with
    pandas loaded that walk took 0.25 s at the end of ``analyze`` on the example (a
    fifth of the run), and 0.25-0.35 s after a report's last file was written.
    ``gc.freeze`` (registered last, so run first among the exit functions) moves every
    object into the permanent generation those passes skip. Nothing is lost: outputs
    are written and closed before the command returns, and worker pools and temporary
    folders are cleaned up by their own exit functions, not by the collector.
    """
    atexit.unregister(gc.freeze)  # once, however often main runs in a process
    atexit.register(gc.freeze)


#: the status the process is about to exit with, once a number (see :func:`ending`)
_ENDING: list[int] = []


def leave_quickly() -> None:
    """Once every other exit function has run, end the process without tearing it down.

    After the last output is written, Python's finalisation still clears every module
    one by one (pandas, pyarrow, numpy): 0.03-0.05 s of each run. Registered first, the
    function runs last among the exit functions, after logging's flush, multiprocessing's
    children, file locks and :func:`skip_at_exit` (and after non-daemon threads were
    joined, which happens before any of them). It then flushes the standard streams and
    calls ``os._exit`` with the status given to :func:`ending`. Without one (an uncaught
    exception, an exit with a message) or when a stream cannot be flushed, the usual
    teardown runs."""
    atexit.register(_leave)


def ending(status: object) -> None:
    """The process is about to exit with ``status`` (``SystemExit.code``): a number or
    None lets :func:`leave_quickly` end it with that number."""
    _ENDING.clear()
    if status is None or isinstance(status, int):
        _ENDING.append(int(status or 0))


def _leave() -> None:
    if not _ENDING:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: the usual exit reports it
        return
    os._exit(_ENDING[0])
