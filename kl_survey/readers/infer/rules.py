"""The documented rules that tell answers apart, each a predicate over a :class:`Profile`.

The thresholds are the ones ydata-profiling uses to tell categories from text, plus a
Good–Turing estimate, which is what makes them hold on small surveys too:

* **Too many options.** More than :data:`MAX_OPTIONS` distinct answers is no list a
  respondent picks from (ydata-profiling's ``cardinality_threshold``).
* **Mostly different.** When the distinct answers are at least :data:`OPEN_RATIO` of
  the answers, respondents did not pick from a list (``percentage_cat_threshold``).
* **Unseen answers likely.** The share of answers given by one respondent only
  estimates (Good–Turing) the chance that the next respondent writes something nobody
  wrote before. A closed list leaves almost none; at :data:`OPEN_UNSEEN` the answers are
  free text. "Virginia" written by 21 of 86 does not make "state you were born in" a
  list when a third of the answers are one-offs.
* **Nothing repeated.** A list shows itself in answers given more than once; when no
  answer was given twice there is no sign of a list, however few the answers (one
  comment among 22 respondents is a comment).
* Otherwise, below :data:`MIN_DISTINCT` distinct answers there is too little evidence
  for the two share rules: the answers stay a list.

Label length never decides anything: a closed question with 290-character options is
still a closed question.
"""

from __future__ import annotations

import numpy as np

from kl_survey.readers.infer.profile import Profile, is_date, is_number

MAX_OPTIONS = 50
OPEN_RATIO = 0.5
OPEN_UNSEEN = 0.25
MIN_DISTINCT = 5
#: Share of answers that must read as numbers (Danish or English) for a numeric column;
#: the rest ("ca. 40") are kept and reported by ``validate``, not silently dropped.
NUMBER_SHARE = 0.9
#: The longest rating scale (0–10): whole numbers with no more points than this, picked
#: from a closed list, are a scale's codes, not quantities.
SCALE_POINTS = 11
#: Share of answers that must be dates or times for a date column.
DATE_SHARE = 0.9


def is_empty(p: Profile) -> bool:
    return p.answers == 0


def is_open(p: Profile) -> bool:
    """Answers written freely rather than picked from a list (see the module text)."""
    if p.distinct > MAX_OPTIONS or (p.answers and p.singletons == p.answers):
        return True
    if p.distinct < MIN_DISTINCT:
        return False
    answers = p.answers
    return p.distinct >= OPEN_RATIO * answers or p.singletons >= OPEN_UNSEEN * answers


def is_numbers(p: Profile) -> bool:
    return p.at_least(NUMBER_SHARE, is_number)


def is_scale(p: Profile) -> bool:
    """Whole numbers from a short closed list: a rating scale's codes (1–5, 0–10).

    A scale's codes lie within :data:`SCALE_POINTS` consecutive whole numbers; counts
    that reach past them (0 to 11 treatments started) are quantities, however few."""
    if not is_numbers(p) or not p.integers or is_open(p):
        return False
    codes = np.unique(p.numbers[~np.isnan(p.numbers)])
    return len(codes) <= SCALE_POINTS and (not len(codes)
                                           or codes[-1] - codes[0] + 1 <= SCALE_POINTS)


def is_dates(p: Profile) -> bool:
    """Dates and times: answers to a date question, never a list of options."""
    return p.at_least(DATE_SHARE, is_date)


def shared_share(own: Profile, total: dict[str, int]) -> float:
    """Share of ``own``'s answers whose value other columns also hold, ``total`` being
    the answers pooled over ``own`` and those columns (the rows of one array)."""
    mask = np.fromiter((total.get(v, 0) > n for v, n in zip(own.values, own.counts.tolist(),
                                                            strict=True)),
                       dtype=bool, count=own.distinct)
    return own.share(mask)
