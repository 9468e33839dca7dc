"""SurveyMonkey: "All individual responses" as xlsx or CSV, with two header rows.

Row 1 holds the question text over its first column and is blank over the columns
that continue the same question; row 2 says what each column is: ``Response`` (one
answer: a choice, a number, or check-all-that-apply joined by ``;``),
``Open-Ended Response`` (typed in), or an option label, in which case the cell holds
that label when the option was ticked. "Other (please specify)" holds the text
written. A question whose row-2 labels hold varying answers is a matrix: one
question per row. The bookkeeping columns (``Collector ID`` … ``Custom Data``) may be
blank or removed; ``Respondent ID`` and the row-2 words are what identify the export.
"""

from __future__ import annotations

import pandas as pd

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder, body_of
from kl_survey.readers.infer import (
    ANY,
    TYPED,
    Column,
    Group,
    columns_of,
    norm,
    row_texts,
)
from kl_survey.vocabulary import SURVEYMONKEY_METADATA, is_metadata

NAME = "surveymonkey"
SEPARATORS = (";",)
_RESPONDENT = frozenset({"respondent id", "respondent-id", "befragten-id"})
_COLLECTOR = frozenset({"collector id", "indsamler-id", "collector-id"})
_RESPONSE = frozenset({"response", "svar", "antwort"})
_OPEN = frozenset({"open-ended response", "åbent svar", "åben besvarelse", "offene antwort"})
_OTHER = ("other (please specify)", "andet (angiv venligst)", "andet (uddyb venligst)",
          "sonstiges (bitte angeben)")


def _detect(probe: Probe) -> float:
    """Sure with Respondent ID in row 1 and the answer kinds in row 2; likely with
    Respondent ID and Collector ID in row 1 alone."""
    if probe.kind == "dir":
        return 0.0
    header = {norm(h) for h in probe.header}
    if not header & _RESPONDENT:
        return 0.0
    second = {norm(h) for h in row_texts(probe.table().frame, 1)}
    if second & (_RESPONSE | _OPEN):
        return 0.95
    return 0.7 if header & _COLLECTOR else 0.0


def _questions(b: SurveyBuilder, row2: list[str], cols: list[Column]
               ) -> list[tuple[str, list[tuple[Column, str]]]]:
    """Questions as (text, [(column, row-2 label)]): a blank row-1 cell continues the
    question before it; a column blank in both rows but holding answers is a question
    named by its letter."""
    out: list[tuple[str, list[tuple[Column, str]]]] = []
    for column in cols:
        label = row2[column.index] if column.index < len(row2) else ""
        if column.header:
            out.append((column.header, [(column, label)]))
        elif label and out:
            out[-1][1].append((column, label))
        elif not label and len(column.uniques):
            b.empty_header(column)
            out.append((column.name, [(column, "")]))
    return [(t, members) for t, members in out if not is_metadata(t, SURVEYMONKEY_METADATA)]


def _is_other(label: str) -> bool:
    return norm(label).startswith(_OTHER)


def _other(members: list[tuple[Column, str]]) -> pd.Series | None:
    texts = [c.values for c, label in members if _is_other(label)]
    if not texts:
        return None
    out = texts[0]
    for t in texts[1:]:
        out = out.fillna(t)
    return out


def _add(b: SurveyBuilder, text: str, members: list[tuple[Column, str]]) -> None:
    headers = tuple(f"{text} / {label}" if label else text for _, label in members)
    answers = [(c, label) for c, label in members
               if norm(label) in _RESPONSE | _OPEN or not label]
    if len(members) == 1 or answers:  # one answer, maybe with "Other (please specify)"
        column, label = (answers or members)[0]
        allowed = TYPED if norm(label) in _OPEN else ANY
        b.add(b.question(text, headers), column, allowed, SEPARATORS, other=_other(members))
        return
    labels = tuple(label for _, label in members)
    group = Group(text, tuple(c for c, _ in members), labels)
    b.add_group(group, row_text=lambda c, label: f"{text} - {label}")


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    row1, row2 = row_texts(table.frame, 0), row_texts(table.frame, 1)
    body, rows = body_of(table, 2)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    cols = columns_of(row1, body)
    b.respondent_id = next((c for c in cols if norm(c.header) in _RESPONDENT), None)
    muni = b.find_municipality([c for c in cols if c.header])
    for text, members in _questions(b, row2, [c for c in cols if c is not muni]):
        _add(b, text, members)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="SurveyMonkey (xlsx eller CSV med to overskriftsrækker)",
                detect=_detect, read=_read)
