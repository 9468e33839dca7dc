"""A grid's key sentence, alt texts and highlight, written from the counts.

Over months the note says "Antallet af henvendelser er steget fra 32 i januar til 102
i marts" and "I alt 198 henvendelser i 1. kvartal"; a row labelled "Antal X" gives
"Antallet af X" and "I alt … X", any other row is quoted. A Likert grid names the rows
answered most and least often with its yes answers ("I høj grad" or "I nogen grad").
Every number goes through :mod:`kl_survey.numbers`, rounded once.
"""

from __future__ import annotations

import re

from kl_survey.analysis import QuestionResult
from kl_survey.grid_analysis import GridRow, NumericRow
from kl_survey.numbers import Lang, format_int, format_percent
from kl_survey.periods import column_name, period_name
from kl_survey.report.strings import join_list, quote, s

_COUNT = re.compile(r"^(?:antal|number of)\s+(?P<what>.+)$", re.I)


def key_sentence(r: QuestionResult, lang: Lang) -> str:
    g = r.grid
    assert g is not None
    if g.rows:
        return _likert_sentence(r, lang)
    if not g.numeric_rows or r.base <= 0:
        return s("nobody", lang)
    if len(g.columns) > 1:
        return " ".join(x for x in (_change(g.numeric_rows[0], g.columns, lang),
                                    _total(g.numeric_rows[0], g.columns, lang)) if x)
    items = [f"{row.label} {_int(row.total.sum, lang)}" for row in g.numeric_rows]
    total = g.total.sum if g.total else 0.0
    return s("grid_split", lang, total=_int(total, lang), items=join_list(items, lang))


def _int(x: float, lang: Lang) -> str:
    return format_int(round(x), lang)


def _what(label: str) -> str | None:
    m = _COUNT.match(label.strip())
    return m.group("what") if m else None


def _change(row: NumericRow, columns: tuple[str, ...], lang: Lang) -> str | None:
    first, last = row.cells[0].stats, row.cells[-1].stats
    if first is None or last is None:
        return None
    a, b = first.sum, last.sum
    verb = "grid_rose" if b > a else "grid_fell" if b < a else "grid_same"
    what = _what(row.label)
    subject = (s("grid_count_of", lang, what=what) if what else quote(row.label, lang))
    return s(verb, lang, subject=subject, a=_int(a, lang), b=_int(b, lang),
             first=column_name(columns[0], lang), last=column_name(columns[-1], lang))


def _total(row: NumericRow, columns: tuple[str, ...], lang: Lang) -> str:
    period = period_name(columns, lang)
    when = (s("grid_in", lang, period=period) if period else
            s("grid_from_to", lang, first=column_name(columns[0], lang),
              last=column_name(columns[-1], lang)))
    what = _what(row.label)
    n = _int(row.total.sum, lang)
    if what:
        return s("grid_total", lang, n=n, what=what, when=when)
    return s("grid_total_quoted", lang, n=n, label=quote(row.label, lang), when=when)


def _share(row: GridRow, top: str | None) -> tuple[int, int]:
    if row.yes is not None:
        return row.yes.count, row.yes.base
    found = next((o for o in row.options if o.label == top and not o.excluded), None)
    return (found.count, found.base) if found else (0, row.base)


def _likert_sentence(r: QuestionResult, lang: Lang) -> str:
    g = r.grid
    assert g is not None
    rows = [row for row in g.rows if row.base > 0]
    if not rows:
        return s("nobody", lang)
    yes = next((row.yes.labels for row in rows if row.yes), None)
    top = r.question.options[0] if r.question.options else None
    labels = yes or ((top,) if top else ())
    answer = join_list([quote(x, lang) for x in labels], lang, "or")

    def share(row: GridRow) -> float:
        count, base = _share(row, top)
        return count / base if base else 0.0

    most = max(rows, key=share)
    least = min(rows, key=share)
    pct = format_percent(*_share(most, top), lang)
    if most is least:
        return s("grid_likert_one", lang, answer=answer, row=quote(most.label, lang), pct=pct)
    return s("grid_likert", lang, answer=answer, row=quote(most.label, lang), pct=pct,
             least=quote(least.label, lang), least_pct=format_percent(*_share(least, top),
                                                                     lang))


def highlight(r: QuestionResult, lang: Lang) -> tuple[str, str] | None:
    """(value, what) for the "Hovedresultater" box."""
    g = r.grid
    assert g is not None
    title = r.question.title or r.question.text
    if g.rows:
        rows = [row for row in g.rows if row.base > 0]
        if not rows:
            return None
        top = r.question.options[0] if r.question.options else None
        best = max(rows, key=lambda row: _share(row, top)[0] / max(_share(row, top)[1], 1))
        return format_percent(*_share(best, top), lang), f"{title}: {quote(best.label, lang)}"
    if not g.numeric_rows or g.total is None:
        return None
    row = g.numeric_rows[0]
    period = period_name(g.columns, lang) if len(g.columns) > 1 else None
    what = _what(row.label) or row.label
    text = f"{what} {s('grid_in', lang, period=period)}" if period else f"{title}: {what}"
    total = row.total.sum if len(g.columns) > 1 else g.total.sum
    if len(g.columns) <= 1:
        text = title
    return _int(total, lang), text


def alt_likert(r: QuestionResult, lang: Lang) -> str:
    g = r.grid
    assert g is not None
    head = s("alt_likert", lang, n=r.question.number)
    parts = ["{}: {}".format(row.label, ", ".join(
        f"{o.label} {format_percent(o.count, o.base, lang)}" for o in row.options
        if not o.excluded)) for row in g.rows]
    return f"{head} " + "; ".join(parts) + "."


def alt_periods(r: QuestionResult, lang: Lang) -> str:
    g = r.grid
    assert g is not None
    head = s("alt_periods", lang, n=r.question.number)
    parts = ["{}: {}".format(row.label, ", ".join(
        f"{column_name(col, lang)} {_int(c.stats.sum, lang) if c.stats else '–'}"
        for col, c in zip(g.columns, row.cells, strict=True))) for row in g.numeric_rows]
    return f"{head} " + "; ".join(parts) + "."


def feedback_lines(country: QuestionResult, own: QuestionResult,
                   lang: Lang) -> tuple[str, ...]:
    """A municipality's own grid answers, row by row, beside the whole country's:
    "Rekruttering: »I høj grad« (alle: 39,4%)" or "Antal henvendelser: 198 (alle:
    4.040)" (per-municipality feedback reports)."""
    g, mine = country.grid, own.grid
    assert g is not None and mine is not None
    out = []
    for row, own_row in zip(g.rows, mine.rows, strict=True):
        chosen = [o for o in own_row.options if o.count]
        if not chosen:
            continue
        c = next(o for o in row.options if o.label == chosen[0].label)
        out.append(s("grid_fb_likert", lang, row=row.label, answer=quote(chosen[0].label, lang),
                     pct=format_percent(c.count, c.base, lang)))
    for nrow, own_nrow in zip(g.numeric_rows, mine.numeric_rows, strict=True):
        out.append(s("grid_fb_number", lang, row=nrow.label, n=_int(own_nrow.total.sum, lang),
                     all=_int(nrow.total.sum, lang)))
    return tuple(out) or (s("fb_none", lang),)
