"""analyze --bounds/--ci/--by/--groups/--min-base through the CLI, JSON first."""

import json
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

from paths import DATA, EXAMPLE

runner = CliRunner()
GROUPS_CSV = DATA / "groups" / "kommunegrupper.csv"


def _json(*args: str) -> tuple[dict, str]:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", *args])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout), res.stderr


@pytest.fixture(scope="module")
def by_region() -> dict:
    return _json("--by", "region", "--bounds", "--ci")[0]


def test_json_has_q1_bounds_exactly_92_and_95_of_98(by_region: dict) -> None:
    q1 = by_region["questions"][0]
    yes = q1["yes"]
    assert yes["bounds"] == {"low": float(Fraction(92, 98)), "high": float(Fraction(95, 98))}
    assert yes["ci"]["method"] == "wilson-fpc"
    assert yes["ci"]["low"] <= yes["share"] <= yes["ci"]["high"] <= yes["bounds"]["high"]
    for option in q1["options"]:
        assert option["bounds"]["low"] <= option["share"] <= option["bounds"]["high"]


def test_json_keys_are_additive_and_only_when_asked() -> None:
    plain, _ = _json()
    q1 = plain["questions"][0]
    assert "bounds" not in q1["yes"] and "ci" not in q1["yes"] and "breakdown" not in q1
    assert all("bounds" not in o for o in q1["options"])
    assert plain["schema"] == "kl-survey/analysis/1"


def test_json_breakdown_by_region(by_region: dict) -> None:
    q1 = by_region["questions"][0]
    b = q1["breakdown"]
    assert (b["by"], b["min_base"], b["reason"]) == ("region", 5, "stability")
    labels = [g["label"] for g in b["groups"]]
    assert labels == ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"]
    assert [g["population"] for g in b["groups"]] == [29, 17, 22, 19, 11]
    assert [g["base"] for g in b["groups"]] == [28, 17, 22, 18, 10]
    for i, option in enumerate(q1["options"]):
        assert sum(g["options"][i]["count"] for g in b["groups"]) == option["count"]
    assert sum(g["yes"]["count"] for g in b["groups"]) == q1["yes"]["count"] == 92
    north = b["groups"][4]
    assert north["yes"]["bounds"] == {"low": 10 / 11, "high": 1.0}  # Læsø did not answer
    assert north["options"][0]["suppressed"] is False


def test_json_withheld_share_is_null_and_flagged() -> None:
    doc, _ = _json("--by", "q1")
    b = doc["questions"][1]["breakdown"]  # q2 by the answer to q1
    groups = {g["label"]: g for g in b["groups"]}
    assert groups["Ja, helt i drift"]["base"] == 60
    small = groups["Nej"]
    assert small["suppressed"] is True and small["suppression"] == "primary"
    assert all(o["share"] is None and o["count"] is None and o["suppressed"]
               for o in small["options"])
    assert "breakdown" not in doc["questions"][0]  # q1 by q1 would be a diagonal


def test_min_base_option_overrides(by_region: dict) -> None:
    doc, _ = _json("--by", "region", "--min-base", "11")
    groups = doc["questions"][0]["breakdown"]["groups"]
    # Nordjylland (10) is under 11; subtraction would reveal it, so Sjælland (17) goes too
    assert [g.get("suppression") for g in groups] == [None, "secondary", None, None,
                                                       "primary"]
    assert doc["questions"][0]["breakdown"]["secondary_suppression"] == ["Sjælland"]


def test_groups_csv_works_and_warns_naming_the_unknown() -> None:
    doc, err = _json("--by", "Størrelse", "--groups", str(GROUPS_CSV))
    labels = [g["label"] for g in doc["questions"][0]["breakdown"]["groups"]]
    assert labels == ["Stor", "Mellem", "Lille", "Uoplyst"]
    assert "advarsel" in err and "»Vesterby Kommune«" in err
    assert "kommunegrupper.csv" in err


def test_groups_without_by_and_bad_by_are_one_line_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--groups", str(GROUPS_CSV)])
    assert res.exit_code == 2 and "--groups kræver --by" in res.stderr
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--by", "q2"])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "kun enkeltvalgsspørgsmål" in res.stderr
    assert "Traceback" not in res.output


def _run(*args: str) -> str:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), *args])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_table_shows_q1_bounds_beside_the_share() -> None:
    out = _run("--bounds", "-f", "table")
    q1 = out.split("Spørgsmål 1:")[1].split("Spørgsmål 2:")[0]
    yes = next(line for line in q1.splitlines() if "Ja i alt" in line)
    assert "92" in yes and "96,8%" in yes and "93,9%–96,9%" in yes
    assert "Grænser: andelen blandt alle 98 kommuner" in out
    assert "95%-interval" not in out  # --ci was not asked for


def test_table_by_region_and_dash_for_withheld_groups() -> None:
    out = _run("--by", "region", "--min-base", "11")
    block = out.split("fordelt på region")[1].split("Spørgsmål 2:")[0]
    north = next(line for line in block.splitlines() if "Nordjylland (n=10)" in line)
    assert north.count("–") == 5 and "%" not in north
    assert "Færre end 11 besvarelser" in block


def test_markdown_bounds_and_withheld_groups() -> None:
    out = _run("--bounds", "--ci", "--by", "region", "--min-base", "11", "-f", "markdown")
    assert ("| **Ja i alt** | **92** | **96,8%** | **93,9%–96,9%** | **96,2%–96,9%** |"
            in out)
    assert "| Nordjylland (n=10) | – | – | – | – | – |" in out
    assert "Wilson med endelighedskorrektion (wilson-fpc)" in out


def test_xlsx_has_a_breakdown_sheet_with_dashes(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--by", "region", "--min-base", "11",
                              "--bounds", "-f", "xlsx", "-o", str(out)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["Resultater", "Fritekst", "Fordeling", "Om data"]
    rows = list(wb["Fordeling"].iter_rows(values_only=True))
    north = [r for r in rows if r[0] == "q1" and r[4] == "Nordjylland"]
    assert len(north) == 5 and all(r[8:12] == ("–", "–", "–", "primær") for r in north)
    yes = next(r for r in rows if r[0] == "q1" and r[4] == "I alt" and r[7] == "Ja i alt")
    assert yes[8:14] == (92, 96.8, 92 / 95, None, 92 / 98, 95 / 98)


@pytest.mark.parametrize("asked", [["--by", "region"], ["--bounds"], ["--ci"]])
def test_csv_refuses_what_it_cannot_hold_instead_of_dropping_it(asked: list[str]) -> None:
    # CSV is one flat table without groups or ranges: they were silently left out
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "csv", *asked])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1
    assert "CSV har ikke plads til opdelinger, grænser og intervaller" in res.stderr
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "csv", *asked, "--lang", "en"])
    assert "CSV has no room for breakdowns, bounds and intervals" in res.stderr


def test_min_base_below_one_is_a_usage_error() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--by", "region", "--min-base", "0"])
    assert res.exit_code == 2 and "--min-base skal være mindst 1, fik 0" in res.stderr


def test_report_by_region_writes_breakdown_figures_and_bounds(tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--by", "region",
                              "--min-base", "11", "--formats", "html,png,json"])
    assert res.exit_code == 0, res.output
    assert (out / "figures" / "q01-region.png").stat().st_size > 10_000
    assert (out / "figures" / "q08-region.png").exists()
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Uanset hvad de 3 kommuner, der ikke har svaret, ville have svaret, ligger " \
           "andelen mellem 93,9% og 96,9%." in page  # --bounds is on in the report
    assert "Nordjylland (n=10)" in page and "Færre end 11 besvarelser" in page
    doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
    q1 = doc["questions"][0]
    assert q1["yes"]["bounds"] == {"low": 92 / 98, "high": 95 / 98}
    north = q1["breakdown"]["groups"][4]
    assert north["suppressed"] is True and north["yes"]["share"] is None


def test_report_no_bounds_leaves_them_out(tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    res = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--no-bounds",
                              "--formats", "html,json"])
    assert res.exit_code == 0, res.output
    assert "Uanset hvad" not in (out / "report.html").read_text(encoding="utf-8")
    assert "bounds" not in json.loads((out / "results.json").read_text())["questions"][0]["yes"]
