"""A grid question's part of the report model: the Likert chart, Tabel 1 and Figur 1.

* A **grid** (a Likert battery) is one 100% stacked horizontal bar per row, on the
  report's one scale: the label column is the one every bar chart has, and 100% is the
  same track. Segments follow the scale ("I høj grad" first, strong to light blue);
  "Ved ikke" is kept apart at the end of the track, in grey, after a small gap; a
  share is printed in its segment where there is room. The figures behind it sit in a
  table under the chart.
* A **numeric grid** is a table laid out like Copenhagen's Tabel 1 — one line per row,
  one column per month, "Samlet" — shown open, since the table is the finding; over
  months (or any columns) it also gets a chart of each row over the columns like
  Figur 1: columns for a few periods, lines for many, months named in Danish. A grid
  of one number per row (the SUF/SOF/BUF split) has its "I alt" line instead.

Everything is decided here as formatted strings and lengths; the HTML template and
:mod:`.grid_charts` only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kl_survey.analysis import Analysis, OptionCount, QuestionResult
from kl_survey.numbers import Lang, format_int, format_percent
from kl_survey.output.grid_view import derived_text, totals_note, view
from kl_survey.periods import month_name, month_of
from kl_survey.report import order, style
from kl_survey.report.chartdata import Bar
from kl_survey.report.grid_sentences import alt_likert, alt_periods
from kl_survey.report.parts import Table, TableRow
from kl_survey.report.scale import BarScale, text_width
from kl_survey.report.strings import s

#: Of the track, the gap between the answers and "Ved ikke" kept apart at its end.
APART_GAP = 0.04
#: More columns than this are drawn as lines, not columns.
MAX_COLUMNS = 6
RAMP = ("s1", "s2", "s3", "s4")
SEGMENT_SIZE = style.VALUE_SIZE - 1  # pt: a share printed in its segment
SEGMENT_AIR = 0.1  # inches a segment needs beyond its printed share


@dataclass(frozen=True)
class LikertRow:
    label: str  # the row, with its n when the rows' bases differ
    segments: tuple[Bar, ...]  # the scale's answers, left to right (length: of the track)
    apart: Bar | None  # "Ved ikke", drawn at the end of the track


@dataclass(frozen=True)
class Key:
    label: str
    tone: str


@dataclass(frozen=True)
class LikertChart:
    fig_id: str
    title: str | None  # stand-alone figures only
    rows: tuple[LikertRow, ...]
    keys: tuple[Key, ...]
    notes: tuple[str, ...]
    alt: str
    lang: Lang
    scale: BarScale


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per column; None: nobody answered
    texts: tuple[str, ...]
    tone: str


@dataclass(frozen=True)
class PeriodChart:
    fig_id: str
    title: str | None
    kind: Literal["columns", "line"]
    categories: tuple[str, ...]  # the columns as the axis names them ("Januar")
    series: tuple[Series, ...]
    notes: tuple[str, ...]
    alt: str
    lang: Lang


@dataclass(frozen=True)
class GridSection:
    likert: LikertChart | None
    periods: PeriodChart | None
    table: Table
    open_table: bool  # a numeric grid's table is the finding: shown, not folded away
    notes: tuple[str, ...]  # under the table: whom totals cover, derived rates


def scale_labels(a: Analysis) -> list[str]:
    """Likert rows sit in the report's label column, so they help size it."""
    return [row for r in a.questions if r.grid is not None and r.grid.rows
            for row in _row_labels(r)]


def section(r: QuestionResult, scale: BarScale, lang: Lang,
            footer: tuple[str, ...]) -> GridSection:
    """``footer``: the figure's notes (base note, credit line)."""
    g = r.grid
    assert g is not None
    if g.rows:
        chart = likert(r, scale, lang, footer)
        return GridSection(chart, None, _table(r, lang), False, ())
    notes = (totals_note(g, lang, bottom_line=len(g.columns) <= 1),
             *(derived_text(d, lang) for d in g.derived))
    periods = period_chart(r, lang, footer) if len(g.columns) > 1 else None
    return GridSection(None, periods, _table(r, lang), True, notes)


def _row_labels(r: QuestionResult) -> list[str]:
    g = r.grid
    assert g is not None
    bases = {row.base for row in g.rows}
    if len(bases) <= 1:
        return [row.label for row in g.rows]
    return [f"{row.label} (n={format_int(row.base)})" for row in g.rows]


def _tones(k: int) -> list[str]:
    """k tones from strong to light: the ramp, spread when the scale has few points."""
    if k <= 1:
        return list(RAMP[:k])
    return [RAMP[round(i * (len(RAMP) - 1) / (k - 1))] if k < len(RAMP) else
            RAMP[min(i, len(RAMP) - 1)] for i in range(k)]


def likert(r: QuestionResult, scale: BarScale, lang: Lang,
           footer: tuple[str, ...]) -> LikertChart:
    g = r.grid
    assert g is not None
    q = r.question
    apart = [o for o in q.options if order.is_dont_know_option(q, o)]
    answers = [o for o in q.options if o not in apart]
    tones = dict(zip(answers, _tones(len(answers)), strict=True))
    rows = []
    for label, row in zip(_row_labels(r), g.rows, strict=True):
        by = {o.label: o for o in row.options}
        segments = tuple(_segment(by[o], tones[o], lang, scale) for o in answers
                         if o in by and not by[o].excluded and by[o].count)
        dk = next((by[o] for o in apart if o in by and not by[o].excluded and by[o].count),
                  None)
        rows.append(LikertRow(label, segments,
                              _segment(dk, "muted", lang, scale) if dk else None))
    keys = tuple(Key(o, tones.get(o, "muted")) for o in (*answers, *apart))
    return LikertChart(f"q{q.number:02d}", q.title, tuple(rows), keys, footer,
                       alt_likert(r, lang), lang, scale)


def _segment(o: OptionCount, tone: str, lang: Lang, scale: BarScale) -> Bar:
    """A segment; its share is printed in it when the text fits the segment's width on
    the report's track (measured in the font, with a little air)."""
    share = o.share or 0.0
    length = share * (1 - APART_GAP)
    text = format_percent(o.count, o.base, lang)
    room = text_width(text, SEGMENT_SIZE, bold=True) + SEGMENT_AIR <= length * scale.track
    return Bar(o.label, share, text, tone == "muted", length, tone, inside=room)


def period_chart(r: QuestionResult, lang: Lang, footer: tuple[str, ...]) -> PeriodChart:
    """Each row over the columns (Figur 1): the cells' sums, months in Danish."""
    g = r.grid
    assert g is not None
    q = r.question
    categories = tuple(_axis_name(c, lang) for c in g.columns)
    tones = _tones(len(g.numeric_rows)) if len(g.numeric_rows) <= len(RAMP) else [
        RAMP[i % len(RAMP)] for i in range(len(g.numeric_rows))]
    series = tuple(
        Series(row.label,
               tuple(c.stats.sum if c.stats else None for c in row.cells),
               tuple(format_int(round(c.stats.sum), lang) if c.stats else "–"
                     for c in row.cells), tone)
        for row, tone in zip(g.numeric_rows, tones, strict=True))
    kind: Literal["columns", "line"] = "columns" if len(g.columns) <= MAX_COLUMNS else "line"
    return PeriodChart(f"q{q.number:02d}", q.title, kind, categories, series, footer,
                       alt_periods(r, lang), lang)


def _axis_name(label: str, lang: Lang) -> str:
    month = month_of(label)
    if month is None:
        return label
    name = month_name(month, lang)
    return name[:1].upper() + name[1:]


def _table(r: QuestionResult, lang: Lang) -> Table:
    """Tabel 1's layout for numbers (its "I alt" line only for one value per row), the
    rows x options for a Likert grid."""
    g = r.grid
    assert g is not None
    v = view(r, lang)
    rows = [TableRow(tuple(str(c) for c in line), strong=strong)
            for line, strong in zip(v.rows, v.strong, strict=True)]
    if g.numeric_rows and len(g.columns) > 1:
        rows = [row for row in rows if not row.strong]
    caption = s("table_caption_grid", lang, n=r.question.number,
                title=r.question.title or r.question.text)
    return Table(caption, tuple(v.head), tuple(rows))
