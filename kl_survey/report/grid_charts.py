"""The stand-alone figures of grid questions, with matplotlib's object API.

* :func:`draw_likert` — one 100% stacked bar per row, on the report's one scale (the
  label column and the 100% track every bar chart has), "Ved ikke" apart at the end in
  grey, shares in the segments with room, a legend under the bars.
* :func:`draw_periods` — each row over the columns, like Copenhagen's Figur 1: grouped
  columns with the count on top for a few periods, one line per row for many; months
  on the axis in Danish, a legend when there is more than one row.

The page draws the Likert chart in HTML; Figur 1 is this SVG, inlined. Both are saved
through :func:`kl_survey.report.charts.save`, so they are reproducible byte for byte.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kl_survey.report import style
from kl_survey.report.charts import (
    Rendered,
    _bare,
    _block_height,
    _decorate,
    _frame,
    draw_legend,
    flow_legend,
    legend_row_height,
    save,
    wrap,
)
from kl_survey.report.grid_section import SEGMENT_SIZE, GridSection, LikertChart, PeriodChart
from kl_survey.report.scale import RENDER_SLACK

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kl_survey.report.chartdata import Bar

LIKERT_BAR = 0.26  # inches: one row's stacked bar
PERIOD_HEIGHT = 2.5  # inches: the plot area of Figur 1
AXIS_ROOM = 0.3  # inches under the plot for the month names


def render(grid: GridSection, created: str | None = None, *, svg: bool = True,
           png: bool = True) -> Rendered | None:
    """The grid's figure (figures/qNN.*), or None for a grid of one number per row."""
    if grid.likert is not None:
        chart = grid.likert
        return save(lambda: draw_likert(chart), chart.fig_id, chart.alt, created,
                    svg=svg, png=png)
    if grid.periods is not None:
        periods = grid.periods
        return save(lambda: draw_periods(periods), periods.fig_id, periods.alt, created,
                    svg=svg, png=png)
    return None


def draw_likert(chart: LikertChart) -> Figure:
    from matplotlib.figure import Figure

    frame = _frame(chart)
    scale = chart.scale
    inner = style.WIDTH - 2 * style.MARGIN
    wrapped = [wrap(row.label, scale.label_width / RENDER_SLACK, style.LABEL_SIZE)
               for row in chart.rows]
    heights = [max(LIKERT_BAR, _block_height(len(w), style.LABEL_SIZE)) + style.ROW_GAP
               for w in wrapped]
    legend = flow_legend([k.label for k in chart.keys], inner)
    legend_h = sum(legend_row_height(row) for row in legend)
    plot_h = max(sum(heights), LIKERT_BAR + style.ROW_GAP)
    height = frame.top + plot_h + style.ROW_GAP + legend_h + frame.bottom
    fig = Figure(figsize=(style.WIDTH, height))
    bottom = frame.bottom + legend_h + style.ROW_GAP
    ax = fig.add_axes((scale.bar_left / style.WIDTH, bottom / height,
                       scale.track / style.WIDTH, plot_h / height))
    centres, y = [], 0.0
    for h in heights:
        centres.append(y + h / 2)
        y += h
    for row, yc in zip(chart.rows, centres, strict=True):
        left = 0.0
        for seg in row.segments:
            _segment(ax, left, yc, seg)
            left += seg.length
        if row.apart is not None:
            _segment(ax, 1.0 - row.apart.length, yc, row.apart)
    ax.set_yticks(centres, labels=["\n".join(w) for w in wrapped])
    for tick in ax.get_yticklabels():
        tick.set_linespacing(style.LINE_SPACING)
    ax.set_ylim(plot_h, 0)
    _bare(ax)
    draw_legend(fig, legend, [style.TONES[k.tone] for k in chart.keys],
                frame.bottom + legend_h, height)
    _decorate(fig, frame, height)
    return fig


def _segment(ax: Axes, left: float, yc: float, seg: Bar) -> None:
    ax.barh([yc], [seg.length], left=left, height=LIKERT_BAR, color=style.TONES[seg.tone],
            linewidth=0.8, edgecolor="white", clip_on=False)
    if seg.inside:
        ax.text(left + seg.length / 2, yc, seg.text, ha="center", va="center",
                fontsize=SEGMENT_SIZE, color=style.STACK_INK[seg.tone],
                fontweight="bold")


def draw_periods(chart: PeriodChart) -> Figure:
    from matplotlib.figure import Figure

    frame = _frame(chart)
    inner = style.WIDTH - 2 * style.MARGIN
    many = len(chart.series) > 1
    legend = flow_legend([x.label for x in chart.series], inner) if many else []
    legend_h = sum(legend_row_height(row) for row in legend)
    height = frame.top + legend_h + PERIOD_HEIGHT + AXIS_ROOM + frame.bottom
    fig = Figure(figsize=(style.WIDTH, height))
    ax = fig.add_axes((style.MARGIN / style.WIDTH, (frame.bottom + AXIS_ROOM) / height,
                       inner / style.WIDTH, PERIOD_HEIGHT / height))
    top = max((v for x in chart.series for v in x.values if v is not None), default=1.0) or 1.0
    n = len(chart.categories)
    if chart.kind == "columns":
        k = len(chart.series)
        width = 0.8 / k
        for i, x in enumerate(chart.series):
            xs = [j - 0.4 + width * (i + 0.5) for j in range(n)]
            heights = [v or 0.0 for v in x.values]
            ax.bar(xs, heights, width=width * 0.92, color=style.TONES[x.tone], linewidth=0)
            for xp, v, text in zip(xs, x.values, x.texts, strict=True):
                ax.text(xp, (v or 0.0) + top * 0.015, text, ha="center", va="bottom",
                        fontsize=style.VALUE_SIZE - (1 if k > 2 else 0), color=style.TEXT)
    else:
        for x in chart.series:
            pts = [(j, v) for j, v in enumerate(x.values) if v is not None]
            ax.plot([p[0] for p in pts], [p[1] for p in pts], color=style.TONES[x.tone],
                    linewidth=2, marker="o", markersize=3)
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(0, top * 1.12)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.spines["bottom"].set_color(style.MUTED_TEXT)
    ax.yaxis.set_visible(False)
    ax.set_xticks(range(n), labels=list(chart.categories))
    ax.tick_params(axis="x", length=0, labelsize=style.LABEL_SIZE, labelcolor=style.TEXT)
    ax.patch.set_visible(False)
    if legend:
        draw_legend(fig, legend, [style.TONES[x.tone] for x in chart.series],
                    height - frame.top, height)
    _decorate(fig, frame, height)
    return fig
