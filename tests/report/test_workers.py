"""Spawned workers end with the process that started them (kl_survey/report/workers.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kl_survey.report.workers import spawn_pool

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
