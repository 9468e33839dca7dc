"""``kl-survey report`` through Typer's CliRunner: files, options, errors, determinism."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
FIGURES = [f"figures/q{n:02d}.{ext}" for n in range(1, 9) for ext in ("png", "svg")]
ALL_FILES = sorted(["report.html", "report.pdf", "results.xlsx", "results.json", *FIGURES])
runner = CliRunner()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "kl-2025-05"
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)],
                        env={"SOURCE_DATE_EPOCH": ""})
    assert res.exit_code == 0, res.output
    return out


def test_writes_every_file(first_run: Path) -> None:
    assert sorted(_files(first_run)) == ALL_FILES
    assert not list(first_run.rglob("*.tmp"))


def test_results_are_what_analyze_gives(first_run: Path) -> None:
    # the report shows bounds by default (--no-bounds to leave them out): analyze --bounds
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--bounds"])
    assert res.exit_code == 0
    assert (first_run / "results.json").read_bytes() == res.stdout_bytes
    from openpyxl import load_workbook

    ws = load_workbook(first_run / "results.xlsx").active
    assert ws is not None and ws["A1"].value == "id"


def test_two_runs_give_identical_bytes(first_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)],
                        env={"SOURCE_DATE_EPOCH": ""})
    assert res.exit_code == 0, res.output
    assert _files(out) == _files(first_run)


def test_source_date_epoch_is_used_and_stable(first_run: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1748736000"}
    for name in ("a", "b"):
        res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / name)], env=env)
        assert res.exit_code == 0, res.output
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    assert b"<dc:date>2025-06-01T00:00:00Z</dc:date>" in a["figures/q01.svg"]
    import pypdf

    meta = pypdf.PdfReader(io.BytesIO(a["report.pdf"])).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20250601000000Z"
    assert a["results.json"] == _files(first_run)["results.json"]
    assert a["report.pdf"] != _files(first_run)["report.pdf"]


def test_bad_source_date_epoch_is_one_line_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path)],
                        env={"SOURCE_DATE_EPOCH": "i går"})
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1
    assert "SOURCE_DATE_EPOCH" in res.stderr and "Traceback" not in res.stderr


def test_formats_option_limits_the_output(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path),
                              "--formats", "json, svg"])
    assert res.exit_code == 0, res.output
    assert sorted(_files(tmp_path)) == sorted(
        ["results.json", *[f for f in FIGURES if f.endswith(".svg")]])


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path), "--formats",
                              "html,docx"])
    assert res.exit_code == 2
    assert res.stderr.strip() == ("kl-survey: fejl: Ukendt format: docx. Vælg blandt "
                                  "html,pdf,png,svg,xlsx,json.")
    assert not list(tmp_path.iterdir())


def test_output_folder_is_required() -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE)])
    assert res.exit_code == 2
    assert "--output" in res.stderr


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(tmp_path / "findes-ikke.xlsx"), "-o",
                              str(tmp_path / "out")])
    assert res.exit_code != 0
    assert res.stderr.startswith("kl-survey: fejl: ")
    assert res.stderr.count("\n") == 1


def test_english_report(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path), "--lang", "en",
                              "--formats", "html", "--title", "Easy-access service, May 2025"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "<title>Easy-access service, May 2025</title>" in page
    assert "Question 1: Er tilbuddet i drift?" in page
    assert "96.8%" in page and "Number of responses: 95" in page


def test_hostile_text_is_neutralised_everywhere(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from test_report_html import FORMULA, hostile_csv

    src = hostile_csv(tmp_path / "hostile.csv")
    out = tmp_path / "out"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), "--formats",
                              "html,xlsx,json"])
    assert res.exit_code == 0, res.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    wb = load_workbook(out / "results.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    formula = [c for c in cells if c.value == FORMULA]
    assert formula and all(c.data_type == "s" for c in formula)  # text, never a formula
    assert "'" + FORMULA not in [c.value for c in cells]  # the apostrophe is for CSV
    csv_res = runner.invoke(app, ["analyze", str(src), "-f", "csv"])
    assert "'=HYPERLINK" in csv_res.stdout


def test_help_documents_every_option_with_an_example() -> None:
    res = runner.invoke(app, ["report", "--help"], terminal_width=200)
    assert res.exit_code == 0
    text = " ".join(res.stdout.split())
    for option in ("--output", "--spec", "--title", "--formats", "--sheet", "--lang",
                   "--source", "--complete-only", "--max-size"):
        assert option in text, option
    assert "Eksempel: kl-survey report data/examples/kl-2025-05/responses.xlsx -o" in text
    for line in res.stdout.splitlines():
        if line.strip().startswith("--") and "  " in line.strip():
            assert line.split("  ", 1)[1].strip(), f"undocumented: {line}"


def test_help_and_import_stay_light() -> None:
    code = ("import sys; from kl_survey.cli import app; import kl_survey.report; "
            "heavy = [m for m in ('matplotlib', 'weasyprint', 'jinja2') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_pdf_first_page_has_title_main_results_and_question_1(first_run: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO((first_run / "report.pdf").read_bytes()))
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Hovedresultater" in first
    assert first.index("Hovedresultater") < first.index("Spørgsmål 1: Er tilbuddet i drift?")
    assert "Om undersøgelsen" not in first  # the method box closes the report


def test_colophon_is_off_by_default_and_on_with_the_flag_or_the_spec(
        first_run: Path, tmp_path: Path) -> None:
    """Issue 14.4: file names and version only with --colophon or [report] colophon."""
    import json

    page = (first_run / "report.html").read_text(encoding="utf-8")
    assert "responses.xlsx" not in page and "colophon" not in page.split("</style>")[1]
    doc = json.loads((first_run / "results.json").read_text(encoding="utf-8"))
    assert doc["source"]["file"] == "responses.xlsx"  # the JSON keeps the provenance
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / "flag"),
                              "--formats", "html", "--colophon"])
    assert res.exit_code == 0, res.output
    assert "Datagrundlag: responses.xlsx" in (tmp_path / "flag" / "report.html").read_text(
        encoding="utf-8")
    spec = tmp_path / "survey.toml"
    spec.write_text((EXAMPLE.parent / "survey.toml").read_text(encoding="utf-8")
                    + "\n[report]\ncolophon = true\n", encoding="utf-8")
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(tmp_path / "spec"),
                              "--formats", "html", "--spec", str(spec)])
    assert res.exit_code == 0, res.output
    assert "Datagrundlag: responses.xlsx" in (tmp_path / "spec" / "report.html").read_text(
        encoding="utf-8")


def test_spec_sets_title_round_short_titles_and_source_line(tmp_path: Path) -> None:
    import tomllib

    spec = EXAMPLE.parent / "survey.toml"
    if not spec.exists():
        pytest.skip("the example has no survey.toml yet")
    doc = tomllib.loads(spec.read_text(encoding="utf-8"))
    res = runner.invoke(app, ["report", str(EXAMPLE), "--spec", str(spec), "-o", str(tmp_path),
                              "--formats", "html,svg"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    survey = doc["survey"]
    assert f"<title>{survey['title']}</title>" in page
    if survey.get("round"):
        assert survey["round"] in page
    svg = (tmp_path / "figures" / "q01.svg").read_text(encoding="utf-8")
    if survey.get("credit"):
        assert survey["credit"].replace("'", "&#x27;") in svg or survey["credit"] in svg
    (q1,) = [q for q in doc["question"] if q["id"] == "q1"]
    if q1.get("title"):
        assert q1["title"] in svg


def test_unwritable_output_is_exit_3(tmp_path: Path) -> None:
    blocker = tmp_path / "en-fil"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(blocker), "--formats", "json"])
    assert res.exit_code == 3
    assert res.stderr.startswith("kl-survey: fejl: ") and "Kan ikke skrive" in res.stderr
    assert res.stderr.count("\n") == 1


def test_control_characters_in_answers_give_a_whole_report(tmp_path: Path) -> None:
    """Issue 10.8: a BEL in an option and a NUL after 64 KB (past the binary sniff) once
    crashed the xlsx writer (IllegalCharacterError, exit 70) after half the folder was
    written, and made matplotlib warn about missing glyphs. Now they show as "�"."""
    import csv
    import warnings

    from openpyxl import load_workbook

    rows = [["Kommune", "1. Har I et tilbud?", "2. Kommentarer"]]
    names = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens",
             "Vejle", "Viborg", "Silkeborg"]
    for i, name in enumerate(names):
        rows.append([name, "Ja" if i % 2 else "Nej", f"Kommentar {i} {'x' * 9000} slut"])
    rows[-1][2] = "Slut\x00med NUL og \x1b[31m ESC"
    rows[-2][1] = "Ja\x07"
    src = tmp_path / "kontrol.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert src.read_bytes().index(b"\x00") > 64 * 1024
    out = tmp_path / "out"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = runner.invoke(app, ["report", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert not [w for w in caught if "Glyph" in str(w.message)]
    assert "Glyph" not in res.stderr and "Intern fejl" not in res.stderr
    assert {"report.html", "report.pdf", "results.xlsx", "results.json"} <= {
        p.name for p in out.iterdir()}
    free = load_workbook(out / "results.xlsx")["Fritekst"]
    assert "Slut\ufffdmed NUL og \ufffd[31m ESC" in [c.value for c in free["E"]]
    assert "Ja\ufffd" in (out / "report.html").read_text(encoding="utf-8")
