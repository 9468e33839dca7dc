"""validate: every check on exports built from the example's rows, in tmp_path."""

import csv
import json
import sys
from pathlib import Path

import pytest

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
    assert "2 svar i spørgsmål 9 (q9) kan ikke læses som tal: 'ca. 5' (række 2), " \
        "'mange' (række 4)" in bad_num.message
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
