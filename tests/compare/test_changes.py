"""Issue 12's acceptance on the bundled May and November rounds, and the counting rules."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from types import ModuleType

import pytest

from kl_survey.compare import Comparison, Round, compare
from kl_survey.compare.changes import change, mcnemar_exact
from kl_survey.compare.model import Cell, QuestionComparison
from kl_survey.municipalities import match


def _q(c: Comparison, qid: str) -> QuestionComparison:
    return next(q for q in c.questions if q.id == qid)


def _codes(r: Round) -> set[int]:
    return {int(x) for x in r.survey.respondents["municipality"].dropna()}


def test_the_panel_is_exactly_the_municipalities_answering_both_rounds(
        comparison: Comparison, rounds: list[Round]) -> None:
    may, nov = _codes(rounds[0]), _codes(rounds[1])
    assert len(may) == 95 and len(nov) == 96
    assert {m.code for m in comparison.panel.municipalities} == may & nov
    assert len(comparison.panel.municipalities) == 94
    assert [m.code for m in comparison.panel.entered] == [187, 665]  # Vallensbæk, Lemvig
    assert [m.code for m in comparison.panel.left] == [492]  # Ærø
    # every matched question was answered by all of them in both rounds
    assert {q.panel for q in comparison.questions} == {94}


def test_every_change_is_the_exact_difference_of_the_two_shares(
        comparison: Comparison) -> None:
    checked = 0
    for q in comparison.questions:
        for row in (*q.options, *([q.yes] if q.yes else [])):
            for cells, got in ((row.rounds, row.change), (row.panel, row.panel_change)):
                a, b = cells[0], cells[-1]
                assert a is not None and b is not None
                want = 100 * (Fraction(b.count, b.base) - Fraction(a.count, a.base))
                assert got == want
                checked += 1
    assert checked == 2 * 40  # 40 rows (options and yes totals), all and panel


def test_q2_is_matched_by_its_spec_id_and_flagged_as_reworded(
        comparison: Comparison) -> None:
    q2 = _q(comparison, "q2")
    assert q2.wording_changed and q2.matched_by == "id"
    assert q2.texts == ("Hvordan informerer I borgerne om det lettilgængelige tilbud?",
                        "Hvordan informerer I børn, unge og forældre om det "
                        "lettilgængelige tilbud?")
    assert [q.id for q in comparison.questions if q.wording_changed] == ["q2"]
    codes = [i.code for i in comparison.issues]
    assert codes.count("compare-wording-changed") == 1


def test_q2s_renamed_option_is_matched_after_the_specs_rename(comparison: Comparison) -> None:
    row = next(r for r in _q(comparison, "q2").options if r.label == "Pjecer og plakater")
    assert [(c.count, c.base) for c in row.rounds if c] == [(38, 95), (35, 96)]


def test_q8_and_the_new_question_are_present_in_one_round_only(
        comparison: Comparison) -> None:
    only = {comparison.labels[o.round]: [q.id for q in o.questions]
            for o in comparison.only_in}
    assert only == {"Maj 2025": ["q8"], "November 2025": ["ventetid"]}
    assert "q8" not in {q.id for q in comparison.questions}
    assert [q.id for q in comparison.questions] == [f"q{n}" for n in range(1, 8)]


def test_without_specs_the_same_questions_match_by_text_and_number(bare: Comparison) -> None:
    by_rule = {q.latest.number: q.matched_by for q in bare.questions}
    assert by_rule == {1: "text", 2: "number", 3: "text", 4: "text", 5: "text", 6: "text",
                       7: "text"}
    assert [q.latest.number for q in bare.questions if q.wording_changed] == [2]
    # May's Q8 and November's Q8 share a number, not a question
    only = {bare.labels[o.round]: [q.number for q in o.questions] for o in bare.only_in}
    assert only == {"kl-2025-05": [8], "kl-2025-11": [8]}  # labelled by folder
    # without the rename the two spellings are two options, each in one round
    q2 = next(q for q in bare.questions if q.latest.number == 2)
    rows = {r.label: r for r in q2.options}
    assert rows["Pjecer og plakater"].rounds[1] is None
    assert rows["Pjecer, plakater o.l."].rounds[0] is None
    assert rows["Pjecer og plakater"].change is None


def test_a_round_compared_with_itself_changes_nothing(rounds: list[Round]) -> None:
    c = compare([rounds[0], rounds[0]], test=True)
    assert {m.code for m in c.panel.municipalities} == _codes(rounds[0])
    assert c.panel.entered == () and c.panel.left == ()
    assert c.only_in == ()
    for q in c.questions:
        assert q.panel == 95 and not q.wording_changed
        for row in (*q.options, *([q.yes] if q.yes else [])):
            assert row.change == 0 and row.panel_change == 0
        if q.transitions is not None:
            assert q.transitions.switches == ()
            assert q.transitions.test is None or q.transitions.test.p_value == 1.0


def _answers(gen: ModuleType) -> dict[int, dict[int, object]]:
    names, (per_q,) = gen.responses()
    codes = [match(n).code for n in names]  # type: ignore[union-attr]
    return {code: {k: v[i] for k, v in per_q.items()} for i, code in enumerate(codes)}


@pytest.mark.parametrize("qid", ["q1", "q5", "q6"])
def test_transitions_are_what_each_municipality_answered_in_each_round(
        comparison: Comparison, may_gen: ModuleType, nov_gen: ModuleType, qid: str) -> None:
    """Counted independently from the generators' answers per municipality."""
    number = int(qid[1:])
    may, nov = _answers(may_gen), _answers(nov_gen)
    want = Counter((may[c][number], nov[c][number]) for c in may.keys() & nov.keys())
    t = _q(comparison, qid).transitions
    assert t is not None
    assert {(p.before, p.after): p.count for p in t.pairs} == dict(want)
    assert sum(p.count for p in t.pairs) == 94


def test_q1_switches_and_the_mcnemar_test(comparison: Comparison) -> None:
    t = _q(comparison, "q1").transitions
    assert t is not None
    assert next((p.before, p.after, p.count) for p in t.switches) == (
        "Ja, delvist i drift", "Ja, helt i drift", 14)
    # Q1's yes is "helt" or "delvist i drift": only the "Nej, men ..." municipality crossed
    assert (t.became_yes, t.became_no) == (1, 0)
    assert t.test is not None and t.test.p_value == 1.0
    t6 = _q(comparison, "q6").transitions
    assert t6 is not None and t6.test is not None
    assert (t6.became_yes, t6.became_no) == (7, 1)
    assert t6.test.p_value == pytest.approx(18 / 256, abs=0)  # 2 * (1 + 8) / 2**8


def test_the_test_is_only_run_when_asked(rounds: list[Round]) -> None:
    c = compare(rounds)
    assert not c.tested
    assert all(q.transitions is None or q.transitions.test is None for q in c.questions)


def test_multi_select_questions_have_no_transitions(comparison: Comparison) -> None:
    assert _q(comparison, "q2").transitions is None
    assert _q(comparison, "q3").yes is not None


@pytest.mark.parametrize(("b", "c", "p"), [
    (0, 0, 1.0), (1, 0, 1.0), (5, 0, 2 / 32), (0, 5, 2 / 32), (7, 1, 18 / 256),
    (3, 3, 1.0), (10, 2, 2 * (1 + 12 + 66) / 4096),
])
def test_mcnemar_exact_is_the_two_sided_binomial_on_the_switchers(b: int, c: int,
                                                                  p: float) -> None:
    assert mcnemar_exact(b, c) == p


def test_change_needs_both_shares() -> None:
    assert change(Cell(1, 4), Cell(3, 4)) == 50
    assert change(None, Cell(3, 4)) is None
    assert change(Cell(1, 4, excluded=True), Cell(3, 4)) is None
    assert change(Cell(0, 0), Cell(3, 4)) is None  # an empty base has no share


def test_compare_needs_two_rounds(rounds: list[Round]) -> None:
    with pytest.raises(ValueError):
        compare(rounds[:1])


def test_a_grid_compares_row_by_row_on_each_rows_base() -> None:
    """Issue 16: a Likert grid is compared per (row, option), not printed as "–"."""
    from kl_survey import by_municipality
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load

    from paths import EXAMPLE_Q1_DIR

    survey = load(EXAMPLE_Q1_DIR / "responses.xlsx",
                  LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml")).survey
    some = by_municipality.resolve(["København", "Aarhus", "Odense", "Aalborg", "Vejle",
                                    "Herning", "Greve", "Esbjerg", "Horsens", "Kolding"])
    later = by_municipality.only(survey, some)
    c = compare([Round("Før", survey), Round("Efter", later)])
    q3 = _q(c, "q3")
    (grid,) = [r for r in analyse(survey).questions if r.question.id == "q3"]
    (grid_after,) = [r for r in analyse(later).questions if r.question.id == "q3"]
    assert grid.grid is not None and grid_after.grid is not None
    want = [(f"{row.label}: {o.label}", o.count, o.base, after_o.count, after_o.base)
            for row, after in zip(grid.grid.rows, grid_after.grid.rows, strict=True)
            for o, after_o in zip(row.options, after.options, strict=True)]
    got = []
    for r in q3.options:
        a, b = r.rounds
        assert a is not None and b is not None
        got.append((r.label, a.count, a.base, b.count, b.base))
        assert r.change == change(a, b) and r.change is not None
    assert got == want and len(got) == 4 * 5
    assert any(r.change != 0 for r in q3.options)
    # the numeric grid (q1) and the numeric split (q2) have no shares: said once
    (info,) = [i for i in c.issues if i.code == "compare-numbers-left-out"]
    assert info.severity.value == "info" and info.message.endswith("spørgsmål 1 og 2")
