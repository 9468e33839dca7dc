"""Compare rounds: match questions and municipalities, then count once, exactly.

Every share comes from :func:`kl_survey.analysis.analyse_question`, the same function
``analyze`` uses, so a round's figures in the comparison are the figures its own report
printed. The panel's figures are the same function on the panel's respondents only.
Changes are exact fractions; rounding happens once, in the renderers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import pandas as pd

from kl_survey.analysis import Analysis, QuestionResult, analyse, analyse_question
from kl_survey.compare import panel as pn
from kl_survey.compare.match import Group, match_questions
from kl_survey.compare.model import (
    Cell,
    Comparison,
    McNemar,
    OnlyIn,
    Pair,
    Round,
    RoundInfo,
    Row,
    Transitions,
)
from kl_survey.compare.model import QuestionComparison as QC
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import join, msg, plural
from kl_survey.model import QType, Question, Survey, yes_options


def compare(rounds: Sequence[Round], *, test: bool = False) -> Comparison:
    """The comparison of two or more rounds, oldest first."""
    if len(rounds) < 2:
        raise ValueError("a comparison needs at least two rounds")
    analyses = [analyse(r.survey) for r in rounds]
    labels = unique([r.label for r in rounds])
    ids = [pn.identify(r.survey) for r in rounds]
    groups = match_questions([[x.question for x in a.questions] for a in analyses],
                             [r.spec_ids for r in rounds])
    ctx = _Ctx(rounds, analyses, ids, test)
    questions = tuple(ctx.question(g) for g in groups if g.rounds > 1)
    only = _only_in(groups, len(rounds))
    panel = pn.overall(ids)
    issues = [i for r in rounds for i in r.issues]
    issues += pn.duplicate_issues(ids, labels)
    issues += [_reworded(q, labels) for q in questions if q.wording_changed]
    issues += ctx.issues
    issues += _numbers_left_out(questions)
    if not panel.available:
        message = msg("issue.compare-no-municipality")
        issues.append(Issue(Severity.WARNING, "compare-no-municipality", message, Where(),
                            message.hint()))
    infos = tuple(RoundInfo(label, a, r.spec)
                  for label, r, a in zip(labels, rounds, analyses, strict=True))
    return Comparison(infos, panel, questions, only, tuple(issues), test)


def unique(labels: Sequence[str]) -> list[str]:
    """Two rounds must not share a column title: the second "Maj 2025" becomes "Maj 2025 (2)"."""
    out: list[str] = []
    for label in labels:
        name, k = label, 1
        while name in out:
            k += 1
            name = f"{label} ({k})"
        out.append(name)
    return out


def _only_in(groups: Sequence[Group], size: int) -> tuple[OnlyIn, ...]:
    lone: list[list[Question]] = [[] for _ in range(size)]
    for g in groups:
        if g.rounds == 1:
            i, q = next((i, q) for i, q in enumerate(g.members) if q is not None)
            lone[i].append(q)
    return tuple(OnlyIn(i, tuple(qs)) for i, qs in enumerate(lone) if qs)


def _numbers_left_out(questions: Sequence[QC]) -> list[Issue]:
    """Numeric questions and numeric grids have no shares to compare: say so, once."""
    numbers = [q.latest.number for q in questions
               if q.type in (QType.NUMERIC, QType.NUMERIC_GRID)]
    if not numbers:
        return []
    message = plural(len(numbers), "issue.compare-numbers-left-out",
                     numbers=join([str(n) for n in numbers]))
    return [Issue(Severity.INFO, "compare-numbers-left-out", message, Where())]


def _reworded(q: QC, labels: Sequence[str]) -> Issue:
    texts = "; ".join(msg("compare.quoted", label=labels[i], text=q.texts[i])
                      for i in q.present)
    message = msg("issue.compare-wording-changed", n=q.latest.number, texts=texts)
    return Issue(Severity.WARNING, "compare-wording-changed", message, Where(question=q.id),
                 message.hint())


class _Ctx:
    def __init__(self, rounds: Sequence[Round], analyses: Sequence[Analysis],
                 ids: Sequence[pn.Identified], test: bool) -> None:
        self.rounds = rounds
        self.analyses = analyses
        self.ids = ids
        self.test = test
        self.issues: list[Issue] = []

    def result(self, r: int, q: Question) -> QuestionResult:
        return next(x for x in self.analyses[r].questions if x.question is q)

    def question(self, g: Group) -> QC:
        members = g.members
        present = [i for i, q in enumerate(members) if q is not None]
        codes = pn.question_panel([r.survey for r in self.rounds], members, self.ids)
        whole: list[QuestionResult | None] = [None] * len(members)
        panel: list[QuestionResult | None] = [None] * len(members)
        subsets: dict[int, Survey] = {}
        for i in present:
            q = members[i]
            assert q is not None
            whole[i] = self.result(i, q)
            subsets[i] = pn.panel_survey(self.rounds[i].survey, self.ids[i], codes)
            panel[i] = analyse_question(subsets[i], q)
        latest = members[present[-1]]
        assert latest is not None
        types = {q.type for q in members if q is not None}
        if len(types) > 1:
            message = msg("issue.compare-type-changed", n=latest.number,
                          types=", ".join(sorted(t.value for t in types)))
            self.issues.append(Issue(Severity.WARNING, "compare-type-changed", message,
                                     Where(question=latest.id), message.hint()))
        first, last = present[0], present[-1]
        transitions = None
        if types == {QType.SINGLE} and codes:
            transitions = _transitions(members, subsets, first, last, self.test)
        yes = _yes_row(whole, panel, first, last)
        final = whole[last]
        assert final is not None
        return QC(
            id=latest.id, questions=members, matched_by=g.matched_by,
            wording_changed=g.wording_changed, type=latest.type,
            options=(_grid_rows(members, whole, panel, first, last) if types == {QType.GRID}
                     else _rows(_labels(members), whole, panel, first, last)),
            yes=yes, transitions=transitions, panel=len(codes),
            bases=tuple(r.base if r else None for r in whole),
            panel_bases=tuple(r.base if r else None for r in panel),
            yes_labels=final.yes.labels if yes is not None and final.yes else ())


def _labels(members: Sequence[Question | None]) -> list[str]:
    """Option labels of every round: the latest round's order, then options it lacks."""
    out: list[str] = []
    for q in reversed(members):
        if q is not None:
            out += [o for o in q.options if o not in out]
    return out


def _cell(r: QuestionResult | None, label: str) -> Cell | None:
    if r is None:
        return None
    o = next((o for o in r.options if o.label == label), None)
    return None if o is None else Cell(o.count, o.base, o.excluded)


def change(a: Cell | None, b: Cell | None) -> Fraction | None:
    """From ``a`` to ``b`` in exact percentage points; ``None`` without both shares."""
    x = a.exact if a else None
    y = b.exact if b else None
    return None if x is None or y is None else 100 * (y - x)


def _row(label: str, cells: list[Cell | None], pcells: list[Cell | None], first: int,
         last: int) -> Row:
    return Row(label, tuple(cells), tuple(pcells), change(cells[first], cells[last]),
               change(pcells[first], pcells[last]))


def _rows(labels: list[str], whole: list[QuestionResult | None],
          panel: list[QuestionResult | None], first: int, last: int) -> tuple[Row, ...]:
    return tuple(_row(label, [_cell(r, label) for r in whole],
                      [_cell(r, label) for r in panel], first, last) for label in labels)


def _grid_rows(members: Sequence[Question | None], whole: list[QuestionResult | None],
               panel: list[QuestionResult | None], first: int,
               last: int) -> tuple[Row, ...]:
    """A grid compares like a single choice per row: one row per (grid row, option),
    labelled "row: option", each on that grid row's own base."""
    names: list[str] = []
    for q in reversed(members):
        if q is not None:
            names += [r for r in q.rows if r not in names]
    options = _labels(members)

    def cell(r: QuestionResult | None, name: str, label: str) -> Cell | None:
        row = None if r is None or r.grid is None else next(
            (x for x in r.grid.rows if x.label == name), None)
        o = None if row is None else next((o for o in row.options if o.label == label), None)
        return None if o is None else Cell(o.count, o.base, o.excluded)

    return tuple(_row(f"{name}: {label}", [cell(r, name, label) for r in whole],
                      [cell(r, name, label) for r in panel], first, last)
                 for name in names for label in options)


def _yes_row(whole: list[QuestionResult | None], panel: list[QuestionResult | None],
             first: int, last: int) -> Row | None:
    latest, earliest = whole[last], whole[first]
    if latest is None or latest.yes is None or earliest is None or earliest.yes is None:
        return None

    def cell(r: QuestionResult | None) -> Cell | None:
        return None if r is None or r.yes is None else Cell(r.yes.count, r.yes.base)

    return _row(" / ".join(latest.yes.labels), [cell(r) for r in whole],
                [cell(r) for r in panel], first, last)


def _transitions(members: Sequence[Question | None], subsets: dict[int, Survey], first: int,
                 last: int, test: bool) -> Transitions:
    """Each panel municipality's answer in the first and the last round, counted by pair.

    The panel subsets list the same codes in the same order, so row k is one
    municipality in both rounds.
    """
    qa, qb = members[first], members[last]
    assert qa is not None and qb is not None
    a = subsets[first].answers[qa.id]
    b = subsets[last].answers[qb.id]
    assert isinstance(a, pd.Series) and isinstance(b, pd.Series)
    both = [(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)
            if not pd.isna(x) and not pd.isna(y)]
    seen = Counter(both)
    order_a = list(qa.options) + sorted({x for x, _ in seen} - set(qa.options))
    order_b = list(qb.options) + sorted({y for _, y in seen} - set(qb.options))
    pairs = tuple(Pair(x, y, seen[(x, y)]) for x in order_a for y in order_b if seen[(x, y)])
    yes_a, yes_b = set(yes_options(qa)), set(yes_options(qb))
    if not yes_a or not yes_b:
        return Transitions(first, last, pairs)
    out_a = set(qa.base.exclude) if qa.base.kind == "exclude" else set()
    out_b = set(qb.base.exclude) if qb.base.kind == "exclude" else set()
    kept = [(x in yes_a, y in yes_b) for x, y in both if x not in out_a and y not in out_b]
    flips = Counter(kept)
    became_yes, became_no = flips[(False, True)], flips[(True, False)]
    result = McNemar(became_yes, became_no, mcnemar_exact(became_yes, became_no)) if test \
        else None
    return Transitions(first, last, pairs, became_yes, became_no, flips[(True, True)],
                       flips[(False, False)], result)


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value: a fair-coin binomial on the ``b + c`` switchers.

    Twice the smaller tail, capped at 1, computed with integers and one division.
    """
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(b, c) + 1))
    return float(min(Fraction(2 * tail, 2**n), Fraction(1)))
