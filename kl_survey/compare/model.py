"""The comparison of survey rounds as frozen data: what every output prints.

Counts and bases are integers and every change is an exact :class:`~fractions.Fraction`
of percentage points, computed once in :mod:`.changes`; the renderers only format. A
change is therefore never the difference of two rounded percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kl_survey.analysis import Analysis
from kl_survey.issues import Issue
from kl_survey.model import QType, Question, Survey
from kl_survey.municipalities import Municipality


@dataclass(frozen=True)
class Round:
    """One round as loaded: its label, the survey after spec and dedupe, and the ids its
    spec defines (``None`` without a spec: then ids are the reader's and mean nothing
    across rounds)."""

    label: str
    survey: Survey
    spec_ids: frozenset[str] | None = None
    spec: str | None = None
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One option in one round: ``count`` out of ``base``.

    ``excluded`` marks an option the question's base rule leaves out ("Ved ikke"); it
    has a count but no share, like in ``analyze``. An empty base has no share either.
    """

    count: int
    base: int
    excluded: bool = False

    @property
    def exact(self) -> Fraction | None:
        if self.excluded or self.base <= 0:
            return None
        return Fraction(self.count, self.base)

    @property
    def share(self) -> float | None:
        exact = self.exact
        return None if exact is None else self.count / self.base


@dataclass(frozen=True)
class Row:
    """An option (or the "yes" total) across the rounds.

    ``rounds`` holds each round's cell on its own base, ``panel`` the same restricted
    to the question's panel; ``None`` where the round lacks the question or the option.
    ``change``/``panel_change`` run from the first to the last round that has the
    question, in exact percentage points; ``None`` when either share is missing.
    """

    label: str
    rounds: tuple[Cell | None, ...]
    panel: tuple[Cell | None, ...]
    change: Fraction | None
    panel_change: Fraction | None


@dataclass(frozen=True)
class Pair:
    """``count`` panel municipalities answered ``before`` in one round, ``after`` in the other."""

    before: str
    after: str
    count: int


@dataclass(frozen=True)
class McNemar:
    """Exact McNemar test on the panel's yes/not-yes switches (two-sided binomial)."""

    became_yes: int
    became_no: int
    p_value: float


@dataclass(frozen=True)
class Transitions:
    """How the panel moved between two rounds of a single-choice question.

    ``pairs`` lists every (before, after) combination that occurs, stayers included,
    in option order. ``yes`` counts switches across the yes line (``None`` when the
    question has no yes options); ``test`` is filled only when the user asked.
    """

    first: int  # round index
    last: int
    pairs: tuple[Pair, ...]
    became_yes: int | None = None
    became_no: int | None = None
    stayed_yes: int | None = None
    stayed_no: int | None = None
    test: McNemar | None = None

    @property
    def switches(self) -> tuple[Pair, ...]:
        """The pairs that changed answer, most frequent first."""
        moved = [p for p in self.pairs if p.before != p.after]
        return tuple(sorted(moved, key=lambda p: -p.count))


@dataclass(frozen=True)
class QuestionComparison:
    """One question matched across rounds (``None`` where a round lacks it)."""

    id: str
    questions: tuple[Question | None, ...]
    matched_by: str  # "id" | "text" | "number"
    wording_changed: bool
    type: QType
    options: tuple[Row, ...]
    yes: Row | None
    transitions: Transitions | None
    panel: int  # municipalities in this question's panel
    bases: tuple[int | None, ...] = ()  # each round's base (n) for the question
    panel_bases: tuple[int | None, ...] = ()
    yes_labels: tuple[str, ...] = ()  # the latest round's yes options

    @property
    def texts(self) -> tuple[str | None, ...]:
        return tuple(q.text if q else None for q in self.questions)

    @property
    def latest(self) -> Question:
        return next(q for q in reversed(self.questions) if q is not None)

    @property
    def present(self) -> tuple[int, ...]:
        return tuple(i for i, q in enumerate(self.questions) if q is not None)


@dataclass(frozen=True)
class RoundInfo:
    label: str
    analysis: Analysis
    spec: str | None  # the spec file used, as given


@dataclass(frozen=True)
class Panel:
    """Municipalities across the rounds: who answered all, who came and who went.

    ``entered`` answered the last round but not the first; ``left`` the reverse.
    ``unidentified`` counts, per round, the responses without a recognised
    municipality, which cannot be followed from round to round.
    """

    municipalities: tuple[Municipality, ...]
    entered: tuple[Municipality, ...]
    left: tuple[Municipality, ...]
    unidentified: tuple[int, ...]

    @property
    def available(self) -> bool:
        return bool(self.municipalities or self.entered or self.left)


@dataclass(frozen=True)
class OnlyIn:
    round: int
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Comparison:
    rounds: tuple[RoundInfo, ...]
    panel: Panel
    questions: tuple[QuestionComparison, ...]
    only_in: tuple[OnlyIn, ...]
    issues: tuple[Issue, ...] = ()
    tested: bool = False  # --test: McNemar on every single-choice yes/no

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(r.label for r in self.rounds)
