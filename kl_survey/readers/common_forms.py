"""What the form-tool readers (Forms, Google, LimeSurvey, Qualtrics, SurveyMonkey) share.

These tools differ in their headers but agree on the hard parts: a multi-select
answer is often *one* cell holding every ticked option joined by ``;`` or ``,``, the
option list itself is not in the export, and "Other" free text replaces the option.
Inferring options from the cells, once, here keeps the readers to their layouts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from heapq import heappop, heappush
from pathlib import Path

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.errors import InputError
from kl_survey.model import QType, Question
from kl_survey.readers.build import SurveyBuilder, clean_label, clean_series
from kl_survey.readers.generic import META_HEADERS, _classify, split_number
from kl_survey.readers.source import RawTable

#: A multi-select needs this many answers before a one-off trailing answer is read as
#: "Other" free text rather than an option nobody else ticked.
MIN_FOR_OTHER = 20
OTHER_LABEL = "Andet"
_OTHER_WORDS = ("andet", "anden", "andre", "other")
# A piece after a separator that starts with a space or a lower-case letter continues
# the previous label ("Ja, til PPR"); a new option starts with a capital.
_CONTINUES = re.compile(r"^(?:\s|[a-zæøåäöüé(])")


def norm(text: object) -> str:
    """Header key: whitespace-folded and case-folded, for comparing against known names."""
    return clean_label(text).casefold() if text is not None else ""


def head_text(path: Path, size: int = 16_384) -> str:
    """The start of a text file, for cheap detection of quoting (never raises on bytes)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(size)
    except OSError:
        return ""
    return raw.decode("utf-8", errors="replace").lstrip("\ufeff")


def row_texts(frame: pd.DataFrame, i: int) -> list[str]:
    """Row ``i`` of a raw grid as cleaned strings ("" for blanks or a missing row)."""
    if len(frame) <= i:
        return []
    return [clean_label(v) if pd.notna(v) else "" for v in frame.iloc[i].tolist()]


def is_meta(header: str, extra: Iterable[str] = ()) -> bool:
    """Whether a header names a bookkeeping column (ids, times, e-mail) rather than a question."""
    key = norm(header)
    return key in META_HEADERS or key in {norm(e) for e in extra}


def municipality_column(columns: dict[str, pd.Series]) -> str | None:
    """The column naming the respondent's municipality, by content (see ``municipalities``)."""
    return mun.detect_column({k: v.dropna().tolist() for k, v in columns.items()})


class Numberer:
    """Question numbers 1..k in order; a "3. …" prefix wins when it is still free.

    Same rule as the generic reader, so every tool numbers a survey the same way.
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

    def question(self, text: str, columns: Sequence[str]) -> Question:
        number, rest = self.next(text)
        return Question(id=f"q{number}", number=number, text=rest, type=QType.SINGLE,
                        columns=tuple(columns))


def add_by_values(b: SurveyBuilder, q: Question, values: pd.Series) -> None:
    """One-cell answers: single choice, number or free text, judged from the values."""
    vals = clean_series(values)
    kind = _classify(vals)
    {QType.SINGLE: b.add_single, QType.NUMERIC: b.add_numeric,
     QType.TEXT: b.add_text}[kind](q, vals)


# ---------------------------------------------------------------- joined multi-select


@dataclass(frozen=True)
class Cells:
    """A column of joined answers, worked on per *distinct* cell.

    ``units[k]`` are the labels in distinct cell ``k`` (in cell order), ``freq[k]`` how
    many respondents gave it, and ``codes`` maps each respondent to ``k`` (-1 = blank),
    so a 500 000-row column costs what its few hundred distinct answers cost.
    """

    codes: np.ndarray
    units: list[list[str]]
    freq: list[int]

    @property
    def answered(self) -> int:
        return sum(f for u, f in zip(self.units, self.freq, strict=True) if u)

    def counts(self, units: list[list[str]] | None = None) -> Counter[str]:
        """Respondents giving each label."""
        out: Counter[str] = Counter()
        for u, f in zip(units if units is not None else self.units, self.freq, strict=True):
            for label in set(u):
                out[label] += f
        return out


def _units(cell: str, sep: str, glue: bool) -> list[str]:
    """Split one cell on ``sep``; with ``glue`` a piece that continues a label is re-joined."""
    out: list[str] = []
    for piece in cell.split(sep):
        if not piece.strip():
            continue  # MS Forms ends every cell with ";"
        if glue and out and _CONTINUES.match(piece):
            out[-1] = out[-1] + sep + piece
        else:
            out.append(piece)
    return [clean_label(u) for u in out]


def _as_single(cells: Cells, texts: list[str]) -> Cells | None:
    """The same column read as single choice whose labels hold ", " plus a capital.

    "Ja, KL's anbefaling" splits into two pieces like a two-option tick would. It is one
    label when every such answer was given at least twice and each has a piece found in
    no other answer — a real second option would turn up elsewhere too. Only a column
    that becomes wholly single-choice is re-read: in a multi-select a rare option ticked
    twice with the same companion would otherwise look like one label.
    """
    joined = [k for k, u in enumerate(cells.units) if len(u) > 1]
    if not joined or any(cells.freq[k] < 2 for k in joined):
        return None
    holders = Counter(u for c in cells.units for u in set(c))
    if not all(any(holders[u] == 1 for u in cells.units[k]) for k in joined):
        return None
    units = [[texts[k]] if len(u) > 1 else u for k, u in enumerate(cells.units)]
    return Cells(cells.codes, units, cells.freq)


def split_cells(values: pd.Series, sep: str, *, glue: bool = True) -> Cells:
    """Each distinct cell as the list of labels it holds ([] for a blank cell)."""
    codes, uniques = pd.factorize(clean_series(values))
    texts = [str(v) for v in uniques]
    freq = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
    cells = Cells(codes, [_units(t, sep, glue) for t in texts], freq)
    return (_as_single(cells, texts) if glue else None) or cells


def is_joined(cells: Cells) -> bool:
    """Several labels in one cell somewhere: the question is a multi-select."""
    return any(len(c) > 1 for c in cells.units)


def plausible_multi(cells: Cells) -> bool:
    """Joined cells that are ticks, not free text with commas: labels repeat and are few."""
    if not is_joined(cells):
        return False
    repeated = sum(1 for n in cells.counts().values() if n >= 2)
    return 1 <= repeated <= max(12, cells.answered // 3)


def form_order(units: list[list[str]]) -> list[str]:
    """The questionnaire's option order, recovered from the order options appear in cells.

    Forms list ticked options in questionnaire order, so "a before b" in any cell is an
    edge; a topological sort (ties by first appearance) gives the order back.
    """
    first: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for c in units:
        for u in c:
            first.setdefault(u, len(first))
            after.setdefault(u, set())
        for i, u in enumerate(c):
            after[u].update(v for v in c[i + 1:] if v != u)
    indeg = Counter(v for vs in after.values() for v in vs)
    heap: list[tuple[int, str]] = []
    for u in first:
        if not indeg[u]:
            heappush(heap, (first[u], u))
    out: list[str] = []
    while heap:
        _, u = heappop(heap)
        out.append(u)
        for v in after[u]:
            indeg[v] -= 1
            if not indeg[v]:
                heappush(heap, (first[v], v))
    done = set(out)
    return out + sorted((u for u in first if u not in done), key=first.__getitem__)  # cycles


def _other_label(options: list[str]) -> str:
    for o in options:
        if o.casefold().startswith(_OTHER_WORDS):
            return o
    return OTHER_LABEL


def joined_multi(cells: Cells, sep: str, *,
                 other_in_cell: bool = True) -> tuple[pd.DataFrame, pd.Series]:
    """Ticks per option plus the "Other" free text, from split cells.

    The tool writes the free text in place of the "Other" option, and "Other" is always
    last on the form, so a trailing answer nobody else gave is free text; it is counted
    under the form's own "Andet …" option if there is one, else under "Andet".
    """
    counts = cells.counts()
    find_other = other_in_cell and cells.answered >= MIN_FOR_OTHER
    kept: list[list[str]] = []
    other: list[str | None] = []
    for c in cells.units:
        j = len(c)
        while find_other and j > 0 and counts[c[j - 1]] == 1:
            j -= 1
        kept.append(c[:j])
        other.append(clean_label(sep.join(c[j:])) if j < len(c) else None)
    options = form_order(kept)
    label = _other_label(options) if any(o is not None for o in other) else None
    if label is not None and label not in options:
        options.append(label)
    sets = [set(c) | ({label} if label is not None and o is not None else set())
            for c, o in zip(kept, other, strict=True)]
    ticks = np.array([[o in s for o in options] for s in sets], dtype=bool)
    ticks = np.vstack([ticks.reshape(len(sets), len(options)),
                       np.zeros((1, len(options)), dtype=bool)])  # row -1: blank cell
    rows = ticks[cells.codes]
    frame = pd.DataFrame({o: rows[:, i] for i, o in enumerate(options)},
                         index=pd.RangeIndex(len(cells.codes)))
    texts = pd.Series([*other, None], dtype="str")
    return frame, texts.iloc[cells.codes].reset_index(drop=True)


def body_of(table: RawTable, header_rows: int) -> tuple[pd.DataFrame, list[int]]:
    """The answer rows below ``header_rows`` header rows, with their source row numbers."""
    if len(table.frame) <= header_rows:
        raise InputError("Filen indeholder kun overskrifter og ingen besvarelser",
                         file=table.file, sheet=table.sheet,
                         hint="Tjek at du har eksporteret besvarelserne, ikke kun skemaet")
    body = table.frame.iloc[header_rows:].reset_index(drop=True)
    return body, list(table.rows[header_rows:])
