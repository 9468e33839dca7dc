"""What headers say: question numbers, column groups, and whether a table is a survey.

A question asked about several things at once is exported as adjacent columns whose
headers share a stem: ``Q - Option``, ``Q [Option]`` or ``Q: Option``. Grouping them is
read from the headers alone; whether a group is one multi-select (ticks) or several
rows answered on one scale is for the typeset to say, from the values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from kl_survey.readers.infer.cells import Column, clean_label
from kl_survey.vocabulary import is_metadata, is_municipality_header, key

_SPLITTERS = (
    re.compile(r"^(?P<q>.+?)\s*\[(?P<o>[^\[\]]+)\]\s*$"),
    re.compile(r"^(?P<q>.+?)\s+-\s+(?P<o>.+)$"),
    re.compile(r"^(?P<q>.+?):\s+(?P<o>.+)$"),
)
_NUMBERED = re.compile(
    r"^(?:spørgsmål|spm\.?|sp\.|question|q)?\s*(?P<n>\d{1,3})\s*[.:)]\s+(?P<t>.+)$", re.I
)
#: A header wholly made of a LimeSurvey/ExpressionScript expression: a computed
#: equation column, never asked.
EXPRESSION = re.compile(r"^\{.*\}$", re.S)


def norm(text: object) -> str:
    """Header key for comparing against known names (see :func:`vocabulary.key`)."""
    return key(text) if isinstance(text, str) else ""


def row_texts(frame: pd.DataFrame, i: int) -> list[str]:
    """Row ``i`` of a raw grid as cleaned strings ("" for blanks or a missing row)."""
    if len(frame) <= i:
        return []
    return [clean_label(v) if pd.notna(v) else "" for v in frame.iloc[i].tolist()]


def split_number(text: str) -> tuple[int | None, str]:
    """``"2. Hvordan …?"`` → ``(2, "Hvordan …?")``; unnumbered text gives ``None``."""
    m = _NUMBERED.match(text)
    if m:
        return int(m.group("n")), m.group("t").strip()
    return None, text


class Numberer:
    """Question numbers 1..k in order; a "3. …" prefix wins when it is still free.

    Every tool numbers a survey the same way, so ids match across exports.
    """

    def __init__(self) -> None:
        self.used: set[int] = set()
        self.seq = 0

    def next(self, text: str) -> tuple[int, str]:
        self.seq += 1
        number, rest = split_number(clean_label(text))
        if number is None or number in self.used:
            number = self.seq
            while number in self.used:
                number += 1
        self.used.add(number)
        return number, rest


@dataclass(frozen=True)
class Group:
    """Adjacent columns sharing a question stem; a lone column has ``labels == ("",)``."""

    text: str
    members: tuple[Column, ...]
    labels: tuple[str, ...]

    @property
    def pairs(self) -> list[tuple[Column, str]]:
        return list(zip(self.members, self.labels, strict=True))


def group_columns(cols: Sequence[Column]) -> list[Group]:
    """Runs of two or more adjacent columns whose headers share a stem, in sheet order.

    Of the header styles, the one giving the longest run from a column wins.
    """
    groups: list[Group] = []
    i = 0
    while i < len(cols):
        best: tuple[str, list[str]] = ("", [])
        for rx in _SPLITTERS:
            run = _run(cols, i, rx)
            if len(run[1]) > len(best[1]):
                best = run
        if len(best[1]) >= 2:
            n = len(best[1])
            groups.append(Group(best[0], tuple(cols[i:i + n]), tuple(best[1])))
            i += n
        else:
            groups.append(Group(cols[i].name, (cols[i],), ("",)))
            i += 1
    return groups


def _run(cols: Sequence[Column], start: int, rx: re.Pattern[str]) -> tuple[str, list[str]]:
    m = rx.match(cols[start].header)
    if not m:
        return "", []
    q = m.group("q").strip()
    labels: list[str] = []
    for col in cols[start:]:
        mm = rx.match(col.header)
        if not mm or mm.group("q").strip() != q:
            break
        labels.append(mm.group("o").strip())
    return q, labels


# ---------------------------------------------------------------- is it a survey at all?

#: Share of a document's cells after the first that start with a space: prose puts one
#: after every comma, and no survey tool writes one after its delimiter.
PROSE_SPACES = 0.5
#: Share of rows that do not fit the header (one cell only, or more cells than the
#: header names) from which the lines are a document's, not an export's rows.
MISFIT_ROWS = 0.5
_SAMPLE_ROWS = 200
_QUESTION_LIKE = re.compile(r"[?:]\s*$")


def looks_like_prose(header: Sequence[str], body: pd.DataFrame) -> bool:
    """A text document read as CSV (README.md, a licence), not an export of answers.

    Only when no sign of a survey is found: no header cell reads as a question ("…?",
    "…:", "3. …") or as a column any tool writes (an id, a time stamp, the
    municipality), and no stem is shared by adjacent headers. Then the lines decide
    (the first 200): a document's cells after a comma start with a space, or its lines
    do not fit the header (one cell, or more cells than the header names).
    """
    named = [h for h in header if h]
    if any(_QUESTION_LIKE.search(h) or split_number(h)[0] is not None
           or is_metadata(h) or is_municipality_header(h) for h in named):
        return False
    if len(named) >= 2 and any(len(g.members) > 1 for g in group_columns(
            [Column.of(i, h, pd.Series([], dtype="str")) for i, h in enumerate(header)])):
        return False
    lines = body.head(_SAMPLE_ROWS)
    if lines.empty:
        return False
    later = [v for c in list(lines.columns)[1:] for v in lines[c].dropna().tolist()]
    if later and sum(str(v)[:1].isspace() for v in later) >= PROSE_SPACES * len(later):
        return True
    filled = lines.notna().sum(axis=1).to_numpy()
    return bool(((filled <= 1) | (filled > len(named))).mean() >= MISFIT_ROWS)
