"""LimeSurvey: "Export responses" as CSV (UTF-8 BOM, all quoted) or Excel.

Headings come in three styles, all read here:

* question code — ``Q1``, ``Q2[SQ001]``, ``Q2[other]``;
* question code & question text — ``Q2[SQ001]. Hvordan …? [Aula]``;
* full question text — ``Hvordan …? [Aula]``.

Columns sharing a code (or a text) form one question. Subquestion columns holding
ticks (``Y``, ``Ja``/``Nej``, ``Yes``/``No``) are a multi-select; the ``[other]``
column is its free text. Subquestions holding answers are an array: one single
choice per row. With bare code headings the export carries no labels at all, so the
options are the subquestion codes (``SQ001``); choose "Question code & question
text" or "Full question text" headings, and "Full answers", when exporting for KL.
An empty ``submitdate`` marks a response that was never submitted (partial).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import SurveyBuilder, clean_series, tick_frame
from kl_survey.readers.common_forms import (
    OTHER_LABEL,
    Numberer,
    add_by_values,
    body_of,
    is_meta,
    municipality_column,
    norm,
    row_texts,
)
from kl_survey.readers.generic import _is_tick_column

NAME = "limesurvey"
_CODE_META = ("id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
              "datestamp", "ipaddr", "refurl", "token", "interviewtime")
_TEXT_META = ("response id", "date submitted", "last page", "start language", "seed",
              "date started", "date last action", "ip address", "referrer url", "token",
              "total time", "svar-id", "svar id", "dato indsendt", "indsendt",
              "sidste side", "startsprog", "dato startet", "startdato",
              "dato for sidste handling", "sidste handling", "ip-adresse",
              "henvisnings-url", "henvisende url", "adgangsnøgle", "samlet tid")
_SUBMITTED = frozenset({"submitdate", "date submitted", "dato indsendt", "indsendt"})
# Timing columns: "interviewtime", "groupTime12", "Q1Time", "Group time: …".
_TIMING = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9_]*Time|(?i:grouptime\d+|(?:group|question) time: .*))$")
_CODE = r"(?P<code>[A-Za-z][A-Za-z0-9_]*)(?:\[(?P<sub>[^\[\]]*)\])?"
_CODE_ONLY = re.compile(rf"^{_CODE}$")
_CODE_TEXT = re.compile(rf"^{_CODE}\.\s+(?P<text>.+)$")
_BRACKET = re.compile(r"^(?P<text>.+?)\s*\[(?P<label>[^\[\]]+)\]$")
_OTHER_SUBS = frozenset({"other", "comment"})
_OTHER_CODE = "-oth-"  # the answer code of a list question's "Other" option


@dataclass(frozen=True)
class _Col:
    index: int
    header: str
    key: str  # the question code, or its text for full-text headings
    text: str
    sub: str | None  # subquestion code or label; None for a one-column question
    label: str


def _parse(index: int, header: str) -> _Col:
    """Split a heading into question key/text and subquestion code/label."""
    m = _CODE_TEXT.match(header)
    if m:
        text, label = m.group("text"), m.group("sub")
        bm = _BRACKET.match(text) if label is not None else None
        if bm:
            text, label = bm.group("text"), bm.group("label")
        return _Col(index, header, m.group("code"), text, m.group("sub"), _label(label))
    m = _CODE_ONLY.match(header)
    if m:
        sub = m.group("sub")
        return _Col(index, header, m.group("code"), m.group("code"), sub, _label(sub))
    m = _BRACKET.match(header)
    if m:
        label = m.group("label")
        return _Col(index, header, m.group("text"), m.group("text"), label, label)
    return _Col(index, header, header, header, None, "")


def _label(sub: str | None) -> str:
    if sub is None:
        return ""
    return OTHER_LABEL if sub.casefold() in _OTHER_SUBS else sub


def _hits(header: list[str]) -> int:
    keys = {norm(h) for h in header}
    return max(len(keys & set(_CODE_META)), len(keys & set(_TEXT_META)))


def _detect(probe: Probe) -> float:
    """Sure with three of LimeSurvey's own columns (id, submitdate, lastpage, …)."""
    if probe.kind == "dir":
        return 0.0
    hits = _hits(probe.header)
    return 0.95 if hits >= 3 else 0.5 if hits == 2 else 0.0


def _is_other(col: _Col) -> bool:
    return (col.sub or "").casefold() in _OTHER_SUBS or col.label.casefold().startswith(
        ("andet", "other", "anden"))


def _groups(cols: list[_Col]) -> list[list[_Col]]:
    """Adjacent columns with the same question key."""
    out: list[list[_Col]] = []
    for c in cols:
        if out and out[-1][0].key == c.key and c.sub is not None:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _add_group(b: SurveyBuilder, numbers: Numberer, group: list[_Col],
               body: pd.DataFrame) -> None:
    headers = tuple(c.header for c in group)
    main = [c for c in group if c.sub is None]
    subs = [c for c in group if c.sub is not None]
    if main:  # a one-column question; its [other]/[comment] columns are free text
        q = numbers.question(main[0].text, headers)
        vals = clean_series(body[main[0].index]).replace(_OTHER_CODE, OTHER_LABEL)
        add_by_values(b, q, vals)
        for o in subs:
            if _is_other(o):
                b.add_other(q.id, body[o.index])
        return
    if all(_is_tick_column(body[c.index], c.label) for c in subs):
        q = numbers.question(group[0].text, headers)
        chosen, other = tick_frame([(body[c.index], c.label) for c in subs])
        b.add_multi(q, chosen, other)
        return
    for c in subs:  # an array: each row is a question of its own
        q = numbers.question(f"{c.text} [{c.label}]", (c.header,))
        b.add_single(q, clean_series(body[c.index]))


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    header = row_texts(table.frame, 0)
    body, rows = body_of(table, 1)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    by_key = {norm(h): i for i, h in enumerate(header) if h}
    submitted = next((by_key[k] for k in _SUBMITTED if k in by_key), None)
    if submitted is not None:
        b.complete = body[submitted].notna()
    for k in ("id", "response id", "svar-id", "svar id"):
        if k in by_key:
            b.respondent_id = body[by_key[k]]
            break
    muni = municipality_column({str(i): body[i] for i, h in enumerate(header) if h})
    if muni is not None:
        b.municipality_raw = body[int(muni)]
    cols = [_parse(i, h) for i, h in enumerate(header)
            if h and str(i) != muni and not is_meta(h, _CODE_META + _TEXT_META)
            and not _TIMING.match(h)]
    numbers = Numberer()
    for group in _groups(cols):
        _add_group(b, numbers, group, body)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="LimeSurvey (CSV eller Excel, alle overskriftstyper)",
                detect=_detect, read=_read)
