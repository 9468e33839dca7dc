"""The generic reader: hand-built sheets and plain "one column per question" exports.

Analysts build KL's sheets by hand, so nothing is declared: question types come from
the headers (``Q - Option``, ``Q [Option]``, ``Q: Option`` groups are multi-select)
and from the values (``;``-joined cells, numbers, long free text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from kl_survey import municipalities as mun
from kl_survey.errors import InputError
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.readers import columns
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import (
    TICK_NO,
    SurveyBuilder,
    clean_label,
    clean_series,
    order_options,
    tick_frame,
)
from kl_survey.readers.columns import arrow_strings, factorize
from kl_survey.readers.source import RawTable

META_HEADERS = frozenset(
    h.lower()
    for h in (
        "id", "respondent", "respondent id", "respondentid", "svar-id", "løbenummer",
        "timestamp", "tidsstempel", "start time", "completion time", "starttidspunkt",
        "fuldførelsestidspunkt", "email", "e-mail", "mail", "name", "navn",
        "last modified time", "tidspunkt for seneste ændring", "dato", "date",
        "kommunenummer", "kommunekode", "kommune", "kommunenavn", "municipality",
        "region", "status",
    )
)

_SPLITTERS = (
    re.compile(r"^(?P<q>.+?)\s*\[(?P<o>[^\[\]]+)\]\s*$"),
    re.compile(r"^(?P<q>.+?)\s+-\s+(?P<o>.+)$"),
    re.compile(r"^(?P<q>.+?):\s+(?P<o>.+)$"),
)
_MUNICIPALITY_SHARE = 0.8  # share of non-blank cells naming a municipality to detect it
_NUMBERED = re.compile(
    r"^(?:spørgsmål|spm\.?|sp\.|question|q)?\s*(?P<n>\d{1,3})\s*[.:)]\s+(?P<t>.+)$", re.I
)


@dataclass(frozen=True)
class Column:
    index: int
    header: str


def split_number(text: str) -> tuple[int | None, str]:
    """``"2. Hvordan …?"`` → ``(2, "Hvordan …?")``; unnumbered text gives ``None``."""
    m = _NUMBERED.match(text)
    if m:
        return int(m.group("n")), m.group("t").strip()
    return None, text


def _is_tick_column(values: pd.Series, option: str) -> bool:
    """A column belongs to a multi-select group when its values are ticks or free text
    under an "Andet"-style option — not, say, a grid row answered on a scale."""
    uniq = set(_distinct(clean_series(values)).str.lower())
    if not uniq:
        return True
    known = {"x", "1", "ja", "valgt", "y", "yes", "1.0", option.lower()} | set(TICK_NO)
    if uniq <= known:
        return True
    other_like = option.lower().startswith(("andet", "other", "anden", "andre"))
    return other_like and len(uniq - known) >= 1


Group = tuple[str, list[tuple[Column, str]]]


def group_columns(cols: list[Column], frame: pd.DataFrame) -> list[Group]:
    """Group adjacent columns sharing a question prefix into multi-select candidates.

    Returns ``[(question_text, [(column, option), ...]), ...]`` in sheet order; a
    single column is a group of one with option ``""``.
    """
    groups: list[tuple[str, list[tuple[Column, str]]]] = []
    i = 0
    while i < len(cols):
        best: list[tuple[Column, str]] = []
        best_q = ""
        for rx in _SPLITTERS:
            run = _run(cols, i, rx, frame)
            if len(run[1]) > len(best):
                best_q, best = run
        if len(best) >= 2:
            groups.append((best_q, best))
            i += len(best)
        else:
            groups.append((cols[i].header, [(cols[i], "")]))
            i += 1
    return groups


def _run(cols: list[Column], start: int, rx: re.Pattern[str],
         frame: pd.DataFrame) -> tuple[str, list[tuple[Column, str]]]:
    m = rx.match(cols[start].header)
    if not m:
        return "", []
    q = m.group("q").strip()
    run: list[tuple[Column, str]] = []
    for col in cols[start:]:
        mm = rx.match(col.header)
        if not mm or mm.group("q").strip() != q:
            break
        opt = mm.group("o").strip()
        if not _is_tick_column(frame[col.index], opt):
            return "", []
        run.append((col, opt))
    return q, run


def _looks_packed(vals: pd.Series) -> bool:
    """Several options packed into one cell, ``;``-joined (MS Forms style)."""
    nonblank = int(vals.count())
    if nonblank < 2:
        return False
    # Decided on the distinct cells, weighted by how often each occurs.
    distinct, counts = _distinct_counts(vals)
    with_sep = sum(n for v, n in zip(distinct, counts, strict=True) if ";" in str(v))
    if with_sep / nonblank < 0.2:
        return False
    tokens = {t.strip() for v in distinct for t in str(v).split(";")} - {""}
    return len(tokens) <= max(12, nonblank // 3)


def split_packed(vals: pd.Series) -> tuple[pd.DataFrame, list[str]]:
    """Explode ``"A;B;"`` cells into one bool column per option, options by frequency order."""
    # Work on distinct cells (in order of first appearance, so options keep theirs) and
    # spread the result back by code: a 500 000-row column has a few hundred distinct cells.
    codes, cells = pd.factorize(vals.fillna(""))
    sets = [frozenset(clean_label(t) for t in str(cell).split(";")) for cell in cells]
    seen: dict[str, None] = {}
    for cell in cells:
        for t in str(cell).split(";"):
            t = clean_label(t)
            if t:
                seen.setdefault(t, None)
    options = list(order_options(list(seen)))
    ticks = np.array([[o in s for o in options] for s in sets], dtype=bool)
    ticks = ticks.reshape(len(sets), len(options))[codes]
    frame = pd.DataFrame({o: ticks[:, i] for i, o in enumerate(options)})
    return frame, options


_TEXT_HEADER = re.compile(
    r"kommentar|bemærkning|uddyb|beskriv|fritekst|begrund|eksempl|comment|describe|explain",
    re.I)


def _classify(vals: pd.Series, header: str = "") -> QType:
    """single, numeric or text from the values (and the header's wording, for text).

    Free text is recognised by long answers, by many distinct answers, or by answers
    that are nearly all different sentences: 14 municipalities writing 14 different
    remarks are not a 14-option question.
    """
    nonblank = int(vals.count())
    if not nonblank:
        return QType.SINGLE
    distinct = _distinct(vals)  # the verdicts below depend only on these
    uniq = len(distinct)
    if _all_numeric(distinct.iloc[:64]):  # free text fails on the first few values
        num = _numbers(distinct)
        if num.notna().all() and (uniq > 12 or (num % 1 != 0).any()):
            return QType.NUMERIC
    distinct, counts = _distinct_counts(vals)
    lengths = pd.Series(distinct, dtype=vals.dtype).str.len().to_numpy(dtype=np.int64)
    mean_length = int(lengths @ np.asarray(counts, dtype=np.int64)) / nonblank
    mostly_unique = uniq > 0.5 * nonblank
    sentences = uniq >= 5 and uniq >= 0.8 * nonblank and mean_length > 25
    if (mean_length > 60 or (uniq > 15 and mostly_unique) or sentences
            or (mostly_unique and _TEXT_HEADER.search(header))):
        return QType.TEXT
    return QType.SINGLE


def _distinct(vals: pd.Series) -> pd.Series:
    """Non-blank values once each, in order of first appearance (memoised per column)."""
    return pd.Series(factorize(vals)[1], dtype=vals.dtype)


def _distinct_counts(vals: pd.Series) -> tuple[list[object], list[int]]:
    codes, uniques = factorize(vals)
    return uniques.tolist(), np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()


def _numbers(vals: pd.Series) -> pd.Series:
    return pd.to_numeric(vals.str.replace(",", ".", regex=False), errors="coerce")


def _all_numeric(vals: pd.Series) -> bool:
    return bool(_numbers(vals).notna().all())


def read_grid(table: RawTable, source: SourceInfo, *, complete_only: bool = False) -> Survey:
    """Build a survey from a raw grid whose first row holds the headers."""
    frame = table.frame
    if len(frame) < 2:
        raise InputError("Filen indeholder kun en overskriftsrække og ingen besvarelser",
                         file=table.file, sheet=table.sheet,
                         hint="Tjek at du har eksporteret besvarelserne, ikke kun skemaet")
    header = [clean_label(h) if pd.notna(h) else "" for h in frame.iloc[0]]
    body = frame.iloc[1:].reset_index(drop=True)
    b = SurveyBuilder(source=source, rows=list(table.rows[1:]))
    cols = [Column(i, h) for i, h in enumerate(header) if h]
    muni_col = _municipality_column(cols, body)
    if muni_col is not None:
        b.municipality_raw = body[muni_col.index]
    answer_cols = [c for c in cols if c is not muni_col and c.header.lower() not in META_HEADERS]
    if not answer_cols:
        raise InputError("Filen har ingen spørgsmålskolonner", file=table.file,
                         sheet=table.sheet, hint="Første række skal indeholde spørgsmålene")
    _add_groups(b, group_columns(answer_cols, body), body)
    columns.clear()  # the memo holds this sheet's columns; let them go with the sheet
    return b.build(complete_only=complete_only)


def _municipality_column(cols: list[Column], body: pd.DataFrame) -> Column | None:
    by_name = {c.header: c for c in cols}
    columns.prefetch([body[c.index] for c in cols])  # every later look reuses these
    candidates = {c.header: _nonblank(body[c.index]) for c in cols
                  if _may_name_municipalities(body[c.index])}
    found = mun.detect_column(candidates, min_share=_MUNICIPALITY_SHARE)
    return by_name.get(found) if found else None


def _may_name_municipalities(col: pd.Series) -> bool:
    """False only when the column certainly falls short of the share detection needs.

    A column with few distinct values is settled exactly here (one lookup per value), so
    only the municipality column and high-cardinality ones reach ``detect_column``;
    the verdict is the same, without a Python object per cell for the other 50 columns.
    """
    codes, uniques = factorize(col)
    if len(uniques) > 500:
        return True
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
    items = [(v, n) for v, n in zip(uniques.tolist(), counts, strict=True)
             if not isinstance(v, str) or v.strip()]
    total = sum(n for _, n in items)  # as municipalities.match_share, from the counts
    matched = sum(n for v, n in items if mun.match(v) is not None)
    return bool(total) and matched / total >= _MUNICIPALITY_SHARE


def _nonblank(col: pd.Series) -> pd.Series:
    arr = arrow_strings(col)
    if arr is None:
        return col.dropna()
    return pd.Series(pc.drop_null(arr), dtype=col.dtype, name=col.name)


def _add_groups(b: SurveyBuilder, groups: list[tuple[str, list[tuple[Column, str]]]],
                body: pd.DataFrame) -> None:
    used: set[int] = set()
    for seq, (qtext, members) in enumerate(groups, start=1):
        number, text = split_number(qtext)
        number = number if number is not None and number not in used else _next(used, seq)
        used.add(number)
        q = Question(id=f"q{number}", number=number, text=text, type=QType.SINGLE,
                     columns=tuple(c.header for c, _ in members))
        if len(members) > 1:
            chosen, other = tick_frame([(body[c.index], opt) for c, opt in members])
            b.add_multi(q, chosen, other)
            continue
        vals = clean_series(body[members[0][0].index])
        if _looks_packed(vals):
            frame, _ = split_packed(vals)
            b.add_multi(q, frame)
            continue
        kind = _classify(vals, text)
        {QType.SINGLE: b.add_single, QType.NUMERIC: b.add_numeric,
         QType.TEXT: b.add_text}[kind](q, vals)


def _next(used: set[int], seq: int) -> int:
    n = seq
    while n in used:
        n += 1
    return n


def _detect(probe: Probe) -> float:
    """The fallback: any readable single-table file is a candidate, with low confidence."""
    return 0.0 if probe.kind == "dir" else 0.1


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    return read_grid(table, probe.source("generic", table.sheet),
                     complete_only=options.complete_only)


READER = Reader(name="generic", label="Generisk regneark/CSV (én kolonne pr. spørgsmål)",
                detect=_detect, read=_read)
