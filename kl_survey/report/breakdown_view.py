"""What the report prints for ``--by``, ``--bounds`` and ``--ci``, decided once.

:mod:`.structure` calls these from its section and table builders, so the report's
page, PDF and figures get a breakdown (chart data on the report's one scale, plus the
groups × options table), the bounds sentence under the key sentence, range columns in
each question's table and the method box's note, all as formatted strings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kl_survey.numbers import Lang
from kl_survey.output import breakdown_tables, census_text
from kl_survey.output.census_text import group_heading, text
from kl_survey.report import order
from kl_survey.report.breakdown_chart import BreakdownChart, build
from kl_survey.report.parts import Table, TableRow

if TYPE_CHECKING:
    from kl_survey.analysis import Analysis, QuestionResult
    from kl_survey.report.scale import BarScale


@dataclass(frozen=True)
class BreakdownSection:
    heading: str  # "Fordelt på region"
    chart: BreakdownChart
    table: Table  # groups × options, the total last
    notes: tuple[str, ...]  # why some cells show "–"


def section(r: QuestionResult, scale: BarScale, lang: Lang = "da",
            credit: str | None = None) -> BreakdownSection | None:
    """The breakdown under a question, when ``--by`` gave it one."""
    b = r.breakdown
    if b is None:
        return None
    muted = frozenset(o.label for o in r.options if order.is_muted(r.question, o.label))
    chart = build(r, scale, lang, muted=muted, credit=credit)
    head, rows = breakdown_tables.grid(r, lang)
    table = Table(breakdown_tables.title(r, lang), tuple(head),
                  tuple(TableRow(tuple(row), strong=i == len(rows) - 1)
                        for i, row in enumerate(rows)))
    title = b.title.lower() if b.by == "region" else b.title
    heading = f"{text('by', lang).capitalize()} {title}"  # the page's h3
    return BreakdownSection(heading, chart, table, tuple(census_text.breakdown_notes(b, lang)))


def scale_labels(a: Analysis, lang: Lang = "da") -> list[str]:
    """Group labels that will sit beside bars, for the report's one label column."""
    out: list[str] = []
    for r in a.questions:
        if r.breakdown is not None:
            out += [group_heading(g.label, g.base, lang) for g in r.breakdown.groups]
            out.append(group_heading(text("total", lang), r.base, lang))
    return out


def bounds_sentence(a: Analysis, r: QuestionResult, lang: Lang = "da") -> str | None:
    return census_text.key_sentence(a, r, lang)


def method_notes(a: Analysis, lang: Lang = "da") -> tuple[str, tuple[str, ...]]:
    """(heading, paragraphs) for the method box; no paragraphs without bounds/intervals."""
    notes = census_text.method_notes(a, lang)
    if notes:
        notes.append(text("explain", lang))
    return text("method_heading", lang), tuple(notes)


def with_ranges(table: Table, r: QuestionResult, lang: Lang = "da") -> Table:
    """A question's table with a column per range asked for (bounds, interval), matched
    to its rows by option label (the table follows the chart's order)."""
    columns = census_text.range_columns(r, lang)
    if not columns:
        return table
    by_label = {o.label: i for i, o in enumerate(r.options)}
    yes_label = r.yes is not None and len(r.yes.labels) > 1

    def extra(row: TableRow) -> tuple[str, ...]:
        i = by_label.get(row.cells[0])
        if i is not None:
            return tuple(cells[i] for _, cells, _ in columns)
        if row.strong and yes_label:
            return tuple(yes for _, _, yes in columns)
        return ("",) * len(columns)

    return replace(table, head=(*table.head, *(h for h, _, _ in columns)),
                   rows=tuple(replace(row, cells=(*row.cells, *extra(row)))
                              for row in table.rows))
