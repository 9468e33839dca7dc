"""CPR numbers in free text never reach an output unless --keep-cpr (issue 10, #14).

``tests/data/privacy/cpr.csv`` plants made-up CPR numbers in text answers, "Andet"
text and an option label, beside phone numbers, amounts, dates and postcodes that must
be printed as written. Every output format of ``analyze`` and ``report`` is checked.
"""

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.issues import Issue, Severity, Where
from kl_survey.privacy import REDACTED, has_cpr, redact

CPR_CSV = Path(__file__).resolve().parent / "data" / "privacy" / "cpr.csv"
#: the date part of every planted number: none of these may appear in a default output
PLANTED = ("010203", "311299", "050505", "290200")
ORDINARY = ("12 34 56 78", "12345678", "1.234.567", "1234567890", "3213991234",
            "0113991234", "01-02-2024", "8000 Aarhus C")
runner = CliRunner()


# ---------------------------------------------------------------- the pattern


@pytest.mark.parametrize("text", [
    "010203-1234", "0102031234", "CPR: 010203-1234.", "(311299 4321)", "290200-1234",
    "Se 010203‑1234", "nr.0102031234", "a 010203-1234 og 020304-5678 b",
])
def test_cpr_numbers_are_redacted(text: str) -> None:
    out = redact(text)
    assert REDACTED in out
    assert not any(c.isdigit() for c in out.replace("[CPR fjernet]", ""))
    assert has_cpr(text)


@pytest.mark.parametrize("text", [
    "12 34 56 78", "12345678", "+45 12345678", "1.234.567 kr.", "1234567890", "3213991234",
    "0113991234", "01-02-2024", "2024-02-01", "8000 Aarhus C", "DK-2100", "300299-1234",
    "290201-1234", "00010112345", "01020312345", "1010203-1234", "010203-12345",
    "0000001234", "12.03.2024", "kl. 10.30-12.00", "010203/1234",
])
def test_ordinary_numbers_stay_as_written(text: str) -> None:
    """Phone numbers, amounts, dates, postcodes, and 10 digits that are no date (day 32,
    month 13, 30 February, 29 February in a non-leap year, 00)."""
    assert redact(text) == text
    assert not has_cpr(text)


def test_issue_messages_never_carry_a_cpr_number() -> None:
    """A message may quote an answer (an unknown municipality, an unlisted option)."""
    issue = Issue(Severity.ERROR, "municipality-unknown", "Ukendt kommune '010203-1234'",
                  Where(file="x.csv", row=3, municipality="010203-1234"),
                  "Ret '0102031234' i eksporten")
    assert issue.message == f"Ukendt kommune '{REDACTED}'"
    assert issue.where.municipality == REDACTED and issue.hint == f"Ret '{REDACTED}' i eksporten"


# ---------------------------------------------------------------- every output


def _clean(text: str, redacted: str = REDACTED) -> None:
    for digits in PLANTED:
        assert digits not in text, digits
    assert redacted in text
    for number in ORDINARY:
        assert number in text, number


def _analyze(*args: str) -> str:
    res = runner.invoke(app, ["analyze", str(CPR_CSV), *args], terminal_width=200)
    assert res.exit_code == 0, res.output
    for digits in PLANTED:  # warnings on stderr quote no answer either
        assert digits not in res.stderr
    return res.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_analyze_text_formats_redact(fmt: str) -> None:
    # Markdown escapes the brackets, so the marker renders as written
    _clean(_analyze("-f", fmt), r"\[CPR fjernet\]" if fmt == "markdown" else REDACTED)


def test_analyze_json_redacts_each_kind_of_free_text() -> None:
    doc = json.loads(_analyze("-f", "json"))
    q = {d["id"]: d for d in doc["questions"]}
    assert q["q2"]["other_answers"][0] == f"Henvist af {REDACTED} via lægen"
    assert q["q3"]["answers"][:2] == [
        f"Borgeren med CPR {REDACTED} har klaget over ventetiden på tilbuddet",
        f"Se sagen for {REDACTED}, der blev henvist to gange i foråret"]
    assert [o["label"] for o in q["q4"]["options"]] == [REDACTED, "Sekretariatet"]


def _xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "\n".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                         if n.endswith(".xml"))


def test_analyze_xlsx_redacts(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    _analyze("-f", "xlsx", "-o", str(out))
    _clean(_xlsx_text(out.read_bytes()))


def test_keep_cpr_is_the_explicit_opt_out() -> None:
    text = _analyze("-f", "json", "--keep-cpr")
    for digits in PLANTED:
        assert digits in text
    assert REDACTED not in text


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cpr") / "rapport"
    res = runner.invoke(app, ["report", str(CPR_CSV), "-o", str(out),
                              "--formats", "html,pdf,svg,xlsx,json"])
    assert res.exit_code == 0, res.output
    return out


def test_report_html_json_and_xlsx_redact(report: Path) -> None:
    _clean((report / "report.html").read_text(encoding="utf-8"))
    _clean((report / "results.json").read_text(encoding="utf-8"))
    _clean(_xlsx_text((report / "results.xlsx").read_bytes()))


def test_report_pdf_redacts(report: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(report / "report.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for digits in PLANTED:
        assert digits not in text
    assert REDACTED in text
    assert "12345678" in text and "1.234.567" in text


def test_report_figures_redact_option_labels(report: Path) -> None:
    svg = (report / "figures" / "q04.svg").read_text(encoding="utf-8")
    assert "311299" not in svg and "CPR fjernet" in svg


def test_report_keep_cpr(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(CPR_CSV), "-o", str(tmp_path / "r"),
                              "--formats", "json", "--keep-cpr"])
    assert res.exit_code == 0, res.output
    assert "010203-1234" in (tmp_path / "r" / "results.json").read_text(encoding="utf-8")


# ---------------------------------------------------------------- validate


def test_validate_warns_with_row_and_column() -> None:
    res = runner.invoke(app, ["validate", str(CPR_CSV), "-f", "json"])
    assert res.exit_code == 0, res.output  # a warning: the outputs redact anyway
    found = [i for i in json.loads(res.stdout)["issues"] if i["code"] == "cpr-in-text"]
    assert {(i["where"]["column"], i["where"]["row"], i["severity"]) for i in found} == {
        ("3. Kommentarer", 2, "warning"), ("2. Hvordan? - Andet", 3, "warning"),
        ("4. Kontaktperson", 2, "warning")}
    by_q = {i["where"]["question"]: i["message"] for i in found}
    assert by_q["q3"].endswith("(rækkerne 2, 3, 6)")  # header is row 1
    assert by_q["q4"].endswith("(rækkerne 2, 4, 7)")
    assert by_q["q2"].endswith("(række 3)")
    for digits in PLANTED:
        assert digits not in res.stdout
    strict = runner.invoke(app, ["validate", str(CPR_CSV), "--strict"])
    assert strict.exit_code == 1


def test_validate_finds_cpr_in_a_multi_select_option(tmp_path: Path) -> None:
    from kl_survey.model import QType
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.privacy import cpr_issues

    src = tmp_path / "multi.csv"
    src.write_text("Kommune,1. Hvem? - Ole 010203-1234,1. Hvem? - Anne\n"
                   "Aarhus,X,\nOdense,,X\nAalborg,X,X\n", encoding="utf-8")
    survey = load(src, LoadOptions(keep_cpr=True)).survey
    assert survey.questions[0].type is QType.MULTI
    (issue,) = cpr_issues(survey)
    assert issue.where.row == 2 and "(rækkerne 2, 4)" in issue.message


# ---------------------------------------------------------------- one redaction for all


def test_two_numbers_typed_as_options_merge_into_one_label(tmp_path: Path) -> None:
    """Redaction happens on the loaded survey, so labels that become one are merged and
    the counts stay whole, in single and multiple choice alike."""
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import load

    src = tmp_path / "to.csv"
    src.write_text("Kommune,1. Kontakt,2. Hvem? - 010203-1234,2. Hvem? - 020304-1234\n"
                   "Aarhus,311299-4321,X,\nOdense,010101-1111,,X\nAalborg,Sekretariatet,X,X\n"
                   "Esbjerg,311299-4321,,\n", encoding="utf-8")
    a = analyse(load(src).survey)
    q1, q2 = a.questions
    assert [(o.label, o.count) for o in q1.options] == [(REDACTED, 3), ("Sekretariatet", 1)]
    assert q1.question.options == (REDACTED, "Sekretariatet")
    assert [(o.label, o.count) for o in q2.options] == [(REDACTED, 3)]  # ticked either


def test_breakdowns_count_redacted_labels() -> None:
    """A breakdown matches answers to the analysis' labels; both must be redacted alike,
    or the '[CPR fjernet]' row of every group silently counts 0."""
    doc = json.loads(_analyze("-f", "json", "--by", "region", "--min-base", "1"))
    (q4,) = [q for q in doc["questions"] if q["id"] == "q4"]
    counts = [o["count"] or 0 for g in q4["breakdown"]["groups"] for o in g["options"]
              if o["label"] == REDACTED]
    assert sum(counts) == 3


def test_a_map_of_a_redacted_question(tmp_path: Path) -> None:
    """Maps look the municipalities' answers up among the question's options: this
    crashed (KeyError '311299-4321') while only the analysis was redacted."""
    out = tmp_path / "kort"
    res = runner.invoke(app, ["report", str(CPR_CSV), "-o", str(out), "--formats", "html,svg",
                              "--maps", "q4"])
    assert res.exit_code == 0, res.output
    assert (out / "figures" / "q04-kort.svg").exists()
    for path in out.rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        for digits in PLANTED:
            assert digits not in text, (path, digits)


def test_init_writes_no_cpr_number_and_its_spec_matches_the_data(tmp_path: Path) -> None:
    """Redaction comes before the spec: the spec init writes (kept in git) holds the
    redacted label, and analyze with it finds every answer listed."""
    spec = tmp_path / "survey.toml"
    res = runner.invoke(app, ["init", str(CPR_CSV), "-o", str(spec)])
    assert res.exit_code == 0, res.output
    text = spec.read_text(encoding="utf-8")
    assert f'"{REDACTED}"' in text
    for digits in PLANTED:
        assert digits not in text
    res = runner.invoke(app, ["analyze", str(CPR_CSV), "--spec", str(spec), "-f", "json"])
    assert res.exit_code == 0, res.output
    other = [line for line in res.stderr.splitlines() if "CPR-nummer" not in line]
    assert other == []  # no "Svaret … står ikke i specifikationens options"
    (q4,) = [q for q in json.loads(res.stdout)["questions"] if q["id"] == "q4"]
    assert [(o["label"], o["count"]) for o in q4["options"]] == [(REDACTED, 3),
                                                                  ("Sekretariatet", 3)]


def test_analyze_warns_where_the_numbers_were() -> None:
    res = runner.invoke(app, ["analyze", str(CPR_CSV), "-f", "json"])
    lines = [line for line in res.stderr.splitlines() if "CPR-nummer" in line]
    assert len(lines) == 3 and all(line.startswith("kl-survey: advarsel: cpr.csv, række")
                                   for line in lines)


def test_report_appendix_says_cpr_numbers_are_removed() -> None:
    """The appendix promised answers "as written" although CPR numbers are redacted by
    default: it says so, in Danish and English, and only --keep-cpr keeps the old line."""
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report.structure import build

    redacted = analyse(load(CPR_CSV).survey)
    da, en = build(redacted, "da").appendix_intro, build(redacted, "en").appendix_intro
    assert "CPR-numre" in da and REDACTED in da
    assert "CPR numbers" in en and REDACTED in en
    kept = build(analyse(load(CPR_CSV, LoadOptions(keep_cpr=True)).survey), "da")
    assert "CPR" not in kept.appendix_intro and "som skrevet" in kept.appendix_intro


@pytest.mark.parametrize("pool", [False, True])
def test_one_scan_finds_and_redacts_what_the_two_steps_do(
        pool: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """pipeline.load searches each column once (privacy.scan), a big survey's columns on
    two threads; the result must be the warnings of cpr_issues and the survey of
    redact_survey, column for column."""
    from kl_survey import privacy
    from kl_survey.privacy import cpr_issues, redact_survey, scan
    from kl_survey.readers import read_survey

    if pool:
        monkeypatch.setattr(privacy, "POOL_CELLS", 0)
        monkeypatch.setattr("kl_survey.cores.spare", lambda: True)

    survey = read_survey(CPR_CSV)
    issues, redacted = scan(survey)
    assert [i.as_dict() for i in issues] == [i.as_dict() for i in cpr_issues(survey)]
    assert issues, "the fixture plants CPR numbers in free text"
    alone = redact_survey(survey)
    for store in ("answers", "other_text", "unparsed"):
        got, want = getattr(redacted, store), getattr(alone, store)
        assert got.keys() == want.keys()
        for key in got:
            assert got[key].equals(want[key]), (store, key)
    assert scan(survey, redact=False)[1] is survey


def test_the_column_search_finds_every_dash() -> None:
    """The column-wide search (RE2 through pandas) spells the dashes as characters; each
    must still be found, beside a plain and a spaced number."""
    import pandas as pd

    from kl_survey.privacy import _candidates

    values = pd.Series(["010203-1234", "010203 1234", "0102031234", "a 010203\u20101234",
                        "010203\u20111234 b", "010203\u20131234", "010203\u20141234",
                        "ingen", None], dtype="str")
    assert _candidates(values, None).tolist() == [True] * 6 + [False] * 3


@pytest.mark.parametrize("block", [1, 2, 5, 6, 7, 1 << 20])
def test_a_column_without_six_digits_in_a_row_is_not_searched(
        block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The byte screen only skips what the search could not find: six digits split by a
    space, a dash or a value boundary are no candidate; six in a row, even in the part
    of a buffer a slice leaves out or across the blocks it screens, send the column on
    to the search."""
    import random

    import pandas as pd
    import pyarrow as pa

    from kl_survey import privacy

    monkeypatch.setattr(privacy, "_SCREEN_BLOCK", block)
    rng = random.Random(11)
    alphabet = "0123456789 -\u2010æa"
    for _ in range(300):
        values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
                  for _ in range(rng.randint(1, 5))]
        column = pd.Series(values, dtype="str")
        want = column.astype("string").str.contains(privacy._CANDIDATE, regex=True)
        assert privacy._candidates(column, None).tolist() == want.tolist()
        if privacy._no_six_digits(column):
            assert not want.any()
    assert privacy._no_six_digits(pd.Series(["12345", " 6 0102", "a-1234"], dtype="str"))
    assert not privacy._no_six_digits(pd.Series(["12345", "6"], dtype="str"))  # "123456"
    assert not privacy._no_six_digits(pd.Series(["ring 12345678"], dtype="str"))
    assert not privacy._no_six_digits(pd.Series(["01020", "3-1234"], dtype="str"))
    sliced = pa.chunked_array([pa.array(["010203-1234", "ingen"], pa.large_string()).slice(1)])
    column = pd.Series(pd.arrays.ArrowStringArray(sliced))
    assert not privacy._no_six_digits(column)
    assert privacy._candidates(column, None).tolist() == [False]
    assert not privacy._no_six_digits(pd.Series(["0102031234"], dtype=object))
