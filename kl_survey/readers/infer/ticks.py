"""Tick columns: one column per option, a cell saying whether it was chosen.

Every tool spells "chosen" differently (``X``, ``1``, ``Valgt``, ``Yes``, the option's
own label) and "not chosen" too (blank, ``0``, ``Nej``, LimeSurvey's ``N/A``); the
words live in :mod:`kl_survey.vocabulary`. A cell with other text under an
"Andet"-style option is chosen, and its text is the respondent's "Other" answer.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from kl_survey.readers.infer.cells import Column, arrow_strings
from kl_survey.vocabulary import NOT_TICKED, TICKED, is_other, key


def _verdicts(column: Column, option: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct value: (not ticked, ticked); the extra last entry is a blank cell.

    Only values short enough to be a tick word (or the option's label) are looked up:
    values are cleaned already and case-folding never shortens a text, so the free text
    under "Andet" (most of a big column's distinct values) is neither, unread."""
    own = key(option) if option else None
    uniques = column.uniques
    no = np.zeros(len(uniques) + 1, dtype=bool)
    yes = np.zeros(len(uniques) + 1, dtype=bool)
    no[-1] = True
    if len(uniques):
        lengths = np.asarray(uniques.str.len(), dtype=np.int64)
        short = np.flatnonzero(lengths <= max(_LONGEST, len(own or "")))
        for i, value in zip(short.tolist(), uniques[short].tolist(), strict=True):
            low = key(value)
            no[i] = low in NOT_TICKED
            yes[i] = low in TICKED or low == own
    return no, yes


_LONGEST = max(len(word) for word in TICKED | NOT_TICKED)


def is_tick_column(column: Column, option: str) -> bool:
    """Values are ticks, or free text under an "Andet"-style option — not, say, a grid
    row answered on a scale."""
    if is_other(option):
        return True
    no, yes = _verdicts(column, option)
    return bool((no | yes).all())


def tick_values(column: Column, option: str | None = None) -> tuple[pd.Series, pd.Series]:
    """One tick column read: ``(chosen: bool Series, other_text: str Series)``.

    A cell is chosen when it holds a tick word or the option's own text; other non-blank
    text that is no "not ticked" word counts as chosen too and is kept as the free text
    written under that option ("Andet, angiv: ...").
    """
    chosen, other = _ticks(column, option)
    return chosen, (other if other is not None else _nulls(column)).set_axis(chosen.index)


def _ticks(column: Column, option: str | None) -> tuple[pd.Series, pd.Series | None]:
    """:func:`tick_values`, with None for the text of a column that holds none (plain
    ticks: no 500 000-row column of blanks is made for it)."""
    no, yes = _verdicts(column, option)
    codes = column.codes
    chosen = ~no[codes]
    written = chosen & ~yes[codes]
    index = pd.RangeIndex(len(column))
    other = _kept(column.values, written) if written.any() else None
    return pd.Series(chosen, index=index, name=column.name), other


def _kept(values: pd.Series, where: np.ndarray) -> pd.Series:
    """``values.where(where)`` in one Arrow pass (pandas' own took 10 ms for a
    100 000-row column of strings)."""
    arr = arrow_strings(values)
    if arr is None:
        return values.where(where).reset_index(drop=True)
    import pyarrow as pa
    import pyarrow.compute as pc

    kept = pc.if_else(pa.array(where), arr, pa.scalar(None, arr.type))
    return pd.Series(kept, dtype=values.dtype, name=values.name)


def _nulls(column: Column) -> pd.Series:
    arr = arrow_strings(column.raw)
    if arr is None:
        return pd.Series([None] * len(column), dtype="str", name=column.name)
    import pyarrow as pa

    return pd.Series(pa.nulls(len(column), arr.type), dtype=column.raw.dtype, name=column.name)


def _first_of(texts: list[pd.Series]) -> pd.Series:
    """Per row, the first of ``texts`` that holds a value (``fillna`` in turn, in Arrow:
    a respondent writes the "Andet" text under one option)."""
    arrays = [arrow_strings(t) for t in texts]
    if len(texts) == 1 or any(a is None for a in arrays):
        first = texts[0]
        for text in texts[1:]:
            first = first.fillna(text)
        return first
    import pyarrow.compute as pc

    return pd.Series(pc.coalesce(*arrays), dtype=texts[0].dtype, name=texts[0].name)


def tick_frame(members: Sequence[tuple[Column, str]]) -> tuple[pd.DataFrame, pd.Series]:
    """One multi-select question from its per-option columns: ``(chosen, other_text)``.

    ``members`` pairs each option's column with the option label; free text written
    in any option's cell (the "Andet, angiv" column) becomes the respondent's other text.
    It keeps the first option's name: its cells' if it holds text, else its header.
    """
    assert members, "a multi-select question has at least one option column"
    chosen: dict[str, pd.Series] = {}
    texts: list[pd.Series] = []
    name: Hashable = None
    for i, (column, option) in enumerate(members):
        chosen[option], text = _ticks(column, option)
        if text is not None:
            texts.append(text)
        if i == 0:
            name = text.name if text is not None else column.name
    frame = pd.DataFrame(chosen)
    other = (_first_of(texts) if texts else _nulls(members[0][0])).set_axis(frame.index)
    other.name = name
    return frame, other
