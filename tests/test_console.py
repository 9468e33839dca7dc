"""The console script: a big workbook named on the command line is opened once, early,
and the command's read uses that open; anything odd leaves the open to the command."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey import console, cores
from kl_survey.cli import app
from kl_survey.errors import KlSurveyError
from kl_survey.readers import read_survey
from kl_survey.readers.source import read_table, workbook
from kl_survey.readers.source.limits import SourceOptions

from fixtures.imports import modules_after
from fixtures.raw_tables import write_xlsx
from paths import EXAMPLE, ROOT

runner = CliRunner()


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The thread of each calamine open; every file counts as big, on a spare core."""
    monkeypatch.setattr(cores, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(cores, "spare", lambda: True)
    threads: list[str] = []
    real = workbook.fastexcel.read_excel

    def read_excel(source: object) -> object:
        threads.append(threading.current_thread().name)
        return real(source)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook.fastexcel, "read_excel", read_excel)
    yield threads
    workbook._OPENED.clear()


def _opened(args: list[str]) -> None:
    """:func:`console.open_named`, and wait for its open to end (it holds the lock)."""
    begun = console.open_named(args)
    assert begun is not None and begun.wait(10)
    with workbook._OPENING:
        pass


def _export(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "svar.xlsx", {"Svar": [["Kommune", "Har I et tilbud?"],
                                                        ["Aarhus", "Ja"], ["Odense", "Nej"]]})


def test_the_command_reads_the_workbook_opened_early(tmp_path: Path, opens: list[str]) -> None:
    path = _export(tmp_path)
    _opened(["analyze", "-f", "json", str(path)])
    assert opens == ["kl-survey-open"] and workbook._OPENED
    survey = read_survey(path)
    assert opens == ["kl-survey-open"] and not workbook._OPENED  # taken, not opened again
    plain = read_survey(path)  # opened here, as without the console script
    assert opens == ["kl-survey-open", "MainThread"] and len(survey.respondents) == 2
    assert survey.respondents.equals(plain.respondents)
    assert ({q: a.to_dict() for q, a in survey.answers.items()}
            == {q: a.to_dict() for q, a in plain.answers.items()})


def test_a_workbook_a_read_has_opened_is_not_opened_again(tmp_path: Path,
                                                          opens: list[str]) -> None:
    path = _export(tmp_path)
    read_table(path)
    _opened(["analyze", str(path)])
    assert opens == ["MainThread"] and not workbook._OPENED


def test_the_read_still_applies_its_own_limits(tmp_path: Path, opens: list[str]) -> None:
    """The early open screens with the defaults; a stricter --max-size still refuses."""
    path = _export(tmp_path)
    _opened(["analyze", str(path), "--max-size", "0"])
    with pytest.raises(KlSurveyError):
        read_table(path, options=SourceOptions(max_bytes=100))


def test_a_broken_workbook_is_left_to_the_command(tmp_path: Path, opens: list[str]) -> None:
    """The open fails quietly in its thread; the command says what it always says."""
    path = tmp_path / "svar.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip " * 100)
    before = runner.invoke(app, ["analyze", str(path)])
    _opened(["analyze", str(path)])
    after = runner.invoke(app, ["analyze", str(path)])
    assert not workbook._OPENED
    assert after.exit_code == before.exit_code == 2 and after.output == before.output


@pytest.mark.parametrize("args", [
    ["--help"], ["analyze", "svar.csv"], ["analyze", "mangler.xlsx"], ["analyze", "mappe.xlsx"],
    ["analyze", "lille.xlsx"],
])
def test_nothing_is_opened_without_a_big_workbook(args: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cores, "spare", lambda: True)
    (tmp_path / "mappe.xlsx").mkdir()
    (tmp_path / "svar.csv").write_text("a;b\n" * 400_000)
    _export(tmp_path).rename(tmp_path / "lille.xlsx")  # a few kB: below the threshold
    assert console.open_named(args) is None


def test_one_core_opens_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "READ_AHEAD_BYTES", 0)
    monkeypatch.setenv("KL_SURVEY_WORKERS", "0")
    assert console.open_named(["analyze", str(_export(tmp_path))]) is None


def test_the_console_script_opens_early_and_gives_the_same_answer(tmp_path: Path) -> None:
    """In a real process, through ``python -m kl_survey``'s own entry point: one open,
    in the early thread, and the JSON of a run without it."""
    path = _export(tmp_path)
    code = ("import sys, threading\n"
            "from kl_survey import cores\n"
            "from kl_survey.readers.source import workbook\n"
            "cores.READ_AHEAD_BYTES = 0\n"
            "cores.spare = lambda: True\n"
            "real = workbook.fastexcel.read_excel\n"
            "def read_excel(source):\n"
            "    sys.stderr.write('open in ' + threading.current_thread().name + '\\n')\n"
            "    return real(source)\n"
            "workbook.fastexcel.read_excel = read_excel\n"
            "sys.argv = ['kl-survey', 'analyze', sys.argv[1], '-f', 'json']\n"
            "from kl_survey.console import run\n"
            "run()\n")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == ["open in kl-survey-open"]
    plain = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert json.loads(proc.stdout) == json.loads(plain.stdout)


def test_the_console_script_imports_only_the_standard_library_first() -> None:
    """What runs before the open starts: no Typer, pandas, pyarrow or pydantic."""
    loaded = modules_after("import kl_survey.console")
    heavy = {"typer", "click", "numpy", "pandas", "pyarrow", "pydantic", "fastexcel"}
    assert not {m for m in loaded if m.split(".")[0] in heavy}
    assert {m for m in loaded if m.startswith("kl_survey.")} == {"kl_survey.console",
                                                                  "kl_survey.cores"}


def test_python_m_kl_survey_runs_the_console_script() -> None:
    proc = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(EXAMPLE),
                           "-f", "json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == json.loads(
        runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json"]).stdout)
