"""Hypothesis: invariants of any comparison of two random rounds of one question."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_survey.compare import Round, compare
from kl_survey.model import QType, Question, SourceInfo, Survey

OPTIONS = ("Ja", "Nej", "Ved ikke")
CODES = (101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169)

answer = st.one_of(st.none(), st.sampled_from(OPTIONS))
responses = st.dictionaries(st.sampled_from(CODES), answer, min_size=1, max_size=len(CODES))


def _round(label: str, answers: dict[int, str | None]) -> Round:
    codes = list(answers)
    respondents = pd.DataFrame({"row": range(2, len(codes) + 2),
                                "municipality": pd.array(codes, dtype="Int64"),
                                "complete": [True] * len(codes)})
    q = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, OPTIONS)
    data = pd.Series(pd.Categorical([answers[c] for c in codes], categories=list(OPTIONS)))
    return Round(label, Survey(SourceInfo(f"{label}.csv", "generic", "0" * 64), (q,),
                               respondents, {"q1": data}))


@settings(max_examples=60, deadline=None)
@given(responses, responses)
def test_changes_panel_and_transitions_agree(old: dict[int, str | None],
                                             new: dict[int, str | None]) -> None:
    c = compare([_round("før", old), _round("efter", new)])
    panel = {k for k in old.keys() & new.keys()
             if old[k] is not None and new[k] is not None}
    (q,) = c.questions
    assert q.panel == len(panel)
    assert {m.code for m in c.panel.municipalities} == old.keys() & new.keys()
    for row in q.options:
        for cells, got in ((row.rounds, row.change), (row.panel, row.panel_change)):
            a, b = cells
            assert a is not None and b is not None
            if a.base and b.base:
                assert got == 100 * (Fraction(b.count, b.base) - Fraction(a.count, a.base))
                assert -100 <= got <= 100
            else:
                assert got is None
    assert sum(r.panel[0].count for r in q.options) == len(panel)  # type: ignore[union-attr]
    if panel:
        assert q.transitions is not None
        assert sum(p.count for p in q.transitions.pairs) == len(panel)
        # the panel's share in the new round is where its transitions end
        for row in q.options:
            into = sum(p.count for p in q.transitions.pairs if p.after == row.label)
            assert into == row.panel[1].count  # type: ignore[union-attr]


@settings(max_examples=40, deadline=None)
@given(responses)
def test_a_round_against_itself_changes_nothing(answers: dict[int, str | None]) -> None:
    r = _round("maj", answers)
    (q,) = compare([r, r]).questions
    assert all(row.change in (0, None) and row.panel_change in (0, None) for row in q.options)
    assert q.transitions is None or q.transitions.switches == ()
