"""Arrow's allocator in the console script (kl_survey/allocator.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pyarrow as pa
import pytest

from kl_survey import allocator

from paths import EXAMPLE

mimalloc = pytest.mark.skipif(pa.default_memory_pool().backend_name != "mimalloc",
                              reason="pyarrow's default allocator here is not mimalloc")


def test_settle_turns_huge_pages_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(allocator.ALLOW_THP, raising=False)
    allocator.settle()
    assert os.environ[allocator.ALLOW_THP] == "0"


def test_settle_keeps_what_the_user_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(allocator.ALLOW_THP, "1")
    allocator.settle()
    assert os.environ[allocator.ALLOW_THP] == "1"


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
    env = {k: v for k, v in os.environ.items() if k != allocator.ALLOW_THP}
    assert "option 'allow_thp': 0" in _options(env)


@mimalloc
def test_the_console_script_keeps_the_users_setting() -> None:
    assert "option 'allow_thp': 1" in _options({**os.environ, allocator.ALLOW_THP: "1"})
