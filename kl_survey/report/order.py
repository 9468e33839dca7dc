"""Which bars come first and which are greyed out.

A newsletter reader scans a multi-select chart from the top for "what most do", so
those bars are sorted by share; "Andet", "Ved ikke" and "Nej, ikke endnu"-style answers
are not findings and go last, in grey. Single-choice and scale questions keep the
questionnaire's order, because that order carries meaning (a scale, Ja before Nej).
"""

from __future__ import annotations

import re

from kl_survey.analysis import OptionCount, QuestionResult
from kl_survey.model import QType, Question
from kl_survey.vocabulary import NO_HEADS, is_dont_know, is_other
from kl_survey.vocabulary import first_word as _first_word

_NEGATION = re.compile(r"\b(ikke|not)\b", re.IGNORECASE)
_YESNO = {"ja", "yes", "nej", "no"}


def is_dont_know_option(q: Question, label: str) -> bool:
    return label in q.dont_know or is_dont_know(label)


def residual_rank(q: Question, label: str) -> int | None:
    """``None`` for a substantive answer; else the rank among the answers put last:
    0 "Andet", 1 "Nej …"/"… ikke …" negations, 2 "Ved ikke"."""
    if is_dont_know_option(q, label):
        return 2
    if is_other(label):
        return 0
    if _first_word(label) in NO_HEADS or _NEGATION.search(label):
        return 1
    return None


def is_muted(q: Question, label: str) -> bool:
    """Grey bars: always "Andet"/"Ved ikke"; in multi-select every residual answer too
    (in a single-choice question "Nej" is a real finding and keeps the main colour)."""
    rank = residual_rank(q, label)
    if rank is None:
        return False
    return q.type is QType.MULTI or rank != 1


def is_sorted(q: Question) -> bool:
    """Multi-select charts are sorted by share; every other kind keeps the spec's order."""
    return q.type is QType.MULTI


def display_order(r: QuestionResult) -> tuple[OptionCount, ...]:
    """Options as the chart (and the table under it) shows them, top to bottom; excluded
    options are left out because they have no share."""
    shown = [o for o in r.options if not o.excluded]
    if not is_sorted(r.question):
        return tuple(shown)
    q = r.question
    position = {o.label: i for i, o in enumerate(shown)}

    def key(o: OptionCount) -> tuple[int, int, int]:
        rank = residual_rank(q, o.label)
        if rank is None:
            return (0, -o.count, position[o.label])
        return (1, rank, position[o.label])

    return tuple(sorted(shown, key=key))


def is_yes_no(q: Question) -> bool:
    """A single-choice question whose options are only Ja/Nej (and "Ved ikke")."""
    if q.type is not QType.SINGLE or not q.options:
        return False
    words = {o.strip().lower() for o in q.options if not is_dont_know_option(q, o)}
    return bool(words) and words <= _YESNO


def chart_kind(q: Question) -> str | None:
    """``"bars"``, ``"stacked"`` or ``None`` (no chart: text and numeric questions).

    The spec's ``chart`` setting decides; "stacked" is honoured for single-choice
    questions only, because multi-select shares do not add up to 100%.
    """
    if q.type not in (QType.SINGLE, QType.MULTI) or q.chart == "map":
        return None  # a map (kl_survey.report.maps) takes the chart's place
    if q.chart == "stacked" and q.type is QType.SINGLE:
        return "stacked"
    return "bars"
