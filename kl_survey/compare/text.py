"""Every string the table and Markdown outputs print, decided once.

The terminal table and the Markdown file lay out the same cells and notes, so they can
never disagree about a number. Changes are rounded here, once, from the exact value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kl_survey.compare.model import Cell, Comparison, QuestionComparison, Row, Transitions
from kl_survey.compare.strings import s
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.municipalities import Municipality
from kl_survey.numbers import (
    Lang,
    format_decimal,
    format_int,
    format_percent,
    format_pp,
    round_half_up,
)

#: Switches listed by name under a question; the rest are summed up.
MAX_SWITCHES = 4


@dataclass(frozen=True)
class QuestionText:
    heading: str
    notes: tuple[str, ...]  # reworded texts, "Flere svar muligt"
    head: tuple[str, ...]  # column titles
    rows: tuple[tuple[str, ...], ...]
    strong: tuple[bool, ...]  # per row: the "Ja i alt" total
    after: tuple[str, ...]  # switches and the test, below the table


def names(ms: tuple[Municipality, ...], lang: Lang) -> str:
    return ", ".join(f"{m.name} ({m.code})" for m in ms) or s("nobody", lang)


def summary(c: Comparison, lang: Lang) -> list[str]:
    """Rounds with their n, the panel, who came and who went, one-round questions."""
    lines = [s("title", lang, labels=" → ".join(c.labels))]
    for r in c.rounds:
        lines.append(s("round_line", lang, label=r.label,
                       n=format_int(r.analysis.respondents, lang), file=r.analysis.source.file))
    last = c.labels[-1]
    if c.panel.available:
        n = format_int(len(c.panel.municipalities), lang)
        lines.append(s("panel_two", lang, n=n) if len(c.rounds) == 2
                     else s("panel_all", lang, n=n, k=len(c.rounds)))
        lines.append(s("entered", lang, label=last, names=names(c.panel.entered, lang)))
        lines.append(s("left", lang, label=last, names=names(c.panel.left, lang)))
    else:
        lines.append(s("no_panel", lang))
    for k, label in zip(c.panel.unidentified, c.labels, strict=True):
        if k and c.panel.available:
            lines.append(s("unidentified", lang, n=format_int(k, lang), label=label))
    for o in c.only_in:
        items = "; ".join(s("only_item", lang, n=q.number, id=q.id, text=q.text)
                          for q in o.questions)
        lines.append(s("only_in", lang, label=c.labels[o.round], items=items))
    return lines


def percent(cell: Cell | None, lang: Lang) -> str:
    if cell is None:
        return s("missing", lang)
    if cell.excluded:
        return t("excluded", lang)
    return format_percent(cell.count, cell.base, lang)


def _heading(c: Comparison, q: QuestionComparison, lang: Lang) -> str:
    latest = q.latest
    heading = s("heading", lang, n=latest.number, text=latest.text)
    numbers = {x.number for x in q.questions if x is not None}
    if len(numbers) > 1:
        listed = ", ".join(f"{c.labels[i]}: {x.number}" for i, x in enumerate(q.questions)
                           if x is not None)
        heading += f" ({s('renumbered', lang, numbers=listed)})"
    return heading


def columns(c: Comparison, q: QuestionComparison, lang: Lang) -> tuple[str, ...]:
    """Option, one share per round (with its n), the change, and the panel's change.

    The panel's own shares are in the JSON, CSV and xlsx outputs; the table keeps to
    what fits a terminal: the change over all respondents and over the panel.
    """
    head = [t("option", lang)]
    for label, base in zip(c.labels, q.bases, strict=True):
        n = s("n", lang, n=format_int(base, lang)) if base is not None else s("missing", lang)
        head.append(f"{label}\n{n}")
    head.append(s("change", lang) + "\n" + s("all", lang))
    if c.panel.available:
        head.append(s("change", lang) + "\n" + s("panel", lang, n=format_int(q.panel, lang)))
    return tuple(head)


def row_cells(c: Comparison, r: Row, label: str, lang: Lang) -> tuple[str, ...]:
    """One option's cells: label, each round's share, the change, the panel's change."""
    cells = [label] + [percent(x, lang) for x in r.rounds] + [format_pp(r.change, lang)]
    if c.panel.available:
        cells.append(format_pp(r.panel_change, lang))
    return tuple(cells)


def question(c: Comparison, q: QuestionComparison, lang: Lang) -> QuestionText:
    notes: list[str] = []
    if q.wording_changed:
        notes.append(s("reworded", lang))
        notes += [s("text_in", lang, label=c.labels[i], text=q.texts[i]) for i in q.present]
    if q.type is QType.MULTI:
        notes.append(t("multi", lang))
    rows = [row_cells(c, r, r.label, lang) for r in q.options]
    strong = [False] * len(rows)
    if q.yes is not None and (q.type is QType.MULTI or len(q.yes_labels) > 1):
        rows.append(row_cells(c, q.yes, t("yes", lang), lang))
        strong.append(True)
    after = transitions_text(c, q.transitions, lang) if q.transitions else []
    if q.type in (QType.TEXT, QType.NUMERIC):
        after.append(s("not_compared", lang))
    return QuestionText(_heading(c, q, lang), tuple(notes), columns(c, q, lang),
                        tuple(rows), tuple(strong), tuple(after))


def transitions_text(c: Comparison, tr: Transitions, lang: Lang) -> list[str]:
    first, last = c.labels[tr.first], c.labels[tr.last]
    moved = tr.switches
    if not moved:
        lines = [s("no_switches", lang, first=first, last=last)]
    else:
        shown = [s("switch", lang, k=format_int(p.count, lang), a=p.before, b=p.after)
                 for p in moved[:MAX_SWITCHES]]
        rest = sum(p.count for p in moved[MAX_SWITCHES:])
        if rest:
            shown.append(s("more", lang, k=format_int(rest, lang)))
        lines = [s("switches", lang, first=first, last=last, items=", ".join(shown))]
    if tr.test is not None:
        lines.append(s("test", lang, yes=format_int(tr.test.became_yes, lang),
                       no=format_int(tr.test.became_no, lang), p=p_value(tr.test.p_value, lang)))
    return lines


def p_value(p: float, lang: Lang) -> str:
    """Three decimals, as journals print them; below 0,001 as "< 0,001"."""
    if p < 0.001:
        return "< " + format_decimal(Decimal("0.001"), lang, 3)
    return format_decimal(round_half_up(Fraction(p), 3), lang, 3)
