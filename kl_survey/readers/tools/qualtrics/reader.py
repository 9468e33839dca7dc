"""Qualtrics: the CSV export, today's three header rows or the legacy two.

The ImportId (see :mod:`.layout`) tells the typeset what it may infer: a ``QIDn``
column is a choice question (single choice, or several options joined by ``,``), a
``_TEXT`` column is typed in (text or a number), and ``QIDn_k`` columns are ticks, or
the rows of a matrix or a slider (typed together: a 0–100 slider is numeric). Legacy
files say none of this, so their one-column questions are inferred from the values.

Preview (Status 1), test (2) and spam (8, 9) responses are not respondents and are
left out, but their answers still show what each column holds; ``Finished = 0``
marks a partial response.
"""

from __future__ import annotations

import pandas as pd

from kl_survey.messages import msg, plural
from kl_survey.model import QType, Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder, body_of
from kl_survey.readers.infer import (
    ANY,
    CHOICE,
    TYPED,
    Column,
    Group,
    is_ticks,
    norm,
    row_texts,
    tick_values,
)
from kl_survey.readers.tools.qualtrics.layout import (
    Layout,
    QCol,
    layout,
    question_columns,
    split_labels,
)

NAME = "qualtrics"
SEPARATORS = (",",)
#: Rows of a matrix or slider: options, numbers or text, never joined in a cell.
ROWS = frozenset({QType.SINGLE, QType.NUMERIC, QType.TEXT})
_V3_MARKERS = frozenset({"startdate", "enddate", "status", "responseid", "finished"})
_EXCLUDED_STATUS = frozenset({
    "1", "2", "8", "9", "survey preview", "survey test", "spam", "preview spam",
    "umfragevorschau", "umfragetest", "forhåndsvisning af undersøgelse", "test af undersøgelse",
})
_FINISHED = frozenset({"1", "true", "wahr", "sand", "ja", "yes"})


def _detect(probe: Probe) -> float:
    if probe.kind == "dir" or not probe.header:
        return 0.0
    if layout(probe.table().frame) is not None:
        return 0.95
    return 0.5 if len({norm(h) for h in probe.header} & _V3_MARKERS) >= 4 else 0.0


def _joined(cols: list[QCol]) -> pd.Series | None:
    """Several columns' text as one (the first non-blank per respondent)."""
    if not cols:
        return None
    out = cols[0].column.values
    for c in cols[1:]:
        out = out.fillna(c.column.values)
    return out


def _add_question(b: SurveyBuilder, group: list[QCol], main_types: frozenset[QType],
                  codes: bool) -> None:
    main = [c for c in group if c.sub is None and not c.is_text]
    entry = [c for c in group if c.sub is None and c.is_text]
    subs = [c for c in group if c.sub is not None and not c.is_text]
    others: dict[str | None, QCol] = {c.sub: c for c in group
                                       if c.sub is not None and c.is_text}
    headers = tuple(c.cid for c in group)
    if main:
        col = main[0]
        allowed = main_types
        if codes:  # a code export writes choices as numbers, so words are typed in
            allowed = frozenset({QType.TEXT}) if _worded(col.column) else CHOICE
        b.add(b.question(col.text, headers), col.column, allowed, SEPARATORS,
              other=_joined(list(others.values())))
    elif subs:
        _add_subs(b, subs, others, headers)
    elif entry:
        b.add(b.question(entry[0].text, headers), entry[0].column, TYPED)


def _add_subs(b: SurveyBuilder, subs: list[QCol], others: dict[str | None, QCol],
              headers: tuple[str, ...]) -> None:
    """``QIDn_k`` columns: a multi-select split into columns, or a matrix's/slider's rows."""
    qtext, labels = split_labels([c.text for c in subs])
    group = Group(qtext, tuple(c.column for c in subs), tuple(labels))
    if len(subs) > 1 and is_ticks(group.pairs):
        chosen: dict[str, pd.Series] = {}
        other = pd.Series(pd.NA, index=pd.RangeIndex(b.n), dtype="str")
        for c, lab in zip(subs, labels, strict=True):
            chosen[lab], text = tick_values(c.column, lab)
            if c.sub in others:
                text = others[c.sub].column.values.where(chosen[lab])
            other = other.fillna(text)
        b.add_multi(b.question(qtext, headers), pd.DataFrame(chosen), other)
        return
    b.add_group(group, ROWS, ticks=False, row_text=lambda c, lab: f"{qtext} - {lab}")


def _worded(column: Column) -> bool:
    return not all(v.lstrip("-").isdigit() for v in column.distinct())


def _codes_export(groups: dict[str, list[QCol]]) -> bool:
    """Legacy files say nothing about types; an export with numeric choice codes
    (Qualtrics' default) and no repeated worded answer writes only free text in words."""
    worded_repeats = numeric = False
    for c in (c for group in groups.values() for c in group):
        if c.column.uniques.empty:
            continue
        if not _worded(c.column):
            numeric = True
        elif (c.column.counts > 1).any():
            worded_repeats = True
    return numeric and not worded_repeats


def _column(cols: list[Column], index: int | None) -> Column | None:
    return next((c for c in cols if c.index == index), None) if index is not None else None


def _respondents(b: SurveyBuilder, lay: Layout, cols: list[Column]) -> None:
    """Who is a respondent (Status), who finished, and their response ids."""
    status = _column(cols, lay.find("Status", "status"))
    if status is not None:
        excluded = status.values.str.casefold().isin(list(_EXCLUDED_STATUS)).to_numpy()
        n = int(excluded.sum())
        if n:
            b.notes.append(plural(n, "read.qualtrics.excluded-note"))
        b.exclude(excluded, msg("read.qualtrics.excluded"))
    finished = _column(cols, lay.find("Finished", "finished"))
    if finished is not None:
        b.complete = finished.values.str.casefold().isin(list(_FINISHED)).to_numpy()
    b.respondent_id = _column(cols, lay.find("ResponseId", "_recordId", "ResponseID"))


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    frame = table.frame
    lay = layout(frame) or Layout(3, row_texts(frame, 0), row_texts(frame, 1), [])
    body, rows = body_of(table, lay.header_rows)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    cols = b.columns(lay.ids, body)
    _respondents(b, lay, cols)
    qcols, embedded = question_columns(lay, cols)
    candidates = [c.column for c in qcols if c.sub is None] + embedded
    names = [(c.header, lay.texts[c.index] if c.index < len(lay.texts) else "")
             for c in candidates]
    muni = b.find_municipality(candidates, names)
    groups: dict[str, list[QCol]] = {}
    for c in qcols:
        if c.column is not muni:
            groups.setdefault(c.qid, []).append(c)
    legacy = lay.header_rows == 2
    codes = legacy and _codes_export(groups)
    for group in groups.values():
        _add_question(b, group, ANY if legacy else CHOICE, codes)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Qualtrics (CSV med tre eller to overskriftsrækker)",
                detect=_detect, read=_read)
