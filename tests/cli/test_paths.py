"""``-`` for stdin, outputs that would destroy an input, and paths Click used to check."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.cli.paths import spool
from kl_survey.errors import UnsafeInputError

from paths import EXAMPLE, EXAMPLE_DIR

runner = CliRunner()


def _csv_bytes() -> bytes:
    """The example as a ;-separated CSV, as an analyst would pipe it from another tool."""
    from openpyxl import load_workbook

    ws = load_workbook(EXAMPLE, read_only=True).active
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in ws.iter_rows(values_only=True):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


# ---------------------------------------------------------------- stdin


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_dash_reads_the_export_from_stdin_and_sniffs_the_format(kind: str) -> None:
    data = EXAMPLE.read_bytes() if kind == "xlsx" else _csv_bytes()
    res = runner.invoke(app, ["analyze", "-", "-f", "json"], input=data)
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["source"]["file"] == "stdin"
    assert doc["respondents"] == 95
    from_file = json.loads(runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json"]).stdout)
    assert doc["questions"] == from_file["questions"]


def test_stdin_works_for_validate_init_and_report(tmp_path: Path) -> None:
    data = EXAMPLE.read_bytes()
    res = runner.invoke(app, ["validate", "-", "-f", "json"], input=data)
    assert res.exit_code == 0 and json.loads(res.stdout)["file"] == "stdin"
    res = runner.invoke(app, ["init", "-", "-o", "-"], input=data)
    assert res.exit_code == 0 and "[[question]]" in res.stdout
    res = runner.invoke(app, ["report", "-", "-o", str(tmp_path / "r"), "--formats", "json"],
                        input=data)
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "r" / "results.json").read_text())["source"]["file"] == "stdin"


def test_init_from_stdin_needs_an_output() -> None:
    res = runner.invoke(app, ["init", "-"], input=EXAMPLE.read_bytes())
    assert res.exit_code == 2
    assert res.stderr.startswith("kl-survey: fejl: stdin: Når eksporten kommer fra stdin")


def test_errors_name_stdin_not_the_temporary_file() -> None:
    res = runner.invoke(app, ["analyze", "-"], input=b"")
    assert res.exit_code == 2
    assert res.stderr.startswith("kl-survey: fejl: stdin: Filen er tom.")
    assert "/tmp" not in res.stderr and "kl-survey-" not in res.stderr


def test_the_temporary_copy_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    runner.invoke(app, ["analyze", "-", "-f", "json"], input=EXAMPLE.read_bytes())
    runner.invoke(app, ["analyze", "-"], input=b"garbage")
    assert list(tmp_path.iterdir()) == []


def test_stdin_has_the_same_size_limit(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", "-", "--max-size", "1"], input=b"x" * (1024 * 1024 + 1))
    assert res.exit_code == 2
    assert "stdin: Standard-input fylder mere end grænsen på 1 MB" in res.stderr
    assert "--max-size" in res.stderr
    with pytest.raises(UnsafeInputError):
        spool(io.BytesIO(b"x" * 11), tmp_path / "s", 10)
    spool(io.BytesIO(b"x" * 10), tmp_path / "t", 10)
    assert (tmp_path / "t").stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------- -o onto an input


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "besvarelser.xlsx"
    shutil.copy(EXAMPLE, path)
    return path


def _same_file_cases(export: Path) -> list[list[str]]:
    hard = export.with_name("hard.xlsx")
    os.link(export, hard)
    sym = export.with_name("sym.xlsx")
    sym.symlink_to(export)
    dotted = str(export.parent / "." / export.name)
    spec = export.with_name("survey.toml")
    shutil.copy(EXAMPLE_DIR / "survey.toml", spec)
    return [
        ["analyze", str(export), "-f", "xlsx", "-o", dotted],
        ["analyze", str(export), "-f", "json", "-o", str(hard)],
        ["analyze", str(sym), "-f", "csv", "-o", str(export)],
        ["analyze", str(export), "--spec", str(spec), "-f", "json", "-o", str(spec)],
        ["validate", str(export), "-o", str(sym)],
        ["validate", str(export), "--spec", str(spec), "-o", str(spec)],
        ["init", str(export), "-o", str(hard), "--force"],
        ["init", str(sym), "-o", str(export), "--force"],
    ]


def test_output_onto_an_input_is_refused_and_the_input_kept(export: Path) -> None:
    before = export.read_bytes()
    for args in _same_file_cases(export):
        spec = export.with_name("survey.toml")
        spec_before = spec.read_bytes()
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert "-o peger på inputfilen" in res.stderr, args
        assert len(res.stderr.strip().splitlines()) == 1
        assert export.read_bytes() == before and spec.read_bytes() == spec_before, args


def test_report_folder_may_not_hold_its_input(export: Path) -> None:
    res = runner.invoke(app, ["report", str(export), "-o", str(export.parent)])
    assert res.exit_code == 2
    assert "Rapportmappen indeholder inputfilen" in res.stderr
    assert export.read_bytes() == EXAMPLE.read_bytes()


def test_a_new_output_beside_the_input_is_fine(export: Path) -> None:
    res = runner.invoke(app, ["analyze", str(export), "-f", "json", "-o",
                              str(export.with_name("resultater.json"))])
    assert res.exit_code == 0, res.output


def test_dash_as_output_is_stdout(export: Path) -> None:
    res = runner.invoke(app, ["analyze", str(export), "-f", "json", "-o", "-"])
    assert res.exit_code == 0 and json.loads(res.stdout)["respondents"] == 95
    assert not Path("-").exists()


# ---------------------------------------------------------------- paths Click used to check


def test_unreadable_input_and_spec_are_one_danish_line(
        export: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer's own check printed three English lines ("path … is not readable")."""
    real_access = os.access
    blocked = {str(export), str(EXAMPLE_DIR / "survey.toml")}

    def access(path: object, mode: int, **kw: object) -> bool:
        if str(path) in blocked and mode == os.R_OK:
            return False
        return real_access(path, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    res = runner.invoke(app, ["analyze", str(export)])
    assert res.exit_code == 2
    assert res.stderr == (f"kl-survey: fejl: {export}: Filen kan ikke læses (ingen læseadgang). "
                          "Tjek filens rettigheder, eller kopiér den til en mappe, du ejer.\n")
    spec = str(EXAMPLE_DIR / "survey.toml")
    for command in (["analyze", str(EXAMPLE), "--spec", spec],
                    ["validate", str(EXAMPLE), "--spec", spec],
                    ["report", str(EXAMPLE), "--spec", spec, "-o", str(export.parent / "r")]):
        res = runner.invoke(app, command)
        assert res.exit_code == 2, command
        assert res.stderr.startswith(f"kl-survey: fejl: {spec}: Filen kan ikke læses"), command
        assert len(res.stderr.splitlines()) == 1
    blocked.add(str(export.with_name("findes.json")))
    export.with_name("findes.json").write_text("{}")
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o",
                              str(export.with_name("findes.json"))])
    assert res.exit_code == 0, res.output  # an existing -o target needs no read access


def test_output_under_proc_says_what_is_wrong() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o", "/proc/x.json"])
    assert res.exit_code == 3
    assert "/proc er en systemmappe, hvor der ikke kan oprettes filer" in res.stderr
    assert "No such file" not in res.stderr
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o", "/proc/x.json",
                              "--lang", "en"])
    assert "/proc is a system folder where files cannot be created" in res.stderr


def test_output_into_a_missing_folder_creates_it(tmp_path: Path) -> None:
    target = tmp_path / "ny" / "mappe" / "r.json"
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o", str(target)])
    assert res.exit_code == 0, res.output
    assert json.loads(target.read_text())["respondents"] == 95
    res = runner.invoke(app, ["validate", str(EXAMPLE), "-f", "json", "-o",
                              str(tmp_path / "v" / "v.json")])
    assert res.exit_code == 0 and (tmp_path / "v" / "v.json").exists()
