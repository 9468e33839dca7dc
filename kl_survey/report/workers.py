"""Worker processes that end with the kl-survey process that started them.

A spawned ``ProcessPoolExecutor`` worker holds both ends of its own call queue, so it
never sees its parent go: a ``kill -9`` of ``kl-survey report`` (or a CI job's time-out)
left the figure worker alive for good. Each worker here watches its parent and exits
when it is gone.

spawn, not fork: the parent holds pyarrow's and matplotlib's threads, and a forked child
inheriting their locks can hang. Like any spawn pool, a script using one must guard its
entry point with ``if __name__ == "__main__":`` (the kl-survey command does).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

#: how often a worker looks for its parent, in seconds
WATCH_INTERVAL = 0.5


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` spawned processes, each ending when this process ends."""
    from multiprocessing import get_context

    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=watch_parent, initargs=(os.getpid(),))


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
