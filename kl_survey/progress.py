"""Progress on stderr for long work: shown on a terminal, silent when piped or in CI.

JSON goes to stdout, so progress must never touch it; CI logs should not fill up with
redraws, hence the ``CI`` check. Most runs take well under a second, and a bar that
flashes up and vanishes is noise, so the bar appears only once a stage has run for
about a second (``KL_SURVEY_PROGRESS_DELAY`` seconds, mainly for tests).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DELAY = 1.0  # seconds before a bar appears
_silenced = False


def silence(on: bool = True) -> None:
    """``kl-survey -q``: no bars, whatever the terminal."""
    global _silenced
    _silenced = on


def enabled() -> bool:
    """On a terminal only; never under CI, ``-q`` or with ``KL_SURVEY_NO_PROGRESS`` set."""
    if _silenced:
        return False
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        return False
    if os.environ.get("KL_SURVEY_NO_PROGRESS"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("KL_SURVEY_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


@contextmanager
def stage(description: str, total: float | None = None) -> Iterator[Callable[..., None]]:
    """``with stage("Tegner figurer", total=16) as advance: ... advance(1)``.

    Without a ``total`` the bar is a spinner with the elapsed time. The bar is drawn
    by rich on stderr, started by a timer after the delay (so quick stages never show
    one, and rich is not even imported), and removed again when the stage ends.
    """
    if not enabled():
        yield _noop
        return
    bar = _DelayedBar(description, total)
    bar.arm(_delay())
    try:
        yield bar.advance
    finally:
        bar.close()


def _noop(step: float = 1.0) -> None:
    """The ``advance`` of a stage that shows nothing."""


class _DelayedBar:
    """A rich Progress that starts only if the stage is still running after the delay.

    ``advance`` may be called before the bar exists; the count is kept and handed over.
    The lock keeps the timer thread and the stage's thread from starting and stopping
    the display at the same moment.
    """

    def __init__(self, description: str, total: float | None) -> None:
        self.description, self.total = description, total
        self.done = 0.0
        self.lock = threading.Lock()
        self.closed = False
        self.progress: Any = None
        self.task: Any = None
        self.timer: threading.Timer | None = None

    def arm(self, delay: float) -> None:
        self.timer = threading.Timer(delay, self._show)
        self.timer.daemon = True
        self.timer.start()

    def advance(self, step: float = 1.0) -> None:
        with self.lock:
            self.done += step
            if self.progress is not None:
                self.progress.update(self.task, completed=self.done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with self.lock:
            if self.closed:
                return
            columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                       TimeElapsedColumn()]
            self.progress = Progress(*columns, console=Console(file=sys.stderr),
                                     transient=True, redirect_stdout=False,
                                     redirect_stderr=False)
            self.task = self.progress.add_task(self.description, total=self.total,
                                               completed=self.done)
            self.progress.start()

    def close(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.progress is not None:
                self.progress.stop()
