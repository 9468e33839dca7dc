"""The typeset: what kind of answers a column holds, one predicate per type.

In the spirit of ydata-profiling's ``model/typeset.py``: each type is one predicate over
a column's (distinct) values, and a column takes the first type in :data:`COLUMN_TYPES`
whose predicate holds among the types its tool allows. A tool passes what its export
says for sure — Qualtrics' ``QIDn_TEXT`` is typed-in text, a SurveyMonkey
"Open-Ended Response" too, a ``QIDn`` is a choice — as ``allowed``, and the typeset
infers only the rest. SurveyXact's Structure says everything, so it is not asked.

Columns that share a question stem are typed together (:func:`infer_group`): ticks make
one multi-select; otherwise each column is a row of an array, typed on the pooled
answers of the rows that speak the same vocabulary. Whether those rows are one grid
question is :mod:`.grids`' decision, made on these verdicts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kl_survey.model import QType
from kl_survey.readers.infer import packed, rules
from kl_survey.readers.infer.cells import Column
from kl_survey.readers.infer.profile import Profile
from kl_survey.readers.infer.ticks import is_tick_column

#: Everything a one-column answer can be.
ANY = frozenset({QType.SINGLE, QType.MULTI, QType.NUMERIC, QType.TEXT})
#: A choice question (Qualtrics ``QIDn``): options, one or several.
CHOICE = frozenset({QType.SINGLE, QType.MULTI})
#: Typed in (Qualtrics ``_TEXT``, SurveyMonkey "Open-Ended Response"): words or a number.
TYPED = frozenset({QType.TEXT, QType.NUMERIC})
#: Share of a row's answers that its array's other rows also give, for the row to be
#: typed with them; a row below it ("Other, please specify") is typed on its own.
SHARED = 0.5


@dataclass(frozen=True)
class ColumnType:
    """One type of the typeset: what it is, its rule in words, and its predicate."""

    name: str
    qtype: QType
    rule: str
    holds: Callable[[Profile], bool]


#: In order: the first that holds (and is allowed) is the column's type. Packed
#: multi-select cells are tried before these (:func:`infer`), since they need the
#: separators the tool uses.
COLUMN_TYPES: tuple[ColumnType, ...] = (
    ColumnType("empty", QType.SINGLE, "no answers: nothing to infer from", rules.is_empty),
    ColumnType("dates", QType.TEXT, "dates or times, listed as written", rules.is_dates),
    ColumnType("scale", QType.SINGLE, "whole numbers from a short closed list: a scale's "
               "codes", rules.is_scale),
    ColumnType("numeric", QType.NUMERIC, "numbers in Danish or English format",
               rules.is_numbers),
    ColumnType("text", QType.TEXT, "free text: answers not picked from a list",
               rules.is_open),
    ColumnType("single", QType.SINGLE, "a closed list of options", lambda p: True),
)
@dataclass(frozen=True)
class Verdict:
    """A column's type, the rule that decided it, and for packed cells their split."""

    qtype: QType
    rule: str
    cells: packed.Cells | None = None
    #: an array row typed on the answers pooled with the rows sharing its words
    pooled: bool = False


def infer(column: Column, allowed: frozenset[QType] = ANY, seps: tuple[str, ...] = (),
          profile: Profile | None = None) -> Verdict:
    """The type of one column's answers (see the module text).

    ``seps`` are the separators the tool joins ticked options with, tried in order;
    ``profile`` replaces the column's own answers as evidence (an array's pooled rows).
    """
    if QType.MULTI in allowed and seps:
        cells = packed.find_list(column, seps)
        if cells is not None:
            return Verdict(QType.MULTI, "options joined in one cell", cells)
    return classify(profile if profile is not None else Profile.of(column), allowed)


def classify(profile: Profile, allowed: frozenset[QType] = ANY) -> Verdict:
    """The first type of :data:`COLUMN_TYPES` that holds for ``profile`` and is allowed.

    A type the tool rules out passes the column on to the next that holds: a choice
    question's one-off answers are still options, typed-in whole numbers are numbers.
    """
    for t in COLUMN_TYPES:
        if t.qtype in allowed and t.holds(profile):
            return Verdict(t.qtype, t.name)
    fallback = next(q for q in (QType.SINGLE, QType.TEXT, QType.NUMERIC) if q in allowed)
    return Verdict(fallback, "the only type the tool allows")


# ---------------------------------------------------------------- column groups


def is_ticks(members: Sequence[tuple[Column, str]]) -> bool:
    """Group rule: every column holds ticks (or "Other" text): one multi-select."""
    return all(is_tick_column(c, label) for c, label in members)


def infer_group(members: Sequence[Column], allowed: frozenset[QType] = ANY,
                seps: tuple[str, ...] = ()) -> list[Verdict]:
    """Types of an array's rows (a group that is not ticks), one per member.

    A row is typed on the pooled answers of the rows sharing its vocabulary, so a
    five-answer row of a rating array is read with the other rows' evidence; a row
    whose answers are mostly its own (free text under "Other") is typed alone.
    """
    own = [Profile.of(c) for c in members]
    total = Profile.pooled(own).as_dict()
    sharing = [rules.shared_share(p, total) >= SHARED for p in own]
    pool = Profile.pooled(p for p, s in zip(own, sharing, strict=True) if s)
    return [replace(infer(column, allowed, seps, profile=pool if s else p), pooled=s)
            for column, p, s in zip(members, own, sharing, strict=True)]
