"""Bounds and intervals: exact bounds, Wilson-FPC checked against statsmodels."""

from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint

from kl_survey import census
from kl_survey.analysis import analyse_question
from kl_survey.census import Bounds, Interval, bounds, for_result, wilson_fpc, within
from kl_survey.model import BaseRule, Filter, QType, Question, SourceInfo, Survey
from kl_survey.numbers import format_percent


def _reference(count: int, n: int, population: int) -> tuple[float, float]:
    """statsmodels' Wilson interval on the FPC-adjusted effective n (the independent
    computation the issue asks for): variance p(1-p)/n * (N-n)/(N-1)."""
    n_eff = n * (population - 1) / (population - n)
    low, high = proportion_confint(count / n * n_eff, n_eff, alpha=0.05, method="wilson")
    return float(low), float(high)


def test_q1_bounds_are_exactly_92_and_95_of_98() -> None:
    b = bounds(92, 95, 3)
    assert b.exact == (Fraction(92, 98), Fraction(95, 98))
    assert format_percent(b.low_count, b.denominator) == "93,9%"
    assert format_percent(b.high_count, b.denominator) == "96,9%"


def test_bounds_under_an_excluded_dont_know_base() -> None:
    # 12 yes of 92 with a view (3 "Ved ikke" left out), 3 of 98 did not answer: the
    # population share of those with a view runs from 12/95 to 15/95
    assert bounds(12, 92, 3) == Bounds(12, 15, 95)


@pytest.mark.parametrize(("count", "n", "population"),
                         [(92, 95, 98), (60, 95, 98), (1, 10, 11), (7, 40, 400), (3, 17, 20)])
def test_wilson_fpc_matches_statsmodels_on_the_adjusted_n(count: int, n: int,
                                                           population: int) -> None:
    got = wilson_fpc(count, n, population)
    assert (got.low, got.high) == pytest.approx(_reference(count, n, population), abs=1e-12)
    assert got.method == "wilson-fpc"


def test_a_census_gives_the_point_itself() -> None:
    assert wilson_fpc(92, 98, 98) == Interval(92 / 98, 92 / 98)
    assert wilson_fpc(0, 17, 17) == Interval(0.0, 0.0)


@pytest.mark.parametrize("count", [0, 20])
def test_zero_and_all_stay_inside_0_1(count: int) -> None:
    got = wilson_fpc(count, 20, 98)
    assert 0.0 <= got.low <= count / 20 <= got.high <= 1.0
    assert got.high - got.low > 0.01  # still an interval, not a degenerate point
    if count == 0:
        assert got.low == 0.0
    else:
        assert got.high == 1.0


def test_the_correction_narrows_the_interval_as_n_nears_population() -> None:
    widths = [wilson_fpc(n // 2, n, 100) for n in (20, 50, 80, 99)]
    spans = [w.high - w.low for w in widths]
    assert spans == sorted(spans, reverse=True)


def test_interval_is_cut_to_the_bounds_and_says_so() -> None:
    raw = wilson_fpc(92, 95, 98)
    assert raw.high > 95 / 98  # Wilson reaches past what 3 non-respondents can change
    cut = within(raw, bounds(92, 95, 3))
    assert cut.clipped and cut.high == 95 / 98 and cut.low == raw.low
    assert within(wilson_fpc(7, 40, 400), bounds(7, 40, 360)).clipped is False


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 400).flatmap(lambda n: st.tuples(
    st.integers(0, n), st.just(n), st.integers(n, 1000))))
def test_interval_contains_the_share_and_stays_in_0_1(case: tuple[int, int, int]) -> None:
    count, n, population = case
    got = wilson_fpc(count, n, population)
    assert 0.0 <= got.low <= count / n <= got.high <= 1.0
    hard = bounds(count, n, population - n)
    cut = within(got, hard)
    assert hard.low <= cut.low <= cut.high <= hard.high


def test_impossible_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        wilson_fpc(5, 4, 10)
    with pytest.raises(ValueError):
        wilson_fpc(1, 11, 10)
    with pytest.raises(ValueError):
        bounds(3, 2, 0)


def _q1_result(base: BaseRule | None = None) -> census.QuestionCensus | None:
    opts = ("Ja", "Nej", "Ved ikke")
    q = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, opts, yes=("Ja",),
                 base=base or BaseRule())
    values = ["Ja"] * 92 + ["Nej"] * 2 + ["Ved ikke"]
    survey = Survey(SourceInfo("t.xlsx", "generic", "0" * 64), (q,),
                    pd.DataFrame({"row": range(95)}),
                    {"q1": pd.Series(pd.Categorical(values, categories=list(opts)))})
    return for_result(analyse_question(survey, q), 98, with_bounds=True, with_ci=True)


def test_for_result_gives_every_share_its_bounds_and_interval() -> None:
    found = _q1_result()
    assert found is not None and (found.population, found.missing) == (98, 3)
    assert found.yes is not None and found.yes.bounds == Bounds(92, 95, 98)
    assert [u.bounds for u in found.options if u] == [Bounds(92, 95, 98), Bounds(2, 5, 98),
                                                       Bounds(1, 4, 98)]
    assert found.yes.ci is not None and found.yes.ci.high == 95 / 98


def test_excluded_option_gets_nothing_and_a_filtered_question_has_no_population() -> None:
    found = _q1_result(BaseRule("exclude", ("Ved ikke",)))
    assert found is not None and found.options[2] is None
    assert found.yes is not None and found.yes.bounds == Bounds(92, 95, 97)
    assert _q1_result(BaseRule(filter=Filter("q1", ("Ja", "Nej")))) is None
