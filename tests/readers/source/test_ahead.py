"""Reading ahead: the table read in a thread is the one read_table would return, its
failures are raised where it is taken, and anything not asked for is dropped."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import InputError
from kl_survey.messages import use_language
from kl_survey.readers.source import ahead, read_table, table
from kl_survey.readers.source.limits import SourceOptions

from fixtures.imports import modules_after
from fixtures.raw_tables import write_xlsx
from paths import EXAMPLE, ROOT

runner = CliRunner()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each real read ran in; read ahead on, whatever this machine has."""
    monkeypatch.setattr(ahead, "enabled", lambda: True)
    monkeypatch.setattr(ahead, "MIN_BYTES", 0)
    threads: list[str] = []
    real = table.read_now

    def read_now(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table, "read_now", read_now)
    yield threads
    assert not ahead.pending()  # nothing left behind for the next test


def _two_sheets(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "d.xlsx", {"Svar": [["id", "q1"], [1, "Ja"], [2, "Nej"]],
                                            "Andet": [["x"], ["y"]]})


def test_the_table_read_ahead_is_the_table(tmp_path: Path, reads: list[str]) -> None:
    path = _two_sheets(tmp_path)
    ahead.start(path)
    early = read_table(path)
    assert reads == ["kl-survey-read-ahead"]
    later = read_table(path)
    assert early.frame.equals(later.frame)
    assert (early.rows, early.sheet, early.kind) == (later.rows, later.sheet, later.kind)
    assert reads == ["kl-survey-read-ahead", "MainThread"]  # taken once, not kept


def test_another_sheet_or_other_options_are_read_here(tmp_path: Path,
                                                      reads: list[str]) -> None:
    path = _two_sheets(tmp_path)
    ahead.start(path)
    assert read_table(path, sheet="Andet").sheet == "Andet"
    ahead.start(path)
    read_table(path, options=SourceOptions(max_columns=10))
    assert reads.count("MainThread") == 2 and not ahead.pending()


def test_a_rewritten_file_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    path = _two_sheets(tmp_path)
    ahead.start(path)
    write_xlsx(path, {"Ny": [["id", "q1"], [1, "Ja"]]})
    assert read_table(path).sheet == "Ny"


def test_a_failure_is_raised_where_the_table_is_taken_in_the_callers_language(
        tmp_path: Path, reads: list[str]) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with use_language("en"):
        ahead.start(path)
    with pytest.raises(InputError) as raised:
        read_table(path)
    with use_language("en"), pytest.raises(InputError) as direct:
        read_table(path)
    assert str(raised.value) == str(direct.value)
    assert reads == ["kl-survey-read-ahead", "MainThread"]


def _held_read(monkeypatch: pytest.MonkeyPatch, log: list[str],
               release: threading.Event, *, parses: bool) -> None:
    """A read that says where it is in ``log``, and ends only once ``release`` is set."""
    real = table.read_now

    def read_now(*args: object, **kwargs: object) -> object:
        time.sleep(0.2)  # the screens and the opening take a while
        log.append("screens and opening")
        if parses:
            ahead.parsing()
            log.append("parsing")
        release.wait(60)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table, "read_now", read_now)
    monkeypatch.setattr(ahead, "enabled", lambda: True)
    monkeypatch.setattr(ahead, "MIN_BYTES", 0)


def test_a_workbook_read_is_under_way_when_start_returns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """start() waits for the parse to begin, not for it to end: until then the caller's
    imports would take the GIL from the thread's safety screens and opening."""
    log: list[str] = []
    release = threading.Event()
    _held_read(monkeypatch, log, release, parses=True)
    path = _two_sheets(tmp_path)
    ahead.start(path)
    assert log == ["screens and opening", "parsing"] and ahead.pending()
    release.set()
    assert read_table(path).sheet == "Svar"


def test_start_waits_for_no_csv_and_no_failed_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []
    release = threading.Event()
    _held_read(monkeypatch, log, release, parses=False)
    csv = tmp_path / "d.csv"
    csv.write_text("id;q1\n1;Ja\n", encoding="utf-8")
    ahead.start(csv)  # returns at once, the read still held
    assert ahead.pending() and not release.is_set()
    release.set()
    assert read_table(csv).kind == "csv"
    monkeypatch.setattr(ahead, "WAIT", 600)  # a workbook read that fails before parsing:
    broken = tmp_path / "broken.xlsx"  # start() goes on when it ends, not after WAIT
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    caller = threading.Thread(target=ahead.start, args=(broken,))
    caller.start()
    caller.join(60)
    assert not caller.is_alive()
    with pytest.raises(InputError):
        read_table(broken)


def test_one_core_or_workers_off_reads_nothing_ahead(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KL_SURVEY_WORKERS", "0")
    ahead.start(_two_sheets(tmp_path))
    assert not ahead.pending()
    monkeypatch.delenv("KL_SURVEY_WORKERS")
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    ahead.start(tmp_path / "d.xlsx")
    ahead.start(tmp_path)  # a folder: never
    assert not ahead.pending()


def test_a_small_file_is_read_when_asked_for(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "enabled", lambda: True)
    ahead.start(_two_sheets(tmp_path))  # a few kB: parsed in milliseconds anyway
    assert not ahead.pending()


def test_the_source_layer_reads_without_pandas() -> None:
    """What lets the read overlap the import of pandas: parsing needs none of it."""
    code = ("import sys; from kl_survey.readers.source import workbook, csv, html, table;"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("command", ["analyze", "validate", "report"])
def test_the_commands_read_the_export_once_ahead(command: str, tmp_path: Path,
                                                reads: list[str]) -> None:
    args = [command, str(EXAMPLE)]
    if command == "report":
        args += ["-o", str(tmp_path / "r"), "--formats", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert reads == ["kl-survey-read-ahead"]


def test_with_a_spec_the_export_is_read_in_the_command(tmp_path: Path,
                                                      reads: list[str]) -> None:
    """A spec may name the sheet, known only once the spec is read."""
    spec = tmp_path / "survey.toml"
    assert runner.invoke(app, ["init", str(EXAMPLE), "-o", str(spec)]).exit_code == 0
    reads.clear()
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--spec", str(spec)])
    assert result.exit_code == 0, result.output
    assert reads == ["MainThread"]


def test_a_workbook_read_ahead_is_opened_once(tmp_path: Path, reads: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Detection lists the sheets while (or after) the thread reads: the names come from
    the thread's open, not from parsing the shared strings again."""
    from kl_survey.readers import read_survey
    from kl_survey.readers.source import workbook

    path = _two_sheets(tmp_path)
    opened: list[object] = []
    real = workbook.fastexcel.read_excel

    def read_excel(source: object) -> object:
        opened.append(source)
        return real(source)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook.fastexcel, "read_excel", read_excel)
    ahead.start(path)
    survey = read_survey(path)
    assert survey.source.sheet == "Svar" and len(opened) == 1
    assert reads == ["kl-survey-read-ahead"] and not workbook._OPENED


def test_reading_named_sheets_drops_the_table_read_ahead(tmp_path: Path,
                                                         reads: list[str]) -> None:
    from kl_survey.readers.source import read_workbook

    path = _two_sheets(tmp_path)
    ahead.start(path)
    assert set(read_workbook(path, ["Svar", "Andet"])) == {"Svar", "Andet"}
    assert not ahead.pending()


def test_the_cli_starts_a_workbook_read_before_pyarrow_or_pydantic() -> None:
    """The read starts when Click has split the command line; what the thread needs up
    to calamine's parse imports none of the libraries the command imports meanwhile."""
    loaded = modules_after("import kl_survey.cli, kl_survey.cli.paths\n"
                           "from kl_survey.readers.source import ahead, table, workbook")
    assert not loaded & {"numpy", "pyarrow", "pandas", "pydantic"}


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch, reads: list[str]) -> list[tuple[object, ...]]:
    """Each ahead.start call: (file, sheet, options), whoever made it."""
    calls: list[tuple[object, ...]] = []
    real = ahead.start

    def start(path: Path, *, sheet: str | None = None,
              options: SourceOptions | None = None) -> None:
        calls.append((path.resolve(), sheet, options))
        real(path, sheet=sheet, options=options)

    monkeypatch.setattr(ahead, "start", start)
    return calls


@pytest.mark.parametrize("options", [
    [],
    ["--sheet", "Svar", "--max-columns", "50", "--max-size", "20", "--max-memory", "900",
     "--max-cell-length", "400", "--repair-encoding", "--complete-only"],
])
def test_the_read_started_from_the_command_line_is_the_one_the_command_asks_for(
        options: list[str], tmp_path: Path, reads: list[str],
        starts: list[tuple[object, ...]]) -> None:
    """The raw values give the same file, sheet and limits as Typer's: the command's own
    call finds the read under way, and the table read ahead is the one taken."""
    path = _two_sheets(tmp_path)
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", *options])
    assert result.exit_code == 0, result.output
    assert len(starts) == 2 and starts[0] == starts[1]
    assert reads == ["kl-survey-read-ahead"]


@pytest.mark.parametrize("values", [
    {"file": "x.xlsx", "max_size": "ten"},
    {"file": "x.xlsx", "help": True},
    {"file": "x.xlsx", "spec": "survey.toml"},
    {"file": "x.xlsx", "source": "help"},
    {"file": "-"},
    {"max_size": "10"},
])
def test_odd_command_lines_leave_the_read_to_the_command(
        values: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        starts: list[tuple[object, ...]]) -> None:
    from kl_survey.cli import paths

    monkeypatch.chdir(tmp_path)
    _two_sheets(tmp_path).rename(tmp_path / "x.xlsx")
    paths.read_ahead_raw(values)
    assert starts == [] and not ahead.pending()


def test_a_read_started_for_a_failing_command_is_let_go(tmp_path: Path, reads: list[str],
                                                        starts: list[tuple[object, ...]]
                                                        ) -> None:
    """A usage error after the read started: the pending table is forgotten, not waited
    for (``reads`` checks that nothing is left pending)."""
    path = _two_sheets(tmp_path)
    result = runner.invoke(app, ["analyze", str(path), "--format", "nonsense"])
    assert result.exit_code == 2
    assert len(starts) == 1
