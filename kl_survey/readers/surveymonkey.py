"""SurveyMonkey: "All individual responses" as xlsx or CSV, with two header rows.

Row 1 holds the question text over its first column and is blank over the columns
that continue the same question; row 2 says what each column is: ``Response``
(one answer), ``Open-Ended Response`` (free text), or an option label, in which case
the cell holds that label when the option was ticked. "Other (please specify)" holds
the text written. A question whose row-2 labels hold varying answers is a matrix: one
single choice per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import SurveyBuilder, clean_series, tick_frame
from kl_survey.readers.common_forms import (
    Numberer,
    add_by_values,
    body_of,
    is_meta,
    municipality_column,
    norm,
    row_texts,
)
from kl_survey.readers.generic import _is_tick_column

NAME = "surveymonkey"
_META = (
    "respondent id", "collector id", "start date", "end date", "ip address",
    "email address", "first name", "last name", "custom data 1", "custom data",
    "respondent-id", "indsamler-id", "startdato", "slutdato", "ip-adresse",
    "e-mailadresse", "fornavn", "efternavn", "brugerdefinerede data 1",
    "tilpassede data 1",
)
_MARKERS = (frozenset({"respondent id", "respondent-id"}),
            frozenset({"collector id", "indsamler-id"}))
_RESPONSE = frozenset({"response", "svar", "open-ended response", "åbent svar", "åben besvarelse"})
_OPEN = frozenset({"open-ended response", "åbent svar", "åben besvarelse"})
_OTHER = ("other (please specify)", "andet (angiv venligst)", "andet (uddyb venligst)")


@dataclass(frozen=True)
class _Col:
    index: int
    label: str  # row 2


def _detect(probe: Probe) -> float:
    """Sure with Respondent ID and Collector ID in row 1 and answer kinds in row 2."""
    if probe.kind == "dir":
        return 0.0
    header = {norm(h) for h in probe.header}
    if not all(header & m for m in _MARKERS):
        return 0.0
    second = {norm(h) for h in row_texts(probe.table().frame, 1)}
    return 0.95 if second & _RESPONSE else 0.7


def _groups(row1: list[str], row2: list[str]) -> list[tuple[str, list[_Col]]]:
    """Questions as (text, columns): a blank row-1 cell continues the question before it."""
    out: list[tuple[str, list[_Col]]] = []
    for i, label in enumerate(row2 + [""] * (len(row1) - len(row2))):
        text = row1[i] if i < len(row1) else ""
        if text:
            out.append((text, [_Col(i, label)]))
        elif out and label:
            out[-1][1].append(_Col(i, label))
    return [(t, cols) for t, cols in out if not is_meta(t, _META)]


def _is_other(label: str) -> bool:
    return norm(label).startswith(_OTHER)


def _add(b: SurveyBuilder, numbers: Numberer, text: str, cols: list[_Col],
         body: pd.DataFrame) -> None:
    headers = tuple(f"{text} / {c.label}" if c.label else text for c in cols)
    answers = [c for c in cols if norm(c.label) in _RESPONSE or not c.label]
    others = [c for c in cols if _is_other(c.label)]
    if len(cols) == 1 or answers:  # one answer, maybe with "Other (please specify)"
        q = numbers.question(text, headers)
        main = (answers or cols)[0]
        if norm(main.label) in _OPEN and not _numeric(body[main.index]):
            b.add_text(q, body[main.index])
        else:
            add_by_values(b, q, body[main.index])
        for o in others:
            b.add_other(q.id, body[o.index])
        return
    if all(_is_tick_column(body[c.index], c.label) for c in cols):
        q = numbers.question(text, headers)
        chosen, other = tick_frame([(body[c.index], c.label) for c in cols])
        b.add_multi(q, chosen, other)
        return
    for c in cols:  # a matrix: each row is a question of its own
        b.add_single(numbers.question(f"{text} - {c.label}", (c.label,)), body[c.index])


def _numeric(values: pd.Series) -> bool:
    vals = clean_series(values).dropna()
    return not vals.empty and bool(pd.to_numeric(vals.str.replace(",", ".", regex=False),
                                                 errors="coerce").notna().all())


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    row1, row2 = row_texts(table.frame, 0), row_texts(table.frame, 1)
    body, rows = body_of(table, 2)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    keys = [norm(h) for h in row1]
    for k in ("respondent id", "respondent-id"):
        if k in keys:
            b.respondent_id = body[keys.index(k)]
            break
    muni = municipality_column({str(i): body[i] for i, h in enumerate(row1) if h})
    if muni is not None:
        b.municipality_raw = body[int(muni)]
    numbers = Numberer()
    for text, cols in _groups(row1, row2):
        if str(cols[0].index) != muni:
            _add(b, numbers, text, cols, body)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="SurveyMonkey (xlsx eller CSV med to overskriftsrækker)",
                detect=_detect, read=_read)
