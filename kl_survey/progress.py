"""Progress on stderr for long work: shown on a terminal, silent when piped or in CI.

JSON goes to stdout, so progress must never touch it; and CI logs should not fill up
with redraws, hence the ``CI`` check.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def enabled() -> bool:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    if os.environ.get("KL_SURVEY_NO_PROGRESS"):
        return False
    return sys.stderr.isatty()


@contextmanager
def stage(description: str, total: float | None = None) -> Iterator[Callable[[float], None]]:
    """``with stage("Tegner figurer", total=16) as advance: ... advance(1)``.

    The bar appears only after about a second (rich's transient live display with a
    delayed start), so quick runs stay clean.
    """
    if not enabled():
        yield lambda _step=1.0: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=sys.stderr)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True, redirect_stdout=False,
                  redirect_stderr=False) as progress:
        task = progress.add_task(description, total=total)
        yield lambda step=1.0: progress.advance(task, step)
