"""Microsoft Forms: the Excel download ("Åbn i Excel"), sheet ``Form1``.

Forms writes fixed bookkeeping columns first (ID, times, e-mail, name), localised to
the form owner's language, then one column per question headed by its text. A
multi-select cell holds every ticked option ``;``-joined with a trailing ``;``, and
the "Other" free text stands where the option would, so options come from the cells.
"""

from __future__ import annotations

import re

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import norm, row_texts
from kl_survey.vocabulary import MSFORMS_METADATA, is_metadata

NAME = "msforms"
SHEET = "form1"
SEPARATORS = (";",)
_QUIZ = re.compile(r"^(?:points?|feedback|punkte)\s+-\s+", re.I)  # "Points - Q", "Feedback - Q"
_MARKERS = (
    frozenset({"id"}),
    frozenset({"start time", "starttidspunkt", "startzeit"}),
    frozenset({"completion time", "fuldførelsestidspunkt", "fertigstellungszeit"}),
)


def _skip(header: str) -> bool:
    return is_metadata(header, MSFORMS_METADATA) or bool(_QUIZ.match(header))


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


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table(_form_sheet(probe))
    b, cols = SurveyBuilder.with_header_row(table, probe.source(NAME, table.sheet))
    b.respondent_id = next((c for c in cols if norm(c.header) == "id"), None)
    muni = b.find_municipality(cols)
    for column in cols:
        if column is not muni and not _skip(column.header):
            b.add(b.question(column.name, (column.name,)), column, seps=SEPARATORS)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Microsoft Forms (Excel-download, ark Form1)",
                detect=_detect, read=_read)
