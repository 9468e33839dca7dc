"""Copenhagen's status note, number by number, through every output (issue 16).

``data/examples/kl-2025-q1-aktivitet`` holds København's Tabel 1 and SUF/SOF/BUF split
exactly as the note prints them; ``--municipality København`` must give them back in
the terminal table, JSON, xlsx and the report, and without it the same file gives the
national table, whose sums are counted here from the generator's own rows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from compare_examples import generator
from typer.testing import CliRunner

from kl_survey.cli import app

from paths import EXAMPLE_Q1_DIR

runner = CliRunner()
DATA = str(EXAMPLE_Q1_DIR / "responses.xlsx")
SPEC = str(EXAMPLE_Q1_DIR / "survey.toml")
KBH = ["--spec", SPEC, "--municipality", "København"]
TABEL_1 = {  # the note's Tabel 1: January, February, March, Samlet
    "Antal henvendelser": (32, 64, 102, 198),
    "Antal fysiske forsamtaler": (6, 19, 29, 54),
    "Antal screeningssamtaler": (1, 13, 22, 36),
    "Antal opstartede behandlingsforløb": (2, 8, 14, 24),
}
SPLIT = {"Sundhed og omsorg (SUF)": 11, "Socialområdet (SOF)": 6, "Børn og unge (BUF)": 7}


def _ints(line: str) -> tuple[int, ...]:
    return tuple(int(x.replace(".", "")) for x in re.findall(r"\b\d[\d.]*\b", line))


def test_analyze_prints_tabel_1_with_samlet() -> None:
    res = runner.invoke(app, ["analyze", DATA, *KBH])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    head = next(ln for ln in lines if "Januar" in ln)
    assert head.split() == ["Januar", "Februar", "Marts", "Samlet"]
    for row, numbers in TABEL_1.items():
        (line,) = [ln for ln in lines if ln.strip().startswith(row)]
        assert _ints(line) == numbers, line
    for row, n in SPLIT.items():
        (line,) = [ln for ln in lines if row in ln]
        assert _ints(line)[-1] == n
    assert "Screeningssamtaler pr. henvendelse: 18,2% (36 af 198)" in res.stdout


def test_json_gives_every_number_of_the_note() -> None:
    res = runner.invoke(app, ["analyze", DATA, *KBH, "-f", "json"])
    assert res.exit_code == 0, res.output
    q1, q2, q3 = json.loads(res.stdout)["questions"]
    assert (q1["type"], q1["columns"]) == ("numeric_grid", ["Januar", "Februar", "Marts"])
    got = {r["label"]: (*(c["sum"] for c in r["cells"]), r["total"]["sum"]) for r in q1["rows"]}
    assert got == TABEL_1
    assert all(c["n"] == 1 for r in q1["rows"] for c in r["cells"])
    assert [c["sum"] for c in q1["column_totals"]] == [41, 104, 167]
    assert (q1["totals"], q1["complete"], q1["total"]) == ("complete", 1, {"n": 1, "sum": 312})
    screening = q1["derived"][0]
    assert (screening["numerator_sum"], screening["denominator_sum"]) == (36, 198)
    assert screening["percent_rounded"] == 18.2 and screening["value"] == pytest.approx(36 / 198)
    assert {r["label"]: r["cells"][0]["sum"] for r in q2["rows"]} == SPLIT
    assert q2["columns"] == [] and q2["column_totals"] == [{"column": None, "n": 1, "sum": 24}]
    assert q3["type"] == "grid"
    assert q3["rows"][0]["label"] == "Rekruttering af medarbejdere"
    first = q3["rows"][0]
    assert (first["base"], first["yes"]["count"]) == (1, 1)


def test_xlsx_has_tabel_1_as_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    res = runner.invoke(app, ["analyze", DATA, *KBH, "-f", "xlsx", "-o", str(out)])
    assert res.exit_code == 0, res.output
    ws = load_workbook(out)["q1"]
    rows = {r[0]: tuple(r[1:5]) for r in ws.iter_rows(min_row=3, values_only=True)
            if r[0] in TABEL_1}
    assert rows == TABEL_1
    assert all(isinstance(v, int) for r in rows.values() for v in r)
    split = {r[0]: r[1] for r in load_workbook(out)["q2"].iter_rows(min_row=3, values_only=True)}
    assert {k: split[k] for k in SPLIT} == SPLIT and split["I alt"] == 24


def test_report_draws_tabel_1_and_figur_1(tmp_path: Path) -> None:
    out = tmp_path / "kbh"
    res = runner.invoke(app, ["report", DATA, *KBH, "-o", str(out), "--formats",
                              "html,png,json"])
    assert res.exit_code == 0, res.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert ("Antallet af henvendelser er steget fra 32 i januar til 102 i marts. "
            "I alt 198 henvendelser i 1. kvartal.") in page
    for row, numbers in TABEL_1.items():
        cells = re.search(rf'<th scope="row">{row}</th>(.*?)</tr>', page)
        assert cells is not None
        assert _ints(re.sub(r"<[^>]+>", " ", cells.group(1))) == numbers
    assert re.search(r'<figure class="chart periods">\s*<svg role="img"', page)
    assert (out / "figures" / "q01.png").stat().st_size > 10_000
    doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert doc["questions"][0]["rows"][0]["total"]["sum"] == 198


def test_figur_1_draws_the_note_s_monthly_numbers() -> None:
    """Figur 1 through its artists: one column per row and month, as high as the count."""
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report import grid_charts, structure

    loaded = load(Path(DATA), LoadOptions(spec=Path(SPEC), municipalities=("101",)))
    model = structure.build(analyse(loaded.survey))
    grid = model.sections[0].grid
    assert grid is not None and grid.periods is not None
    assert grid.periods.categories == ("Januar", "Februar", "Marts")
    fig = grid_charts.draw_periods(grid.periods)
    ax = fig.axes[0]
    heights = [round(p.get_height()) for p in ax.patches]
    assert heights == [n for counts in TABEL_1.values() for n in counts[:3]]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Januar", "Februar", "Marts"]
    labels = {t.get_text() for t in ax.texts}
    assert {"32", "64", "102"} <= labels


def test_without_municipality_the_same_file_gives_the_national_table() -> None:
    q1 = generator(EXAMPLE_Q1_DIR, "kl_test_generate_2025_q1")
    header, body = q1.responses()
    res = runner.invoke(app, ["analyze", DATA, "--spec", SPEC, "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["respondents"] == len(body) == 94
    rows = {r["label"]: r for r in doc["questions"][0]["rows"]}
    for label in TABEL_1:
        for m, cell in zip(q1.MONTHS, rows[label]["cells"], strict=True):
            column = header.index(f"1. {q1.ACTIVITY} - {label} - {m}")
            values = [row[column] for row in body if row[column] is not None]
            assert (cell["n"], cell["sum"]) == (len(values), sum(values))
    complete = [row for row in body if all(v is not None for v in row[1:13])]
    assert doc["questions"][0]["complete"] == len(complete) == 91
    henv = [row[1] + row[2] + row[3] for row in complete]
    assert rows["Antal henvendelser"]["total"] == {"n": 91, "sum": sum(henv)}


def test_report_says_grids_go_without_extras_only_when_asked_for(tmp_path: Path) -> None:
    """The report's bounds are on by default, so a grid survey's every report used to
    print 'info: --by, --bounds og --ci gælder endnu ikke gitre' unasked."""
    plain = runner.invoke(app, ["report", DATA, "--spec", SPEC, "-o", str(tmp_path / "a"),
                                "--formats", "json"])
    assert plain.exit_code == 0, plain.output
    assert "gitre" not in plain.stderr
    asked = runner.invoke(app, ["report", DATA, "--spec", SPEC, "-o", str(tmp_path / "b"),
                                "--formats", "json", "--ci"])
    assert asked.exit_code == 0, asked.output
    assert "gælder endnu ikke gitre" in asked.stderr
