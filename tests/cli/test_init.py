"""The ``kl-survey`` console script around the commands (kl_survey/cli/__init__.py)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from paths import EXAMPLE

SCRIPT = textwrap.dedent("""
    import atexit, gc, sys
    from kl_survey.cli import main

    if __name__ == "__main__":
        # registered before the command's own exit function, so it runs after it
        atexit.register(lambda: print("frozen:", gc.get_freeze_count() > 0))
        atexit.register(lambda: print("threshold:", gc.get_threshold()[0]))
        out = ["--formats", "json"] if sys.argv[1] == "report" else ["-f", "json"]
        sys.argv = ["kl-survey", sys.argv[1], sys.argv[2], *out, "-o", sys.argv[3]]
        main()
""")


@pytest.mark.parametrize("command", ["report", "analyze"])
def test_the_exit_skips_the_last_collections(command: str, tmp_path: Path) -> None:
    """The final garbage collections cost 0.25-0.5 s after the last file was written;
    every command's output is complete without them."""
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "r"
    done = subprocess.run([sys.executable, str(script), command, str(EXAMPLE), str(out)],
                          capture_output=True, text=True, check=True)
    assert "frozen: True" in done.stdout
    assert f"threshold: {gc.get_threshold()[0]}" in done.stdout  # released after imports
    written = out / "results.json" if command == "report" else out
    assert json.loads(written.read_text(encoding="utf-8"))["respondents"] == 95


def test_a_document_on_stdout_is_whole() -> None:
    """Nothing written to a pipe waits for the collector: the JSON arrives complete."""
    done = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(EXAMPLE), "-f",
                           "json"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["respondents"] == 95


@pytest.fixture
def collection() -> object:
    """The collector as it was, whatever a test does to it."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    yield
    gc.set_threshold(*threshold)
    if gc.get_freeze_count() > frozen:
        gc.unfreeze()


def test_collection_is_held_while_importing_and_released_after(collection: object) -> None:
    from kl_survey import collector

    usual = gc.get_threshold()
    collector.hold()
    collector.hold()  # once: a second hold keeps the usual threshold saved
    assert gc.get_threshold() == (collector.HELD, *usual[1:])
    collector.release()
    assert gc.get_threshold() == usual and gc.get_freeze_count() > 0
    collector.release()  # nothing held: nothing changes
    assert gc.get_threshold() == usual


QUICK = textwrap.dedent("""
    import atexit, sys
    import kl_survey.cli as cli

    class Module:
        def __del__(self):  # runs only if the interpreter tears its modules down
            print("torn down", flush=True)

    cli.torn = Module()

    def command():
        atexit.register(lambda: print("later exit function", flush=True))
        print("output", end="")  # left in the buffer: the exit must flush it
        raise SystemExit(sys.argv[1] if sys.argv[1] == "message" else int(sys.argv[1]))

    cli.main = command
    cli.run()
""")


@pytest.mark.parametrize("status", [0, 2])
def test_the_script_ends_without_teardown_and_keeps_its_status(status: int,
                                                              tmp_path: Path) -> None:
    """Python's teardown of pandas and pyarrow cost 0.03-0.05 s after every command;
    the exit functions registered later (logging, multiprocessing, locks) still run,
    the buffered output arrives, and the command's exit status is the process's."""
    script = tmp_path / "run.py"
    script.write_text(QUICK, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(status)], capture_output=True,
                          text=True)
    assert done.returncode == status
    assert done.stdout.startswith("output") and "later exit function" in done.stdout
    assert "torn down" not in done.stdout


def test_an_exit_with_a_message_is_left_to_python(tmp_path: Path) -> None:
    """Only a number is a status ``os._exit`` can give; a message keeps the usual exit,
    which prints it and exits 1."""
    script = tmp_path / "run.py"
    script.write_text(QUICK, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "message"], capture_output=True,
                          text=True)
    assert done.returncode == 1 and "message" in done.stderr
    assert "torn down" in done.stdout
