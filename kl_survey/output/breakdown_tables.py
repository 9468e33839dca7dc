"""A breakdown as a table: rich for the terminal, Markdown, and an xlsx sheet.

Options are rows and groups columns, each headed with its own n ("Nordjylland
(n=10)"), then the total; a cell is "60,7% (17)" and a withheld one "–", explained in
the footnote. Everything printed comes from :mod:`kl_survey.breakdown`'s cells via
:mod:`census_text`, so the three formats cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kl_survey.i18n import t
from kl_survey.numbers import Lang, format_percent, percent_value
from kl_survey.output.census_text import (
    WITHHELD,
    breakdown_notes,
    cell_text,
    group_heading,
    range_text,
    text,
)

if TYPE_CHECKING:
    from rich.console import Group as RichGroup

    from kl_survey.analysis import Analysis, QuestionResult
    from kl_survey.census import Uncertainty


def grid(r: QuestionResult, lang: Lang = "da") -> tuple[list[str], list[list[str]]]:
    """Header and rows as text, the one layout every format shares: a row per group
    headed with its n, a column per option, the total as the last row."""
    b = r.breakdown
    assert b is not None
    yes = _yes_column(r)
    header = [b.title, *(o.label for o in r.options), *([t("yes", lang)] if yes else [])]
    rows = []
    for g in b.groups:
        row = [group_heading(g.label, g.base, lang),
               *(cell_text(c, lang) or t("excluded", lang) for c in g.options)]
        if yes:
            row.append(cell_text(g.yes, lang) if g.yes is not None else "")
        rows.append(row)
    total = [group_heading(text("total", lang), r.base, lang),
             *(t("excluded", lang) if o.excluded
               else f"{format_percent(o.count, o.base, lang)} ({o.count})" for o in r.options)]
    if yes and r.yes is not None:
        total.append(f"{format_percent(r.yes.count, r.yes.base, lang)} ({r.yes.count})")
    return header, [*rows, total]


def ranges_grid(r: QuestionResult, lang: Lang = "da") -> tuple[list[str], list[list[str]]]:
    """The headline share's bounds and interval per group (where the group's N is known),
    as a second, narrow table; empty when neither was asked for."""
    b = r.breakdown
    assert b is not None
    keys = [k for k in ("bounds", "ci") if _any(r, k)]
    if r.yes is None or not keys:
        return [], []
    header = [b.title, t("yes", lang) if _yes_column(r) else r.yes.labels[0],
              *(text(k, lang) for k in keys)]
    rows = [[group_heading(g.label, g.base, lang), cell_text(g.yes, lang),
             *(range_text(g.yes.uncertainty, k, lang) for k in keys)]
            for g in b.groups if g.yes is not None]
    u = r.census.yes if r.census is not None else None
    rows.append([group_heading(text("total", lang), r.base, lang),
                 f"{format_percent(r.yes.count, r.yes.base, lang)} ({r.yes.count})",
                 *(range_text(u, k, lang) for k in keys)])
    return header, rows


def _yes_column(r: QuestionResult) -> bool:
    """A "Ja i alt" column only when the headline adds up several options."""
    return r.yes is not None and len(r.yes.labels) > 1


def _any(r: QuestionResult, key: str) -> bool:
    """Whether any group or the total has this range for the headline share."""
    assert r.breakdown is not None
    found = [g.yes.uncertainty for g in r.breakdown.groups if g.yes is not None]
    found.append(r.census.yes if r.census is not None else None)
    return any(u is not None and getattr(u, key) is not None for u in found)


def title(r: QuestionResult, lang: Lang = "da") -> str:
    b = r.breakdown
    assert b is not None
    return f"{t('question', lang)} {r.question.number}: {r.question.text} · " \
           f"{text('by', lang)} {b.title.lower() if b.by == 'region' else b.title}"


# ---------------------------------------------------------------- terminal


def rich_block(r: QuestionResult, lang: Lang = "da") -> RichGroup:
    from rich.console import Group

    assert r.breakdown is not None
    parts: list[Any] = [_rich_table(*grid(r, lang))]
    header, rows = ranges_grid(r, lang)
    if rows:
        parts.append(_rich_table(header, rows))
    from rich.text import Text

    notes = [Text(n, style="dim") for n in breakdown_notes(r.breakdown, lang)]
    return Group(Text(title(r, lang), style="bold"), *parts, *notes)


def _rich_table(header: list[str], rows: list[list[str]]) -> Any:
    """Group names with their n on one line up to 20 characters; longer ones wrap, so a
    long name (an answer used as a group) can never squeeze the numbers away."""
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=False)
    short = max((len(row[0]) for row in rows), default=0) <= 20
    table.add_column(header[0], no_wrap=short, overflow="fold")
    for h in header[1:]:
        table.add_column(h, justify="right", overflow="fold")
    for i, row in enumerate(rows):
        table.add_row(Text(row[0]), *row[1:], end_section=i == len(rows) - 2)
    return table


# ---------------------------------------------------------------- Markdown


def markdown(r: QuestionResult, lang: Lang = "da") -> list[str]:
    """The same tables as the terminal, escaped like the rest of the Markdown output;
    the total row in bold."""
    from kl_survey.output.tables import _md_escape as esc

    assert r.breakdown is not None
    lines = [f"### {esc(title(r, lang))}", ""]
    for header, rows in (grid(r, lang), ranges_grid(r, lang)):
        if not rows:
            continue
        lines += ["| " + " | ".join(esc(h) or " " for h in header) + " |",
                  "|" + "|".join(["---", *(["---:"] * (len(header) - 1))]) + "|"]
        for i, row in enumerate(rows):
            cells = [esc(c) for c in row]
            if i == len(rows) - 1:
                cells = [f"**{c}**" if c else c for c in cells]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    for note in breakdown_notes(r.breakdown, lang):  # one paragraph each
        lines += [f"*{esc(note)}*", ""]
    return lines


# ---------------------------------------------------------------- xlsx

_XLSX_HEADER = {
    "da": ["id", "nummer", "spørgsmål", "gruppering", "gruppe", "population", "base",
           "svarmulighed", "antal", "andel_pct_afrundet", "andel_brøk_præcis", "skjult",
           "grænse_lav", "grænse_høj", "interval_lav", "interval_høj"],
    "en": ["id", "number", "question", "grouping", "group", "population", "base", "option",
           "count", "share_pct_rounded", "share_fraction_exact", "suppressed", "bound_low",
           "bound_high", "interval_low", "interval_high"],
}
XLSX_WIDTHS = (8, 8, 50, 12, 22, 10, 7, 45, 8, 10, 12, 10, 11, 11, 11, 11)
_WHY = {"primary": ("primær", "primary"), "secondary": ("sekundær", "secondary")}


def xlsx_header(lang: Lang) -> list[str]:
    return list(_XLSX_HEADER[lang])


def sheet_name(a: Analysis, lang: Lang) -> str:
    if any(r.breakdown is not None for r in a.questions):
        return "Fordeling" if lang == "da" else "Breakdown"
    return "Grænser" if lang == "da" else "Bounds"


def number_formats(ws: Any, row: int) -> None:
    """The rounded percentage as 0.0, every fraction with six decimals, as on Resultater."""
    ws.cell(row, 10).number_format = "0.0"
    for col in (11, 13, 14, 15, 16):
        ws.cell(row, col).number_format = "0.000000"


def xlsx_rows(a: Analysis, lang: Lang = "da") -> list[list[object]]:
    """Long format, one row per question × group × option, then the total ("I alt").

    A withheld share or count is the text "–" (never an empty cell Excel would sum as
    0) and ``skjult`` says why: "primær" or "sekundær".
    """
    from kl_survey.grouping import display

    out: list[list[object]] = []
    for r in a.questions:
        if r.census is None and r.breakdown is None:
            continue
        q = r.question
        head: list[object] = [q.id, q.number, q.text,
                              r.breakdown.title if r.breakdown is not None else ""]
        for g in (r.breakdown.groups if r.breakdown is not None else ()):
            cells = [(c.label, c) for c in g.options]
            if _yes_column(r) and g.yes is not None:
                cells.append((t("yes", lang), g.yes))
            for label, c in cells:
                why = _WHY[g.suppression][lang != "da"] if g.suppression else None
                out.append([*head, display(g.label, lang), g.population, g.base, label,
                            *_shown(c.count, c.base, c.share, c.suppressed), why,
                            *_range_values(c.uncertainty)])
        total = [*head, text("total", lang),
                 r.census.population if r.census is not None else None, r.base]
        for i, o in enumerate(r.options):
            u = r.census.options[i] if r.census is not None else None
            out.append([*total, o.label, *_shown(o.count, o.base, o.share, False), None,
                        *_range_values(u)])
        if _yes_column(r) and r.yes is not None:
            u = r.census.yes if r.census is not None else None
            out.append([*total, t("yes", lang),
                        *_shown(r.yes.count, r.yes.base, r.yes.share, False), None,
                        *_range_values(u)])
    return out


def _shown(count: int | None, base: int, exact: float | None,
           suppressed: bool) -> list[object]:
    """(count, rounded %, exact fraction); "–" for what is withheld, empty if excluded."""
    if suppressed:
        return [WITHHELD if count is None else count, WITHHELD, WITHHELD]
    if exact is None:
        return [count, None, None]
    return [count, percent_value(count or 0, base), exact]


def _range_values(u: Uncertainty | None) -> list[object]:
    if u is None:
        return [None] * 4
    b, ci = u.bounds, u.ci
    return [b.low if b else None, b.high if b else None, ci.low if ci else None,
            ci.high if ci else None]
