"""Which question in one round is which question in the next.

Three rules, strongest first: the spec id (only when both rounds were read with a spec,
because a reader's ``q3`` just means "third column"), the identical text, and the same
number with a similar text. A pair matched on anything but identical text is flagged
``wording_changed``: a change in the answers may then come from the new wording, and
the analyst must see both texts. Questions that find no partner are listed as present
in one round only.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from kl_survey.model import Question

#: How alike two texts must be (difflib ratio, case and spacing ignored) for questions
#: with the same number to be the same question. "Hvordan informerer I borgerne om …"
#: and "Hvordan informerer I børn, unge og forældre om …" score 0.85; two unrelated
#: questions sharing the words of the survey's topic score about 0.4.
SIMILAR = 0.6

#: Matching rules, strongest first; a group keeps the weakest rule any link used.
RULES = ("id", "text", "number")


@dataclass(frozen=True)
class Group:
    """One question across the rounds: a member per round, ``None`` where it is absent."""

    members: tuple[Question | None, ...]
    matched_by: str
    wording_changed: bool

    @property
    def rounds(self) -> int:
        return sum(q is not None for q in self.members)


def normalise(text: str) -> str:
    """Spacing and case do not make a new wording (SurveyXact pads texts with newlines)."""
    return " ".join(text.split()).casefold()


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise(a), normalise(b)).ratio()


class _Open:
    """A group being built: its members so far and the weakest rule used."""

    def __init__(self, size: int, index: int, q: Question) -> None:
        self.members: list[Question | None] = [None] * size
        self.members[index] = q
        self.rule = RULES[0]
        self.linked = False

    def latest(self) -> tuple[int, Question]:
        i = max(k for k, q in enumerate(self.members) if q is not None)
        member = self.members[i]
        assert member is not None
        return i, member

    def link(self, index: int, q: Question, rule: str) -> None:
        self.members[index] = q
        self.linked = True
        if RULES.index(rule) > RULES.index(self.rule):
            self.rule = rule


def match_questions(rounds: Sequence[Sequence[Question]],
                    spec_ids: Sequence[frozenset[str] | None]) -> list[Group]:
    """Group the questions of all rounds, in the order of the latest round.

    ``spec_ids[r]`` is the set of ids round ``r``'s spec defines, or ``None`` when the
    round was read without a spec.
    """
    size = len(rounds)
    groups: list[_Open] = []
    for r, questions in enumerate(rounds):
        todo = list(questions)
        earlier = list(groups)  # every earlier group may continue, across gaps
        for rule in RULES:
            todo = _link(rule, r, todo, earlier, spec_ids)
        groups += [_Open(size, r, q) for q in todo]
    return [_finish(g) for g in _ordered(groups, rounds)]


def _link(rule: str, r: int, todo: list[Question], candidates: list[_Open],
          spec_ids: Sequence[frozenset[str] | None]) -> list[Question]:
    """Link what ``rule`` can; return the questions still without a partner."""
    left: list[Question] = []
    for q in todo:
        group = next((g for g in candidates if g.members[r] is None
                      and _fits(rule, g, r, q, spec_ids)), None)
        if group is None:
            left.append(q)
        else:
            group.link(r, q, rule)
    return left


def _fits(rule: str, group: _Open, r: int, q: Question,
          spec_ids: Sequence[frozenset[str] | None]) -> bool:
    i, prev = group.latest()
    if rule == "id":
        ids_then, ids_now = spec_ids[i], spec_ids[r]
        return (ids_then is not None and ids_now is not None and q.id == prev.id
                and q.id in ids_now and prev.id in ids_then)
    if rule == "text":
        return normalise(q.text) == normalise(prev.text)
    return q.number == prev.number and similarity(q.text, prev.text) >= SIMILAR


def _ordered(groups: list[_Open], rounds: Sequence[Sequence[Question]]) -> list[_Open]:
    """Latest round's order first, then groups that ended earlier, in their order."""
    out: list[_Open] = []
    seen: set[int] = set()
    for r in range(len(rounds) - 1, -1, -1):
        for q in rounds[r]:
            g = next(g for g in groups if g.members[r] is q)
            if id(g) not in seen:
                seen.add(id(g))
                out.append(g)
    return out


def _finish(g: _Open) -> Group:
    texts = {normalise(q.text) for q in g.members if q is not None}
    return Group(tuple(g.members), g.rule if g.linked else "text", len(texts) > 1)
