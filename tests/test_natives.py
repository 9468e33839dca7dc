"""The native libraries' settings in the console script (kl_survey/natives.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pyarrow as pa
import pytest

from kl_survey import natives

from paths import EXAMPLE

mimalloc = pytest.mark.skipif(pa.default_memory_pool().backend_name != "mimalloc",
                              reason="pyarrow's default allocator here is not mimalloc")


def test_settle_turns_huge_pages_and_blas_threads_off(monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:
    monkeypatch.delenv(natives.ALLOW_THP, raising=False)
    monkeypatch.delenv(natives.BLAS_THREADS, raising=False)  # restored after the test
    natives.settle()
    assert os.environ[natives.ALLOW_THP] == "0"
    assert os.environ[natives.BLAS_THREADS] == "1"


def test_settle_keeps_what_the_user_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(natives.ALLOW_THP, "1")
    monkeypatch.setenv(natives.BLAS_THREADS, "2")
    natives.settle()
    assert os.environ[natives.ALLOW_THP] == "1"
    assert os.environ[natives.BLAS_THREADS] == "2"


def _threads_after_numpy(settle: bool) -> int:
    """The process's threads once numpy is imported, in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items()
           if k not in (natives.BLAS_THREADS, "OMP_NUM_THREADS", "GOTO_NUM_THREADS")}
    code = ("import os\n"
            f"if {settle}:\n"
            "    from kl_survey import natives; natives.settle()\n"
            "import numpy\n"
            "print(len(os.listdir('/proc/self/task')))\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    return int(done.stdout)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or (os.cpu_count() or 1) < 2,
                    reason="counts threads in /proc, on more than one core")
def test_settle_keeps_openblas_from_starting_threads() -> None:
    """numpy's OpenBLAS starts (and spins) a thread per further core unless told
    otherwise before it loads; settled, importing numpy leaves the process one thread."""
    if _threads_after_numpy(settle=False) == 1:
        pytest.skip("this numpy starts no BLAS threads anyway")
    assert _threads_after_numpy(settle=True) == 1


def _options(env: dict[str, str]) -> str:
    """mimalloc's options as it reports them at start-up in an ``analyze`` run."""
    done = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(EXAMPLE),
                           "-f", "json"], env={**env, "MIMALLOC_VERBOSE": "1"},
                          capture_output=True, text=True, check=True)
    return done.stderr


@mimalloc
def test_the_console_script_settles_before_arrow_loads() -> None:
    """mimalloc reads its options once, when Arrow's library is loaded: the command's
    own setting must come first, or it does nothing."""
    env = {k: v for k, v in os.environ.items() if k != natives.ALLOW_THP}
    assert "option 'allow_thp': 0" in _options(env)


@mimalloc
def test_the_console_script_keeps_the_users_setting() -> None:
    assert "option 'allow_thp': 1" in _options({**os.environ, natives.ALLOW_THP: "1"})
