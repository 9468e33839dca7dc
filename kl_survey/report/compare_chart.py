"""The comparison chart: per option one horizontal bar per round, the latest dark.

Same house style as :mod:`.charts` (one style module, ``Figure()`` never pyplot, a
computed layout, no axis or grid, the share at the end of each bar), plus what a
comparison needs: a legend naming the rounds, lighter bars for earlier rounds, and the
change printed beside each pair, under the option's label, where it costs no room from
the bars (every chart of a report keeps one scale). Earlier rounds are lighter blues and
the latest the house blue, so the order of the rounds reads the same for every kind of
colour blindness.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from kl_survey.report import style
from kl_survey.report.charts import Rendered, finish_svg, text_width, wrap
from kl_survey.report.compare_section import CompareChart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_PT = 72.0
#: Earlier rounds, the one before the latest first, each older one lighter; the latest
#: is style.BLUE (a muted option: style.GREY).
EARLIER = ("#3C78B4", "#7FA9D4", "#B9D2EA")
EARLIER_GREY = ("#D3D6DA", "#E3E5E8", "#EEF0F2")
PAIR_BAR = 0.17  # inches: one round's bar
PAIR_GAP = 0.03  # between the bars of one option
LEGEND_GAP = 0.1


def colours(chart: CompareChart, muted: bool) -> list[str]:
    """One colour per round, oldest first; the latest is the dark one."""
    shades = EARLIER_GREY if muted else EARLIER
    earlier = [shades[min(i, len(shades) - 1)] for i in range(len(chart.rounds) - 1)]
    return [*reversed(earlier), style.GREY if muted else style.BLUE]


def _line(size: float) -> float:
    return size * style.LINE_SPACING / _PT


def _frame(chart: CompareChart) -> tuple[list[str], list[str], float, float]:
    inner = style.WIDTH - 2 * style.MARGIN
    title = wrap(chart.title, inner, style.TITLE_SIZE, True) if chart.title else []
    notes = [ln for note in chart.notes if note for ln in wrap(note, inner, style.NOTE_SIZE)]
    top = style.MARGIN + style.LEGEND_ROW + LEGEND_GAP
    if title:
        top += len(title) * _line(style.TITLE_SIZE) + style.TITLE_GAP
    bottom = style.MARGIN + len(notes) * _line(style.NOTE_SIZE) + style.NOTE_GAP
    return title, notes, top, bottom


def _legend(fig: Figure, chart: CompareChart, y: float, height: float) -> None:
    """Swatches and round names, left to right, under the title."""
    from matplotlib.patches import Rectangle

    swatch = style.LABEL_SIZE / _PT * 1.1
    x = style.MARGIN
    for name, colour in zip(chart.rounds, colours(chart, False), strict=True):
        fig.add_artist(Rectangle((x / style.WIDTH, (y - swatch / 2) / height),
                                 swatch / style.WIDTH, swatch / height,
                                 transform=fig.transFigure, color=colour, linewidth=0))
        fig.text((x + swatch * 1.45) / style.WIDTH, y / height, name, ha="left", va="center",
                 fontsize=style.LABEL_SIZE, color=style.TEXT)
        x += swatch * 1.45 + text_width(name, style.LABEL_SIZE) + 0.25


def _bare(ax: Axes) -> None:
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    ax.grid(False)
    ax.patch.set_visible(False)
    ax.set_xlim(0, 1)


def label_width(chart: CompareChart) -> float:
    """The label column: as wide as the widest label or change, within the house limits.

    Same rule as the single-round charts, so with the same labels the bars start at the
    same place and a percentage point is as long in every chart of a report.
    """
    natural = max([text_width(r.label, style.LABEL_SIZE) for r in chart.rows]
                  + [text_width(r.change, style.VALUE_SIZE, True) for r in chart.rows])
    return min(max(natural, style.MIN_LABEL_WIDTH), style.MAX_LABEL_WIDTH)


def draw(chart: CompareChart) -> Figure:
    """A new figure for ``chart``; call inside matplotlib's rc_context (see :func:`render`).

    Each option's label sits right-aligned beside its bars with the change on the line
    below it, so the change never needs room of its own to the right of the bars: the
    bars keep the house track (100% ends ``VALUE_ROOM`` before the margin).
    """
    from matplotlib.figure import Figure

    title, notes, top, bottom = _frame(chart)
    k = len(chart.rounds)
    label_w = label_width(chart)
    wrapped = [wrap(r.label, label_w, style.LABEL_SIZE) for r in chart.rows]
    pair = k * PAIR_BAR + (k - 1) * PAIR_GAP
    rows = [max(pair, (len(w) + 1) * _line(style.LABEL_SIZE)) + style.ROW_GAP
            for w in wrapped]
    plot_h = max(sum(rows), pair + style.ROW_GAP)
    height = top + plot_h + bottom
    fig = Figure(figsize=(style.WIDTH, height))
    left = style.MARGIN + label_w + style.LABEL_GAP
    width = style.WIDTH - left - style.VALUE_ROOM - style.MARGIN
    ax = fig.add_axes((left / style.WIDTH, bottom / height, width / style.WIDTH,
                       plot_h / height))
    y = 0.0
    for r, lines, row in zip(chart.rows, wrapped, rows, strict=True):
        yc = y + row / 2
        _pair(ax, chart, r, yc, pair)
        _label(ax, r.label if len(lines) == 1 else "\n".join(lines), r.change, yc,
               len(lines))
        y += row
    ax.set_yticks([])
    ax.set_ylim(plot_h, 0)
    _bare(ax)
    x = style.MARGIN / style.WIDTH
    if title:
        fig.text(x, 1 - style.MARGIN / height, "\n".join(title), ha="left", va="top",
                 fontsize=style.TITLE_SIZE, fontweight="bold", color=style.TEXT,
                 linespacing=style.LINE_SPACING)
    _legend(fig, chart, height - top + LEGEND_GAP + style.LEGEND_ROW / 2, height)
    if notes:
        fig.text(x, style.MARGIN / height, "\n".join(notes), ha="left", va="bottom",
                 fontsize=style.NOTE_SIZE, color=style.MUTED_TEXT,
                 linespacing=style.LINE_SPACING)
    return fig


def _label(ax: Axes, label: str, change: str, yc: float, lines: int) -> None:
    """The label block and, on the line below it, the change; centred on the pair."""
    line = _line(style.LABEL_SIZE)
    block_top = yc - (lines + 1) * line / 2
    offset = (-style.LABEL_GAP * _PT, 0)
    ax.annotate(label, xy=(0, block_top + lines * line / 2), xytext=offset,
                textcoords="offset points", ha="right", va="center",
                fontsize=style.LABEL_SIZE, color=style.TEXT, linespacing=style.LINE_SPACING,
                annotation_clip=False, gid="label")
    ax.annotate(change, xy=(0, block_top + (lines + 0.5) * line), xytext=offset,
                textcoords="offset points", ha="right", va="center",
                fontsize=style.VALUE_SIZE, fontweight="bold", color=style.TEXT,
                annotation_clip=False, gid="change")


def _pair(ax: Axes, chart: CompareChart, r: Any, yc: float, pair: float) -> None:
    """The option's bars, oldest on top, each with its share at the end."""
    y0 = yc - pair / 2 + PAIR_BAR / 2
    for i, (value, text, colour) in enumerate(zip(r.values, r.texts, colours(chart, r.muted),
                                                  strict=True)):
        y = y0 + i * (PAIR_BAR + PAIR_GAP)
        if value is not None:
            ax.barh([y], [value], height=PAIR_BAR, color=colour, linewidth=0, clip_on=False)
        ax.annotate(text, xy=(value or 0.0, y), xytext=(4, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=style.VALUE_SIZE - 0.5,
                    color=style.TEXT if i == len(r.values) - 1 else style.MUTED_TEXT,
                    annotation_clip=False, gid="value")


def render(chart: CompareChart, created: str | None = None) -> Rendered:
    """Draw once; save as SVG (text as text) and a 300 dpi PNG, like every report chart."""
    import matplotlib

    rc: Any = style.rc(chart.fig_id)
    with matplotlib.rc_context(rc):
        fig = draw(chart)
        svg_buf, png_buf = io.BytesIO(), io.BytesIO()
        fig.savefig(svg_buf, format="svg", metadata=style.metadata("svg", created))
        fig.savefig(png_buf, format="png", dpi=style.PNG_DPI,
                    metadata=style.metadata("png", created))
    svg = finish_svg(svg_buf.getvalue().decode("utf-8"), chart.fig_id, chart.alt)
    return Rendered(chart.fig_id, svg.encode("utf-8"), png_buf.getvalue())
