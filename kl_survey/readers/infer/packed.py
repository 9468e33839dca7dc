"""Several options packed into one cell: finding the labels, and telling lists from prose.

Forms, Google, Qualtrics and SurveyMonkey write a multi-select answer as one cell with
the ticked options joined (``Aula;Hjemmeside;``, ``Ja, til PPR, Aula``, ``yellow,black``),
and the option list itself is not in the export. A separator makes a list when

* cells hold several pieces, or end with the separator (Forms: ``Aula;``), and
* the pieces are a closed vocabulary (:func:`rules.is_open` on the pieces is false):
  the options the other cells use, not one-off phrases. "Virginia, USA" and
  "CA, USA" share "USA", yet a third of the pieces of a birthplace column are one-offs.

Labels may hold the separator themselves ("Ja, til PPR"): a piece continues the label
before it when it reads as a continuation and no respondent gave it on its own.
Everything is worked out per distinct cell, so 500 000 rows cost what a few hundred
distinct answers cost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from heapq import heappop, heappush

import numpy as np
import pandas as pd

from kl_survey.readers.infer import rules
from kl_survey.readers.infer.cells import Column, any_contains, clean_label
from kl_survey.readers.infer.profile import Profile
from kl_survey.vocabulary import OTHER_LABEL, is_other

#: A multi-select needs this many answers before a one-off trailing answer is read as
#: "Other" free text rather than an option nobody else ticked.
MIN_FOR_OTHER = 20
#: Share of answers ending with the separator that marks a list even of one item.
TERMINATED_SHARE = 0.5
# After ", " a lower-case word or a bracket continues the label ("Ja, til PPR"); after a
# bare "," a space does (Qualtrics joins with "," and labels hold ", ").
_CONTINUES = {", ": re.compile(r"^[a-zæøåäöüé(]"), ",": re.compile(r"^\s")}


@dataclass(frozen=True)
class Cells:
    """A column of joined answers, worked on per *distinct* cell.

    ``units[k]`` are the labels in distinct cell ``k`` (in cell order), ``freq[k]`` how
    many respondents gave it, and ``codes`` maps each respondent to ``k`` (-1 = blank).
    """

    codes: np.ndarray
    units: list[list[str]]
    freq: list[int]
    sep: str

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

    def profile(self) -> Profile:
        return Profile.from_counts(dict(self.counts()))

    def joined(self) -> bool:
        """Several labels in one cell somewhere."""
        return any(len(u) > 1 for u in self.units)


def _pieces(cell: str, sep: str) -> list[str]:
    return [p for p in cell.split(sep) if p.strip()]  # Forms ends every cell with ";"


def _units(pieces: list[str], sep: str, alone: set[str]) -> list[str]:
    """Pieces re-joined where one continues the label before it (see the module text)."""
    continues = _CONTINUES.get(sep)
    out: list[str] = []
    for piece in pieces:
        if (continues is not None and out and continues.match(piece)
                and clean_label(piece) not in alone):
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
    return Cells(cells.codes, units, cells.freq, cells.sep)


def split_cells(column: Column, sep: str) -> Cells:
    """Each distinct cell as the list of labels it holds ([] for a blank cell)."""
    texts = column.distinct()
    freq = column.counts.tolist()
    split = [_pieces(t, sep) for t in texts]
    alone = {clean_label(p[0]) for p in split if len(p) == 1}  # answers given on their own
    cells = Cells(column.codes, [_units(p, sep, alone) for p in split], freq, sep)
    if sep in _CONTINUES:
        return _as_single(cells, texts) or cells
    return cells


def _terminated(column: Column, sep: str) -> bool:
    ends = np.fromiter((t.endswith(sep.strip()) for t in column.distinct()), dtype=bool,
                       count=len(column.uniques))
    return Profile.of(column).share(ends) >= TERMINATED_SHARE


def is_list(cells: Cells, terminated: bool = False) -> bool:
    """Joined (or separator-terminated) cells whose pieces are a closed vocabulary."""
    if not (cells.joined() or terminated):
        return False
    return not rules.is_open(cells.profile())


def find_list(column: Column, seps: tuple[str, ...]) -> Cells | None:
    """The first separator in ``seps`` that makes the column a list of options, split."""
    uniques = column.uniques
    for sep in seps:
        if not len(uniques) or not any_contains(uniques, sep.strip()):
            continue
        cells = split_cells(column, sep)
        if is_list(cells, _terminated(column, sep)):
            return cells
    return None


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
    return next((o for o in options if is_other(o)), OTHER_LABEL)


def joined_multi(cells: Cells, *, other_in_cell: bool = True) -> tuple[pd.DataFrame, pd.Series]:
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
        other.append(clean_label(cells.sep.join(c[j:])) if j < len(c) else None)
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
