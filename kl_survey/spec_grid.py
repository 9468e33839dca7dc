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


def _fail(text: str, name: str, loc: tuple[str | int, ...], message: str, hint: str) -> Any:
    from kl_survey.spec_lines import spec_error

    raise spec_error(text, name, loc, message, hint)


def _check(i: int, q: QuestionSpec, text: str, name: str) -> None:
    def fail(key: tuple[str | int, ...], message: str, hint: str) -> None:
        _fail(text, name, ("question", i, *key), message, hint)

    is_grid = q.type in GRID_TYPES
    for key in ("rows", "grid_columns", "totals"):
        if getattr(q, key) is not None and not is_grid:
            fail((key,), f"bruges kun med type = \"grid\" eller \"numeric_grid\", men type er "
                 f"{q.type or 'ikke angivet'}", "Angiv type, eller fjern nøglen")
    if q.derived and q.type != "numeric_grid":
        fail(("derived",), "afledte tal (derived) kræver type = \"numeric_grid\"",
             "Angiv type = \"numeric_grid\", eller fjern [[question.derived]]")
    if q.grid_columns is not None and q.type != "numeric_grid":
        fail(("grid_columns",), "kun et numerisk gitter har kolonner",
             "Brug type = \"numeric_grid\", eller fjern grid_columns")
    for key in ("rows", "grid_columns"):
        labels = getattr(q, key) or []
        dupes = sorted({x for x in labels if labels.count(x) > 1})
        if dupes:
            fail((key,), f"'{dupes[0]}' står to gange", "Hver række og kolonne skal have sit "
                 "eget navn")
    if is_grid and q.rows and q.columns:
        cells = len(q.rows) * max(1, len(q.grid_columns or []))
        if len(q.columns) != cells:
            fail(("columns",), f"{len(q.columns)} kolonner passer ikke til {len(q.rows)} "
                 f"rækker" + (f" x {len(q.grid_columns or [])} kolonner" if q.grid_columns
                               else ""),
                 "Skriv én kildekolonne pr. celle, række for række")
    if is_grid and q.columns and not q.rows:
        fail(("rows",), "mangler: et gitter af kildekolonner skal have rows",
             "Skriv rækkernes navne, fx rows = [\"Rekruttering\", \"Fysiske rammer\"]")
    for j, d in enumerate(q.derived):
        for key in ("numerator", "denominator"):
            problem = _reference_problem(getattr(d, key), q)
            if problem:
                fail(("derived", j, key), problem,
                     "Skriv fx \"q1:Antal henvendelser\" (rækkens total) eller "
                     "\"q1:Antal henvendelser:Januar\" (en celle)")


def _reference_problem(ref: str, q: QuestionSpec) -> str | None:
    from kl_survey.grid import split_reference

    rows = tuple(q.rows or ())
    qid, row, column = split_reference(ref, rows)
    if not row:
        return f"'{ref}' er ikke en reference som \"{q.id}:Række\""
    if qid != q.id:
        return f"'{ref}' peger på {qid}, men et afledt tal regnes inden for {q.id}"
    if rows and row not in rows:
        return f"'{row}' er ikke en af rækkerne i {q.id}"
    if column is not None and q.grid_columns is not None and column not in q.grid_columns:
        return f"'{column}' er ikke en af kolonnerne i {q.id}"
    return None
