"""One municipality's feedback model: its own answers, its region's and the country's."""

from __future__ import annotations

import pytest

from kl_survey import municipalities as mun
from kl_survey.analysis import analyse
from kl_survey.by_municipality import only
from kl_survey.model import Survey
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report import feedback, order

from paths import EXAMPLE, EXAMPLE_DIR


@pytest.fixture(scope="module")
def example() -> Survey:
    return load(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml")).survey


@pytest.fixture(scope="module")
def comp(example: Survey) -> feedback.Benchmarks:
    return feedback.benchmarks(example)


def _model(example: Survey, comp: feedback.Benchmarks, code: int) -> feedback.FeedbackModel:
    m = mun.by_code(code)
    return feedback.build(m, analyse(only(example, [m])), comp, "da", title="Test")


def _row_of(example: Survey, code: int) -> int:
    return int(example.respondents.index[example.respondents["municipality"] == code][0])


def test_koebenhavn_is_marked_with_its_own_answers(example: Survey,
                                                   comp: feedback.Benchmarks) -> None:
    model = _model(example, comp, 101)
    assert model.title == "København" and model.region == "Hovedstaden"
    row = _row_of(example, 101)
    for sec, country in zip(model.sections, comp.country.questions, strict=True):
        q = country.question
        data = example.answers[q.id]
        if hasattr(data, "columns"):  # multi-select: every ticked option
            chosen = [o for o in q.options if bool(data[o].iloc[row])]
        else:
            chosen = [str(data.iloc[row])]
        shown = [o.label for o in order.display_order(country)]
        assert sorted(shown[i] for i in sec.marked) == sorted(chosen), q.id
        assert sec.chart == f"q{q.number:02d}-hovedstaden"
        for label in chosen:
            assert f"»{label}«" in sec.lines[0]


def test_region_and_country_shares_are_computed_once_from_their_respondents(
        comp: feedback.Benchmarks) -> None:
    assert comp.country.respondents == 95
    answered = {r: a.respondents for r, a in comp.regions.items()}
    assert sum(answered.values()) == 95
    assert answered["Hovedstaden"] == 28  # 29 less Vallensbæk
    assert answered["Nordjylland"] == 10  # 11 less Læsø


def test_single_choice_sentence_gives_both_shares(example: Survey,
                                                  comp: feedback.Benchmarks) -> None:
    sec = _model(example, comp, 101).sections[0]
    assert sec.lines[1] == ("»Ja, helt i drift«: 63,2% af de deltagende kommuner og 60,7% i "
                            "Region Hovedstaden.")


def test_only_the_municipalitys_own_free_text_is_in_its_model(
        example: Survey, comp: feedback.Benchmarks) -> None:
    texts = example.other_text["q2"]
    codes = example.respondents["municipality"]
    writers = {int(codes[i]): str(t) for i, t in texts.items() if isinstance(t, str)}
    assert len(writers) == 9
    for code in (101, 155, 751, 147):
        model = _model(example, comp, code)
        found = [t for sec in model.sections for _, group in sec.texts for t in group]
        assert found == ([writers[code]] if code in writers else [])
