"""What the report adds to a question when it is compared with earlier rounds.

Everything is decided here as strings and bar lengths, from the
:class:`~kl_survey.compare.model.Comparison` and the report's one
:class:`~.scale.BarScale`: the paired-bar chart's rows, the change printed beside each
pair, the alt text, the figures as a table, and the key sentence naming the largest
change in the panel. The page (``compare_chart.html.j2``) and :mod:`.compare_chart`
only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kl_survey.compare import text as compare_text
from kl_survey.compare.model import Cell, Comparison, QuestionComparison, Row
from kl_survey.compare.strings import s
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_percent, format_pp
from kl_survey.report import order
from kl_survey.report.chartdata import DEFAULT_SCALE
from kl_survey.report.parts import Fact, Table, TableRow
from kl_survey.report.scale import BarScale


@dataclass(frozen=True)
class PairRow:
    """One option: a bar per round (``None``: no bar), its printed share, the change."""

    label: str
    values: tuple[float | None, ...]  # the shares
    texts: tuple[str, ...]
    change: str
    muted: bool = False
    lengths: tuple[float | None, ...] = ()  # on the report's scale; () = the shares

    def __post_init__(self) -> None:
        if not self.lengths:
            object.__setattr__(self, "lengths", self.values)

    @property
    def tone(self) -> str:
        return "muted" if self.muted else "main"


@dataclass(frozen=True)
class CompareChart:
    fig_id: str  # "q01-compare": file stem and HTML id prefix
    rounds: tuple[str, ...]  # legend, oldest first; the last is drawn filled
    rows: tuple[PairRow, ...]  # top to bottom
    title: str | None
    notes: tuple[str, ...]
    alt: str
    lang: Lang
    scale: BarScale = DEFAULT_SCALE


@dataclass(frozen=True)
class CompareSection:
    heading: str  # "Udvikling siden Maj 2025"
    key_sentence: str
    chart: CompareChart | None
    table: Table | None


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
                   if r.question.id == latest.id), None)
    first = [o.label for o in order.display_order(result)] if result else []
    by_label = {r.label: r for r in q.options}
    rows = [by_label[label] for label in first if label in by_label]
    return rows + [r for r in q.options if r not in rows]


def chart(c: Comparison, q: QuestionComparison, lang: Lang, source: str | None,
          scale: BarScale = DEFAULT_SCALE) -> CompareChart | None:
    if order.chart_kind(q.latest) is None or not q.options:
        return None
    present = list(q.present)
    rows = []
    for r in _ordered(c, q):
        if all(r.rounds[i] is None for i in present):
            continue
        values = tuple(_share(r.rounds[i]) for i in present)
        rows.append(PairRow(r.label, values, tuple(_text(r.rounds[i], lang) for i in present),
                            format_pp(r.change, lang), order.is_muted(q.latest, r.label),
                            tuple(None if v is None else scale.length(v) for v in values)))
    labels = tuple(c.labels[i] for i in present)
    bases = ", ".join(f"{c.labels[i]}: {format_int(q.bases[i] or 0, lang)}" for i in present)
    footer = (s("chart_bases", lang, items=bases) + " · "
              + s("chart_change", lang, first=labels[0], last=labels[-1]))
    items = "; ".join(f"{r.label}: {' / '.join(r.texts)} ({r.change})" for r in rows)
    joined = f" {s('and', lang)} ".join(labels)
    alt = f"{s('alt', lang, n=q.latest.number, rounds=joined)} {items}."
    return CompareChart(f"q{q.latest.number:02d}-compare", labels, tuple(rows),
                        q.latest.title, (footer, source) if source else (footer,), alt, lang,
                        scale)


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


def table(c: Comparison, q: QuestionComparison, lang: Lang) -> Table | None:
    """The cells ``kl-survey compare`` prints, in the chart's order, for "Vis tal"."""
    if not q.options:
        return None
    head = tuple(h.replace("\n", ", ") for h in compare_text.columns(c, q, lang))
    rows = [TableRow(compare_text.row_cells(c, r, r.label, lang)) for r in _ordered(c, q)]
    if q.yes is not None and (q.type is QType.MULTI or len(q.yes_labels) > 1):
        rows.append(TableRow(compare_text.row_cells(c, q.yes, t("yes", lang), lang),
                             strong=True))
    return Table(s("table_caption", lang, n=q.latest.number), head, tuple(rows))


def section(c: Comparison, q: QuestionComparison, lang: Lang, source: str | None,
            scale: BarScale = DEFAULT_SCALE) -> CompareSection:
    first = c.labels[q.present[0]]
    return CompareSection(s("since", lang, first=first), key_sentence(c, q, lang),
                          chart(c, q, lang, source, scale), table(c, q, lang))


def sections(c: Comparison, lang: Lang, source: str | None,
             scale: BarScale) -> dict[str, CompareSection]:
    """Per question id of the latest round: its comparison, or a note that the earlier
    rounds did not ask it."""
    out = {q.id: section(c, q, lang, source, scale) for q in c.questions}
    earlier = f" {s('and', lang)} ".join(c.labels[:-1])
    for lone in c.only_in:
        if lone.round == len(c.rounds) - 1:
            for q in lone.questions:
                out[q.id] = CompareSection(s("since", lang, first=c.labels[0]),
                                           s("new_question", lang, rounds=earlier), None, None)
    return out


def scale_texts(c: Comparison, lang: Lang) -> tuple[list[str], list[str]]:
    """Labels and (bold) changes the comparison charts put in the label column, so the
    report's one scale leaves room for them."""
    labels, changes = [], []
    for q in c.questions:
        if order.chart_kind(q.latest) is None:
            continue
        labels += [r.label for r in q.options]
        changes += [format_pp(r.change, lang) for r in q.options]
    return labels, changes


def facts(c: Comparison, lang: Lang) -> tuple[Fact, ...]:
    """For the method box: what was compared, the panel, who came and went."""
    compared = "; ".join(
        s("f_round", lang, label=r.label, n=format_int(r.analysis.respondents, lang))
        for r in c.rounds[:-1])
    out = [Fact(s("f_compared", lang), compared)]
    if c.panel.available:
        rounds = s("both", lang) if len(c.rounds) == 2 else s("every", lang, k=len(c.rounds))
        out.append(Fact(s("f_panel", lang), s("f_panel_text", lang, rounds=rounds,
                                              n=format_int(len(c.panel.municipalities), lang))))
        out.append(Fact(s("f_entered", lang), compare_text.names(c.panel.entered, lang)))
        out.append(Fact(s("f_left", lang), compare_text.names(c.panel.left, lang)))
    for lone in c.only_in:
        if lone.round < len(c.rounds) - 1:
            out.append(Fact(s("f_only", lang, label=c.labels[lone.round]), "; ".join(
                s("only_item", lang, n=q.number, id=q.id, text=q.text)
                for q in lone.questions)))
    return tuple(out)
