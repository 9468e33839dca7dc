"""Census-aware uncertainty: what the non-respondents could change, and how sure we are.

KL's surveys are near-censuses (95 of 98 municipalities), so a textbook sampling
interval that treats the 95 as a draw from an infinite population is the wrong tool.
Two numbers answer the analyst's "how sure are we?" instead:

* **bounds** are the hard range of the share among all N, whatever the N − answered
  non-respondents would have said: ``[count/N, (count + N − answered)/N]``. No model,
  no assumption; 92 of 95 answering yes out of 98 is 93,9%–96,9% whatever happens.
* **ci** is a 95% interval for the population share if the respondents were a simple
  random sample of the N: Wilson's score interval on the effective n after the finite
  population correction (N − n)/(N − 1). Wilson stays inside [0, 1] and behaves at 0
  and n (unlike the Wald interval), and the correction makes a census (n = N) give
  the point itself. Where Wilson reaches past the bounds it is cut to them: a share
  outside them is impossible, and cutting keeps the coverage (the true share is
  always inside the bounds).

Both are computed from the integer counts once; renderers only format them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kl_survey.analysis import QuestionResult

#: machine name of the interval method, as written in JSON and named in the README
CI_METHOD = "wilson-fpc"
CI_LEVEL = 0.95


@dataclass(frozen=True)
class Bounds:
    """The share's hard range over the whole population, kept as exact counts.

    ``low = low_count / denominator`` if every non-respondent said no, ``high`` if every
    one said yes. Exact integers so the printed 93,9% is rounded half up from 92/98.
    """

    low_count: int
    high_count: int
    denominator: int

    @property
    def low(self) -> float:
        return self.low_count / self.denominator

    @property
    def high(self) -> float:
        return self.high_count / self.denominator

    @property
    def exact(self) -> tuple[Fraction, Fraction]:
        return Fraction(self.low_count, self.denominator), Fraction(self.high_count,
                                                                     self.denominator)


@dataclass(frozen=True)
class Interval:
    """A confidence interval for a population share; ``method`` names how it was made."""

    low: float
    high: float
    method: str = CI_METHOD
    level: float = CI_LEVEL
    clipped: bool = False  # cut to the bounds, where Wilson reached past them


@dataclass(frozen=True)
class Uncertainty:
    """What sits beside one share: its bounds and/or interval (``None`` = not asked for)."""

    bounds: Bounds | None = None
    ci: Interval | None = None


@dataclass(frozen=True)
class QuestionCensus:
    """Bounds and intervals for one question (or one breakdown group).

    ``population`` is the N the base is drawn from, ``missing`` those of the N whose
    answer is unknown; ``options`` runs parallel to the result's options (``None`` for
    an option the base rule leaves out, such as "Ved ikke").
    """

    population: int
    missing: int
    options: tuple[Uncertainty | None, ...]
    yes: Uncertainty | None


def bounds(count: int, base: int, missing: int) -> Bounds:
    """Hard range when ``missing`` units of the population have not answered.

    Each of them could join the base with or without the option, so the population
    share runs from ``count/(base+missing)`` to ``(count+missing)/(base+missing)``.
    With the default base (those who answered) ``base + missing`` is N itself.
    """
    if count < 0 or base < count or missing < 0 or base + missing == 0:
        raise ValueError(f"bounds: impossible counts {count}/{base} (+{missing})")
    return Bounds(count, count + missing, base + missing)


def wilson_fpc(count: int, n: int, population: int, level: float = CI_LEVEL) -> Interval:
    """Wilson score interval for ``count/n`` on the FPC-adjusted effective sample size.

    The variance of a share from n of N drawn without replacement is
    p(1 − p)/n · (N − n)/(N − 1), i.e. that of an n_eff = n(N − 1)/(N − n) draw with
    replacement; Wilson's interval is then taken on n_eff. n = N gives the point.
    """
    if n <= 0 or count < 0 or count > n or population < n:
        raise ValueError(f"wilson_fpc: impossible counts {count}/{n} of {population}")
    p = count / n
    if n == population:
        return Interval(p, p)
    n_eff = n * (population - 1) / (population - n)
    z = NormalDist().inv_cdf(0.5 + level / 2)
    z2 = z * z
    denom = 1 + z2 / n_eff
    centre = (p + z2 / (2 * n_eff)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n_eff + z2 / (4 * n_eff * n_eff))
    # round-off can put an end a hair outside [0, 1] or beyond the point at p = 0 or 1
    return Interval(max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half)))


def within(interval: Interval, hard: Bounds) -> Interval:
    """The interval cut to the hard bounds (flagged when that changed it)."""
    low, high = max(interval.low, hard.low), min(interval.high, hard.high)
    if (low, high) == (interval.low, interval.high):
        return interval
    return Interval(low, high, interval.method, interval.level, clipped=True)


def missing_count(kind: str, base: int, answered: int, population: int) -> int | None:
    """Units of the population whose answer to this question is unknown.

    Under the default base those who skipped the question are unknown as well as the
    non-respondents; under ``respondents`` a skipped question already counts in the
    base. ``None`` when more answered than the population holds (a spec mismatch).
    """
    known = base if kind == "respondents" else answered
    missing = population - known
    return missing if missing >= 0 else None


def uncertainty(count: int, base: int, missing: int, *, with_bounds: bool,
                with_ci: bool) -> Uncertainty | None:
    """Bounds and/or interval for one share out of ``base`` with ``missing`` unknown."""
    if base <= 0 or not (with_bounds or with_ci):
        return None
    hard = bounds(count, base, missing)
    ci = within(wilson_fpc(count, base, base + missing), hard) if with_ci else None
    return Uncertainty(bounds=hard if with_bounds else None, ci=ci)


def for_result(r: QuestionResult, population: int | None, *, with_bounds: bool,
               with_ci: bool) -> QuestionCensus | None:
    """Bounds/intervals for every share of a single- or multi-choice result.

    Only where the base's population is known: a question filtered on another answer
    has an unknown population (the non-respondents may or may not qualify), and so
    has a survey without a population size.
    """
    q = r.question
    if not (with_bounds or with_ci):
        return None
    if population is None or q.base.filter is not None or not r.options or r.base <= 0:
        return None
    missing = missing_count(q.base.kind, r.base, r.answered, population)
    if missing is None:
        return None

    def one(count: int, excluded: bool = False) -> Uncertainty | None:
        if excluded:
            return None
        return uncertainty(count, r.base, missing, with_bounds=with_bounds, with_ci=with_ci)

    return QuestionCensus(
        population=r.base + missing,
        missing=missing,
        options=tuple(one(o.count, o.excluded) for o in r.options),
        yes=one(r.yes.count) if r.yes else None,
    )
