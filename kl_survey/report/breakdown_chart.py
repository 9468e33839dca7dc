"""A question by group: grouped horizontal bars, or small multiples past three options.

Three options per group still read as one picture (a cluster of up to three bars per
group, one colour per option, a legend on top). With more, clusters turn into a comb,
so each option gets its own small panel of one bar per group instead, all panels
stacked under each other. Either way every bar is drawn on the report's one scale
(the same label column and length per percentage point as every other chart), every
group label carries its n ("Nordjylland (n=10)"), the total is the last row, and a
withheld group shows "–" where its bars would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from kl_survey.numbers import Lang, format_percent
from kl_survey.output.census_text import WITHHELD, breakdown_notes, group_heading, text
from kl_survey.report import style
from kl_survey.report.charts import (
    Rendered,
    draw_legend,
    flow_legend,
    legend_row_height,
    save,
    wrap,
)
from kl_survey.report.scale import BarScale

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kl_survey.analysis import QuestionResult

_PT = 72.0
MAX_GROUPED = 3  # more options than this: small multiples
SUB_BAR = 0.13  # inches: one bar inside a cluster
SUB_GAP = 0.02
PANEL_BAR = 0.15  # inches: one bar in a small multiple
PANEL_GAP = 0.07
SMALL = 8.0  # pt: shares printed beside the thinner bars
TITLE_GAP = 0.03  # under a small multiple's title
#: option 1-3 of a cluster (style.TONES names): strong to light, all 3:1 on white
CLUSTER_TONES = ("s1", "s3", "s4")


@dataclass(frozen=True)
class Key:
    """One option: its label and its colour (a style.TONES name)."""

    label: str
    tone: str


@dataclass(frozen=True)
class Value:
    length: float  # fraction of the track (the report scale's length of the share)
    text: str  # "60,7%", or "–" when withheld
    withheld: bool = False


@dataclass(frozen=True)
class Row:
    label: str  # "Nordjylland (n=10)"
    values: tuple[Value, ...]  # one per key
    total: bool = False

    @property
    def withheld(self) -> bool:
        return all(v.withheld for v in self.values)


@dataclass(frozen=True)
class BreakdownChart:
    fig_id: str  # "q01-region": file stem and HTML id prefix
    title: str  # stand-alone figures only: "Tilbuddet i drift · fordelt på region"
    kind: Literal["grouped", "multiples"]
    keys: tuple[Key, ...]
    rows: tuple[Row, ...]  # the groups, then the total
    notes: tuple[str, ...]  # the withheld-groups note, then the credit line
    alt: str
    scale: BarScale


def build(r: QuestionResult, scale: BarScale, lang: Lang = "da", *,
          muted: frozenset[str] = frozenset(), credit: str | None = None) -> BreakdownChart:
    """The chart's data from a question with a breakdown; ``muted`` options are grey."""
    b = r.breakdown
    assert b is not None
    shown = [(i, o) for i, o in enumerate(r.options) if not o.excluded]
    kind: Literal["grouped", "multiples"] = ("grouped" if len(shown) <= MAX_GROUPED
                                             else "multiples")
    keys = tuple(Key(o.label, "muted" if o.label in muted else
                     CLUSTER_TONES[k] if kind == "grouped" else "main")
                 for k, (_, o) in enumerate(shown))
    rows = [Row(group_heading(g.label, g.base, lang),
                tuple(Value(0.0, WITHHELD, True) if c.share is None else
                      Value(scale.length(c.share), format_percent(c.count or 0, c.base, lang))
                      for c in (g.options[i] for i, _ in shown)))
            for g in b.groups]
    rows.append(Row(group_heading(text("total", lang), r.base, lang),
                    tuple(Value(scale.length(o.share or 0.0),
                                format_percent(o.count, o.base, lang)) for _, o in shown),
                    total=True))
    notes = tuple(breakdown_notes(b, lang)) + ((credit,) if credit else ())
    slug = "".join(c for c in b.by.lower() if c.isalnum()) or "grupper"
    q = r.question
    title = f"{q.title or q.text} · {_by(r, lang)}"
    return BreakdownChart(f"q{q.number:02d}-{slug}", title, kind, keys, tuple(rows), notes,
                          _alt(r, keys, rows, lang), scale)


def _by(r: QuestionResult, lang: Lang) -> str:
    """"fordelt på region", or the grouping's own name ("fordelt på Størrelse")."""
    assert r.breakdown is not None
    b = r.breakdown
    return f"{text('by', lang)} {b.title.lower() if b.by == 'region' else b.title}"


def _alt(r: QuestionResult, keys: tuple[Key, ...], rows: list[Row], lang: Lang) -> str:
    assert r.breakdown is not None
    head = f"{r.question.text} · {_by(r, lang)}"
    parts = [f"{row.label}: " + ", ".join(f"{k.label} {v.text}"
                                          for k, v in zip(keys, row.values, strict=True))
             for row in rows]
    return f"{head}. " + "; ".join(parts) + "."


def render(chart: BreakdownChart, created: str | None = None, *, svg: bool = True,
           png: bool = True) -> Rendered:
    """figures/qNN-region.{svg,png}: drawn once, saved like every figure."""
    return save(lambda: draw(chart), chart.fig_id, chart.alt, created, svg=svg, png=png)


# ---------------------------------------------------------------- drawing


def _lh(size: float) -> float:
    return size * style.LINE_SPACING / _PT


def draw(chart: BreakdownChart) -> Figure:
    """A new figure; call inside ``matplotlib.rc_context(style.rc(...))``."""
    from matplotlib.figure import Figure

    inner = style.WIDTH - 2 * style.MARGIN
    notes = [ln for note in chart.notes for ln in wrap(note, inner, style.NOTE_SIZE)]
    column = chart.scale.label_width
    labels = [wrap(row.label, column, style.LABEL_SIZE) for row in chart.rows]
    heading = wrap(chart.title, inner, style.TITLE_SIZE, True)
    head = style.MARGIN + len(heading) * _lh(style.TITLE_SIZE) + style.TITLE_GAP
    legend: list[list[Any]] = []
    if chart.kind == "grouped":
        legend = flow_legend([k.label for k in chart.keys], inner)
        top = head + sum(legend_row_height(row) for row in legend) + style.TITLE_GAP
        blocks = [_grouped_block(chart, labels)]
        panel_titles: list[list[str]] = [[]]
    else:
        top = head
        panel_titles = [wrap(k.label, inner, style.LABEL_SIZE, True) for k in chart.keys]
        blocks = [_panel_block(labels) for _ in chart.keys]
    heights = [len(t) * _lh(style.LABEL_SIZE) + (TITLE_GAP if t else 0.0) + sum(b)
               for t, b in zip(panel_titles, blocks, strict=True)]
    bottom = style.MARGIN + len(notes) * _lh(style.NOTE_SIZE) + style.NOTE_GAP
    height = top + sum(heights) + style.ROW_GAP * (len(blocks) - 1) + bottom
    fig = Figure(figsize=(style.WIDTH, height))
    y = top  # inches from the top
    for k, (title, rows) in enumerate(zip(panel_titles, blocks, strict=True)):
        if title:
            fig.text(style.MARGIN / style.WIDTH, 1 - y / height, "\n".join(title),
                     ha="left", va="top", fontsize=style.LABEL_SIZE, fontweight="bold",
                     color=style.TEXT, linespacing=style.LINE_SPACING)
            y += len(title) * _lh(style.LABEL_SIZE) + TITLE_GAP
        plot_h = sum(rows)
        ax = fig.add_axes((chart.scale.bar_left / style.WIDTH, 1 - (y + plot_h) / height,
                           chart.scale.track / style.WIDTH, plot_h / height))
        if chart.kind == "grouped":
            _draw_clusters(ax, chart, rows)
        else:
            _draw_panel(ax, chart, k, rows)
        _rows_axis(ax, rows, labels, plot_h)
        y += plot_h + style.ROW_GAP
    fig.text(style.MARGIN / style.WIDTH, 1 - style.MARGIN / height, "\n".join(heading),
             ha="left", va="top", fontsize=style.TITLE_SIZE, fontweight="bold",
             color=style.TEXT, linespacing=style.LINE_SPACING)
    draw_legend(fig, legend, [style.TONES[k.tone] for k in chart.keys], height - head, height)
    if notes:
        fig.text(style.MARGIN / style.WIDTH, style.MARGIN / height, "\n".join(notes),
                 ha="left", va="bottom", fontsize=style.NOTE_SIZE, color=style.MUTED_TEXT,
                 linespacing=style.LINE_SPACING)
    return fig


def _grouped_block(chart: BreakdownChart, labels: list[list[str]]) -> list[float]:
    cluster = len(chart.keys) * (SUB_BAR + SUB_GAP) - SUB_GAP
    return [max(cluster, len(lines) * _lh(style.LABEL_SIZE)) + style.ROW_GAP
            for lines in labels]


def _panel_block(labels: list[list[str]]) -> list[float]:
    return [max(PANEL_BAR, len(lines) * _lh(style.LABEL_SIZE)) + PANEL_GAP for lines in labels]


def _centres(rows: list[float]) -> list[float]:
    out, y = [], 0.0
    for row in rows:
        out.append(y + row / 2)
        y += row
    return out


def _value(ax: Axes, value: Value, x: float, y: float) -> None:
    ax.annotate(value.text, xy=(x, y), xytext=(3, 0), textcoords="offset points",
                ha="left", va="center", fontsize=SMALL, color=style.TEXT,
                annotation_clip=False)


def _draw_clusters(ax: Axes, chart: BreakdownChart, rows: list[float]) -> None:
    """Per row, one thin bar per option; a withheld row gets one "–" instead."""
    cluster = len(chart.keys) * (SUB_BAR + SUB_GAP) - SUB_GAP
    for row, centre in zip(chart.rows, _centres(rows), strict=True):
        if row.withheld:
            _value(ax, row.values[0], 0.0, centre)
            continue
        first = centre - cluster / 2
        for k, (key, value) in enumerate(zip(chart.keys, row.values, strict=True)):
            yc = first + k * (SUB_BAR + SUB_GAP) + SUB_BAR / 2
            ax.barh([yc], [value.length], height=SUB_BAR, color=style.TONES[key.tone],
                    linewidth=0, clip_on=False)
            _value(ax, value, value.length, yc)


def _draw_panel(ax: Axes, chart: BreakdownChart, k: int, rows: list[float]) -> None:
    colour = style.TONES[chart.keys[k].tone]
    for row, centre in zip(chart.rows, _centres(rows), strict=True):
        value = row.values[k]
        if not value.withheld:
            ax.barh([centre], [value.length], height=PANEL_BAR, color=colour, linewidth=0,
                    clip_on=False)
        _value(ax, value, value.length, centre)


def _rows_axis(ax: Axes, rows: list[float], labels: list[list[str]], plot_h: float) -> None:
    """Group labels on the left, the total in bold under a hairline; no frame or x axis."""
    centres = _centres(rows)
    ax.set_yticks(centres, labels=["\n".join(lines) for lines in labels])
    ticks = ax.get_yticklabels()
    for tick in ticks:
        tick.set_linespacing(style.LINE_SPACING)
    ticks[-1].set_fontweight("bold")
    ax.axhline(sum(rows[:-1]), color=style.GREY, linewidth=0.5, xmin=-0.02, clip_on=False)
    ax.set_ylim(plot_h, 0)
    ax.set_xlim(0, 1)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.xaxis.set_visible(False)
    ax.patch.set_visible(False)
    ax.tick_params(axis="y", length=0, pad=style.LABEL_GAP * _PT, labelsize=style.LABEL_SIZE,
                   labelcolor=style.TEXT)
