"""Qualtrics: the CSV export, today's three header rows or the legacy two.

Today: row 1 the column ids (``Q1``, ``Q2_1``, ``Q2_6_TEXT``), row 2 the question text
in the survey's language, row 3 ``{"ImportId":"QID2_1"}``. The ImportId says what a
column is, whatever the user renamed it to: ``QIDn`` one answer (single choice, or a
multi-select comma-joined), ``QIDn_k`` choice/row *k*, ``QIDn_k_TEXT`` the free text of
choice *k*, ``QIDn_TEXT`` a text entry; anything not ``QID…`` is metadata or embedded
data. Legacy: ``V1``…``V10`` metadata, then question ids; row 2 the text.

Preview (Status 1), test (2) and spam (8, 9) responses are not respondents and are
left out; ``Finished = 0`` marks a partial response.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kl_survey.model import Survey
from kl_survey.numbers import parse_number
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import SurveyBuilder, clean_label, clean_series, tick_values
from kl_survey.readers.common_forms import (
    Numberer,
    add_by_values,
    body_of,
    joined_multi,
    municipality_column,
    norm,
    plausible_multi,
    row_texts,
    split_cells,
)
from kl_survey.readers.generic import _is_tick_column

NAME = "qualtrics"
_META_IDS = frozenset(norm(h) for h in (
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
    "Finished", "RecordedDate", "ResponseId", "ResponseID", "RecipientLastName",
    "RecipientFirstName", "RecipientEmail", "ExternalReference", "ExternalDataReference",
    "LocationLatitude", "LocationLongitude", "LocationAccuracy", "DistributionChannel",
    "UserLanguage", "ResponseSet", "Name", "EmailAddress",
))
_V3_MARKERS = frozenset({"startdate", "enddate", "status", "responseid", "finished"})
_LEGACY_ROW2 = frozenset({"responseid", "responseset"})
_EXCLUDED_STATUS = frozenset({
    "1", "2", "8", "9", "survey preview", "survey test", "spam", "preview spam",
    "umfragevorschau", "umfragetest", "forhåndsvisning af undersøgelse", "test af undersøgelse",
})
_FINISHED = frozenset({"1", "true", "wahr", "sand", "ja", "yes"})
_QID = re.compile(r"^(?P<qid>QID\d+)(?:_(?P<sub>\d+))?(?P<text>_TEXT)?$")
_LEGACY_ID = re.compile(r"^(?P<qid>.+?)(?:_(?P<sub>\d+))?(?P<text>_TEXT)?$")
_IMPORT = re.compile(r'^\{\s*"ImportId"\s*:')


@dataclass(frozen=True)
class _Col:
    index: int
    cid: str  # the column id in row 1, for messages
    qid: str
    sub: str | None
    is_text: bool
    text: str


@dataclass(frozen=True)
class _Layout:
    header_rows: int
    ids: list[str]
    texts: list[str]
    imports: list[str | None]


def _import_id(cell: str) -> str | None:
    try:
        value = json.loads(cell).get("ImportId")
    except (ValueError, AttributeError):
        return None
    return str(value) if value is not None else None


def _layout(frame: pd.DataFrame) -> _Layout | None:
    """Which of the two layouts, or ``None`` if the file is not a Qualtrics export."""
    ids, texts, third = row_texts(frame, 0), row_texts(frame, 1), row_texts(frame, 2)
    imports = [c for c in third if c]
    if imports and all(_IMPORT.match(c) for c in imports):
        return _Layout(3, ids, texts, [_import_id(c) if c else None for c in third])
    if ids[:3] == ["V1", "V2", "V3"] and {norm(t) for t in texts} & _LEGACY_ROW2:
        return _Layout(2, ids, texts, [None] * len(ids))
    return None


def _detect(probe: Probe) -> float:
    if probe.kind == "dir" or not probe.header:
        return 0.0
    if _layout(probe.table().frame) is not None:
        return 0.95
    return 0.5 if len({norm(h) for h in probe.header} & _V3_MARKERS) >= 4 else 0.0


def _columns(lay: _Layout) -> tuple[list[_Col], list[int]]:
    """Question columns, and the indexes of other non-meta columns (embedded data)."""
    cols: list[_Col] = []
    embedded: list[int] = []
    for i, (cid, text) in enumerate(zip(lay.ids, lay.texts, strict=True)):
        imp = lay.imports[i] if i < len(lay.imports) else None
        if lay.header_rows == 3:
            m = _QID.match(imp or "")
            if m is None:
                if cid and norm(cid) not in _META_IDS and imp is not None and "QID" not in imp:
                    embedded.append(i)
                continue  # metadata, Text iQ topics/sentiment, display order
        else:
            if not cid or re.fullmatch(r"V\d+", cid) or norm(cid) in _META_IDS:
                continue
            m = _LEGACY_ID.match(cid)
            assert m is not None  # the pattern matches any non-empty id
        cols.append(_Col(i, cid, m.group("qid"), m.group("sub"), bool(m.group("text")), text))
    return cols, embedded


def _find(lay: _Layout, *names: str) -> int | None:
    """A metadata column by id (row 1), ImportId or legacy row-2 name."""
    wanted = {norm(n) for n in names}
    for i, cid in enumerate(lay.ids):
        imp = lay.imports[i] if i < len(lay.imports) else None
        text = lay.texts[i] if lay.header_rows == 2 and i < len(lay.texts) else ""
        if norm(cid) in wanted or norm(imp or "") in wanted or norm(text) in wanted:
            return i
    return None


def _split_labels(texts: list[str]) -> tuple[str, list[str]]:
    """``"Q - A"``, ``"Q - B"`` → ``("Q", ["A", "B"])``; the question text may hold " - " too."""
    prefix = texts[0]
    for t in texts[1:]:
        while not t.startswith(prefix):
            prefix = prefix[:-1]
    if len(texts) == 1:
        prefix = texts[0].rsplit(" - ", 1)[0] + " - " if " - " in texts[0] else ""
    for sep in (" - ", "-"):
        cut = prefix.rfind(sep)
        if cut >= 0:
            return (clean_label(prefix[:cut]),
                    [clean_label(t[cut + len(sep):]) for t in texts])
    return clean_label(texts[0]), texts


def _add_question(b: SurveyBuilder, numbers: Numberer, group: list[_Col],
                  body: pd.DataFrame, codes: bool) -> None:
    main = [c for c in group if c.sub is None and not c.is_text]
    entry = [c for c in group if c.sub is None and c.is_text]
    subs = [c for c in group if c.sub is not None and not c.is_text]
    others = {c.sub: c for c in group if c.sub is not None and c.is_text}
    headers = tuple(c.cid for c in group)
    if main:
        _add_main(b, numbers, main[0], list(others.values()), body, codes, headers)
    elif subs:
        _add_subs(b, numbers, subs, others, body, headers)
    elif entry:  # a text entry: free text, or a number when every answer is one
        q = numbers.question(entry[0].text, headers)
        vals = clean_series(body[entry[0].index])
        written = vals.dropna()
        if len(written) and all(parse_number(str(v)) is not None for v in written.unique()):
            b.add_numeric(q, vals)
        else:
            b.add_text(q, vals)


def _other_series(cols: list[_Col], body: pd.DataFrame) -> pd.Series | None:
    if not cols:
        return None
    out = pd.Series(pd.NA, index=body.index, dtype="str")
    for c in cols:
        out = out.fillna(clean_series(body[c.index]))
    return out


def _add_main(b: SurveyBuilder, numbers: Numberer, col: _Col, others: list[_Col],
              body: pd.DataFrame, codes: bool, headers: tuple[str, ...]) -> None:
    """One column: single choice, text, number, or a multi-select joined with ","."""
    q = numbers.question(col.text, headers)
    vals = clean_series(body[col.index])
    other = _other_series(others, body)
    cells = split_cells(vals, ",")
    if plausible_multi(cells):
        frame, _ = joined_multi(cells, ",", other_in_cell=False)
        b.add_multi(q, frame, other)
        return
    if codes and vals.dropna().str.contains(r"[^\d\s.,-]", regex=True).any():
        b.add_text(q, vals)  # a code export writes choices as numbers: words are free text
        return
    add_by_values(b, q, vals)
    if other is not None and other.notna().any():
        b.add_other(q.id, other)


def _add_subs(b: SurveyBuilder, numbers: Numberer, subs: list[_Col], others: dict,
              body: pd.DataFrame, headers: tuple[str, ...]) -> None:
    """``QIDn_k`` columns: a multi-select split into columns, or a matrix of rows."""
    qtext, labels = _split_labels([c.text for c in subs])
    if all(_is_tick_column(body[c.index], lab) for c, lab in zip(subs, labels, strict=True)):
        q = numbers.question(qtext, headers)
        chosen: dict[str, pd.Series] = {}
        other = pd.Series(pd.NA, index=body.index, dtype="str")
        for c, lab in zip(subs, labels, strict=True):
            chosen[lab], text = tick_values(body[c.index], lab)
            if c.sub in others:
                text = clean_series(body[others[c.sub].index]).where(chosen[lab])
            other = other.fillna(text)
        b.add_multi(q, pd.DataFrame(chosen), other)
        return
    for c, lab in zip(subs, labels, strict=True):
        b.add_single(numbers.question(f"{qtext} - {lab}", (c.cid,)), body[c.index])


def _codes_export(groups: dict[str, list[_Col]], body: pd.DataFrame) -> bool:
    """Legacy files say nothing about types; an export with numeric choice codes
    (Qualtrics' default) and no repeated worded answer writes only free text in words."""
    worded_repeats = numeric = False
    for group in groups.values():
        for c in group:
            vals = clean_series(body[c.index]).dropna()
            if vals.empty:
                continue
            if vals.str.fullmatch(r"\d+").all():
                numeric = True
            elif vals.duplicated().any():
                worded_repeats = True
    return numeric and not worded_repeats


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    lay = _layout(table.frame)
    if lay is None:
        lay = _Layout(3, row_texts(table.frame, 0), row_texts(table.frame, 1), [])
    body, rows = body_of(table, lay.header_rows)
    keep = np.ones(len(body), dtype=bool)
    status = _find(lay, "Status", "status")
    if status is not None:
        st = clean_series(body[status]).str.casefold()
        keep = ~st.isin(list(_EXCLUDED_STATUS)).to_numpy()
    body = body[keep].reset_index(drop=True)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet),
                      rows=[r for r, k in zip(rows, keep, strict=True) if k])
    dropped = int((~keep).sum())
    if dropped:
        what = "besvarelse" if dropped == 1 else "besvarelser"
        b.notes.append(f"{dropped} {what} fra forhåndsvisning, test eller spam er ikke "
                       "talt med.")
    finished = _find(lay, "Finished", "finished")
    if finished is not None:
        b.complete = clean_series(body[finished]).str.casefold().isin(list(_FINISHED))
    rid = _find(lay, "ResponseId", "_recordId", "ResponseID")
    if rid is not None:
        b.respondent_id = body[rid]
    cols, embedded = _columns(lay)
    candidates = [c.index for c in cols if c.sub is None] + embedded
    muni = municipality_column({str(i): body[i] for i in candidates})
    if muni is not None:
        b.municipality_raw = body[int(muni)]
    groups: dict[str, list[_Col]] = {}
    for c in cols:
        if str(c.index) != muni:
            groups.setdefault(c.qid, []).append(c)
    codes = lay.header_rows == 2 and _codes_export(groups, body)
    numbers = Numberer()
    for group in groups.values():
        _add_question(b, numbers, group, body, codes)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Qualtrics (CSV med tre eller to overskriftsrækker)",
                detect=_detect, read=_read)
