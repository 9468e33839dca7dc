"""Matching questions across rounds: spec id, identical text, number with similar text."""

from __future__ import annotations

from kl_survey.compare.match import SIMILAR, match_questions, similarity
from kl_survey.model import QType, Question

Q2_MAY = "Hvordan informerer I borgerne om det lettilgængelige tilbud?"
Q2_NOV = "Hvordan informerer I børn, unge og forældre om det lettilgængelige tilbud?"
Q8_MAY = ("Samarbejder I med civilsamfundsaktører om børn og unge, som ikke er i målgruppen "
          "for behandling i det lettilgængelige tilbud?")
Q8_NOV = "Har I oplevet ventetid til det lettilgængelige tilbud?"


def q(qid: str, number: int, text: str) -> Question:
    return Question(qid, number, text, QType.SINGLE, ("Ja", "Nej"))


def test_the_threshold_separates_a_rewording_from_a_new_question() -> None:
    assert similarity(Q2_MAY, Q2_NOV) >= SIMILAR
    assert similarity(Q8_MAY, Q8_NOV) < SIMILAR
    assert similarity("Er tilbuddet i drift?", "  er TILBUDDET i\ndrift? ") == 1.0


def test_identical_text_matches_whatever_the_number_and_id() -> None:
    old = [q("q1", 1, "Er tilbuddet i drift?"), q("q2", 2, "Hvem?")]
    new = [q("q7", 3, "Hvem?"), q("q9", 4, "Er  tilbuddet i drift?\n")]
    groups = match_questions([old, new], [None, None])
    assert [(g.members[0].id, g.members[1].id, g.matched_by) for g in groups  # type: ignore[union-attr]
            ] == [("q2", "q7", "text"), ("q1", "q9", "text")]  # in the new round's order
    assert not any(g.wording_changed for g in groups)


def test_same_number_with_similar_text_is_a_reworded_match() -> None:
    groups = match_questions([[q("q2", 2, Q2_MAY)], [q("q2", 2, Q2_NOV)]], [None, None])
    assert len(groups) == 1
    assert groups[0].matched_by == "number" and groups[0].wording_changed


def test_same_number_with_another_text_is_two_questions() -> None:
    groups = match_questions([[q("q8", 8, Q8_MAY)], [q("q8", 8, Q8_NOV)]], [None, None])
    assert [g.rounds for g in groups] == [1, 1]
    assert groups[0].members == (None, q("q8", 8, Q8_NOV))
    assert groups[1].members == (q("q8", 8, Q8_MAY), None)


def test_spec_ids_match_only_when_both_rounds_have_a_spec() -> None:
    old, new = [q("drift", 1, "Er tilbuddet i drift?")], [q("drift", 5, "Kører tilbuddet nu?")]
    ids = frozenset({"drift"})
    matched = match_questions([old, new], [ids, ids])
    assert len(matched) == 1 and matched[0].matched_by == "id"
    assert matched[0].wording_changed
    # a reader's ids ("q3" = third column) say nothing across rounds
    assert [g.rounds for g in match_questions([old, new], [ids, None])] == [1, 1]
    # an id the spec does not define (a column it did not know) is not a spec id either
    assert [g.rounds for g in match_questions([old, new], [ids, frozenset({"x"})])] == [1, 1]


def test_a_group_keeps_the_weakest_rule_and_continues_across_a_gap() -> None:
    r1 = [q("a", 1, Q2_MAY), q("b", 2, "Hvem?")]
    r2 = [q("a", 1, Q2_MAY)]
    r3 = [q("a", 1, Q2_NOV), q("b", 2, "Hvem?")]
    groups = match_questions([r1, r2, r3], [None, None, None])
    assert [(g.rounds, g.matched_by, g.wording_changed) for g in groups] == [
        (3, "number", True), (2, "text", False)]
    assert groups[1].members[1] is None
