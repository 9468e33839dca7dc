"""Progress: silent when piped or in CI, delayed on a terminal, never on stdout."""

import io
import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kl_survey import progress

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"


class FakeTerminal(io.StringIO):
    """A stderr that says it is a terminal and records what is drawn on it."""

    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch: pytest.MonkeyPatch) -> FakeTerminal:
    """Called in the test body: pytest's capture resets sys.stderr after fixtures run."""
    term = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", term)
    for var in ("CI", "KL_SURVEY_NO_PROGRESS", "KL_SURVEY_PROGRESS_DELAY"):
        monkeypatch.delenv(var, raising=False)
    return term


def test_silent_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("KL_SURVEY_PROGRESS_DELAY", "0")
    assert not progress.enabled()
    with progress.stage("Læser", total=3) as advance:
        advance(1)
        advance(2)
    assert piped.getvalue() == ""


@pytest.mark.parametrize("value", ["true", "TRUE", "1", "yes"])
def test_silent_under_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv("CI", value)
    monkeypatch.setenv("KL_SURVEY_PROGRESS_DELAY", "0")
    assert not progress.enabled()
    with progress.stage("Læser"):
        pass
    assert terminal.getvalue() == ""


def test_opt_out_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    _terminal(monkeypatch)
    assert progress.enabled()
    monkeypatch.setenv("KL_SURVEY_NO_PROGRESS", "1")
    assert not progress.enabled()


def test_quick_stage_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv("KL_SURVEY_PROGRESS_DELAY", "30")
    assert progress.enabled()
    with progress.stage("Læser", total=2) as advance:
        advance()
    bar = advance.__self__  # type: ignore[attr-defined]
    bar.timer.join(10)  # cancelled by the end of the stage, not fired
    assert not bar.timer.is_alive() and bar.progress is None
    assert terminal.getvalue() == ""


def test_long_stage_shows_a_bar_and_keeps_the_count(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv("KL_SURVEY_PROGRESS_DELAY", "0")
    with progress.stage("Tegner figurer", total=4) as advance:
        advance(3)  # before the bar exists: handed over when it starts
        bar = advance.__self__  # type: ignore[attr-defined]
        assert bar.timer is not None
        bar.timer.join(10)  # the delay has passed: the bar is up
        assert bar.progress is not None
        assert bar.progress.tasks[0].completed == 3
        advance(1)
        assert bar.progress.tasks[0].completed == 4
    assert "Tegner figurer" in terminal.getvalue()


def _pty_run(args: list[str], env: dict[str, str]) -> tuple[str, str, int]:
    """Run with stderr on a pseudo-terminal and stdout on a pipe: (stdout, tty, rc)."""
    master, slave = os.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=slave, cwd=ROOT, env=env)
    os.close(slave)
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(120)
    reader.join(120)
    os.close(master)
    return b"".join(out).decode(), seen.decode(errors="replace"), proc.returncode


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CI", "KL_SURVEY_NO_PROGRESS", "KL_SURVEY_PROGRESS_DELAY")}
    return {**env, **extra}


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_json_on_stdout_stays_clean_while_the_bar_draws_on_the_terminal() -> None:
    args = [sys.executable, "-m", "kl_survey", "analyze", str(EXAMPLE), "-f", "json"]
    out, tty, rc = _pty_run(args, _env(KL_SURVEY_PROGRESS_DELAY="0"))
    assert rc == 0, tty
    assert json.loads(out)["respondents"] == 95
    assert "\x1b" not in out  # no cursor control leaked into the JSON


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_bar_on_a_terminal_under_ci() -> None:
    args = [sys.executable, "-m", "kl_survey", "analyze", str(EXAMPLE), "-f", "json"]
    out, tty, rc = _pty_run(args, _env(KL_SURVEY_PROGRESS_DELAY="0", CI="true"))
    assert rc == 0
    assert json.loads(out)["respondents"] == 95
    assert "Læser" not in tty and "\x1b" not in tty
