"""Qualtrics' header rows: which layout, and what each column is.

Today: row 1 the column ids (``Q1``, ``Q2_1``, ``Q2_6_TEXT``), row 2 the question text
in the survey's language, row 3 the ImportId, ``{"ImportId":"QID2_1"}`` (the "Insights"
CSV writes ``{'ImportId': 'QID2-1'}``). The ImportId says what a column is, whatever
the user renamed it to: ``QIDn`` one choice question (single choice, or a multi-select
comma-joined), ``QIDn_k`` choice/row/slider *k*, ``QIDn_k_TEXT`` the free text of choice
*k*, ``QIDn_TEXT`` a text entry; ``QIDn_FIRST_CLICK`` and the like are timing, and
anything not ``QID…`` is metadata or embedded data. Legacy: ``V1``…``V10`` metadata,
then question ids; row 2 the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kl_survey.readers.infer import Column, norm, row_texts
from kl_survey.vocabulary import QUALTRICS_METADATA

_LEGACY_ROW2 = frozenset({"responseid", "responseset"})
_IMPORT = re.compile(r"""^\{\s*["']ImportId["']\s*:\s*["'](?P<id>[^"']*)["']""")
_QID = re.compile(r"^(?P<qid>QID\d+(?:#\d+)?)(?:[_-](?P<sub>\d+(?:[_-]\d+)*))?"
                  r"(?P<text>[_-]TEXT)?$")
_LEGACY_ID = re.compile(r"^(?P<qid>.+?)(?:_(?P<sub>\d+))?(?P<text>_TEXT)?$")
_V = re.compile(r"V\d+")
# What Qualtrics appends to a choice question's text when a choice also takes text.
_SELECTED = re.compile(r"\s+-\s+(?:Selected Choice|Ausgewählte Auswahlmöglichkeit)$", re.I)


@dataclass(frozen=True)
class Layout:
    header_rows: int
    ids: list[str]
    texts: list[str]
    imports: list[str | None]

    def find(self, *names: str) -> int | None:
        """A metadata column by id (row 1), ImportId or legacy row-2 name."""
        wanted = {norm(n) for n in names}
        for i, cid in enumerate(self.ids):
            imp = self.imports[i] if i < len(self.imports) else None
            text = self.texts[i] if self.header_rows == 2 and i < len(self.texts) else ""
            if norm(cid) in wanted or norm(imp or "") in wanted or norm(text) in wanted:
                return i
        return None


@dataclass(frozen=True)
class QCol:
    """A question column: its id, the question it belongs to, and what part it is."""

    column: Column
    cid: str  # the column id in row 1, for messages
    qid: str
    sub: str | None
    is_text: bool
    text: str


def import_id(cell: str) -> str | None:
    m = _IMPORT.match(cell)
    return m.group("id") if m else None


def layout(frame: pd.DataFrame) -> Layout | None:
    """Which of the two layouts, or ``None`` if the file is not a Qualtrics export."""
    ids, texts, third = row_texts(frame, 0), row_texts(frame, 1), row_texts(frame, 2)
    imports = [c for c in third if c]
    if imports and all(_IMPORT.match(c) for c in imports):
        return Layout(3, ids, texts, [import_id(c) if c else None for c in third])
    if ids[:3] == ["V1", "V2", "V3"] and {norm(t) for t in texts} & _LEGACY_ROW2:
        return Layout(2, ids, texts, [None] * len(ids))
    return None


def question_columns(lay: Layout, cols: list[Column]) -> tuple[list[QCol], list[Column]]:
    """Question columns, and the other non-metadata columns (embedded data)."""
    out: list[QCol] = []
    embedded: list[Column] = []
    for column in cols:
        i = column.index
        cid = lay.ids[i] if i < len(lay.ids) else ""
        text = lay.texts[i] if i < len(lay.texts) else ""
        imp = lay.imports[i] if i < len(lay.imports) else None
        if lay.header_rows == 3:
            m = _QID.match(imp or "")
            if m is None:
                if (cid and norm(cid) not in QUALTRICS_METADATA and imp is not None
                        and "QID" not in imp):
                    embedded.append(column)
                continue  # metadata, timing, Text iQ topics, display order
        else:
            if not cid or _V.fullmatch(cid) or norm(cid) in QUALTRICS_METADATA:
                continue
            m = _LEGACY_ID.match(cid)
            assert m is not None  # the pattern matches any non-empty id
        out.append(QCol(column, cid or column.name, m.group("qid"), m.group("sub"),
                        bool(m.group("text")), _SELECTED.sub("", text) or column.name))
    return out, embedded


def split_labels(texts: list[str]) -> tuple[str, list[str]]:
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
            return (" ".join(prefix[:cut].split()),
                    [" ".join(t[cut + len(sep):].split()) for t in texts])
    return " ".join(texts[0].split()), texts
