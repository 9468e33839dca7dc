"""The canonical survey model every reader produces and every later stage consumes.

Readers know about SurveyXact codes, Forms' ``;``-joined cells and Qualtrics' header
rows; nothing after them does. Answers are stored column-wise (one pandas object per
question) because national surveys have hundreds of thousands of respondents and the
analysis is one vectorised pass per question.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from typing import Literal

import pandas as pd

from kl_survey.issues import Issue
from kl_survey.vocabulary import YES_HEADS, is_dont_know

__all__ = ["BaseRule", "Chart", "Dedupe", "Derived", "Filter", "Meta", "Population", "QType",
           "Question", "SourceInfo", "Survey", "Totals", "is_dont_know", "yes_options"]


class QType(str, Enum):
    SINGLE = "single"
    MULTI = "multi"
    NUMERIC = "numeric"
    TEXT = "text"
    #: rows sharing one set of options, one answer per row (a Likert battery)
    GRID = "grid"
    #: rows x columns of numbers (measures x months); see :mod:`kl_survey.grid`
    NUMERIC_GRID = "numeric_grid"


class Chart(StrEnum):
    """How a question is drawn; a renderer chooses when a question has none."""

    BARS = "bars"
    STACKED = "stacked"
    MAP = "map"  # a map of the municipalities in the bars' place (report/maps.py)


class Dedupe(StrEnum):
    """Which answer to keep when a municipality answered more than once."""

    FIRST = "first"
    LAST = "last"
    MOST_COMPLETE = "most-complete"


BaseKind = Literal["answered", "respondents", "exclude"]
#: Which respondents a numeric grid's totals sum over: those who answered every cell
#: ("complete"), or every answer given ("all"); the spec says, the table states which.
Totals = Literal["complete", "all"]


@dataclass(frozen=True)
class Filter:
    """Restrict a question's base to respondents who gave one of ``options`` to ``question``."""

    question: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class BaseRule:
    """Who a share is out of.

    ``answered`` (default) is those who answered the question (for multi-select: ticked
    at least one option); ``respondents`` is everybody; ``exclude`` is ``answered`` less
    those whose answer is one of ``exclude`` (e.g. "Ved ikke").
    """

    kind: BaseKind = "answered"
    exclude: tuple[str, ...] = ()
    filter: Filter | None = None


@dataclass(frozen=True)
class Derived:
    """A rate the spec derives from a numeric grid: ``numerator / denominator``, each a
    reference ``"q1:Row"`` (the row's total) or ``"q1:Row:Column"`` (one cell's sum)."""

    name: str
    numerator: str
    denominator: str


@dataclass(frozen=True)
class Question:
    id: str
    number: int
    text: str
    type: QType
    options: tuple[str, ...] = ()
    #: options counted as "yes"; ``None`` means "infer: labels starting with Ja/Yes".
    yes: tuple[str, ...] | None = None
    base: BaseRule = field(default_factory=BaseRule)
    #: "Ved ikke"-style options, kept in the base unless the base rule excludes them.
    dont_know: tuple[str, ...] = ()
    title: str | None = None  # short chart title
    chart: Chart | None = None  # None: let the renderer choose
    note: str | None = None
    #: source columns the answers came from, for messages and spec checks.
    columns: tuple[str, ...] = ()
    hidden: bool = False
    #: grids: the row labels in order; numeric grids also their column labels (none for
    #: a grid of one value per row). The answers' columns follow them (kl_survey.grid).
    rows: tuple[str, ...] = ()
    grid_columns: tuple[str, ...] = ()
    totals: Totals = "complete"
    derived: tuple[Derived, ...] = ()


@dataclass(frozen=True)
class Population:
    """Who was asked: ``size`` units ("kommuner"); ``codes`` names them when the spec
    lists them (``None``: all 98 municipalities)."""

    unit: str
    size: int
    codes: frozenset[int] | None = None


@dataclass(frozen=True)
class SourceInfo:
    file: str
    format: str  # "generic" | "surveyxact" | "msforms" | "googleforms" | ...
    sha256: str
    sheet: str | None = None


@dataclass(frozen=True)
class Meta:
    """What a report prints about the round; set from the spec file, else inferred."""

    title: str | None = None
    round: str | None = None  # e.g. "Maj 2025"
    date: str | None = None  # ISO date of the round
    credit: str | None = None  # the chart source line, e.g. "Kilde: KL's rundspørge, maj 2025"
    unit: str = "kommuner"
    colophon: bool = False  # spec [report] colophon: print file names and version
    maps: tuple[str, ...] = ()  # spec [report] maps: questions that also get a map
    cpr_redacted: bool = False  # CPR numbers replaced in free text (the default; not --keep-cpr)


@dataclass(frozen=True)
class Survey:
    """One survey round after reading.

    ``respondents`` has one row per respondent, index 0..n-1, columns:
    ``row`` (source row number, for messages), ``municipality`` (Int64 code or NA),
    ``municipality_raw`` (the text as written), ``complete`` (bool).
    ``municipality_column`` names the column the municipality was read from.

    ``answers[qid]`` is, by question type:
    * single: a pandas Categorical Series with the question's options as categories
      (NA = not answered);
    * multi: a bool DataFrame, one column per option, in option order;
    * numeric: a float Series (NA = not answered or unparseable);
    * text: a str Series (NA = blank);
    * grid: a DataFrame, one Categorical column per row (the question's ``rows``), all
      with the question's options as categories;
    * numeric_grid: a Float64 DataFrame whose columns are ``(row, column)`` pairs, row by
      row (see :mod:`kl_survey.grid`).
    ``other_text[qid]`` holds free text given under an "Andet"-style option.
    """

    source: SourceInfo
    questions: tuple[Question, ...]
    respondents: pd.DataFrame
    answers: dict[str, pd.Series | pd.DataFrame]
    other_text: dict[str, pd.Series] = field(default_factory=dict)
    population: Population | None = None
    municipality_column: str | None = None
    notes: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)
    #: numeric questions: the text of answers that could not be read as a number (NA
    #: elsewhere), so ``validate`` can show what was written; absent when all parsed.
    #: (numeric grids: a DataFrame laid out like their answers)
    unparsed: dict[str, pd.Series | pd.DataFrame] = field(default_factory=dict)
    #: non-fatal problems found while reading (a repaired encoding, a ragged CSV row),
    #: passed on to ``analyze`` (stderr warnings) and ``validate`` (its table).
    issues: tuple[Issue, ...] = ()

    @property
    def n(self) -> int:
        return len(self.respondents)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    def with_questions(self, questions: tuple[Question, ...]) -> Survey:
        return replace(self, questions=questions)


def yes_options(q: Question) -> tuple[str, ...]:
    """The options whose answers make up the headline "yes" share.

    Default: labels beginning with the word Ja or Yes ("Ja, helt i drift"), which is how
    KL's questionnaires phrase affirmative options; a spec can say otherwise.
    """
    if q.yes is not None:
        return q.yes
    out = []
    for opt in q.options:
        head = opt.strip().lower()
        for word in YES_HEADS:
            if head == word or (head.startswith(word) and not head[len(word)].isalnum()):
                out.append(opt)
                break
    return tuple(out)
