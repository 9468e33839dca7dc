"""A grid as one table, for the terminal, Markdown and the xlsx grid sheets.

* A grid: one line per row, one column per option with the row's share (a "Ved ikke"
  the base leaves out shows its count in parentheses), the yes total when the spec has
  one, and the row's base (n).
* A numeric grid: laid out like Copenhagen's Tabel 1 — one line per row, one column
  per period, "Samlet" (the row's total) and a last "I alt" line of column totals.
  The cells are sums over those who answered them; the note under the table says
  whom "Samlet" and "I alt" cover.

:func:`cells` gives the same table as numbers (for the workbook); :func:`view` as the
strings the terminal and Markdown print, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kl_survey.analysis import QuestionResult
from kl_survey.grid_analysis import DerivedResult, GridResult
from kl_survey.i18n import t
from kl_survey.numbers import (
    Lang,
    format_decimal,
    format_int,
    format_number,
    format_percent,
    round_half_up,
)

Cell = str | int | float | None


@dataclass(frozen=True)
class GridTable:
    """The table with numbers as numbers (shares as fractions), and its notes."""

    head: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    strong: tuple[bool, ...]  # the "I alt" line
    notes: tuple[str, ...]
    percent: tuple[bool, ...]  # per column: a share


def _n(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


def cells(r: QuestionResult, lang: Lang = "da") -> GridTable:
    g = r.grid
    assert g is not None
    if g.rows:
        return _likert(r, g, lang)
    return _numbers(g, lang)


def _likert(r: QuestionResult, g: GridResult, lang: Lang) -> GridTable:
    q = r.question
    yes = next((row.yes for row in g.rows if row.yes is not None), None)
    head = ("", *q.options, *((yes_heading(yes.labels, lang),) if yes and len(yes.labels) > 1
                              else ()), t("base", lang) + " (n)")
    rows = []
    for row in g.rows:
        line: list[Cell] = [row.label]
        line += [o.count if o.excluded else o.share for o in row.options]
        if yes and len(yes.labels) > 1:
            line.append(row.yes.share if row.yes else None)
        line.append(row.base)
        rows.append(tuple(line))
    percent = (False, *(not o.excluded for o in g.rows[0].options),
               *((True,) if yes and len(yes.labels) > 1 else ()), False)
    excluded = [o.label for o in g.rows[0].options if o.excluded]
    notes = (_excluded_note(excluded, lang),) if excluded else ()
    return GridTable(head, tuple(rows), (False,) * len(rows), notes, percent)


def yes_heading(labels: tuple[str, ...], lang: Lang) -> str:
    """"Ja i alt" when the yes answers say Ja; else what they are: "I høj grad + I
    nogen grad"."""
    from kl_survey.vocabulary import first_word

    if all(first_word(x) in ("ja", "yes") for x in labels):
        return t("yes", lang)
    return " + ".join(labels)


def _excluded_note(labels: list[str], lang: Lang) -> str:
    joined = ", ".join(labels)
    if lang == "da":
        return f"»{joined}« indgår ikke i basen; antallet står i parentes."
    return f"“{joined}” is not in the base; the count is in parentheses."


def _numbers(g: GridResult, lang: Lang) -> GridTable:
    many = len(g.columns) > 1
    head = ("", *(g.columns or (t("count", lang),)),
            *((t("row_total", lang),) if many else ()))
    rows: list[tuple[Cell, ...]] = []
    for row in g.numeric_rows:
        line: list[Cell] = [row.label]
        line += [_n(c.stats.sum) if c.stats else None for c in row.cells]
        if many:
            line.append(_n(row.total.sum))
        rows.append(tuple(line))
    last: list[Cell] = [t("column_total", lang), *(_n(c.sum) for c in g.column_totals)]
    if many and g.total is not None:
        last.append(_n(g.total.sum))
    rows.append(tuple(last))
    strong = (False,) * (len(rows) - 1) + (True,)
    notes = (totals_note(g, lang), *(derived_text(d, lang) for d in g.derived))
    return GridTable(head, tuple(rows), strong, notes, (False,) * len(head))


def derived_text(d: DerivedResult, lang: Lang) -> str:
    """"Screeningssamtaler pr. henvendelse: 18,2% (36 af 198)": the exact fraction,
    rounded half up once."""
    f = d.fraction
    num, den = format_number(d.numerator_sum, lang), format_number(d.denominator_sum, lang)
    if f is None:
        return f"{d.name}: – ({num} / {den})"
    pct = format_decimal(round_half_up(f * 100), lang) + "%"
    word = "af" if lang == "da" else "of"
    return f"{d.name}: {pct} ({num} {word} {den})"


def totals_note(g: GridResult, lang: Lang, bottom_line: bool = True) -> str:
    """Whom the totals cover, in words: the table states which. ``bottom_line``: the
    table has its "I alt" line (the report's Tabel 1 has only "Samlet")."""
    n = format_int(g.total.n if g.total else 0, lang)
    answered = max((c.stats.n for row in g.numeric_rows for c in row.cells if c.stats),
                   default=0)
    both = "Samlet og I alt" if bottom_line else "Samlet"
    what = (both if len(g.columns) > 1 else "I alt") if lang == "da" else "Totals"
    if g.totals == "all":
        if lang == "da":
            return f"{what} er summen af alle svar; hver celle er summen over dem, der svarede."
        return f"{what} are the sum of all answers; each cell sums those who answered it."
    one = g.total is not None and g.total.n == 1
    if lang == "da":
        note = (f"{what} er summen over den ene besvarelse." if one else
                f"{what} er summen over de {n} besvarelser, der har udfyldt alle felter.")
    else:
        note = (f"{what} are summed over the one response." if one else
                f"{what} are summed over the {n} responses that filled in every cell.")
    if g.complete < answered:  # some answered only some cells
        if lang == "da":
            note += " Cellerne er summen over dem, der har svaret i cellen."
        else:
            note += " Each cell sums those who answered it."
    return note


def view(r: QuestionResult, lang: Lang = "da") -> GridTable:
    """The same table as printed strings (Danish numbers, shares rounded half up once,
    from the counts)."""
    table = cells(r, lang)
    g = r.grid
    assert g is not None
    if not g.rows:
        rows = tuple(tuple(str(line[0]) if j == 0 else _number(v, lang)
                           for j, v in enumerate(line)) for line in table.rows)
        return GridTable(table.head, rows, table.strong, table.notes, table.percent)
    yes = len(table.head) > len(r.question.options) + 2
    text_rows = []
    for row in g.rows:
        line = [row.label]
        for o in row.options:
            line.append(f"({format_int(o.count, lang)})" if o.excluded
                        else format_percent(o.count, o.base, lang))
        if yes:
            line.append(format_percent(row.yes.count, row.yes.base, lang) if row.yes else "–")
        line.append(format_int(row.base, lang))
        text_rows.append(tuple(line))
    return GridTable(table.head, tuple(text_rows), table.strong, table.notes, table.percent)


def _number(value: Cell, lang: Lang) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return format_int(value, lang)
    return format_number(float(value), lang)
