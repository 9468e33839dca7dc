"""The CLI through Typer's CliRunner: exit codes and the one-line messages."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
runner = CliRunner()


def _published() -> tuple:
    sys.path.insert(0, str(EXAMPLE.parent))
    from generate import PUBLISHED  # type: ignore[import-not-found]

    return PUBLISHED


def test_json_reproduces_all_14_published_percentages() -> None:
    from fractions import Fraction

    from kl_survey.numbers import format_decimal, round_half_up

    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["schema"] == "kl-survey/analysis/1"
    assert doc["respondents"] == 95
    assert doc["population"] == {"unit": "kommuner", "size": 98}
    assert [m["code"] for m in doc["non_respondents"]] == [187, 665, 825]
    qs = {q["number"]: q for q in doc["questions"]}
    assert len(qs) == 8
    published = _published()
    assert len(published) == 14
    for number, label, pct in published:
        q = qs[number]
        if label is None:
            share = q["yes"]["share"]
            count, base = q["yes"]["count"], q["yes"]["base"] if "base" in q["yes"] else q["base"]
        else:
            (opt,) = [o for o in q["options"] if o["label"] == label]
            share, count, base = opt["share"], opt["count"], q["base"]
        assert base == 95
        assert share == count / base
        assert format_decimal(round_half_up(Fraction(100 * count, base))) == pct, (number, label)
    assert qs[1]["yes"]["labels"] == ["Ja, helt i drift", "Ja, delvist i drift"]


def test_table_output_shows_danish_percent() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    assert "96,8%" in res.stdout
    assert "Spørgsmål 1: Er tilbuddet i drift? (n=95)" in res.stdout
    assert "Lemvig (665)" in res.stdout


def test_english_uses_decimal_point() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--lang", "en"])
    assert res.exit_code == 0
    assert "96.8%" in res.stdout and "Question 1" in res.stdout


def test_output_formats_write_files(tmp_path: Path) -> None:
    for fmt in ("json", "csv", "xlsx", "markdown", "table"):
        out = tmp_path / f"r.{fmt}"
        res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", fmt, "-o", str(out)])
        assert res.exit_code == 0, (fmt, res.output)
        assert out.stat().st_size > 0
    md = (tmp_path / "r.markdown").read_text(encoding="utf-8")
    assert "| Ja, helt i drift | 60 | 63,2% |" in md
    csv_text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("id;nummer;spørgsmål")


def test_xlsx_has_real_numbers_percent_format_and_frozen_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "xlsx", "-o", str(out)])
    assert res.exit_code == 0
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A2"
    first = [c.value for c in ws[2]]
    assert first[4] == "Ja, helt i drift" and first[5] == 60
    assert ws.cell(2, 7).value == 63.2 and ws.cell(2, 7).number_format == "0.0"
    assert ws.cell(2, 8).value == 60 / 95  # the exact fraction beside the published share


def test_outputs_are_byte_identical_across_runs(tmp_path: Path) -> None:
    for fmt in ("json", "csv", "xlsx"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        runner.invoke(app, ["analyze", str(EXAMPLE), "-f", fmt, "-o", str(a)])
        runner.invoke(app, ["analyze", str(EXAMPLE), "-f", fmt, "-o", str(b)])
        assert a.read_bytes() == b.read_bytes(), fmt


def test_xlsx_needs_output_path() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "xlsx"])
    assert res.exit_code == 2
    assert "-o" in res.stderr


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {
        "missing": tmp / "findes-ikke.xlsx",
        "empty": tmp / "tom.csv",
        "not_a_sheet": tmp / "billede.xlsx",
        "truncated": tmp / "afkortet.xlsx",
        "header_only": tmp / "kun-overskrift.xlsx",
        "garbage": tmp / "affald.csv",
    }
    files["empty"].write_bytes(b"")
    files["not_a_sheet"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    files["truncated"].write_bytes(EXAMPLE.read_bytes()[: EXAMPLE.stat().st_size // 2])
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Kommune", "1. Er tilbuddet i drift?"])
    wb.save(files["header_only"])
    files["garbage"].write_bytes(bytes((i * 37 + 11) % 256 for i in range(4000)))
    return files


@pytest.mark.parametrize("case", ["missing", "empty", "not_a_sheet", "truncated",
                                  "header_only", "garbage"])
def test_bad_input_gives_one_line_naming_the_file_and_exit_2(tmp_path: Path, case: str) -> None:
    path = _bad_inputs(tmp_path)[case]
    before = path.read_bytes() if path.exists() else None
    res = runner.invoke(app, ["analyze", str(path)])
    assert res.exit_code == 2, (case, res.output)
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert path.name in err
    assert "Traceback" not in res.output
    if before is not None:
        assert path.read_bytes() == before  # never modify the input


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    proc = subprocess.run([sys.executable, "-m", "kl_survey", "--debug", "analyze", str(missing)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


def test_help_and_version() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0 and "Eksempel:" in res.stdout
    res = runner.invoke(app, ["analyze", "--help"])
    assert res.exit_code == 0 and "Eksempel: kl-survey analyze" in res.stdout
    assert runner.invoke(app, ["--version"]).stdout.startswith("kl-survey ")


def test_every_command_help_ends_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.list_commands(None):  # type: ignore[arg-type]
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0, name
        last_paragraph = res.stdout.rstrip().split("\n\n")[-1]
        assert last_paragraph.strip().startswith("Eksempel: kl-survey " + name), name


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"]])
def test_help_does_not_import_heavy_modules(args: list[str]) -> None:
    heavy = "('matplotlib', 'weasyprint', 'jinja2', 'pandas')"
    code = (f"import sys; from kl_survey.cli import main; sys.argv=['kl-survey', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('HEAVY', [m for m in {heavy} if m in sys.modules])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "kl_survey", "--version"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("kl-survey")


def test_example_xlsx_is_a_valid_zip() -> None:
    with zipfile.ZipFile(EXAMPLE) as z:
        assert "xl/workbook.xml" in z.namelist()


def test_output_to_a_device_writes_through_and_keeps_the_device(tmp_path: Path) -> None:
    import os
    import stat

    fifo_free_target = Path("/dev/null")
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o", str(fifo_free_target)])
    assert res.exit_code == 0, res.output
    assert stat.S_ISCHR(os.stat(fifo_free_target).st_mode)


def test_output_to_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "-o", str(tmp_path)])
    assert res.exit_code == 3
    assert "mappe" in res.stderr and len(res.stderr.strip().splitlines()) == 1
