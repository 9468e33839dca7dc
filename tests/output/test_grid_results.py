"""Grids in JSON (additive to kl-survey/analysis/1), CSV and Markdown (issue 16)."""

from __future__ import annotations

import json
from functools import cache

from kl_survey.analysis import Analysis, analyse
from kl_survey.output import emit, results, tables
from kl_survey.pipeline import LoadOptions, load

from paths import EXAMPLE_Q1_DIR


@cache
def _a() -> Analysis:
    return analyse(load(EXAMPLE_Q1_DIR / "responses.xlsx",
                        LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml")).survey)


def test_json_keeps_every_question_key_and_adds_the_grid_keys() -> None:
    doc = json.loads(results.to_json(_a()))
    assert doc["schema"] == "kl-survey/analysis/1"
    numbers, split, likert = doc["questions"]
    base = ["id", "number", "text", "type", "base", "answered", "options", "yes", "title"]
    assert list(likert) == [*base, "rows"]
    assert list(likert["rows"][0]) == ["label", "base", "answered", "options", "yes"]
    assert list(likert["rows"][0]["options"][0]) == ["label", "count", "share"]
    assert list(numbers) == [*base, "columns", "rows", "column_totals", "total", "totals",
                             "complete", "derived"]
    row = numbers["rows"][0]
    assert list(row) == ["label", "cells", "total"] and list(row["total"]) == ["n", "sum"]
    assert list(row["cells"][0]) == ["column", "n", "sum", "mean", "median", "q1", "q3",
                                     "min", "max"]
    assert list(numbers["column_totals"][0]) == ["column", "n", "sum"]
    assert (numbers["options"], numbers["yes"]) == ([], None)
    assert split["columns"] == [] and split["rows"][0]["cells"][0]["column"] is None


def test_shares_in_json_are_exact_and_sum_to_one_per_row() -> None:
    likert = json.loads(results.to_json(_a()))["questions"][2]
    for row in likert["rows"]:
        assert abs(sum(o["share"] for o in row["options"]) - 1.0) < 1e-12
        assert sum(o["count"] for o in row["options"]) == row["base"]


def test_csv_lists_grids_flat_with_each_row_s_base() -> None:
    text = emit.render_bytes(_a(), "csv", "da").decode("utf-8-sig")
    lines = [ln.split(";") for ln in text.splitlines()[1:]]
    cell = next(ln for ln in lines if ln[4] == "Antal henvendelser – Januar")
    assert ln_kind(cell) == "celle (sum)"
    likert = next(ln for ln in lines if ln[4] == "Rekruttering af medarbejdere – I høj grad")
    assert likert[8] == "94"  # the row's base
    assert any(ln[4] == "Screeningssamtaler pr. henvendelse" for ln in lines)


def ln_kind(line: list[str]) -> str:
    return line[3]


def test_markdown_shows_one_table_per_grid_with_its_note() -> None:
    md = tables.to_markdown(_a())
    assert "| | Januar | Februar | Marts | Samlet |".replace("| |", "|   |") in md
    assert "| **I alt** |" in md
    assert "*Samlet og I alt er summen over de 91 besvarelser" in md
    assert "| Rekruttering af medarbejdere | 39,4% |" in md
