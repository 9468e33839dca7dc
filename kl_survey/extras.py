"""The optional layers over a plain analysis: bounds, intervals and breakdowns.

``analyze`` and ``report`` share this one call, so the CLI options ``--bounds``,
``--ci``, ``--by``, ``--groups`` and ``--min-base`` mean the same in both. Whatever is
asked for is computed here, once, and stored on each :class:`QuestionResult`; what is
not asked for stays ``None`` and no renderer prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import join, msg, plural

if TYPE_CHECKING:  # the CLI makes an Extras before it reads: no pandas for that (see
    # kl_survey.readers.source.ahead), so what computes is imported where it is used
    from kl_survey.analysis import Analysis
    from kl_survey.breakdown import Reason, Rules
    from kl_survey.model import Survey
    from kl_survey.spec import Spec


@dataclass(frozen=True)
class Extras:
    by: str | None = None  # "region", a question id, or a column of ``groups``
    groups: Path | None = None  # CSV/xlsx mapping municipality -> group
    min_base: int | None = None  # None: the spec's [analysis] min_base, else 5
    bounds: bool = False
    ci: bool = False

    @property
    def wanted(self) -> bool:
        return bool(self.by or self.bounds or self.ci)


def reason(a: Analysis) -> Reason:
    """Municipalities answering for themselves are public bodies: the threshold is about
    stable numbers. Anything else (citizens, pupils, staff) is about privacy."""
    pop = a.population
    census_of_bodies = pop is not None and pop.unit == "kommuner" and a.respondents <= pop.size
    return "stability" if census_of_bodies else "privacy"


def rules(a: Analysis, extras: Extras, spec: Spec | None = None) -> Rules:
    from kl_survey.breakdown import DEFAULT_MIN_BASE, Rules

    section = spec.analysis if spec is not None else None
    min_base = extras.min_base or (section.min_base if section else DEFAULT_MIN_BASE)
    return Rules(min_base=min_base,
                 show_counts=bool(section and section.show_small_counts),
                 reason=reason(a), bounds=extras.bounds, ci=extras.ci)


def extend(a: Analysis, survey: Survey, extras: Extras,
           spec: Spec | None = None) -> tuple[Analysis, tuple[Issue, ...]]:
    """The analysis with bounds/intervals and breakdowns added where asked for."""
    if not extras.wanted:
        return a, ()
    from kl_survey import census
    from kl_survey.breakdown import breakdown

    issues: list[Issue] = []
    r = rules(a, extras, spec)
    grouping = None
    if extras.by:
        from kl_survey.grouping import resolve

        grouping, found = resolve(survey, extras.by, extras.groups)
        issues += found
    size = _population_size(a, extras, issues)
    issues += _skipped_grids(a)
    results = []
    for q in a.questions:
        found_census = census.for_result(q, size, with_bounds=r.bounds, with_ci=r.ci)
        found_breakdown = breakdown(survey, q, grouping, r) if grouping else None
        results.append(replace(q, census=found_census, breakdown=found_breakdown))
    return replace(a, questions=tuple(results)), tuple(issues)


def _population_size(a: Analysis, extras: Extras, issues: list[Issue]) -> int | None:
    """N for bounds and intervals; a survey with no known population gets neither."""
    if not (extras.bounds or extras.ci):
        return None
    pop = a.population
    if pop is None or a.respondents > pop.size:
        message = msg("issue.census-no-population")
        issues.append(Issue(Severity.INFO, "census-no-population", message,
                            Where(file=a.source.file), message.hint()))
        return None
    return pop.size


def _skipped_grids(a: Analysis) -> list[Issue]:
    """Breakdowns, bounds and intervals are per option share; a grid has neither yet, and
    the user who asked for them is told which questions go without, not left guessing."""
    from kl_survey.model import QType

    grids = [q.question for q in a.questions
             if q.question.type in (QType.GRID, QType.NUMERIC_GRID)]
    if not grids:
        return []
    message = plural(len(grids), "issue.extras-skip-grids",
                     numbers=join([str(q.number) for q in grids]))
    return [Issue(Severity.INFO, "extras-skip-grids", message, Where(file=a.source.file),
                  message.hint())]
