"""Grids in the machine outputs: the JSON keys added to ``kl-survey/analysis/1`` and the
flat rows behind CSV and the xlsx results sheet.

Additive to the published contract: a grid question keeps every key a question has
(``options`` empty, ``yes`` null) and adds

* ``grid``: ``rows: [{label, base, answered, options: [{label, count, share}], yes}]``;
* ``numeric_grid``: ``columns``, ``rows: [{label, cells: [{column, n, sum, mean, median,
  q1, q3, min, max}], total: {n, sum}}]``, ``column_totals: [{column, n, sum}]``, and
  ``total`` (the corner), ``totals`` (``"complete"`` or ``"all"``: whom the totals
  cover), ``complete`` (how many answered every cell) and ``derived`` rates.

Whole numbers are written as integers (198, not 198.0): they are counts.
"""

from __future__ import annotations

from typing import Any

from kl_survey.analysis import NumericStats, OptionCount, QuestionResult, YesResult
from kl_survey.grid_analysis import DerivedResult, GridResult
from kl_survey.i18n import t
from kl_survey.numbers import Lang, percent_value

_CELL_STATS = ("n", "sum", "mean", "median", "q1", "q3", "min", "max")


def number(x: float | None) -> float | int | None:
    """198.0 → 198; other values as they are."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else float(x)


def _option(o: OptionCount) -> dict[str, Any]:
    d: dict[str, Any] = {"label": o.label, "count": o.count, "share": o.share}
    if o.excluded:
        d["excluded"] = True
    return d


def _yes(y: YesResult | None) -> dict[str, Any] | None:
    return {"labels": list(y.labels), "count": y.count, "share": y.share} if y else None


def _cell(column: str | None, stats: NumericStats | None) -> dict[str, Any]:
    if stats is None:
        return {"column": column, "n": 0, "sum": 0, **dict.fromkeys(_CELL_STATS[2:])}
    return {"column": column, **{k: number(getattr(stats, k)) for k in _CELL_STATS}}


def _derived(d: DerivedResult) -> dict[str, Any]:
    f = d.fraction
    pct = percent_value(f.numerator, f.denominator) if f is not None else None
    return {"name": d.name, "numerator": d.numerator, "denominator": d.denominator,
            "numerator_sum": number(d.numerator_sum),
            "denominator_sum": number(d.denominator_sum),
            "value": d.value, "percent_rounded": float(pct) if pct is not None else None}


def grid_keys(r: QuestionResult) -> dict[str, Any]:
    """The keys a grid question adds to its JSON object."""
    g = r.grid
    assert g is not None
    if g.rows:
        return {"rows": [{"label": row.label, "base": row.base, "answered": row.answered,
                          "options": [_option(o) for o in row.options], "yes": _yes(row.yes)}
                         for row in g.rows]}
    return numeric_keys(g)


def numeric_keys(g: GridResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "columns": list(g.columns),
        "rows": [{"label": row.label, "cells": [_cell(c.column, c.stats) for c in row.cells],
                  "total": {"n": row.total.n, "sum": number(row.total.sum)}}
                 for row in g.numeric_rows],
        "column_totals": [{"column": c.column, "n": c.n, "sum": number(c.sum)}
                          for c in g.column_totals],
        "total": ({"n": g.total.n, "sum": number(g.total.sum)} if g.total else None),
        "totals": g.totals,
        "complete": g.complete,
    }
    if g.derived:
        out["derived"] = [_derived(d) for d in g.derived]
    return out


Flat = tuple[str, str, int | None, float | None, int, float | None]


def flat(r: QuestionResult, lang: Lang = "da", dash: str = " – ") -> list[Flat]:
    """Flat rows ``(kind, label, count, share, base, value)`` for CSV and xlsx: a grid's
    options per row (and its yes total), a numeric grid's cells and totals."""
    g = r.grid
    assert g is not None
    out: list[Flat] = []
    for row in g.rows:
        for o in row.options:
            out.append(("option", f"{row.label}{dash}{o.label}", o.count, o.share, row.base,
                        None))
        if row.yes is not None and len(row.yes.labels) > 1:
            out.append(("yes", f"{row.label}{dash}{' / '.join(row.yes.labels)}", row.yes.count,
                        row.yes.share, row.base, None))
    for nrow in g.numeric_rows:
        for c in nrow.cells:
            label = nrow.label if c.column is None else f"{nrow.label}{dash}{c.column}"
            out.append(("cell", label, c.stats.n if c.stats else 0, None,
                        c.stats.n if c.stats else 0, c.stats.sum if c.stats else None))
        if len(nrow.cells) > 1:
            out.append(("total", f"{nrow.label}{dash}{t('row_total', lang)}", nrow.total.n,
                        None, nrow.total.n, nrow.total.sum))
    for ct in g.column_totals if g.numeric_rows else ():
        label = t("column_total", lang) + (f"{dash}{ct.column}" if ct.column else "")
        out.append(("total", label, ct.n, None, ct.n, ct.sum))
    for d in g.derived:
        out.append(("derived", d.name, None, None, 0, d.value))
    return out
