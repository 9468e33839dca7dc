"""Applying a spec: the unedited spec changes nothing, each edit changes what it says."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import tomlkit

from kl_survey.analysis import Analysis, QuestionResult, analyse
from kl_survey.errors import DataMismatchError
from kl_survey.issues import Severity
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.numbers import format_percent
from kl_survey.output.results import to_dict
from kl_survey.pipeline import LoadOptions, load
from kl_survey.spec import parse_spec
from kl_survey.spec_apply import apply_spec
from kl_survey.spec_write import spec_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
EXAMPLE_SPEC = EXAMPLE.parent / "survey.toml"


@pytest.fixture(scope="module")
def survey() -> Survey:
    return load(EXAMPLE).survey


def _edited(survey: Survey, edit: Callable[[dict[str, Any]], None]) -> Any:
    """The spec ``init`` writes for ``survey``, edited as a person would edit the TOML."""
    doc = tomlkit.parse(spec_text(survey))
    qs = {str(q["id"]): q for q in doc["question"]}
    edit({"doc": doc, **qs})
    return parse_spec(tomlkit.dumps(doc))


def _apply(survey: Survey, edit: Callable[[dict[str, Any]], None]) -> tuple[Analysis, list]:
    new, issues = apply_spec(survey, _edited(survey, edit))
    return analyse(new), issues


def _q(a: Analysis, qid: str) -> QuestionResult:
    (r,) = [r for r in a.questions if r.question.id == qid]
    return r


def _counts(r: QuestionResult) -> dict[str, int]:
    return {o.label: o.count for o in r.options}


def test_unedited_spec_changes_nothing(survey: Survey) -> None:
    new, issues = apply_spec(survey, parse_spec(spec_text(survey)))
    assert issues == []
    assert to_dict(analyse(new)) == to_dict(analyse(survey))
    assert [q.options for q in new.questions] == [q.options for q in survey.questions]


def test_merging_options(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q1"]["merge"] = {"Ja": ["Ja, helt i drift", "Ja, delvist i drift"]}
        s["q1"]["options"] = ["Ja", "Nej, men det forventes i drift inden udgangen af 2025",
                              "Nej"]
        s["q1"]["yes"] = ["Ja"]

    a, issues = _apply(survey, edit)
    r = _q(a, "q1")
    assert _counts(r) == {"Ja": 92, "Nej, men det forventes i drift inden udgangen af 2025": 2,
                          "Nej": 1}
    assert r.base == 95 and r.yes is not None and r.yes.count == 92
    assert format_percent(r.yes.count, r.yes.base) == "96,8%"
    assert issues == []


def test_merging_multi_select_options_counts_respondents_once(survey: Survey) -> None:
    ja = ["Ja, til almen praktiserende læger", "Ja, til personale på ungdomsuddannelserne",
          "Ja, til civilsamfundsorganisationer", "Ja, til andre"]

    def edit(s: dict[str, Any]) -> None:
        s["q4"]["merge"] = {"Ja, til mindst én": ja}
        s["q4"]["options"] = ["Ja, til mindst én", "Nej, ikke endnu"]
        s["q4"]["yes"] = ["Ja, til mindst én"]

    r = _q(_apply(survey, edit)[0], "q4")
    frame = survey.answers["q4"]
    assert isinstance(frame, pd.DataFrame)
    assert _counts(r) == {"Ja, til mindst én": int(frame[ja].any(axis=1).sum()),
                          "Nej, ikke endnu": 30}
    assert _counts(r)["Ja, til mindst én"] == 65  # 95 less the 30 who ticked only "Nej"


def test_base_exclude_dont_know_q5(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q5"]["base"] = "exclude"  # exclude defaults to dont_know = ["Ved ikke"]

    r = _q(_apply(survey, edit)[0], "q5")
    assert r.base == 92
    ja = next(o for o in r.options if o.label == "Ja")
    assert (ja.count, ja.base) == (12, 92)
    assert format_percent(ja.count, ja.base) == "13,0%"
    assert next(o for o in r.options if o.label == "Ved ikke").excluded


def test_filter_base(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q8"]["filter"] = {"question": "q5", "options": ["Ja"]}

    a, _ = _apply(survey, edit)
    r = _q(a, "q8")
    q5 = survey.answers["q5"]
    q8 = survey.answers["q8"]
    assert r.base == 12  # only the 12 who collaborate with other municipalities
    assert _counts(r)["Ja"] == int((q8[q5 == "Ja"] == "Ja").sum())


def test_filter_on_merged_labels_and_base_respondents(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q1"]["merge"] = {"Ja": ["Ja, helt i drift", "Ja, delvist i drift"]}
        s["q1"]["options"] = ["Ja", "Nej, men det forventes i drift inden udgangen af 2025",
                              "Nej"]
        s["q1"]["yes"] = ["Ja"]
        s["q7"]["filter"] = {"question": "q1", "options": ["Ja"]}
        s["q7"]["base"] = "respondents"

    assert _q(_apply(survey, edit)[0], "q7").base == 92


def test_renaming(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q5"]["rename"] = {"Nej, men vi er i dialog om det": "I dialog"}
        s["q5"]["options"] = ["Ja", "I dialog", "Nej", "Ved ikke"]

    r = _q(_apply(survey, edit)[0], "q5")
    assert [o.label for o in r.options] == ["Ja", "I dialog", "Nej", "Ved ikke"]
    assert _counts(r)["I dialog"] == 21


def test_hiding_and_titles(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q7"]["hidden"] = True
        s["q1"]["title"] = "Tilbuddet i drift"
        s["q1"]["chart"] = "stacked"
        s["q1"]["note"] = "Én besvarelse pr. kommune."

    a, _ = _apply(survey, edit)
    assert "q7" not in [r.question.id for r in a.questions]
    q1 = _q(a, "q1").question
    assert (q1.title, q1.chart, q1.note) == ("Tilbuddet i drift", "stacked",
                                             "Én besvarelse pr. kommune.")


def test_yes_and_meta_from_the_example_spec(survey: Survey) -> None:
    a = analyse(load(EXAMPLE, LoadOptions(spec=EXAMPLE_SPEC)).survey)
    q6 = _q(a, "q6")
    assert q6.yes is not None
    assert q6.yes.labels == ("Formaliseret samarbejde (fx en skriftlig aftale)",)
    assert format_percent(q6.yes.count, q6.yes.base) == "58,9%"
    assert a.meta.round == "Maj 2025"
    assert a.meta.credit == "Kilde: KL's rundspørge blandt kommunerne, maj 2025"
    assert a.meta.title == "Lettilgængeligt tilbud til børn og unge i psykisk mistrivsel"
    assert all(r.question.title for r in a.questions)


def test_unlisted_answer_is_counted_and_reported(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q5"]["options"] = ["Ja", "Nej, men vi er i dialog om det", "Nej"]
        s["q5"]["dont_know"] = []

    a, issues = _apply(survey, edit)
    r = _q(a, "q5")
    assert _counts(r)["Ved ikke"] == 3 and r.base == 95  # appended, never dropped
    (issue,) = issues
    assert issue.code == "answer-unlisted" and issue.severity is Severity.WARNING
    assert "'Ved ikke' (3 svar)" in issue.message
    assert issue.where.question == "q5" and issue.where.column.startswith("5. ")


def test_question_missing_from_export_and_column_unknown_to_spec(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        q8 = s["doc"]["question"][-1]
        q8["id"] = "q9"
        q8["columns"] = ["9. Et spørgsmål fra sidste runde"]

    a, issues = _apply(survey, edit)
    codes = {i.code: i for i in issues}
    assert set(codes) == {"question-missing", "column-unknown"}
    assert codes["question-missing"].where.question == "q9"
    assert "kl-survey init" in (codes["column-unknown"].hint or "")
    assert _q(a, "q8").base == 95  # the unknown question is still analysed


def test_question_matched_by_column_takes_the_spec_id(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q5"]["id"] = "samarbejde"
        s["q8"]["filter"] = {"question": "samarbejde", "options": ["Ja"]}

    a, issues = _apply(survey, edit)
    assert issues == []
    assert _q(a, "samarbejde").base == 95 and _q(a, "q8").base == 12


def test_new_option_column_in_multi_select_is_kept(survey: Survey) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["q2"]["options"] = ["Kommunens hjemmeside", "Aula", "Sundhed.dk", "Sociale medier",
                              "Pjecer og plakater"]

    a, issues = _apply(survey, edit)
    assert [o.label for o in _q(a, "q2").options][-1] == "Andet, angiv"
    assert [(i.code, i.severity) for i in issues] == [("answer-unlisted", Severity.WARNING)]


def test_strict_turns_a_disagreement_into_an_error(tmp_path: Path, survey: Survey) -> None:
    spec = tmp_path / "survey.toml"
    doc = tomlkit.parse(spec_text(survey))
    doc["question"][0]["options"] = ["Ja, helt i drift", "Ja, delvist i drift", "Nej"]
    spec.write_text(tomlkit.dumps(doc), encoding="utf-8")
    loaded = load(EXAMPLE, LoadOptions(spec=spec))
    assert [i.code for i in loaded.issues] == ["answer-unlisted"]
    with pytest.raises(DataMismatchError) as info:
        load(EXAMPLE, LoadOptions(spec=spec, strict=True))
    assert "Nej, men det forventes" in info.value.one_line()


def _tiny(values: dict[str, list[object]]) -> Survey:
    """A hand-made survey with one text-typed column per entry (as the generic reader
    leaves a column it could not classify)."""
    n = len(next(iter(values.values())))
    qs = tuple(Question(id=k, number=i + 1, text=k, type=QType.TEXT, columns=(k,))
               for i, k in enumerate(values))
    answers = {k: pd.Series(v, dtype="str") for k, v in values.items()}
    resp = pd.DataFrame({"row": list(range(2, n + 2)), "complete": [True] * n})
    return Survey(SourceInfo("x.csv", "generic", "0"), qs, resp, answers)


def test_spec_type_numeric_parses_danish_numbers_and_keeps_the_rest() -> None:
    s = _tiny({"antal": ["1.234,5", "12", "ca. 5", None, "12-15"]})
    spec = parse_spec('[[question]]\nid = "antal"\ntype = "numeric"\n')
    new, issues = apply_spec(s, spec)
    assert new.question("antal").type is QType.NUMERIC
    assert new.answers["antal"].tolist()[:3] == [1234.5, 12.0, 5.0]
    assert new.unparsed["antal"].dropna().tolist() == ["12-15"]
    (approx,) = [i for i in issues if i.code == "numeric-approximate"]
    assert approx.where.row == 4 and "række 4" in approx.message


def test_other_of_attaches_free_text_and_hides_it() -> None:
    s = _tiny({"hvad": ["Aula", "Andet", "Aula"], "andet": [None, "Lokalavisen", None]})
    s = replace(s, questions=(replace(s.questions[0], type=QType.SINGLE),
                              s.questions[1]))
    s.answers["hvad"] = pd.Series(pd.Categorical(["Aula", "Andet", "Aula"],
                                                 categories=["Aula", "Andet"]))
    spec = parse_spec('[[question]]\nid = "hvad"\n[[question]]\nid = "andet"\n'
                      'other_of = "hvad"\n')
    new, issues = apply_spec(s, spec)
    assert issues == []
    a = analyse(new)
    assert [r.question.id for r in a.questions] == ["hvad"]
    assert a.questions[0].other == ("Lokalavisen",)


def test_spec_names_the_municipality_column_the_reader_missed() -> None:
    s = _tiny({"Hvilken kommune?": ["Aarhus", "Odense", "Kbh"], "q1": ["Ja", "Nej", "Ja"]})
    spec = parse_spec('[respondents]\ncolumn = "Hvilken kommune?"\n')
    new, issues = apply_spec(s, spec)
    assert [q.id for q in new.questions] == ["q1"]
    assert new.respondents["municipality"].tolist() == [751, 461, 101]
    assert new.population is not None and new.population.size == 98
    assert [i.code for i in issues] == ["column-unknown"]  # q1 is not in this spec


def test_spec_option_reclaims_a_rare_option_read_as_other_text(tmp_path: Path) -> None:
    """Forms exports carry no option list: an option one respondent ticked reads as
    "Other" text until the spec lists it."""
    from kl_survey.readers import read_survey

    from fixtures.msforms_quiz import write_form

    forms = read_survey(write_form(tmp_path / "f.xlsx"))
    before = _q(analyse(forms), "q1")
    assert "Posters at the library" in before.other

    def edit(qs: dict[str, Any]) -> None:
        qs["q1"]["options"] = ["Website", "Aula", "Newsletter", "Posters at the library",
                               "Andet"]

    after, issues = _apply(forms, edit)
    r = _q(after, "q1")
    counts = {o.label: o.count for o in r.options}
    assert counts["Posters at the library"] == 1
    assert counts["Andet"] == before.options[-1].count - 1  # the tick moved, not copied
    assert r.base == before.base
    assert "Posters at the library" not in r.other
    assert "Local radio, every week" in r.other  # real free text stays free text
    assert any(i.code == "other-is-option" for i in issues)
