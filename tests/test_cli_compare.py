"""``kl-survey compare`` through CliRunner: the table, every format, and its errors."""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.cli.compare import attach_specs
from kl_survey.errors import KlSurveyError

from paths import EXAMPLE, EXAMPLE_DIR, EXAMPLE_NOV_DIR

runner = CliRunner()
ROUNDS = [str(EXAMPLE_DIR), str(EXAMPLE_NOV_DIR)]


def _run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["compare", *args])
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def table() -> str:
    code, out, err = _run(*ROUNDS, "--test")
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def doc() -> dict:
    code, out, err = _run(*ROUNDS, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_the_table_names_who_entered_and_who_left(table: str) -> None:
    assert "Panel: 94 kommuner har svaret i begge runder" in table
    assert "Kom til i November 2025: Vallensbæk (187), Lemvig (665)" in table
    assert "Faldt fra i November 2025: Ærø (492)" in table


def test_the_table_lists_one_round_questions_and_flags_the_rewording(table: str) -> None:
    flat = " ".join(table.split())
    assert "Kun i Maj 2025: spørgsmål 8 (q8) »Samarbejder I med civilsamfundsaktører" in flat
    assert "Kun i November 2025: spørgsmål 8 (ventetid) »Har I oplevet ventetid" in flat
    assert ("Formuleringen er ændret; en ændring kan skyldes den nye formulering: "
            "Maj 2025: »Hvordan informerer I borgerne om det lettilgængelige tilbud?« "
            "November 2025: »Hvordan informerer I børn, unge og forældre om det "
            "lettilgængelige tilbud?«") in flat


def _table_row(table: str, label: str) -> list[str]:
    line = next(x for x in table.splitlines() if x.startswith(f"│ {label} "))
    return [c.strip() for c in line.strip("│").split("│")]


def test_the_table_prints_each_change_rounded_once(table: str) -> None:
    # Q1 "Ja, helt i drift": 63,2% → 78,1% is 14,9 between the rounded shares, but the
    # exact change is 14,967… points, printed +15,0
    assert _table_row(table, "Ja, helt i drift") == ["Ja, helt i drift", "63,2%", "78,1%",
                                                     "+15,0 pp.", "+14,9 pp."]
    # (tests/compare/test_text.py checks every printed change against the exact one)


def test_the_mcnemar_test_says_it_concerns_the_panel(table: str) -> None:
    flat = " ".join(table.split())
    assert ("Eksakt McNemar-test på panelet (ja / ikke ja): 7 skiftede til ja, 1 fra ja, "
            "p = 0,070") in flat
    assert "Skift i panelet (Maj 2025 → November 2025): 14 »Ja, delvist i drift« → »Ja, " \
           "helt i drift«" in flat
    code, out, _ = _run(*ROUNDS)
    assert code == 0 and "McNemar" not in out


def test_json_follows_the_comparison_schema(doc: dict) -> None:
    assert list(doc) == ["schema", "rounds", "panel", "questions", "only_in"]
    assert doc["schema"] == "kl-survey/comparison/1"
    assert [(r["label"], r["respondents"]) for r in doc["rounds"]] == [("Maj 2025", 95),
                                                                      ("November 2025", 96)]
    assert set(doc["rounds"][0]["source"]) >= {"file", "format", "sha256"}
    assert list(doc["panel"]) == ["municipalities", "entered", "left"]
    assert len(doc["panel"]["municipalities"]) == 94
    assert doc["panel"]["entered"] == [{"code": 187, "name": "Vallensbæk"},
                                       {"code": 665, "name": "Lemvig"}]
    assert doc["panel"]["left"] == [{"code": 492, "name": "Ærø"}]
    q = doc["questions"][0]
    assert list(q) == ["id", "texts", "wording_changed", "type", "options", "yes",
                       "transitions"]
    assert list(q["options"][0]) == ["label", "rounds", "panel", "change_pp",
                                     "panel_change_pp"]
    assert list(q["options"][0]["rounds"][0]) == ["count", "base", "share"]
    assert doc["only_in"] == [{"round": "Maj 2025", "ids": ["q8"]},
                              {"round": "November 2025", "ids": ["ventetid"]}]


def test_every_json_change_pp_is_the_exact_difference_of_the_shares(doc: dict) -> None:
    for q in doc["questions"]:
        for o in [*q["options"], *([q["yes"]] if q["yes"] else [])]:
            for cells, key in (("rounds", "change_pp"), ("panel", "panel_change_pp")):
                a, b = o[cells][0], o[cells][-1]
                exact = 100 * (Fraction(b["count"], b["base"]) - Fraction(a["count"], a["base"]))
                assert o[key] == float(exact)
                assert o[key] == pytest.approx(100 * (b["share"] - a["share"]), abs=1e-12)


def test_json_is_byte_identical_between_runs(doc: dict) -> None:
    _, again, _ = _run(*ROUNDS, "--format", "json")
    assert json.loads(again) == doc
    _, first, _ = _run(*ROUNDS, "--format", "json")
    assert first == again


def test_csv_has_a_column_per_round_and_unrounded_changes() -> None:
    code, out, _ = _run(*ROUNDS, "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:9] == ["id", "nummer", "spørgsmål", "række", "svarmulighed",
                           "ændret formulering", "antal Maj 2025", "antal November 2025",
                           "base Maj 2025"]
    helt = next(r for r in rows if r[4] == "Ja, helt i drift")
    head = rows[0]
    assert helt[head.index("ændring (pp)")].startswith("14,967105263157")
    assert helt[head.index("andel Maj 2025")].startswith("0,631578947368")
    assert {r[5] for r in rows[1:] if r[0] == "q2"} == {"ja"}


def test_xlsx_needs_a_file_and_holds_numbers(tmp_path: Path) -> None:
    code, _, err = _run(*ROUNDS, "--format", "xlsx")
    assert code == 2 and "xlsx skal skrives til en fil" in err
    target = tmp_path / "sammenligning.xlsx"
    code, _, err = _run(*ROUNDS, "--format", "xlsx", "-o", str(target))
    assert code == 0, err
    ws = load_workbook(target).active
    head = [c.value for c in ws[1]]
    helt = next(r for r in ws.iter_rows(min_row=2, values_only=True)
                if r[4] == "Ja, helt i drift")
    assert helt[head.index("andel November 2025")] == pytest.approx(75 / 96)
    assert helt[head.index("ændring (pp)")] == pytest.approx(100 * (75 / 96 - 60 / 95))


def test_markdown_has_the_same_cells_as_the_table() -> None:
    code, out, _ = _run(*ROUNDS, "--format", "markdown")
    assert code == 0
    assert "# Sammenligning: Maj 2025 → November 2025" in out
    assert "- Faldt fra i November 2025: Ærø (492)" in out
    assert "| Ja, helt i drift | 63,2% | 78,1% | +15,0 pp. | +14,9 pp. |" in out
    assert "> Formuleringen er ændret" in out


def test_english_output_follows_lang() -> None:
    code, out, _ = _run(*ROUNDS, "--lang", "en")
    assert code == 0
    assert "Panel: 94 municipalities answered both rounds" in out
    assert "+15.0 pp" in out


def test_specs_go_with_the_export_before_them() -> None:
    nov = EXAMPLE_NOV_DIR / "responses.xlsx"
    code, out, err = _run(str(EXAMPLE), str(nov), "--spec", str(EXAMPLE_NOV_DIR / "survey.toml"),
                          "--label", "Maj", "--label", "Nov", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert [r["label"] for r in doc["rounds"]] == ["Maj", "Nov"]
    assert "spec" not in doc["rounds"][0]["source"]
    assert doc["rounds"][1]["source"]["spec"] == "survey.toml"  # the name, not the path
    # November's spec renames its Q2 option back to May's label
    q2 = next(q for q in doc["questions"] if q["texts"][1] and "forældre" in q["texts"][1])
    pjecer = next(o for o in q2["options"] if o["label"] == "Pjecer og plakater")
    assert [c["count"] for c in pjecer["rounds"]] == [38, 35]


def test_a_round_compared_with_itself_gives_zero_everywhere() -> None:
    code, out, err = _run(str(EXAMPLE_DIR), str(EXAMPLE_DIR))
    assert code == 0, err
    assert "Panel: 95 kommuner har svaret i begge runder" in out
    assert "Maj 2025 (2)" in out
    changes = re.findall(r"[+-]?\d+,\d pp\.", out)
    assert changes and set(changes) == {"0,0 pp."}


@pytest.mark.parametrize(("args", "message"), [
    (["--spec", "x.toml", str(EXAMPLE), str(EXAMPLE)], "--spec x.toml står før den første runde"),
    ([str(EXAMPLE), "--spec", "a.toml", "--spec", "b.toml", str(EXAMPLE)],
     "--spec b.toml står efter en runde, der har én"),
    ([str(EXAMPLE)], "Sammenligningen kræver mindst to runder"),
    ([str(EXAMPLE), "nope.xlsx"], "nope.xlsx: Filen eller mappen findes ikke"),
    ([str(EXAMPLE), str(EXAMPLE), "--label", "A"], "1 --label til 2 runder"),
    ([str(EXAMPLE), str(EXAMPLE), "--max-columns", "5"], "flere end grænsen på 5"),
])
def test_bad_command_lines_get_one_clear_line(args: list[str], message: str) -> None:
    code, _, err = _run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_strict_makes_a_reworded_question_fatal() -> None:
    code, _, err = _run(*ROUNDS, "--strict")
    assert code == 2
    assert "formuleret anderledes" in err


def test_attach_specs_reads_the_command_line_in_order() -> None:
    takes = ["--spec", "--label", "--format", "-f", "-o"]
    assert attach_specs(["a", "--spec", "a.toml", "-f", "json", "b"], takes) == [
        Path("a.toml"), None]
    assert attach_specs(["--label=x", "a", "b", "--spec=b.toml", "-fjson"], takes) == [
        None, Path("b.toml")]
    assert attach_specs(["a", "--", "--spec"], takes) == [None, None]
    with pytest.raises(KlSurveyError):
        attach_specs(["--spec", "a.toml", "a"], takes)
