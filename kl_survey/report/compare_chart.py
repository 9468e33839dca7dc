"""The stand-alone comparison figure: per option one horizontal bar per round.

Same house style as :mod:`.charts` (one style module, ``Figure()`` never pyplot, a
computed layout, no axis or grid, the share at the end of each bar) and the report's one
:class:`~.scale.BarScale`: bars start where every chart's bars start and a percentage
point is as long as in every other chart. What a comparison adds: a legend naming the
rounds, and the change printed beside each pair, under the option's label, where it
costs the bars no room. Earlier rounds are drawn as outlines and the latest round filled
in the house colour: the difference survives every kind of colour blindness and a grey
printer, and every outline and fill keeps its 3:1 contrast against white.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kl_survey.report import style
from kl_survey.report.charts import Rendered, save, text_width, wrap
from kl_survey.report.compare_section import CompareChart, PairRow
from kl_survey.report.scale import RENDER_SLACK

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_PT = 72.0
PAIR_BAR = 0.17  # inches: one round's bar
PAIR_GAP = 0.04  # between the bars of one option
OUTLINE = 1.0  # points: an earlier round's outline
LEGEND_GAP = 0.1


def look(chart: CompareChart, muted: bool) -> list[tuple[str, str]]:
    """(face, edge) per round, oldest first: outlines for earlier rounds, the latest
    filled; the house blue, or grey for an answer that is not a finding."""
    colour = style.GREY if muted else style.BLUE
    return [("white", colour)] * (len(chart.rounds) - 1) + [(colour, colour)]


def _line(size: float) -> float:
    return size * style.LINE_SPACING / _PT


def _frame(chart: CompareChart) -> tuple[list[str], list[str], float, float]:
    inner = (style.WIDTH - 2 * style.MARGIN) / RENDER_SLACK
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
    for name, (face, edge) in zip(chart.rounds, look(chart, False), strict=True):
        fig.add_artist(Rectangle((x / style.WIDTH, (y - swatch / 2) / height),
                                 swatch / style.WIDTH, swatch / height,
                                 transform=fig.transFigure, facecolor=face, edgecolor=edge,
                                 linewidth=OUTLINE))
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


def draw(chart: CompareChart) -> Figure:
    """A new figure for ``chart``; call inside the house rcParams (see :func:`render`).

    Each option's label sits right-aligned beside its bars with the change on the line
    below it, so the bars keep the report's track: 100% ends ``VALUE_ROOM`` before the
    margin, exactly as in every other chart.
    """
    from matplotlib.figure import Figure

    title, notes, top, bottom = _frame(chart)
    scale = chart.scale
    k = len(chart.rounds)
    wrapped = [wrap(r.label, scale.label_width / RENDER_SLACK, style.LABEL_SIZE)
               for r in chart.rows]
    pair = k * PAIR_BAR + (k - 1) * PAIR_GAP
    rows = [max(pair, (len(w) + 1) * _line(style.LABEL_SIZE)) + style.ROW_GAP
            for w in wrapped]
    plot_h = max(sum(rows), pair + style.ROW_GAP)
    height = top + plot_h + bottom
    fig = Figure(figsize=(style.WIDTH, height))
    ax = fig.add_axes((scale.bar_left / style.WIDTH, bottom / height,
                       scale.track / style.WIDTH, plot_h / height))
    y = 0.0
    for r, lines, row in zip(chart.rows, wrapped, rows, strict=True):
        yc = y + row / 2
        _pair(ax, chart, r, yc, pair)
        _label(ax, "\n".join(lines), r.change, yc, len(lines))
        y += row
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


def _pair(ax: Axes, chart: CompareChart, r: PairRow, yc: float, pair: float) -> None:
    """The option's bars, oldest on top, each with its share at the end."""
    y0 = yc - pair / 2 + PAIR_BAR / 2
    looks = look(chart, r.muted)
    for i, (length, text, (face, edge)) in enumerate(zip(r.lengths, r.texts, looks,
                                                         strict=True)):
        y = y0 + i * (PAIR_BAR + PAIR_GAP)
        if length is not None:
            ax.barh([y], [length], height=PAIR_BAR, facecolor=face, edgecolor=edge,
                    linewidth=OUTLINE if face != edge else 0, clip_on=False)
        ax.annotate(text, xy=(length or 0.0, y), xytext=(4, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=style.VALUE_SIZE,
                    color=style.TEXT if i == len(r.values) - 1 else style.MUTED_TEXT,
                    annotation_clip=False, gid="value")


def render(chart: CompareChart, created: str | None = None, *, svg: bool = True,
           png: bool = True) -> Rendered:
    """Draw once; save as SVG (text as text) and/or a 300 dpi PNG, like every figure."""
    return save(lambda: draw(chart), chart.fig_id, chart.alt, created, svg=svg, png=png)
