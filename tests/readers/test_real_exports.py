"""Real exports from public repositories (``REAL_EXPORTS``, never copied into the repo):
each file gives what ``SOURCES.md`` there says a user expects of it.

Files are read by path. A file added there later without a row here is still read
(it must not crash); documentation files must be refused as "not a survey export".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import pytest
from typer.testing import CliRunner

from kl_survey.analysis import Analysis, QuestionResult, analyse
from kl_survey.cli import app
from kl_survey.errors import KlSurveyError
from kl_survey.issues import Severity
from kl_survey.pipeline import Loaded, load
from kl_survey.readers import Probe, read_survey, readers
from kl_survey.validate import validate_file

from paths import REAL_EXPORTS

pytestmark = pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="real exports not available")
runner = CliRunner()
SX = "surveyxact-readSX"
LIME_META = ("Response ID", "Date submitted", "Last page", "Start language", "Seed")


def _q(a: Analysis, starts: str) -> list[QuestionResult]:
    found = [r for r in a.questions if r.question.text.startswith(starts)]
    assert found, f"no question starting {starts!r}"
    return found


def _sealuzh(a: Analysis) -> None:
    texts = [r.question.text for r in a.questions]
    assert not any(t.startswith(LIME_META) for t in texts)  # metadata, not questions
    short = _q(a, "In your opinion, what are the features")
    assert len(short) == 6 and all(r.question.type.value == "text" for r in short)
    assert not any(t.startswith(("{", "Rating ", "So far, you have named")) for t in texts)
    assert all(r.question.type.value == "single" for r in _q(a, "Rate the overall quality"))
    features = _q(a, "Rate the quality of this unit test according to the features")
    assert len(features) == 10  # one array per test, each one grid (issue 16)
    assert all(r.question.type.value == "grid" and len(r.question.rows) == 6 for r in features)


def _digital_twins(a: Analysis) -> None:
    assert "Answer ID" not in [r.question.text for r in a.questions]
    (bg,) = _q(a, "What is your professional background?")
    assert bg.question.type.value == "multi"
    assert bg.question.options == ("Mechanical engineering", "Electrical engineering",
                                   "Computer science", "Cybernetics", "Mechatronics",
                                   "Business administration", "Other")
    assert bg.base == 88  # ticked anything (or wrote under Other); not the 7 N/A rows
    assert "N/A" not in bg.question.options and "No" not in bg.question.options
    counts = {o.label: o.count for o in bg.options}
    assert (counts["Mechanical engineering"], counts["Computer science"]) == (12, 55)


def _plr(a: Analysis) -> None:
    """Bare code headings, metadata removed: still LimeSurvey; each QMIQ array one grid."""
    grids = [r for r in a.questions if r.question.type.value == "grid"]
    assert [r.question.text for r in grids] == [f"QMIQ0{i}" for i in range(2, 9)]
    assert all(len(r.question.rows) == 5 and r.base == 50 for r in grids)
    (age,) = _q(a, "Q02Age")
    assert age.question.type.value == "numeric"


def _googleforms(a: Analysis) -> None:
    for text in ("What is your field of study or major?",
                 "What state or country were you born in?"):
        (r,) = _q(a, text)
        assert r.question.type.value == "text"
    (year,) = _q(a, "If you are an undergraduate")
    assert year.question.type.value == "single" and len(year.question.options) == 4


def _msforms(a: Analysis) -> None:
    (major,) = _q(a, "What is your major?")
    assert major.question.type.value == "text" and major.base == 185
    assert [r.question.type.value for r in a.questions] == ["single", "single", "text"]


def _legitimacy(a: Analysis) -> None:
    (m4,) = _q(a, "Method 4 Please select the colors")
    assert m4.question.type.value == "multi" and m4.base == 12
    assert set(m4.question.options) == {"yellow", "black", "green", "blue", "red"}
    assert {o.label: o.count for o in m4.options} == {
        "yellow": 4, "black": 6, "green": 8, "blue": 8, "red": 4}  # counted with csv
    (age,) = _q(a, "What is your age?")
    assert age.question.type.value == "numeric"


def _insights(a: Analysis) -> None:
    assert len(a.questions) > 20 and all(r.base == 0 for r in a.questions)
    sliders = _q(a, "Please rate your likelihood of consuming each fruit")
    assert {r.question.type.value for r in sliders} == {"numeric_grid"}
    assert all(r.question.rows == ("Oranges", "Blueberries", "Strawberries") for r in sliders)


def _qualtrics_sample(a: Analysis) -> None:
    q1, q2 = a.questions
    assert (q1.question.type.value, q1.question.options) == ("single", ("2",))
    assert (q2.question.type.value, q2.answers) == ("text", ("Hello World!",))


def _surveyxact(a: Analysis) -> None:
    assert a.partial == 85
    assert a.questions[0].question.type.value == "multi"
    # matrix variables sharing one label set are one grid (issue 16)
    (agree,) = _q(a, "Hvor enig er du i følgende utsagn om deg og fagene")
    assert agree.question.type.value == "grid" and len(agree.question.rows) == 14
    assert agree.question.options == ("Helt uenig", "Uenig", "Enig", "Helt enig")


@dataclass(frozen=True)
class Expect:
    tool: str
    respondents: int
    check: Callable[[Analysis], None] | None = None
    issues: tuple[str, ...] = field(default=())


EXPECTED: dict[str, Expect] = {
    f"{SX}/ex_survey2.xlsx": Expect("surveyxact", 425, _surveyxact),
    **{f"{SX}/{d}/{p}.csv": Expect("surveyxact", 425, _surveyxact)
       for d in ("ex_survey2_semicolon_ansi", "ex_survey2_comma_ansi", "ex_survey2_tab_utf16")
       for p in ("dataset", "labels", "structure")},
    "qualtrics-qualtRics/sample.csv": Expect("qualtrics", 1, _qualtrics_sample),
    "qualtrics-qualtRics/sample_legacy.csv": Expect("qualtrics", 1, _qualtrics_sample),
    "limesurvey-sealuzh/sealuzh__quality-perception-appendix__results-survey.csv":
        Expect("limesurvey", 70, _sealuzh),
    "limesurvey-digital-twins/"
    "jerome-pfeiffer1__modeling-languages-for-digital-twins__results_english.csv":
        Expect("limesurvey", 96, _digital_twins),
    "limesurvey-plr/cvanbuckhave__PLR_tool_AP__results-survey.csv":
        Expect("limesurvey", 50, _plr),
    "googleforms-uvads/UVADS__DS-4002__DS-4002-sp24-survey-results.csv":
        Expect("googleforms", 91, _googleforms),
    "googleforms-uvads/UVADS__DS-4002__Is hotdog a sandwich_ (Responses).xlsx":
        Expect("googleforms", 207),
    "msforms-uvads/UVADS__DS-4002__Hot-Dog-Form-Fa24.csv": Expect("msforms", 187, _msforms),
    "qualtrics-legitimacy/carinahausladen__LegitimacyVotingMethod__0723qualtrics.csv":
        Expect("qualtrics", 12, _legitimacy),
    "qualtrics-qualtricstools/ctesta01__QualtricsTools__Sample_Survey (Insights).csv":
        Expect("qualtrics", 0, _insights, ("no-respondents",)),
}
_DOCS = (".md", ".txt")


@cache
def _loaded(name: str) -> tuple[Loaded, Analysis]:
    """Each file read once per test session (the SurveyXact ones take seconds)."""
    loaded = load(REAL_EXPORTS / name)
    return loaded, analyse(loaded.survey)


def _files() -> list[str]:
    if not REAL_EXPORTS.is_dir():
        return sorted(EXPECTED)
    return sorted(str(p.relative_to(REAL_EXPORTS)) for p in REAL_EXPORTS.rglob("*")
                  if p.is_file())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_export_gives_what_sources_md_says(name: str) -> None:
    want = EXPECTED[name]
    path = REAL_EXPORTS / name
    scores = {r.name: r.detect(Probe(path)) for r in readers()}
    assert max(scores, key=lambda k: scores[k]) == want.tool, scores
    loaded, a = _loaded(name)
    assert a.source.format == want.tool
    assert a.respondents == want.respondents
    assert not [i for i in loaded.issues if i.severity is Severity.ERROR
                and i.code not in want.issues]
    assert {i.code for i in loaded.issues} >= set(want.issues)
    if want.check is not None:
        want.check(a)


def test_surveyxact_variants_agree() -> None:
    """The xlsx and the three CSV trios are one export: identical numbers."""
    def counts(name: str) -> list[tuple[str, int, tuple[int, ...]]]:
        a = _loaded(name)[1]
        return [(r.question.text, r.base, tuple(o.count for o in r.options))
                for r in a.questions]

    xlsx = counts(f"{SX}/ex_survey2.xlsx")
    for d in ("ex_survey2_semicolon_ansi", "ex_survey2_comma_ansi", "ex_survey2_tab_utf16"):
        assert counts(f"{SX}/{d}/dataset.csv") == xlsx, d


def test_nobody_left_fails_validation_with_one_line_saying_why() -> None:
    path = REAL_EXPORTS / "qualtrics-qualtricstools" / (
        "ctesta01__QualtricsTools__Sample_Survey (Insights).csv")
    v = validate_file(path)
    assert v.failed()
    (error,) = [i for i in v.issues if i.severity is Severity.ERROR]
    assert "af de 5 rækker er 5 fra forhåndsvisning, test eller spam" in error.message
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert res.exit_code == 0 and "Ingen besvarelser er tilbage at tælle" in res.stderr


@pytest.mark.parametrize("name", [n for n in _files() if n.endswith(_DOCS)])
def test_documentation_is_not_a_survey_export(name: str) -> None:
    res = runner.invoke(app, ["analyze", str(REAL_EXPORTS / name)])
    assert res.exit_code == 2, res.output
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_real_export_without_a_row_here_still_reads() -> None:
    """Files added later (held back to check the rules) must at least read cleanly."""
    for name in [n for n in _files() if n not in EXPECTED and not n.endswith(_DOCS)]:
        try:
            survey = read_survey(REAL_EXPORTS / name)
        except KlSurveyError:
            continue  # refused with a one-line message is an answer too
        assert survey.questions, name
