"""Spawned workers end with the process that started them (kl_survey/report/workers.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kl_survey.report.workers import Worker, spawn_pool

PARENT = textwrap.dedent("""
    import os, sys, time
    from kl_survey.report.workers import spawn_pool

    if __name__ == "__main__":
        pool = spawn_pool(1)
        print(pool.submit(os.getpid).result(), flush=True)
        time.sleep(60)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:  # a zombie is gone too
        return fh.read().split(")")[-1].split()[0] != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to see a zombie")
def test_a_worker_exits_when_its_parent_is_killed_9(tmp_path: Path) -> None:
    """kill -9 of kl-survey report used to leave its figure worker running for good."""
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                              text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(worker)
    if alive:
        os.kill(worker, 9)
    assert not alive, "the worker outlived its killed parent"


def test_a_pool_still_does_its_work() -> None:
    with spawn_pool(1) as pool:
        assert pool.submit(pow, 2, 10).result() == 1024
        # a plain pool (the per-municipality reports) collects as usual from the start
        assert pool.submit(_collection).result()[0] == gc.get_threshold()


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KL_SURVEY_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def _noop() -> None:
    return None


@pytest.mark.usefixtures("two_cores")
def test_a_worker_runs_the_job_in_another_process() -> None:
    worker = Worker(_noop)
    try:
        assert worker.result(worker.submit(os.getpid), os.getpid) != os.getpid()
    finally:
        assert worker.pool is not None
        worker.pool.shutdown()


def _collection() -> tuple[tuple[int, ...], bool]:
    return gc.get_threshold(), gc.get_freeze_count() > 0


@pytest.mark.usefixtures("two_cores")
def test_a_worker_collects_as_usual_once_warm() -> None:
    """Held while its imports run (kl_survey.collector), released after ``warm``."""
    worker = Worker(_noop)
    try:
        threshold, frozen = worker.result(worker.submit(_collection), _collection)
        assert threshold == gc.get_threshold() and frozen
    finally:
        assert worker.pool is not None
        worker.pool.shutdown()


def test_without_a_second_core_or_with_workers_0_the_job_runs_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert Worker(_noop).submit(os.getpid).result() == os.getpid()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv("KL_SURVEY_WORKERS", "0")
    worker = Worker(_noop)
    assert worker.submit(os.getpid).result() == os.getpid()
    assert worker.pool is None


@pytest.mark.usefixtures("two_cores")
def test_a_job_whose_worker_dies_is_done_here() -> None:
    worker = Worker(_noop)
    dying = worker.submit(os._exit, 3)  # the worker process ends mid-job
    assert worker.result(dying, os.getpid) == os.getpid()
    assert worker.pool is None
    # the next job gets a new worker
    again = worker.submit(os.getpid)
    assert worker.result(again, os.getpid) != os.getpid()
    assert worker.pool is not None
    worker.pool.shutdown()


# an object, kept in a module, whose finaliser writes a file when the interpreter tears
# its modules down (everything it needs then is bound early)
TEAR_DOWN = textwrap.dedent("""
    import os, sys, types

    class Mark:
        def __init__(self, path, flags=os.O_WRONLY | os.O_CREAT, open=os.open,
                     write=os.write):
            self.args, self.open, self.write = (path, flags), open, write

        def __del__(self):
            self.write(self.open(*self.args), b"torn down")

    module = types.ModuleType("kl_survey_mark")
    module.mark = Mark(PATH)
    sys.modules["kl_survey_mark"] = module
""")


def test_a_worker_told_to_stop_skips_the_tear_down(tmp_path: Path) -> None:
    """The parent joins its workers on exit; their tear-down (0.2-0.3 s with WeasyPrint
    or matplotlib loaded) used to be waited out at the end of every report."""
    path = tmp_path / "torn-down"
    with spawn_pool(1) as pool:
        pool.submit(exec, TEAR_DOWN, {"PATH": str(path)}).result()
    assert not path.exists()
    # a plain interpreter does tear it down: the test would see a regression
    subprocess.run([sys.executable, "-c", f"PATH = {str(path)!r}\n" + TEAR_DOWN], check=True)
    assert path.read_text() == "torn down"
