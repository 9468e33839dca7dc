"""What the report adds to a question when it is compared with earlier rounds.

Everything is decided here as strings and bar lengths, from the
:class:`~kl_survey.compare.model.Comparison`: the paired-bar chart's rows, the change
printed beside each pair, the alt text, and the key sentence naming the largest change
in the panel. :mod:`.compare_chart` only draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kl_survey.compare.model import Cell, Comparison, QuestionComparison, Row
from kl_survey.compare.strings import s
from kl_survey.numbers import Lang, format_int, format_percent, format_pp
from kl_survey.report import order


@dataclass(frozen=True)
class PairRow:
    """One option: a bar per round (``None``: no bar), its printed share, the change."""

    label: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]
    change: str
    muted: bool = False


@dataclass(frozen=True)
class CompareChart:
    fig_id: str  # "q01-compare": file stem and HTML id prefix
    rounds: tuple[str, ...]  # legend, oldest first; the last is drawn dark
    rows: tuple[PairRow, ...]  # top to bottom
    title: str | None
    notes: tuple[str, ...]
    alt: str
    lang: Lang


@dataclass(frozen=True)
class CompareSection:
    key_sentence: str
    chart: CompareChart | None


def _text(cell: Cell | None, lang: Lang) -> str:
    if cell is None or cell.exact is None:
        return "–"
    return format_percent(cell.count, cell.base, lang)


def _share(cell: Cell | None) -> float | None:
    return None if cell is None else cell.share


def _ordered(c: Comparison, q: QuestionComparison) -> list[Row]:
    """The latest round's chart order (multi-select by share, residual answers last),
    then options only earlier rounds had."""
    latest = q.latest
    result = next((r for r in c.rounds[q.present[-1]].analysis.questions
                   if r.question is latest), None)
    first = [o.label for o in order.display_order(result)] if result else []
    by_label = {r.label: r for r in q.options}
    rows = [by_label[label] for label in first if label in by_label]
    return rows + [r for r in q.options if r not in rows]


def chart(c: Comparison, q: QuestionComparison, lang: Lang, source: str) -> CompareChart | None:
    if order.chart_kind(q.latest) is None or not q.options:
        return None
    present = list(q.present)
    rows = tuple(
        PairRow(r.label, tuple(_share(r.rounds[i]) for i in present),
                tuple(_text(r.rounds[i], lang) for i in present), format_pp(r.change, lang),
                order.is_muted(q.latest, r.label))
        for r in _ordered(c, q) if any(r.rounds[i] is not None for i in present))
    labels = tuple(c.labels[i] for i in present)
    bases = ", ".join(f"{c.labels[i]}: {format_int(q.bases[i] or 0, lang)}" for i in present)
    notes = (s("chart_bases", lang, items=bases) + " · "
             + s("chart_change", lang, first=labels[0], last=labels[-1]), source)
    items = "; ".join(f"{r.label}: {' / '.join(r.texts)} ({r.change})" for r in rows)
    alt = f"{s('alt', lang, n=q.latest.number, rounds=' og '.join(labels))} {items}."
    return CompareChart(f"q{q.latest.number:02d}-compare", labels, rows, q.latest.title,
                        notes, alt, lang)


def largest_panel_change(q: QuestionComparison, panel: bool) -> Row | None:
    """The option whose share moved most (in the panel when there is one); ties go to
    the option listed first. ``None`` when nothing can be compared."""
    best: tuple[Fraction, Row] | None = None
    for r in q.options:
        value = r.panel_change if panel else r.change
        if value is not None and (best is None or abs(value) > abs(best[0])):
            best = (value, r)
    return best[1] if best else None


def key_sentence(c: Comparison, q: QuestionComparison, lang: Lang) -> str:
    panel = c.panel.available and q.panel > 0
    first, last = c.labels[q.present[0]], c.labels[q.present[-1]]
    row = largest_panel_change(q, panel)
    if row is None:
        return ""
    change = row.panel_change if panel else row.change
    cells = row.panel if panel else row.rounds
    if change == 0:
        text = s("unchanged", lang, first=first, last=last)
    else:
        a, b = cells[q.present[0]], cells[q.present[-1]]
        key = "largest_panel" if panel else "largest_all"
        text = s(key, lang, n=format_int(q.panel, lang), label=row.label, a=_text(a, lang),
                 b=_text(b, lang), pp=format_pp(change, lang, long=True))
    if q.wording_changed:
        text += " " + s("reworded_note", lang, first=first)
    return text


def section(c: Comparison, q: QuestionComparison, lang: Lang, source: str) -> CompareSection:
    return CompareSection(key_sentence(c, q, lang), chart(c, q, lang, source))
