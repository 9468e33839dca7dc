"""Microsoft Forms: the Excel download ("Åbn i Excel"), sheet ``Form1``.

Forms writes fixed bookkeeping columns first (ID, times, e-mail, name), localised to
the form owner's language, then one column per question headed by its text. A
multi-select cell holds every ticked option ``;``-joined with a trailing ``;``, and
the "Other" free text stands where the option would, so options come from the cells.

A Likert question is one column per statement, the cell holding the option chosen:
headed ``Question.Statement``, or the statement alone. Adjacent ``Question.Statement``
columns are one grid; adjacent bare statements are one only when their cells hold one
known rating scale (or the same four or more options), since two neighbouring Ja/Nej
questions must stay two questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import Column, Group, infer_group, norm, row_texts
from kl_survey.vocabulary import MSFORMS_METADATA, is_metadata, scale_rank

NAME = "msforms"
SHEET = "form1"
SEPARATORS = (";",)
_QUIZ = re.compile(r"^(?:points?|feedback|punkte)\s+-\s+", re.I)  # "Points - Q", "Feedback - Q"
# "Question.Statement": the first dot directly followed by a letter.
_LIKERT = re.compile(r"^(?P<q>.+?[^\s.])\.(?P<o>[^\W\d_].*)$")
_QUESTION_END = ("?", ":")
#: Bare statements are one grid only with this many options shared by every row, unless
#: the options are a known rating scale.
SAME_OPTIONS = 4
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
    answers = [c for c in cols if c is not muni and not _skip(c.header)]
    for group in likert_groups(answers):
        if len(group.members) > 1:
            b.add_group(group, seps=SEPARATORS, ticks=False)
        else:
            column = group.members[0]
            b.add(b.question(column.name, (column.name,)), column, seps=SEPARATORS)
    return b.build(complete_only=options.complete_only)


def likert_groups(cols: Sequence[Column]) -> list[Group]:
    """Runs of ``Question.Statement`` columns, runs of bare statements answered on one
    scale, and every other column on its own, in sheet order."""
    out: list[Group] = []
    i = 0
    while i < len(cols):
        run = _dotted(cols, i) or _statements(cols, i)
        if run is not None:
            out.append(run)
            i += len(run.members)
        else:
            out.append(Group(cols[i].name, (cols[i],), ("",)))
            i += 1
    return out


def _dotted(cols: Sequence[Column], start: int) -> Group | None:
    first = _LIKERT.match(cols[start].header)
    if first is None:
        return None
    stem = first.group("q")
    labels = []
    for col in cols[start:]:
        m = _LIKERT.match(col.header)
        if m is None or m.group("q") != stem:
            break
        labels.append(m.group("o").strip())
    if len(labels) < 2:
        return None
    return Group(stem, tuple(cols[start:start + len(labels)]), tuple(labels))


def _statements(cols: Sequence[Column], start: int) -> Group | None:
    """The run of bare statements from ``start`` that reads as one Likert grid: grown
    one column at a time while the cells still hold one scale."""
    def bare(i: int) -> bool:
        return (i < len(cols) and not cols[i].header.endswith(_QUESTION_END)
                and _LIKERT.match(cols[i].header) is None)

    if not (bare(start) and bare(start + 1) and _one_scale(cols[start:start + 2])):
        return None
    stop = start + 2
    while bare(stop) and _one_scale(cols[start:stop + 1]):
        stop += 1
    members = tuple(cols[start:stop])
    labels = tuple(c.name for c in members)
    return Group(" / ".join(labels), members, labels)


def _one_scale(members: Sequence[Column]) -> bool:
    verdicts = infer_group(members)
    if not all(v.pooled and v.qtype.value == "single" and v.rule != "empty"
               for v in verdicts):
        return False
    sets = [set(c.distinct()) for c in members]
    union = sorted(set().union(*sets))
    if scale_rank(union) is not None and len(union) >= 2:
        return True
    return all(x == sets[0] for x in sets) and len(sets[0]) >= SAME_OPTIONS


READER = Reader(name=NAME, label="Microsoft Forms (Excel-download, ark Form1)",
                detect=_detect, read=_read)
