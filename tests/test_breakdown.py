"""Breakdown tables: group counts add up to the total, small groups are withheld."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kl_survey.analysis import analyse, analyse_question
from kl_survey.breakdown import Rules, breakdown, suppression
from kl_survey.census import Bounds
from kl_survey.grouping import Grouping, by_question, by_region
from kl_survey.model import BaseRule, Population, QType, Question, SourceInfo, Survey
from kl_survey.pipeline import load

from paths import EXAMPLE

OPTS = ("Ja", "Nej", "Ved ikke")


def _survey(values: list[str | None], q: Question | None = None) -> Survey:
    q = q or Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, OPTS, yes=("Ja",))
    resp = pd.DataFrame({"row": range(2, len(values) + 2)})
    return Survey(SourceInfo("t.xlsx", "generic", "0" * 64), (q,), resp,
                  {q.id: pd.Series(pd.Categorical(values, categories=list(q.options)))},
                  population=Population("kommuner", 98))


def _grouping(sizes: list[int], populations: list[int | None] | None = None) -> Grouping:
    labels = tuple(f"G{i + 1}" for i in range(len(sizes)))
    members = tuple(i for i, n in enumerate(sizes) for _ in range(n))
    return Grouping("test", "Test", "file", labels,
                    tuple(populations or [None] * len(sizes)), members)


def test_example_by_region_sums_to_the_total_with_register_bases() -> None:
    survey = load(EXAMPLE).survey
    grouping, _ = by_region(survey)
    for r in analyse(survey).questions:
        b = breakdown(survey, r, grouping, Rules())
        if b is None:
            continue
        assert [g.label for g in b.groups] == list(grouping.labels)  # no "Uoplyst"
        assert [g.base for g in b.groups if r.question.type is QType.SINGLE] in (
            [28, 17, 22, 18, 10], [])
        assert sum(g.base for g in b.groups) == r.base
        for i, o in enumerate(r.options):
            assert sum(g.options[i].count or 0 for g in b.groups) == o.count
        if r.yes:
            assert sum(g.yes.count or 0 for g in b.groups if g.yes) == r.yes.count
        assert not b.primary and not b.secondary


def test_suppression_primary_and_the_next_smallest() -> None:
    assert suppression([30, 12, 3, 8, 20], 5) == (None, None, "primary", "secondary", None)
    # two withheld groups only reveal their sum: nothing more to hide
    assert suppression([30, 4, 3, 8], 5) == (None, "primary", "primary", None)
    # an empty group hides nothing, and shown counts make subtraction moot
    assert suppression([30, 0, 8], 5) == (None, "primary", None)
    assert suppression([30, 3, 8], 5, counts_shown=True) == (None, "primary", None)
    # ties go to the later group
    assert suppression([8, 3, 8], 5) == (None, "primary", "secondary")


@given(st.lists(st.integers(0, 40), min_size=2, max_size=8), st.integers(1, 10))
def test_no_single_withheld_group_can_be_recovered(bases: list[int], min_base: int) -> None:
    marks = suppression(bases, min_base)
    pairs = list(zip(bases, marks, strict=True))
    assert all((m == "primary") == (b < min_base) for b, m in pairs if m != "secondary")
    hidden = [b for b, m in pairs if m and b > 0]
    shown = [b for b, m in pairs if not m and b > 0]
    # one hidden group with answers beside shown ones = total minus the shown ones
    assert len(hidden) != 1 or not shown
    assert sum(m == "secondary" for m in marks) <= 1


def test_secondary_suppression_where_subtraction_would_reveal_the_cell() -> None:
    # G3 has 3 answers (2 Ja): with G1, G2 and the total shown, 2 = 24 - 14 - 8
    values = (["Ja"] * 14 + ["Nej"] * 6 + ["Ja"] * 8 + ["Nej"] * 2 + ["Ja"] * 2 + ["Nej"])
    survey = _survey(values)
    r = analyse(survey).questions[0]
    b = breakdown(survey, r, _grouping([20, 10, 3]), Rules())
    assert b is not None
    assert (b.primary, b.secondary) == (("G3",), ("G2",))
    g1, g2, g3 = b.groups
    assert g1.options[0].share == 14 / 20 and not g1.suppressed
    for g in (g2, g3):
        assert all(c.share is None and c.count is None and c.suppressed for c in g.options)
        assert g.yes is not None and g.yes.share is None and g.yes.suppressed
    assert g3.base == 3  # the group's n is still shown
    assert r.yes is not None and r.yes.count == 24  # the total is not touched


def test_spec_may_allow_the_counts_of_a_small_group_never_its_share() -> None:
    survey = _survey(["Ja"] * 20 + ["Ja", "Nej", "Ja"])
    r = analyse(survey).questions[0]
    b = breakdown(survey, r, _grouping([20, 3]), Rules(show_counts=True))
    assert b is not None and b.secondary == ()
    small = b.groups[1]
    assert [c.count for c in small.options] == [2, 1, 0]
    assert [c.share for c in small.options] == [None, None, None]
    assert all(c.suppressed for c in small.options)


def test_min_base_is_the_threshold() -> None:
    survey = _survey(["Ja"] * 9 + ["Nej"] * 6)
    r = analyse(survey).questions[0]
    b = breakdown(survey, r, _grouping([9, 6]), Rules(min_base=7))
    assert b is not None and b.primary == ("G2",) and b.min_base == 7


def test_group_bounds_use_the_groups_own_population() -> None:
    survey = _survey(["Ja"] * 9 + ["Nej"] + ["Ja"] * 5)
    r = analyse(survey).questions[0]
    b = breakdown(survey, r, _grouping([10, 5], [11, None]), Rules(bounds=True, ci=True))
    assert b is not None
    known, unknown = b.groups
    assert known.yes is not None and known.yes.uncertainty is not None
    assert known.yes.uncertainty.bounds == Bounds(9, 10, 11)
    assert known.yes.uncertainty.ci is not None
    assert unknown.yes is not None and unknown.yes.uncertainty is None


def test_group_base_follows_the_question_base_rule() -> None:
    q = Question("q5", 5, "Samarbejder I?", QType.SINGLE, OPTS, yes=("Ja",),
                 base=BaseRule("exclude", ("Ved ikke",)))
    survey = _survey(["Ja"] * 6 + ["Ved ikke"] * 2 + ["Nej"] * 6, q)
    r = analyse_question(survey, q)
    b = breakdown(survey, r, _grouping([8, 6]), Rules())
    assert b is not None
    first = b.groups[0]
    assert (first.base, first.answered) == (6, 8)
    assert first.options[2].excluded and first.options[2].share is None


def test_no_breakdown_for_the_grouping_question_or_text() -> None:
    survey = _survey(["Ja", "Nej"] * 5)
    r = analyse(survey).questions[0]
    grouping, _ = by_question(survey, "q1")
    assert breakdown(survey, r, grouping, Rules()) is None
    t = Question("q9", 9, "Kommentar", QType.TEXT)
    text = analyse_question(
        Survey(survey.source, (t,), survey.respondents, {"q9": pd.Series(["x"] * 10)}), t)
    assert breakdown(survey, text, _grouping([5, 5]), Rules()) is None


@pytest.mark.parametrize("min_base", [1, 5])
def test_multi_select_group_shares_are_out_of_the_groups_respondents(min_base: int) -> None:
    q = Question("q2", 2, "Kanaler", QType.MULTI, ("Web", "Aula"))
    ticks = pd.DataFrame({"Web": [True, True, False, True, True, True],
                          "Aula": [True, False, False, True, False, True]})
    survey = Survey(SourceInfo("t.xlsx", "generic", "0" * 64), (q,),
                    pd.DataFrame({"row": range(6)}), {"q2": ticks})
    r = analyse_question(survey, q)
    b = breakdown(survey, r, _grouping([3, 3]), Rules(min_base=min_base))
    assert b is not None
    first = b.groups[0]
    assert first.base == 2  # the respondent without a tick is not in the base
    if min_base == 1:
        assert [c.share for c in first.options] == [1.0, 0.5]
    else:
        assert first.suppressed and b.groups[1].suppressed


@given(st.lists(st.tuples(st.sampled_from([*OPTS, None]), st.integers(-1, 3)),
                min_size=1, max_size=60),
       st.integers(1, 8))
def test_group_counts_always_add_up_to_the_total(rows: list, min_base: int) -> None:
    """Whatever the answers and groups (-1: unplaced), shown counts plus withheld ones
    are the total, and no withheld share is ever printed."""
    survey = _survey([answer for answer, _ in rows])
    members = tuple(group for _, group in rows)
    grouping = Grouping("test", "Test", "file", ("A", "B", "C", "D"), (None,) * 4, members)
    r = analyse(survey).questions[0]
    shown = breakdown(survey, r, grouping, Rules(min_base=min_base, show_counts=True))
    assert shown is not None
    assert sum(g.base for g in shown.groups) == r.base
    for i, o in enumerate(r.options):
        assert sum(g.options[i].count or 0 for g in shown.groups) == o.count
    for g in shown.groups:
        assert g.suppressed == (g.base < min_base)
        assert all((c.share is None) == (g.suppressed or c.excluded) for c in g.options)
        assert all(0.0 <= (c.share or 0.0) <= 1.0 for c in g.options)
