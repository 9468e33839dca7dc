"""JSON for bounds, intervals and breakdowns: additive keys to ``kl-survey/analysis/1``.

``bounds`` and ``ci`` sit beside the ``share`` they belong to; a withheld share is
``null`` with ``suppressed: true`` beside it, so a script never reads it as 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # names for the annotations only: a run without extras never loads them
    from kl_survey.breakdown import Breakdown, Cell, GroupResult
    from kl_survey.census import QuestionCensus, Uncertainty


def uncertainty(u: Uncertainty | None) -> dict[str, Any]:
    """``{"bounds": {...}, "ci": {...}}`` with only what was computed (maybe nothing)."""
    out: dict[str, Any] = {}
    if u is None:
        return out
    if u.bounds is not None:
        out["bounds"] = {"low": u.bounds.low, "high": u.bounds.high}
    if u.ci is not None:
        ci: dict[str, Any] = {"low": u.ci.low, "high": u.ci.high, "method": u.ci.method}
        if u.ci.clipped:
            ci["clipped"] = True
        out["ci"] = ci
    return out


def option_extras(found: QuestionCensus | None, index: int) -> dict[str, Any]:
    return uncertainty(found.options[index]) if found is not None else {}


def yes_extras(found: QuestionCensus | None) -> dict[str, Any]:
    return uncertainty(found.yes) if found is not None else {}


def breakdown(b: Breakdown) -> dict[str, Any]:
    out: dict[str, Any] = {"by": b.by, "title": b.title, "min_base": b.min_base,
                           "reason": b.reason, "groups": [_group(g) for g in b.groups]}
    if b.secondary:
        out["secondary_suppression"] = list(b.secondary)
    return out


def _group(g: GroupResult) -> dict[str, Any]:
    out: dict[str, Any] = {"label": g.label, "population": g.population, "base": g.base,
                           "answered": g.answered, "options": [_cell(c) for c in g.options],
                           "yes": _cell(g.yes, label=False) if g.yes else None}
    if g.suppression:
        out["suppressed"] = True
        out["suppression"] = g.suppression
    return out


def _cell(c: Cell, label: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"label": c.label} if label else {}
    out |= {"count": c.count, "share": c.share, "suppressed": c.suppressed}
    if c.excluded:
        out["excluded"] = True
    return out | uncertainty(c.uncertainty)
