"""The spec's grid keys, and the checks that need the whole question to make.

A grid in the spec (``type = "grid"`` or ``"numeric_grid"``)::

    [[question]]
    id = "q1"
    type = "numeric_grid"
    rows = ["Antal henvendelser", "Antal screeningssamtaler"]
    grid_columns = ["Januar", "Februar", "Marts"]
    columns = ["Henvendelser januar", "Henvendelser februar", "Henvendelser marts",
               "Screeninger januar", "Screeninger februar", "Screeninger marts"]
    totals = "complete"   # or "all"

    [[question.derived]]
    name = "Screening pr. henvendelse"
    numerator = "q1:Antal screeningssamtaler"
    denominator = "q1:Antal henvendelser"

``columns`` are source columns, as for every question: for a grid one per row, for a
numeric grid one per cell, row by row. Naming plain columns this way turns them into
one grid (a form that asked each month as a number question of its own); for a grid
the reader found, ``rows`` and ``grid_columns`` fix the order. A derived rate is
``numerator / denominator``, each ``"id:Row"`` (the row's total) or ``"id:Row:Column"``
(one cell's sum) of this question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from kl_survey.messages import msg, plural

if TYPE_CHECKING:
    from kl_survey.spec import QuestionSpec, Spec

GRID_TYPES = ("grid", "numeric_grid")


class DerivedSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: str
    numerator: str
    denominator: str


def check_grids(spec: Spec, text: str, name: str) -> None:
    """What pydantic cannot check: the grid keys fit together, references name rows."""
    for i, q in enumerate(spec.question):
        _check(i, q, text, name)


def _fail(text: str, name: str, loc: tuple[str | int, ...], message: str,
          hint: str | None = None) -> Any:
    from kl_survey.spec_lines import spec_error

    raise spec_error(text, name, loc, message, hint)


def _check(i: int, q: QuestionSpec, text: str, name: str) -> None:
    def fail(key: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        _fail(text, name, ("question", i, *key), message, hint)

    is_grid = q.type in GRID_TYPES
    for key in ("rows", "grid_columns", "totals"):
        if getattr(q, key) is not None and not is_grid:
            fail((key,), msg("spec.grid-only", type=q.type or msg("spec.no-type")))
    if q.derived and q.type != "numeric_grid":
        fail(("derived",), msg("spec.derived-needs-numeric"))
    if q.grid_columns is not None and q.type != "numeric_grid":
        fail(("grid_columns",), msg("spec.grid-columns-numeric"))
    for key in ("rows", "grid_columns"):
        labels = getattr(q, key) or []
        dupes = sorted({x for x in labels if labels.count(x) > 1})
        if dupes:
            fail((key,), msg("spec.grid-label-twice", label=dupes[0]))
    if is_grid and q.rows and q.columns:
        cells = len(q.rows) * max(1, len(q.grid_columns or []))
        if len(q.columns) != cells:
            by = plural(len(q.grid_columns), "spec.grid-by") if q.grid_columns else ""
            fail(("columns",), plural(len(q.columns), "spec.grid-cells", by=by,
                                      rows=plural(len(q.rows), "spec.grid-rows")))
    if is_grid and q.columns and not q.rows:
        fail(("rows",), msg("spec.grid-rows-missing"))
    for j, d in enumerate(q.derived):
        for key in ("numerator", "denominator"):
            problem = _reference_problem(getattr(d, key), q)
            if problem:
                fail(("derived", j, key), problem, msg("spec.reference-example"))


def _reference_problem(ref: str, q: QuestionSpec) -> str | None:
    from kl_survey.grid import split_reference

    rows = tuple(q.rows or ())
    qid, row, column = split_reference(ref, rows)
    if not row:
        return msg("spec.reference-form", ref=ref, id=q.id)
    if qid != q.id:
        return msg("spec.reference-other", ref=ref, other=qid, id=q.id)
    if rows and row not in rows:
        return msg("spec.reference-row", row=row, id=q.id)
    if column is not None and q.grid_columns is not None and column not in q.grid_columns:
        return msg("spec.reference-column", column=column, id=q.id)
    return None
