"""Microsoft Forms: the Excel download ("Åbn i Excel"), sheet ``Form1``.

Forms writes fixed bookkeeping columns first (ID, times, e-mail, name), localised to
the form owner's language, then one column per question headed by its text. A
multi-select cell holds every ticked option ``;``-joined with a trailing ``;``, and
the "Other" free text stands where the option would, so options come from the cells.
"""

from __future__ import annotations

import re

import pandas as pd

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import SurveyBuilder, clean_series
from kl_survey.readers.common_forms import (
    Numberer,
    add_by_values,
    body_of,
    is_meta,
    joined_multi,
    municipality_column,
    norm,
    row_texts,
    split_cells,
)

NAME = "msforms"
SHEET = "form1"
_FIXED = (
    "id", "start time", "completion time", "email", "name", "last modified time",
    "starttidspunkt", "fuldførelsestidspunkt", "mail", "navn",
    "tidspunkt for seneste ændring", "e-mail",
    "total points", "quiz feedback", "point i alt", "samlet antal point", "quizfeedback",
)
_QUIZ = re.compile(r"^(?:points?|feedback)\s+-\s+", re.I)  # "Points - Q", "Feedback - Q"
_MARKERS = (
    frozenset({"id"}),
    frozenset({"start time", "starttidspunkt"}),
    frozenset({"completion time", "fuldførelsestidspunkt"}),
)


def _skip(header: str) -> bool:
    return is_meta(header, _FIXED) or bool(_QUIZ.match(header))


def _form_sheet(probe: Probe) -> str | None:
    if probe.options.sheet is not None:
        return probe.options.sheet
    return next((s for s in probe.sheets if s.casefold() == SHEET), None)


def _detect(probe: Probe) -> float:
    """Sure when sheet ``Form1`` starts with ID / Start time / Completion time."""
    if probe.kind == "dir":
        return 0.0
    sheet = _form_sheet(probe)
    header = {norm(h) for h in row_texts(probe.table(sheet).frame, 0)}
    hits = sum(bool(header & m) for m in _MARKERS)
    if hits == len(_MARKERS):
        return 0.95 if sheet is not None else 0.7
    return 0.3 if sheet is not None else 0.0


def _is_multi(vals: pd.Series) -> bool:
    """Forms ends every multi-select cell with ``;``, even a single tick."""
    nonblank = vals.dropna()
    return len(nonblank) > 0 and bool(nonblank.str.endswith(";").mean() >= 0.5)


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table(_form_sheet(probe))
    header = row_texts(table.frame, 0)
    body, rows = body_of(table, 1)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    ids = [i for i, h in enumerate(header) if norm(h) == "id"]
    if ids:
        b.respondent_id = body[ids[0]]
    muni = municipality_column({str(i): body[i] for i, h in enumerate(header) if h})
    if muni is not None:
        b.municipality_raw = body[int(muni)]
    numbers = Numberer()
    for i, h in enumerate(header):
        if not h or _skip(h) or str(i) == muni:
            continue
        q = numbers.question(h, (h,))
        vals = clean_series(body[i])
        if _is_multi(vals):
            frame, other = joined_multi(split_cells(vals, ";", glue=False), ";")
            b.add_multi(q, frame, other)
        else:
            add_by_values(b, q, vals)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Microsoft Forms (Excel-download, ark Form1)",
                detect=_detect, read=_read)
