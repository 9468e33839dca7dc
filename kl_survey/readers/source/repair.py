"""Rows of a UTF-8 file with bytes that are not UTF-8: named, and repaired only when asked.

:func:`kl_survey.readers.source.encoding.decode_marked` reads such bytes as
Windows-1252 behind a marker; after parsing, the marker tells which rows (as the
parser saw them) were touched. By default the read is refused with those rows named;
with ``repair_encoding`` each repaired row becomes a warning showing the repaired text,
so nobody publishes a garbled "Ã¸" or a split answer option unawares.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import msg, plural
from kl_survey.readers.source.encoding import MARK, not_utf8
from kl_survey.readers.source.raw import RawTable, column_letter

MAX_ISSUES = 20  # one warning per row up to this many, then one that counts the rest


def repair_table(table: RawTable, repair: bool) -> RawTable:
    """Refuse a table with marked cells, naming their rows; or strip the marks and warn."""
    frame = table.frame.copy()
    hits: dict[int, tuple[int, str]] = {}  # frame row -> first marked column, its text
    for col in frame.columns:
        marked = frame[col].str.contains(MARK, regex=False).fillna(False).to_numpy(bool)
        for i in np.flatnonzero(marked).tolist():
            hits.setdefault(i, (int(col), str(frame.iat[i, int(col)])))
        if marked.any():
            frame[col] = frame[col].str.replace(MARK, "", regex=False)
    path = Path(table.file)
    rows = sorted(hits)
    if not repair:
        raise not_utf8(path, [table.rows[i] for i in rows])
    issues = [_issue(path, table.rows[i], *hits[i]) for i in rows[:MAX_ISSUES]]
    if len(rows) > MAX_ISSUES:
        issues.append(Issue(Severity.WARNING, "encoding-repaired",
                            plural(len(rows) - MAX_ISSUES, "issue.encoding-repaired-more"),
                            Where(file=path.name), msg("issue.encoding-repaired.hint")))
    return replace(table, frame=frame, issues=table.issues + tuple(issues))


def _issue(path: Path, row: int, col: int, text: str) -> Issue:
    at = text.index(MARK)
    start = max(at - 25, 0)
    excerpt = text[start:at + 25].replace(MARK, "").replace("\n", " ")
    excerpt = ("…" if start else "") + excerpt + ("…" if at + 25 < len(text) else "")
    message = msg("issue.encoding-repaired", excerpt=excerpt)
    return Issue(Severity.WARNING, "encoding-repaired", message,
                 Where(file=path.name, row=row, column=column_letter(col)), message.hint())


def repair_text(text: str, path: Path, repair: bool) -> tuple[str, tuple[Issue, ...]]:
    """The same for a whole text (an HTML page): lines named, or one warning."""
    if MARK not in text:
        return text, ()
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if MARK in line]
    if not repair:
        raise not_utf8(path, lines, lines=True)
    issue = Issue(Severity.WARNING, "encoding-repaired",
                  plural(len(lines), "issue.encoding-repaired-lines"), Where(file=path.name),
                  msg("issue.encoding-repaired.hint"))
    return text.replace(MARK, ""), (issue,)
