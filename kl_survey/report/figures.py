"""figures/qNN.png and .svg, drawn in a second process while this one prints the PDF.

A report's time goes to two independent jobs of about the same size: matplotlib
drawing and encoding the stand-alone figures, and WeasyPrint laying out and writing
the PDF. Both hold the GIL, so they get a core each: one worker process (spawned, as
in :mod:`.feedback_writer`: the parent holds pyarrow's threads) draws every figure and
subsets the SVG font, while the main process prints. :func:`start`, called by ``kl-survey
report`` before it reads the export, has the worker import matplotlib meanwhile.

The worker runs exactly the code the main process used to run, on the same pickled
chart models, so the files are the same bytes. With one core, or with
``KL_SURVEY_WORKERS=0``, everything is drawn in this process, in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from kl_survey.report.charts import Rendered

T = TypeVar("T")
Job = Callable[[], "Rendered"]
_POOL: list[ProcessPoolExecutor] = []  # at most one, kept for the process's life


def enabled() -> bool:
    """A worker only pays off with a second core; ``KL_SURVEY_WORKERS=0`` turns it off."""
    return os.environ.get("KL_SURVEY_WORKERS", "").strip() != "0" and (os.cpu_count() or 1) > 1


def start() -> None:
    """Start the worker and have it import matplotlib now (no-op when disabled).

    Like any spawn pool, a script calling this must guard its entry point with
    ``if __name__ == "__main__":`` (the kl-survey command does).
    """
    if enabled() and not _POOL:
        from multiprocessing import get_context

        _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")))
        _POOL[0].submit(warm)


def warm() -> None:
    """The worker's imports and first text (font cache), before there is work."""
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_svg  # noqa: F401
    from fontTools import subset  # noqa: F401

    from kl_survey.report import charts  # noqa: F401


def submit(fn: Callable[..., T], *args: Any) -> Future[T]:
    """Run ``fn(*args)`` in the worker, or right here when there is none."""
    start()
    if _POOL:
        try:
            return _POOL[0].submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):  # the worker died; carry on in-process
            _POOL.clear()
    done: Future[T] = Future()
    done.set_result(fn(*args))
    return done


def result(future: Future[T], fn: Callable[..., T], *args: Any) -> T:
    """``future``'s result; if the worker died on the way, the same work done here."""
    try:
        return future.result()
    except BrokenProcessPool:
        _POOL.clear()
        return fn(*args)


def draw(jobs: list[Job], svg: bool, texts: str = "") -> tuple[list[Rendered], str]:
    """Every job's figure, and the ``@font-face`` CSS for the stand-alone SVGs covering
    their text and ``texts`` ("" when no SVG is wanted). Runs in the worker."""
    drawn = [job() for job in jobs]
    if not svg or (not drawn and not texts):
        return drawn, ""
    from kl_survey.report import fonts

    chars = texts + "".join(fonts.svg_text(r.svg.decode("utf-8")) for r in drawn)
    return drawn, fonts.font_face_css(chars)


def jobs(render: Callable[..., Rendered], chart: Any, created: str | None, *, svg: bool,
         png: bool) -> Job:
    return partial(render, chart, created, svg=svg, png=png)
