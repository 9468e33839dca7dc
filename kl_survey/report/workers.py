"""Worker processes that end with the kl-survey process that started them.

A spawned ``ProcessPoolExecutor`` worker holds both ends of its own call queue, so it
never sees its parent go: a ``kill -9`` of ``kl-survey report`` (or a CI job's time-out)
left the figure worker alive for good. Each worker here watches its parent and exits
when it is gone. And a worker told to stop skips the interpreter's tear-down: freeing
WeasyPrint's or matplotlib's modules took 0.2-0.3 s, which the parent, joining its
workers on exit, waited out at the end of every report.

spawn, not fork: the parent holds pyarrow's and matplotlib's threads, and a forked child
inheriting their locks can hang. Like any spawn pool, a script using one must guard its
entry point with ``if __name__ == "__main__":`` (the kl-survey command does).

:class:`Worker` is one such process kept for the whole run, warmed up (its imports
done) before there is work, with the in-process fallback a report needs: with one core,
or ``KL_SURVEY_WORKERS=0``, or after the worker died, the same function runs here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from kl_survey import collector, cores

T = TypeVar("T")

#: how often a worker looks for its parent, in seconds
WATCH_INTERVAL = 0.5


def enabled() -> bool:
    """A worker only pays off with a second core (:func:`kl_survey.cores.spare`)."""
    return cores.spare()


class Worker:
    """One spawned worker for the process's life, or none: then its jobs run here.

    ``warm`` (a module-level function, so it pickles) is the worker's first job: its
    imports, done while the parent works on. A job sent to a worker that died, or whose
    worker dies on the way, is done again in this process, so a run never fails for it.
    """

    def __init__(self, warm: Callable[[], None]) -> None:
        self.warm = warm
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Spawn the worker and have it run ``warm`` (no-op when disabled or started)."""
        if self.pool is None and enabled():
            self.pool = spawn_pool(1)
            self.pool.submit(_warmed, self.warm)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)`` in the worker, or right here (now) when there is none."""
        self.start()
        if self.pool is not None:
            try:
                return self.pool.submit(fn, *args)
            except (BrokenProcessPool, RuntimeError):  # the worker died; carry on here
                self.pool = None
        done: Future[T] = Future()
        done.set_result(fn(*args))
        return done

    def result(self, future: Future[T], fn: Callable[..., T], *args: Any) -> T:
        """``future``'s result; if the worker died on the way, ``fn(*args)`` done here."""
        try:
            return future.result()
        except BrokenProcessPool:
            self.pool = None
            return fn(*args)


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` spawned processes, each ending when this process ends."""
    from multiprocessing import get_context

    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=_init, initargs=(os.getpid(),))


def _init(parent: int) -> None:
    watch_parent(parent)
    collector.leave_quickly()  # a worker ends with status 0 once told to stop
    collector.ending(0)


def _warmed(warm: Callable[[], None]) -> None:
    """In a :class:`Worker`: its imports with the collector held, then collection as
    usual (:mod:`kl_survey.collector`). Other spawned pools (the per-municipality
    reports) draw from their first job on, and collect as usual throughout."""
    collector.hold()
    try:
        warm()
    finally:
        collector.release()


def watch_parent(parent: int) -> None:
    """In the worker: a daemon thread that exits the process once ``parent`` is gone
    (the worker is then re-parented, so its parent id changes)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL)
        os._exit(0)

    threading.Thread(target=watch, name="kl-survey-parent-watch", daemon=True).start()
