"""validate: every check on exports built from the example's rows, in tmp_path."""

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.issues import Issue, Severity, Where
from kl_survey.pipeline import LoadOptions
from kl_survey.validate import (
    SCHEMA,
    Validation,
    one_line,
    sort_issues,
    to_dict,
    validate_file,
)

from paths import REAL_EXPORTS
from paths import ROOT as REPO

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "data" / "examples" / "kl-2025-05"


def example_rows() -> tuple[list[str], list[list[object]]]:
    sys.path.insert(0, str(EXAMPLE_DIR))
    import generate  # type: ignore[import-not-found]

    return generate.rows()


def write_csv(path: Path, header: list[str], body: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(header)
        w.writerows([["" if v is None else v for v in row] for row in body])
    return path


def row_of(body: list[list[object]], name: str) -> int:
    """The 0-based body index of a municipality; the sheet row is this + 2."""
    return next(i for i, r in enumerate(body) if r[0] == name)


def codes(v: Validation) -> list[str]:
    return [i.code for i in v.issues]


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, int]]:
    """A copy with two misspelt names, an unknown one and a municipality answering twice;
    plus the same file with the names fixed."""
    header, body = example_rows()
    tmp = tmp_path_factory.mktemp("validate")
    good = write_csv(tmp / "rettet.csv", header, body)
    body = [list(r) for r in body]
    rows = {
        "kbh": row_of(body, "Københavns Kommune"),
        "aarhus": row_of(body, "Aarhus Kommune"),
        "unknown": row_of(body, "Esbjerg Kommune"),
        "dup": row_of(body, "Odense Kommune"),
    }
    body[rows["kbh"]][0] = "Kobenhavn"
    body[rows["aarhus"]][0] = "Aarhuus"
    body[rows["unknown"]][0] = "Atlantis Kommune"
    body[rows["dup"]][0] = "Vejle Kommune"  # Vejle now answers twice
    rows["vejle"] = row_of(body, "Vejle Kommune")
    return write_csv(tmp / "fejl.csv", header, body), good, {k: v + 2 for k, v in rows.items()}


def test_bad_export_reports_each_problem_with_suggestions(bad) -> None:
    path, _, rows = bad
    v = validate_file(path)
    assert v.failed()
    errors = {(i.code, i.where.row): i for i in v.issues if i.severity is Severity.ERROR}
    kbh = errors[("municipality-unknown", rows["kbh"])]
    assert "Ukendt kommune 'Kobenhavn'" in kbh.message
    assert "mente du København (101)?" in kbh.message
    assert kbh.where.municipality == "Kobenhavn" and kbh.where.file == path.name
    assert "mente du Aarhus (751)?" in errors[("municipality-unknown", rows["aarhus"])].message
    atlantis = errors[("municipality-unknown", rows["unknown"])]
    assert "intet kommunenavn ligner" in atlantis.message
    first, second = sorted((rows["dup"], rows["vejle"]))
    dup = errors[("municipality-duplicate", first)]
    assert f"Vejle (630) har svaret 2 gange (række {first} og {second})" in dup.message
    assert "svarene er forskellige i q" in dup.message  # two different municipalities' answers
    assert "--dedupe" in (dup.hint or "")
    assert len(errors) == 4


def test_fixed_names_pass(bad) -> None:
    _, good, _ = bad
    v = validate_file(good)
    assert not v.failed() and not v.failed(strict=True)
    assert codes(v) == ["non-respondents", "response-rate-by-region"]
    assert "Vallensbæk (187), Lemvig (665), Læsø (825)" in v.issues[0].message
    assert "Hovedstaden 28/29 (96,6%)" in v.issues[1].message


def test_duplicate_lists_what_differs(tmp_path: Path) -> None:
    header, body = example_rows()
    body = [list(r) for r in body]
    body.append(list(body[0]))  # the same municipality, same answers...
    body.append(list(body[1]))
    body[-1][1] = "Nej" if body[1][1] != "Nej" else "Ja, helt i drift"  # ...and different q1
    v = validate_file(write_csv(tmp_path / "dubletter.csv", header, body))
    msgs = [i.message for i in v.issues if i.code == "municipality-duplicate"]
    assert len(msgs) == 2
    assert any(m.endswith("svarene er ens") for m in msgs)
    assert any(m.endswith("svarene er forskellige i q1") for m in msgs)


def test_population_from_spec_flags_outsiders(tmp_path: Path) -> None:
    header, body = example_rows()
    spec = tmp_path / "survey.toml"
    spec.write_text("[respondents]\npopulation = [101, 147, 151]\n", encoding="utf-8")
    path = write_csv(tmp_path / "x.csv", header, body)
    v = validate_file(path, LoadOptions(spec=spec))
    outside = [i for i in v.issues if i.code == "municipality-outside-population"]
    assert len(outside) == 95 - 3
    assert all(i.severity is Severity.ERROR for i in outside)
    assert "ikke med i populationen" in outside[0].message


def test_answers_checks(tmp_path: Path) -> None:
    header, body = example_rows()
    body = [list(r) for r in body]
    q2 = [i for i, h in enumerate(header) if h.startswith("2. ")]
    for i in q2:  # row 2 ticks nothing in Q2 but answers everything after it
        body[0][i] = None
    header.append("9. Antal medarbejdere i tilbuddet")
    header.append("10. Hvad er jeres erfaringer?")
    for n, row in enumerate(body):
        row.append({0: "ca. 5", 1: "1.234,5", 2: "mange"}.get(n, str(n % 7 + 1)))
        row.append(None)
    path = write_csv(tmp_path / "svar.csv", header, body)
    spec = tmp_path / "survey.toml"
    spec.write_text('[[question]]\nid = "q9"\ntype = "numeric"\n', encoding="utf-8")
    v = validate_file(path, LoadOptions(spec=spec))
    by_code = {i.code: i for i in v.issues}
    unclear = by_code["multi-unclear-skip"]
    assert unclear.where.question == "q2" and unclear.where.row == 2
    bad_num = by_code["numeric-unparsed"]
    assert bad_num.severity is Severity.ERROR
    assert "1 svar i spørgsmål 9 (q9) kan ikke læses som tal: 'mange' (række 4)" \
        in bad_num.message
    approx = by_code["numeric-approximate"]  # "ca. 5" counts as 5 and is listed (issue 16)
    assert approx.severity is Severity.WARNING and approx.where.row == 2
    assert by_code["question-empty"].where.question == "q10"
    assert by_code["column-unknown"].severity is Severity.WARNING  # q1..q8, q10 not in spec


def test_partial_respondents_are_a_warning() -> None:
    import pandas as pd

    from kl_survey.model import QType, Question, SourceInfo, Survey
    from kl_survey.validate import check_answers

    q = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, ("Ja", "Nej"), columns=("1",))
    survey = Survey(
        SourceInfo("x.csv", "surveyxact", "0"), (q,),
        pd.DataFrame({"row": [2, 3, 4], "complete": [True, False, False]}),
        {"q1": pd.Series(pd.Categorical(["Ja", "Nej", None], categories=["Ja", "Nej"]))},
    )
    (issue,) = check_answers(survey)
    assert (issue.code, issue.severity, issue.where.row) == ("partial-respondents",
                                                             Severity.WARNING, 3)
    assert "2 besvarelser er ikke fuldført (rækkerne 3, 4)" in issue.message
    assert "--complete-only" in (issue.hint or "")


def test_issues_sort_deterministically() -> None:
    w = Where(file="f.csv")
    issues = [
        Issue(Severity.INFO, "b", "x", w),
        Issue(Severity.ERROR, "z", "y", Where(row=9)),
        Issue(Severity.ERROR, "z", "y", Where(row=3)),
        Issue(Severity.WARNING, "a", "m", w),
        Issue(Severity.ERROR, "a", "n", w),
    ]
    out = sort_issues(issues)
    assert [(i.severity.value, i.code, i.where.row) for i in out] == [
        ("error", "a", None), ("error", "z", 3), ("error", "z", 9),
        ("warning", "a", None), ("info", "b", None)]
    assert sort_issues(reversed(issues)) == out


def test_json_document_and_strict(bad) -> None:
    path, _, _ = bad
    v = validate_file(path)
    doc = to_dict(v)
    assert doc["schema"] == SCHEMA and doc["file"] == "fejl.csv" and doc["ok"] is False
    assert doc["summary"]["errors"] == 4
    assert json.loads(json.dumps(doc)) == doc
    warn = Validation("f.csv", None, (Issue(Severity.WARNING, "w", "m"),))
    assert not warn.failed() and warn.failed(strict=True)
    assert to_dict(warn, strict=True)["ok"] is False


def test_one_line_has_place_message_and_hint() -> None:
    issue = Issue(Severity.ERROR, "c", "Ukendt kommune 'X'.",
                  Where(file="a.csv", row=4, question="q2"), "Ret navnet.")
    assert one_line(issue) == "a.csv, række 4, spørgsmål q2: Ukendt kommune 'X'. Ret navnet."


# ---------------------------------------------------------------- issue 9: nothing broken approved

runner = CliRunner()
MESSY = ["Aalborg Kommune", "Aalborg", "Kommune X", "Århus", "Høje Taastrup", "Kobenhavn",
         "Lyngby"]


def _messy_kommune(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "kommuner.csv", ["Kommune", "1. Er tilbuddet i drift?"],
                     [[m, ["Ja", "Nej"][i % 2]] for i, m in enumerate(MESSY)])


def test_a_kommune_header_names_the_column_and_validate_reports_every_name(
        tmp_path: Path) -> None:
    """Case 8: 5 of 7 names match (under 80 %), yet the header says what the column is."""
    path = _messy_kommune(tmp_path)
    res = runner.invoke(app, ["validate", str(path), "-f", "json"])
    assert res.exit_code == 1, res.output
    issues = json.loads(res.stdout)["issues"]
    by_code: dict[str, list[str]] = {}
    for i in issues:
        by_code.setdefault(i["code"], []).append(i["message"])
    assert "municipality-column-missing" not in by_code
    unknown = " ".join(by_code["municipality-unknown"])
    assert "'Kommune X'" in unknown
    assert "'Kobenhavn'" in unknown and "mente du København (101)" in unknown
    assert "Aalborg (851) har svaret 2 gange" in by_code["municipality-duplicate"][0]
    assert "'Lyngby' (række 8) er læst som Lyngby-Taarbæk (173)" in by_code[
        "municipality-alias"][0]
    survey_q = validate_file(path)
    assert survey_q.failed()


def test_a_spec_naming_the_kommune_column_finds_it(tmp_path: Path) -> None:
    """Issue 10 #3: the run claimed "Kommunekolonnen 'Kommune' findes ikke"."""
    path = _messy_kommune(tmp_path)
    spec = tmp_path / "survey.toml"
    spec.write_text('version = 1\n[survey]\ntitle = "x"\n[respondents]\ncolumn = "Kommune"\n',
                    encoding="utf-8")
    v = validate_file(path, LoadOptions(spec=spec))
    codes = {i.code for i in v.issues}
    assert "respondent-column-missing" not in codes
    assert {"municipality-unknown", "municipality-duplicate"} <= codes


def test_init_writes_the_column_the_reader_used(tmp_path: Path) -> None:
    path = _messy_kommune(tmp_path)
    res = runner.invoke(app, ["init", str(path), "-o", "-"])
    assert res.exit_code == 0, res.output
    assert 'column = "Kommune"' in res.stdout


def test_a_prose_file_is_not_a_survey_export() -> None:
    """Case 7: README.md was 376 respondents and approved."""
    for command in ("analyze", "validate"):
        res = runner.invoke(app, [command, str(REPO / "README.md")])
        assert res.exit_code == 2, res.output
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "ligner ikke en eksport af besvarelser" in lines[0]
        assert "README.md" in lines[0]


def _all_test_responses(tmp_path: Path) -> Path:
    imp = '{{"ImportId":"{}"}}'.format
    rows = [["Status", "Finished", "Q1", "Q2"], ["Response Type", "Finished", "Er I i gang?",
                                                  "Antal"],
            [imp("status"), imp("finished"), imp("QID1"), imp("QID2_TEXT")]]
    rows += [["2", "1", ["Ja", "Nej"][i % 2], str(i * 7)] for i in range(5)]
    path = tmp_path / "qualtrics.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_nothing_left_lists_questions_warns_and_fails_validation(tmp_path: Path) -> None:
    """Case 6: every row a test response (Status 2)."""
    path = _all_test_responses(tmp_path)
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["respondents"] == 0
    assert [(q["id"], q["base"]) for q in doc["questions"]] == [("q1", 0), ("q2", 0)]
    assert "Ingen besvarelser er tilbage at tælle" in res.stderr
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 1
    res = runner.invoke(app, ["validate", str(path), "-f", "json"])
    issues = json.loads(res.stdout)["issues"]
    (error,) = [i for i in issues if i["severity"] == "error"]
    assert "af de 5 rækker er 5 fra forhåndsvisning, test eller spam" in error["message"]
    assert "question-empty" not in {i["code"] for i in issues}  # the one line says why


def test_nothing_left_with_complete_only_fails_validation(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "lime.csv", ["id", "submitdate", "lastpage", "Q1"],
                     [[1, "", 1, "Ja"], [2, "", 1, "Nej"]])
    res = runner.invoke(app, ["validate", str(path), "--complete-only", "-f", "json"])
    assert res.exit_code == 1
    (issue,) = [i for i in json.loads(res.stdout)["issues"] if i["code"] == "no-respondents"]
    assert "2 ikke fuldført (--complete-only)" in issue["message"]


needs_real = pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="real exports not available")


@needs_real
def test_free_text_is_not_checked_for_unticked_options() -> None:
    """Case 2: majors read as multi-select made validate warn "ticked nothing"."""
    path = REAL_EXPORTS / "googleforms-uvads" / "UVADS__DS-4002__DS-4002-sp24-survey-results.csv"
    codes = {i.code for i in validate_file(path).issues}
    assert "multi-unclear-skip" not in codes
