"""Answers by municipality (for maps) and ``--municipality``'s limiting of a survey."""

from __future__ import annotations

import pandas as pd
import pytest

from kl_survey import by_municipality as bm
from kl_survey.analysis import analyse
from kl_survey.errors import KlSurveyError
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.pipeline import LoadOptions, load

from paths import EXAMPLE, EXAMPLE_DIR


@pytest.fixture(scope="module")
def example() -> Survey:
    return load(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml")).survey


def _tiny(codes: list[int | None], single: list[str | None], numbers: list[float | None],
          text: list[str | None]) -> Survey:
    n = len(codes)
    options = ("Ja", "Nej", "Ved ikke")
    questions = (Question("q1", 1, "Ja eller nej?", QType.SINGLE, options),
                 Question("q2", 2, "Hvor mange?", QType.NUMERIC),
                 Question("q3", 3, "Kommentar", QType.TEXT))
    respondents = pd.DataFrame({"row": range(2, n + 2), "complete": [True] * n,
                                "municipality_raw": [str(c) for c in codes],
                                "municipality": pd.array(codes, dtype="Int64")})
    answers: dict[str, pd.Series | pd.DataFrame] = {
        "q1": pd.Series(pd.Categorical(single, categories=options)),
        "q2": pd.Series(numbers, dtype="float"),
        "q3": pd.Series(text, dtype="object"),
    }
    return Survey(SourceInfo("tiny.csv", "generic", "0"), questions, respondents, answers)


def test_example_q1_places_95_answers(example: Survey) -> None:
    placed = bm.placed(example, "q1")
    assert len(placed.answers) == 95
    assert {code for code, _ in placed.answers}.isdisjoint({187, 665, 825})
    assert placed.disagree == ()
    raw = example.respondents.set_index("municipality")
    assert placed.as_dict()[101] == example.answers["q1"][
        int(raw.index.get_loc(101))]


def test_several_responses_give_the_most_frequent_answer_and_are_flagged() -> None:
    survey = _tiny([101, 101, 101, 147, 147, None], ["Nej", "Ja", "Nej", "Ja", "Nej", "Ja"],
                   [1, 2, 6, 4, None, 9], [None] * 6)
    single = bm.placed(survey, "q1")
    assert single.as_dict() == {101: "Nej", 147: "Ja"}  # 147's tie goes to the first option
    assert single.disagree == (101, 147)
    numeric = bm.placed(survey, "q2")
    assert numeric.as_dict() == {101: 3.0, 147: 4.0}
    assert numeric.disagree == (101,)


def test_only_text_and_multi_questions_cannot_be_mapped() -> None:
    survey = _tiny([101], ["Ja"], [1], ["x"])
    with pytest.raises(bm.MapNotPossible, match="kun spørgsmål med ét svar eller et tal"):
        bm.placed(survey, "q3")


@pytest.mark.parametrize("name", ["København", "101", "Københavns Kommune", "0101",
                                  "koebenhavn"])
def test_resolve_accepts_every_spelling(name: str) -> None:
    (found,) = bm.resolve([name])
    assert found.code == 101


def test_resolve_refuses_unknown_names_with_a_suggestion() -> None:
    with pytest.raises(KlSurveyError) as err:
        bm.resolve(["Københaven"])
    assert "Ukendt kommune: 'Københaven'" in err.value.one_line()
    assert "København (101)" in err.value.one_line()


def test_only_limits_answers_texts_and_population(example: Survey) -> None:
    chosen = bm.resolve(["København", "147", "Dragørs Kommune", "Læsø"])
    part = bm.only(example, chosen)
    assert sorted(part.respondents["municipality"].tolist()) == [101, 147, 155]
    assert list(part.respondents.index) == [0, 1, 2]
    assert all(len(v) == 3 for v in part.answers.values())
    a = analyse(part)
    assert a.respondents == 3
    assert a.population is not None and a.population.size == 4
    assert a.coverage is not None
    assert [m.name for m in a.coverage.non_respondents] == ["Læsø"]
    q1 = a.questions[0]
    assert q1.base == 3 and sum(o.count for o in q1.options) == 3


def test_one_municipality_is_spoken_of_in_the_singular() -> None:
    """`--municipality København` printed "Inviterede: 1 kommuner" and "1 af de 1
    inviterede kommuner besvarede spørgeskemaet"."""
    from kl_survey.analysis import analyse
    from kl_survey.output.view import summary
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report.structure import build

    from paths import EXAMPLE_Q1_DIR

    a = analyse(load(EXAMPLE_Q1_DIR / "responses.xlsx",
                     LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml",
                                 municipalities=("København",))).survey)
    assert "Inviterede: 1 kommune ·" in summary(a).line
    assert "Invited: 1 municipality ·" in summary(a, "en").line
    da, en = build(a, "da"), build(a, "en")
    assert da.lede.startswith("1 af 1 inviteret kommune besvarede spørgeskemaet "
                              "(svarprocent 100,0%).")
    assert en.lede.startswith("1 of 1 invited municipality answered the questionnaire")
    facts = {f.label: f.value for f in da.facts}
    assert facts["Inviterede"] == "1 kommune" and facts["Deltagende"] == "1 kommune"
