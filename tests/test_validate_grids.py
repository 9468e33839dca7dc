"""Bad numbers in a numeric grid: listed by validate with row and column, never counted
as 0; an estimate ("ca. 20") counted and listed as approximate (issue 16)."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from kl_survey.analysis import analyse
from kl_survey.cli import app
from kl_survey.pipeline import load
from kl_survey.validate import validate_file

from paths import DATA

BAD = DATA / "grids" / "bad-numbers.csv"
runner = CliRunner()


def _column(header: str) -> list[str]:
    with BAD.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    return [r[rows[0].index(header)] for r in rows[1:]]


def test_validate_lists_every_bad_cell_with_row_and_column() -> None:
    v = validate_file(BAD)
    bad = {(i.where.row, i.where.column): i for i in v.issues if i.code == "numeric-unparsed"}
    assert set(bad) == {(3, "Aktivitet - Antal henvendelser - Januar"),
                        (5, "Aktivitet - Antal screeningssamtaler - Januar"),
                        (9, "Aktivitet - Antal henvendelser - Februar")}
    assert "'12-15' (række 3)" in bad[(3, "Aktivitet - Antal henvendelser - Januar")].message
    both = bad[(5, "Aktivitet - Antal screeningssamtaler - Januar")].message
    assert "'—' (række 5)" in both and "'2025-01-15' (række 7)" in both
    assert "'15.01.2025' (række 9)" in bad[(9, "Aktivitet - Antal henvendelser - Februar")].message
    (approx,) = [i for i in v.issues if i.code == "numeric-approximate"]
    assert (approx.where.row, approx.where.column) == (
        11, "Aktivitet - Antal henvendelser - Januar")
    assert v.failed()


def test_bad_cells_are_left_out_never_zero_and_danish_numbers_count() -> None:
    r = analyse(load(BAD).survey).questions[0]
    assert r.grid is not None
    henv, scr = r.grid.numeric_rows
    jan, feb = henv.cells
    assert jan.stats is not None and feb.stats is not None
    januar = _column("Aktivitet - Antal henvendelser - Januar")
    good = [float(x) for x in januar if x not in ("12-15", "ca. 20")]
    assert jan.stats.n == len(good) + 1  # "ca. 20" counted as 20, "12-15" left out
    assert jan.stats.sum == sum(good) + 20
    assert jan.stats.min > 0  # nothing silently read as 0
    februar = _column("Aktivitet - Antal henvendelser - Februar")
    assert feb.stats.n == len(februar) - 1  # the date is no number
    assert 1234.0 in {feb.stats.max}  # "1.234" is Danish for 1234
    assert scr.cells[1].stats is not None and scr.cells[1].stats.sum % 1 == 0.5  # "12,5"


def test_validate_json_and_the_exit_code() -> None:
    res = runner.invoke(app, ["validate", str(BAD), "-f", "json"])
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    rows = sorted(i["where"]["row"] for i in doc["issues"] if i["code"] == "numeric-unparsed")
    assert rows == [3, 5, 9]
