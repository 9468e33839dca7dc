"""Breakdowns: each question's counts and shares per group, with small groups withheld.

A group's numbers come from the same :func:`analyse_question` as the total, run on the
group's respondents only, so base rules, "Ved ikke" and multi-select semantics are the
same everywhere. Then the small-group rule is applied once, here, and renderers only
see cells whose withheld share is ``None`` and flagged ``suppressed``: no renderer can
print a share it should not, and no script can mistake a withheld share for 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from kl_survey import census
from kl_survey.analysis import QuestionResult, analyse_question
from kl_survey.census import QuestionCensus, Uncertainty
from kl_survey.grouping import Grouping
from kl_survey.model import QType, Question, Survey
from kl_survey.numbers import share

#: why small groups are withheld: unstable numbers (municipalities are public bodies,
#: their answers are not secret) or privacy (individual people's answers)
Reason = Literal["stability", "privacy"]
Suppression = Literal["primary", "secondary"]
DEFAULT_MIN_BASE = 5


@dataclass(frozen=True)
class Rules:
    """How a breakdown is computed: the small-group threshold and what sits by a share."""

    min_base: int = DEFAULT_MIN_BASE
    #: the spec allows printing the counts of a withheld group (its shares never are)
    show_counts: bool = False
    reason: Reason = "stability"
    bounds: bool = False
    ci: bool = False


@dataclass(frozen=True)
class Cell:
    """One group × option (or the group's yes total); ``None`` means withheld."""

    label: str
    count: int | None
    base: int
    share: float | None
    excluded: bool = False
    suppressed: bool = False
    uncertainty: Uncertainty | None = None


@dataclass(frozen=True)
class GroupResult:
    label: str
    population: int | None  # the group's N where known (regions: from the register)
    base: int
    answered: int
    options: tuple[Cell, ...]
    yes: Cell | None
    suppression: Suppression | None = None

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None


@dataclass(frozen=True)
class Breakdown:
    """One question by one grouping; the total is the question's own result."""

    by: str
    title: str
    min_base: int
    reason: Reason
    counts_shown: bool
    groups: tuple[GroupResult, ...]

    @property
    def primary(self) -> tuple[str, ...]:
        return tuple(g.label for g in self.groups if g.suppression == "primary")

    @property
    def secondary(self) -> tuple[str, ...]:
        return tuple(g.label for g in self.groups if g.suppression == "secondary")


def suppression(bases: Sequence[int], min_base: int,
                counts_shown: bool = False) -> tuple[Suppression | None, ...]:
    """Which groups to withhold: those under ``min_base`` and, if needed, one more.

    When exactly one group with answers is withheld, its counts are the total less the
    other groups', so the next-smallest group is withheld too (secondary suppression;
    ties go to the later group). Two or more withheld groups only reveal their sum. If
    the spec lets counts be shown there is nothing left to hide by subtraction.
    """
    marks: list[Suppression | None] = ["primary" if b < min_base else None for b in bases]
    revealing = [i for i, b in enumerate(bases) if marks[i] and b > 0]
    candidates = [i for i, m in enumerate(marks) if m is None]
    if not counts_shown and len(revealing) == 1 and candidates:
        nxt = min(candidates, key=lambda i: (bases[i], -i))
        marks[nxt] = "secondary"
    return tuple(marks)


def breakdown(survey: Survey, result: QuestionResult, grouping: Grouping,
              rules: Rules) -> Breakdown | None:
    """The question's table of groups × options; ``None`` for numbers, text and the
    grouping question itself (its table would be the diagonal)."""
    q = result.question
    if q.type not in (QType.SINGLE, QType.MULTI) or not result.options:
        return None
    if grouping.kind == "question" and q.id == grouping.by:
        return None
    raw = [(label, pop, analyse_question(_restrict(survey, mask, q), q))
           for label, pop, mask in grouping.masks()]
    marks = suppression([r.base for _, _, r in raw], rules.min_base, rules.show_counts)
    groups = tuple(_group(label, pop, r, mark, rules)
                   for (label, pop, r), mark in zip(raw, marks, strict=True))
    return Breakdown(grouping.by, grouping.title, rules.min_base, rules.reason,
                     rules.show_counts, groups)


def _restrict(survey: Survey, mask: np.ndarray, q: Question) -> Survey:
    """The survey with only the group's respondents and only what ``q`` needs."""
    keep = {q.id} | ({q.base.filter.question} if q.base.filter else set())
    return replace(
        survey,
        respondents=survey.respondents[mask],
        answers={k: survey.answers[k][mask] for k in keep},
        other_text={k: v[mask] for k, v in survey.other_text.items() if k in keep},
    )


def _group(label: str, population: int | None, r: QuestionResult,
           mark: Suppression | None, rules: Rules) -> GroupResult:
    found: QuestionCensus | None = None
    if mark is None:
        found = census.for_result(r, population, with_bounds=rules.bounds, with_ci=rules.ci)
    hide_count = mark is not None and not rules.show_counts

    def cell(label: str, count: int, excluded: bool, u: Uncertainty | None) -> Cell:
        withheld = mark is not None
        return Cell(label, None if hide_count else count, r.base,
                    None if withheld or excluded else share(count, r.base),
                    excluded=excluded, suppressed=withheld, uncertainty=u)

    options = tuple(
        cell(o.label, o.count, o.excluded, found.options[i] if found else None)
        for i, o in enumerate(r.options)
    )
    yes = None
    if r.yes is not None:
        yes = cell(" + ".join(r.yes.labels), r.yes.count, False, found.yes if found else None)
    return GroupResult(label, population, r.base, r.answered, options, yes, mark)
