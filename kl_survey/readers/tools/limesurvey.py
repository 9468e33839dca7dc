"""LimeSurvey: "Export responses" as CSV (UTF-8 BOM, all quoted, ``,`` or ``;``) or Excel.

Headings come in three styles, all read here:

* question code — ``Q1``, ``Q2[SQ001]``, ``Q2[other]``;
* question code & question text — ``Q2[SQ001]. Hvordan …? [Aula]``, and the metadata
  as ``id. Response ID``, ``submitdate. Date submitted``;
* full question text — ``Hvordan …? [Aula]``.

Columns sharing a code (or a text) form one question. An array is one grid question (its
rows share the answer list); an array of numbers is a numeric grid, its cells headed
``Q1[SQ001_SQ002]`` (row and column codes) or ``Question [Row][Column]``. Subquestion
columns holding ticks (``Y``, ``Ja``/``Nej``, ``Yes``/``No``/``N/A``) are one
multi-select, whose base is those who ticked anything (``N/A``: not shown, no answer);
the ``[other]`` column is its free text. Subquestions holding answers are an array: one
question per row. With bare code headings the export carries no labels at all, so the
options are the codes (``SQ001``); choose "Question code & question text" or "Full
question text" headings, and "Full answers", when exporting for KL. Text-display
questions (always empty) and equations (``{sum(…)}``) are not questions. An empty
``submitdate`` marks a response that was never submitted (partial).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kl_survey.model import QType, Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import (
    EXPRESSION,
    Column,
    Group,
    norm,
)
from kl_survey.vocabulary import (
    LIMESURVEY_CODES,
    LIMESURVEY_METADATA,
    OTHER_LABEL,
    is_metadata,
    is_other,
)

NAME = "limesurvey"
#: One-column questions: a list, a number or text; LimeSurvey never joins ticks in a cell.
ONE_COLUMN = frozenset({QType.SINGLE, QType.NUMERIC, QType.TEXT})
_SUBMITTED = frozenset({"submitdate", "date submitted", "dato indsendt", "indsendt",
                        "datum abgeschickt"})
_IDS = frozenset({"id", "response id", "answer id", "svar-id", "svar id", "antwort id"})
#: Response-id headings written out in words: LimeSurvey's own, even when the export
#: kept no other metadata.
_ID_TEXTS = _IDS - {"id"}
# Timing columns: "interviewtime", "groupTime12", "Q1Time", "Group time: …".
_TIMING = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9_]*Time|(?i:grouptime\d+|(?:group|question) time: .*))$")
_CODE = r"(?P<code>[A-Za-z][A-Za-z0-9_]*)(?:\[(?P<sub>[^\[\]]*)\])?"
_CODE_ONLY = re.compile(rf"^{_CODE}$")
_CODE_TEXT = re.compile(rf"^{_CODE}\.\s+(?P<text>.+)$", re.S)
# A trailing ".1" is how spreadsheet tools tell apart repeated headings ("[]", "[].1").
_BRACKET = re.compile(r"^(?P<text>.+?)\s*\[(?P<label>[^\[\]]*)\](?:\.\d+)?$", re.S)
# An array of numbers in words: "Question [Row][Column]".
_TWO_BRACKETS = re.compile(r"^(?P<text>.+?)\s*\[(?P<row>[^\[\]]*)\]\s*\[(?P<col>[^\[\]]*)\]$", re.S)
#: How a numeric array's row and column are kept in one label: "Row][Column".
_CELL = "]["
_OTHER_SUBS = frozenset({"other", "comment"})
_OTHER_CODE = "-oth-"  # the answer code of a list question's "Other" option
_NO_ROWS = pd.Series([], dtype="str")


@dataclass(frozen=True)
class _Heading:
    column: Column
    key: str  # the question code, or its text for full-text headings
    code: str | None  # the code part of a "code. text" or code heading
    text: str
    sub: str | None  # subquestion code or label; None for a one-column question
    label: str


def _parse(column: Column) -> _Heading:
    """Split a heading into question key/text and subquestion code/label."""
    header = column.header or column.name
    m = _CODE_TEXT.match(header)
    if m:
        text, label = m.group("text"), _label(m.group("sub"))
        two = _TWO_BRACKETS.match(text) if m.group("sub") is not None else None
        bm = _BRACKET.match(text) if m.group("sub") is not None else None
        if two:  # a numeric array's cell in words
            text, label = two.group("text"), _cell(two.group("row"), two.group("col"))
        elif bm:  # the subquestion's own words win over its code
            text, label = bm.group("text"), bm.group("label").strip() or label
        return _Heading(column, m.group("code"), m.group("code"), text, m.group("sub"), label)
    m = _CODE_ONLY.match(header)
    if m:
        sub = m.group("sub")
        return _Heading(column, m.group("code"), m.group("code"), m.group("code"), sub,
                        _label(sub))
    two = _TWO_BRACKETS.match(header)
    if two:
        label = _cell(two.group("row"), two.group("col"))
        return _Heading(column, two.group("text"), None, two.group("text"), label, label)
    m = _BRACKET.match(header)
    if m:
        label = m.group("label").strip()
        return _Heading(column, m.group("text"), None, m.group("text"), label,
                        label or column.letter)
    return _Heading(column, header, None, header, None, "")


def _cell(row: str, column: str) -> str:
    return f"{row.strip()}{_CELL}{column.strip()}"


def cell_split(label: str) -> tuple[str, str] | None:
    """A numeric array cell's row and column: ``"Row][Column"`` (words) or
    ``"SQ001_SQ002"`` (codes)."""
    if _CELL in label:
        row, _, column = label.partition(_CELL)
        return (row, column) if row and column else None
    row, sep, column = label.partition("_")
    return (row, column) if sep and row and column and "_" not in column else None


def _label(sub: str | None) -> str:
    if sub is None:
        return ""
    return OTHER_LABEL if sub.casefold() in _OTHER_SUBS else sub


def _is_meta(h: _Heading) -> bool:
    return (is_metadata(h.text, LIMESURVEY_METADATA) or norm(h.code) in LIMESURVEY_CODES
            or any(_TIMING.match(t) for t in (h.code or "", h.text))
            or bool(EXPRESSION.match(h.text)))


def _detect(probe: Probe) -> float:
    """Sure with three of LimeSurvey's own columns (id, submitdate, lastpage, …), in any
    heading style; likely when a worded response id opens ``Question [Sub]`` headings,
    and above the generic reader when every heading is a bare code (metadata removed)."""
    if probe.kind == "dir":
        return 0.0
    heads = [_parse(Column.of(i, h, _NO_ROWS)) for i, h in enumerate(probe.header)]
    codes = {norm(h.code) for h in heads if h.code} & LIMESURVEY_CODES
    texts = {norm(h.text) for h in heads} & LIMESURVEY_METADATA
    hits = max(len(codes), len(texts))
    if hits >= 3:
        return 0.95
    if hits == 2:
        return 0.5
    if heads and norm(heads[0].text) in _ID_TEXTS and any(h.sub for h in heads[1:]):
        return 0.6
    return 0.4 if _bare_codes(probe.header) else 0.0


def _bare_codes(header: list[str]) -> bool:
    """Bare code headings with the metadata removed (``Q1``, ``Q2[SQ001]``, ``Q2[SQ002]``):
    every heading a code, and two or more questions with several subquestions each.
    Spreadsheet tools put a space before a bracket (``Brug [Mail]``); LimeSurvey does not."""
    codes = [_CODE_ONLY.match(h.strip()) for h in header if h and h.strip()]
    if not codes or not all(codes):
        return False
    subs: dict[str, int] = {}
    for m in codes:
        if m is not None and m.group("sub"):
            subs[m.group("code")] = subs.get(m.group("code"), 0) + 1
    return sum(1 for n in subs.values() if n >= 2) >= 2


def _is_other(h: _Heading) -> bool:
    return (h.sub or "").casefold() in _OTHER_SUBS or is_other(h.label)


def _groups(heads: list[_Heading]) -> list[list[_Heading]]:
    """Adjacent columns with the same question key."""
    out: list[list[_Heading]] = []
    for h in heads:
        if out and out[-1][0].key == h.key and h.sub is not None:
            out[-1].append(h)
        else:
            out.append([h])
    return out


def _add(b: SurveyBuilder, group: list[_Heading]) -> None:
    headers = tuple(h.column.header for h in group)
    main = [h for h in group if h.sub is None]
    subs = [h for h in group if h.sub is not None]
    if main:  # a one-column question; its [other]/[comment] columns are free text
        column = main[0].column
        if _OTHER_CODE in column.distinct():
            column = column.with_values(column.values.replace(_OTHER_CODE, OTHER_LABEL))
        if not len(column.uniques) and not subs:
            return  # a text display: never answered, never a question
        others = [h.column.values for h in subs if _is_other(h)]
        other = others[0] if others else None
        b.add(b.question(main[0].text, headers), column, ONE_COLUMN, other=other)
        return
    group_ = Group(group[0].text, tuple(h.column for h in subs), tuple(h.label for h in subs))
    b.add_group(group_, ONE_COLUMN, row_text=lambda c, label: f"{subs[0].text} [{label}]",
                split=cell_split)


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    b, cols = SurveyBuilder.with_header_row(table, probe.source(NAME, table.sheet))
    heads = [_parse(c) for c in cols]
    by_key = {norm(t): h.column for h in heads for t in (h.code or "", h.text) if t}
    submitted = next((by_key[k] for k in _SUBMITTED if k in by_key), None)
    if submitted is not None:
        b.complete = submitted.values.notna().to_numpy()
    b.respondent_id = next((by_key[k] for k in _IDS if k in by_key), None)
    muni = b.find_municipality(cols, [(h.code or "", h.text) for h in heads])
    questions = [h for h in heads if h.column is not muni and not _is_meta(h)]
    for group in _groups(questions):
        _add(b, group)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="LimeSurvey (CSV eller Excel, alle overskriftstyper)",
                detect=_detect, read=_read)
