"""Option bundles, -q, --lang for errors and status lines, and exit codes (cli/common.py)."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kl_survey.cli import app, common
from kl_survey.cli.common import READING, VOICE, Bundle, Reading, Voice

from paths import EXAMPLE, EXAMPLE_DIR

runner = CliRunner()


# ---------------------------------------------------------------- bundles


def test_a_bundle_adds_its_options_and_passes_one_value() -> None:
    seen: list[tuple[str, Reading, Voice]] = []

    @READING
    @VOICE
    def command(file: str, *, reading: Reading, voice: Voice) -> None:
        seen.append((file, reading, voice))

    params = inspect.signature(command).parameters
    assert list(params) == ["file", "lang", "quiet", "sheet", "source", "complete_only",
                            "repair_encoding", "max_size", "max_memory", "max_columns",
                            "max_cell_length"]
    assert all(p.kind is p.KEYWORD_ONLY for name, p in params.items() if name != "file")
    command("x.xlsx", lang=None, quiet=False, sheet="Ark1", source=None, complete_only=True,
            repair_encoding=False, max_size=2, max_memory=None, max_columns=7,
            max_cell_length=None)
    (file, reading, _voice), = seen
    assert file == "x.xlsx" and reading.sheet == "Ark1" and reading.max_bytes == 2 * 1024**2
    options = reading.load_options(strict=True)
    assert options.complete_only is True and options.strict is True
    assert options.limits is not None and options.limits.max_columns == 7
    common.reset()


def test_a_new_bundle_works_through_typer() -> None:
    """What an engineer adding shared options does: a dataclass and a Bundle."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Extra:
        by: str | None = None

    bundle = Bundle("extra", Extra, {"by": (str | None, typer.Option(None, "--by",
                                                                     metavar="KOLONNE"))})
    sub = typer.Typer()

    @sub.command()
    @bundle
    def go(name: str, *, extra: Extra) -> None:
        typer.echo(f"{name}:{extra.by}")

    @sub.command()
    def other() -> None:
        pass

    assert runner.invoke(sub, ["go", "a", "--by", "region"]).stdout == "a:region\n"


def test_source_help_lists_the_readers_in_every_reading_command() -> None:
    for command in ("analyze", "validate", "init", "report"):
        args = [command, "x", "--source", "help"] + (["-o", "ud"] if command == "report" else [])
        res = runner.invoke(app, args)
        assert res.exit_code == 0, (command, res.output)
        assert "surveyxact" in res.stdout and "generic" in res.stdout


# ---------------------------------------------------------------- --lang and -q


@pytest.fixture(scope="module")
def duplicate_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with one municipality answering twice: analyze warns."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_validate import example_rows, write_csv

    header, body = example_rows()
    body = [list(r) for r in body]
    body.append(list(body[0]))
    return write_csv(tmp_path_factory.mktemp("dup") / "dobbelt.csv", header, body)


def test_quiet_silences_warnings_and_status_but_not_results(duplicate_csv: Path,
                                                             tmp_path: Path) -> None:
    loud = runner.invoke(app, ["analyze", str(duplicate_csv), "-f", "json"])
    assert loud.exit_code == 0 and "kl-survey: advarsel:" in loud.stderr
    for args in (["analyze", str(duplicate_csv), "-f", "json", "-q"],
                 ["analyze", "-q", str(duplicate_csv), "--quiet", "-f", "json"]):
        quiet = runner.invoke(app, args)
        assert quiet.exit_code == 0 and quiet.stderr == ""
        assert json.loads(quiet.stdout) == json.loads(loud.stdout)
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / "r"), "--formats",
                              "json", "--quiet"])
    assert res.exit_code == 0 and res.stderr == "" and res.stdout == ""
    res = runner.invoke(app, ["init", str(EXAMPLE), "-o", str(tmp_path / "s.toml"), "-q"])
    assert res.exit_code == 0 and res.stderr == ""


def test_quiet_still_shows_errors() -> None:
    res = runner.invoke(app, ["analyze", "findes-ikke.xlsx", "-q"])
    assert res.exit_code == 2 and res.stderr.startswith("kl-survey: fejl: findes-ikke.xlsx")


def test_quiet_does_not_leak_into_the_next_run(duplicate_csv: Path) -> None:
    runner.invoke(app, ["analyze", str(duplicate_csv), "-f", "json", "-q"])
    assert "advarsel" in runner.invoke(app, ["analyze", str(duplicate_csv), "-f", "json"]).stderr
    assert common.QUIET is False


def test_english_translates_status_lines_warnings_and_errors(duplicate_csv: Path,
                                                             tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / "r"), "--formats",
                              "json,xlsx", "--lang", "en"])
    assert res.exit_code == 0 and res.stderr == f"Wrote 2 files in {tmp_path / 'r'}\n"
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / "r"), "--formats",
                              "json"])
    assert res.stderr == f"Skrev 1 fil i {tmp_path / 'r'}\n"
    res = runner.invoke(app, ["analyze", str(duplicate_csv), "-f", "json", "--lang", "en"])
    assert "kl-survey: warning:" in res.stderr
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "xlsx", "--lang", "en"])
    assert res.stderr == "kl-survey: error: xlsx must be written to a file. Give -o results.xlsx.\n"
    res = runner.invoke(app, ["validate", str(EXAMPLE), "--lang", "en"])
    assert "0 errors, 0 warnings, 2 notes — approved" in res.stdout
    assert "Level" in res.stdout and "Niveau" not in res.stdout
    res = runner.invoke(app, ["init", str(EXAMPLE), "-o", str(tmp_path / "s.toml"), "--lang",
                              "en"])
    assert res.stderr.startswith(f"Wrote {tmp_path / 's.toml'} (8 questions)")


def test_spec_strict_error_in_english(tmp_path: Path) -> None:
    spec = tmp_path / "survey.toml"
    spec.write_text((EXAMPLE_DIR / "survey.toml").read_text(encoding="utf-8").replace(
        'source = "generic"', 'source = "msforms"'), encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--spec", str(spec), "--strict",
                              "--lang", "en"])
    assert res.exit_code == 2
    assert "The export was read as generic, but the spec was written for msforms" in res.stderr
    assert "Without --strict it is a warning" in res.stderr


def test_internal_errors_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import kl_survey.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("x")

    monkeypatch.setattr(kl_survey.pipeline, "run", boom)
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--lang", "en"])
    assert res.exit_code == 70
    assert res.stderr.startswith("kl-survey: error: Internal error (RuntimeError: x). Run again")


# ---------------------------------------------------------------- a closed pipe


@pytest.mark.parametrize("args", [
    ["analyze", str(EXAMPLE), "-f", "json"],
    ["analyze", str(EXAMPLE)],
    ["validate", str(EXAMPLE)],
    ["init", str(EXAMPLE), "-o", "-"],
    ["--help"],
    ["--version"],
])
def test_a_closed_pipe_exits_141_quietly(args: list[str]) -> None:
    """`kl-survey … | head -1`: never 1 (validate's "errors found"), never 70, no noise."""
    proc = subprocess.Popen([sys.executable, "-m", "kl_survey", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "KL_SURVEY_LANG": "da"})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read()
    assert proc.wait() == 141
    assert err == b""


def test_dedupe_choices_are_the_models() -> None:
    from kl_survey.cli.analyze import Dedupe
    from kl_survey.model import Dedupe as ModelDedupe

    assert [d.value for d in Dedupe] == [d.value for d in ModelDedupe]
