"""The stand-alone figures (``figures/qNN.png``/``.svg``) with matplotlib's object API.

The page itself draws its bars in HTML (``chart.html.j2``), so its text reflows and
stays readable on a phone; these files are for pasting into a newsletter, so they carry
the chart's short title, which the page leaves to its heading. Both read the same
:class:`~.structure.ChartData` and the report's one :class:`~.scale.BarScale`: every
figure has the same label column and the same length per percentage point.

The layout is computed, not discovered: labels are wrapped to a measured width, every
row is as tall as its wrapped label, and the axes are placed at explicit positions.
That is both faster than ``tight_layout`` and guarantees a long Danish label is never
cut or overlapping. Each figure is drawn once and saved as SVG and PNG from the same
``Figure`` object.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kl_survey.report import style
from kl_survey.report.scale import RENDER_SLACK
from kl_survey.report.scale import text_width as measure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kl_survey.report.chartdata import ChartData

_PT = 72.0  # points per inch


@dataclass(frozen=True)
class Rendered:
    fig_id: str
    svg: bytes
    png: bytes


# Text measurement ----------------------------------------------------------------------
# One measurement for the whole report: the font's advance widths (scale.text_width),
# which is what the SVG shows in a browser and, within 2%, what the 300 dpi PNG draws.
# Lines are wrapped RENDER_SLACK narrower than the column so that 2% never spills over.


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Rendered width of one line in inches."""
    return measure(text, size, bold)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` inches; a word longer than a line is split, never cut."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width + 1e-9:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold) > width and len(line) > 1:
            cut = _fit(line, width, size, bold)
            lines.append(line[:cut])
            line = line[cut:]
    if line or not lines:
        lines.append(line)
    return lines


def _fit(word: str, width: float, size: float, bold: bool) -> int:
    n = len(word) - 1
    while n > 1 and text_width(word[:n], size, bold) > width:
        n -= 1
    return max(n, 1)


def _line_height(size: float) -> float:
    return size * style.LINE_SPACING / _PT


def _block_height(lines: int, size: float) -> float:
    return lines * _line_height(size)


# Figure assembly -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    """Wrapped title and footer plus their heights, shared by both chart kinds."""

    title: list[str]
    notes: list[str]
    top: float  # inches used above the plot area
    bottom: float  # inches used below it


class Framed(Protocol):
    """What a figure's title and footer are made of: a chart, or a map (report/maps.py)."""

    @property
    def title(self) -> str | None: ...

    @property
    def notes(self) -> tuple[str, ...]: ...


def _frame(chart: Framed) -> _Frame:
    inner = style.WIDTH - 2 * style.MARGIN
    title = wrap(chart.title, inner, style.TITLE_SIZE, True) if chart.title else []
    notes = [ln for note in chart.notes if note for ln in wrap(note, inner, style.NOTE_SIZE)]
    top = style.MARGIN
    if title:
        top += _block_height(len(title), style.TITLE_SIZE) + style.TITLE_GAP
    bottom = style.MARGIN + _block_height(len(notes), style.NOTE_SIZE) + style.NOTE_GAP
    return _Frame(title, notes, top, bottom)


def _decorate(fig: Figure, frame: _Frame, height: float) -> None:
    """Title at the top, base note and source at the bottom, both flush left."""
    x = style.MARGIN / style.WIDTH
    if frame.title:
        fig.text(x, 1 - style.MARGIN / height, "\n".join(frame.title), ha="left", va="top",
                 fontsize=style.TITLE_SIZE, fontweight="bold", color=style.TEXT,
                 linespacing=style.LINE_SPACING)
    if frame.notes:
        fig.text(x, style.MARGIN / height, "\n".join(frame.notes), ha="left", va="bottom",
                 fontsize=style.NOTE_SIZE, color=style.MUTED_TEXT,
                 linespacing=style.LINE_SPACING)


def _bare(ax: Axes) -> None:
    """No frame, no grid, no x axis: the printed shares carry the numbers."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.xaxis.set_visible(False)
    ax.grid(False)
    ax.patch.set_visible(False)
    ax.tick_params(axis="y", length=0, pad=style.LABEL_GAP * _PT, labelsize=style.LABEL_SIZE,
                   labelcolor=style.TEXT)
    ax.set_xlim(0, 1)


def draw(chart: ChartData) -> Figure:
    """A new figure for ``chart``; call inside :func:`style_context`."""
    if chart.kind == "stacked":
        return _draw_stacked(chart)
    return _draw_bars(chart)


def _draw_bars(chart: ChartData) -> Figure:
    from matplotlib.figure import Figure

    frame = _frame(chart)
    scale = chart.scale
    column = scale.label_width / RENDER_SLACK
    wrapped = [wrap(b.label, column, style.LABEL_SIZE) for b in chart.bars]
    rows = [max(style.BAR_HEIGHT, _block_height(len(w), style.LABEL_SIZE)) + style.ROW_GAP
            for w in wrapped]
    plot_h = max(sum(rows), style.BAR_HEIGHT + style.ROW_GAP)
    height = frame.top + plot_h + frame.bottom
    fig = Figure(figsize=(style.WIDTH, height))
    ax = fig.add_axes((scale.bar_left / style.WIDTH, frame.bottom / height,
                       scale.track / style.WIDTH, plot_h / height))
    centres, y = [], 0.0
    for row in rows:
        centres.append(y + row / 2)
        y += row
    ax.barh(centres, [b.length for b in chart.bars], height=style.BAR_HEIGHT,
            color=[style.TONES[b.tone] for b in chart.bars], linewidth=0, clip_on=False)
    for bar, yc in zip(chart.bars, centres, strict=True):
        ax.annotate(bar.text, xy=(bar.length, yc), xytext=(4, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=style.VALUE_SIZE, color=style.TEXT,
                    annotation_clip=False)
    ax.set_yticks(centres, labels=["\n".join(w) for w in wrapped])
    for tick in ax.get_yticklabels():
        tick.set_linespacing(style.LINE_SPACING)
    ax.set_ylim(plot_h, 0)
    _bare(ax)
    _decorate(fig, frame, height)
    return fig


@dataclass(frozen=True)
class _Entry:
    index: int
    lines: list[str]
    x: float  # inches from the left margin


def _legend(chart: ChartData, inner: float) -> list[list[_Entry]]:
    """Legend entries "Ja (46,3%)" for a stacked bar."""
    return flow_legend([f"{bar.label} ({bar.text})" for bar in chart.bars], inner)


def flow_legend(texts: list[str], inner: float) -> list[list[_Entry]]:
    """Flow legend entries left to right, wrapping to new rows; an entry too long for a
    row of its own is word-wrapped instead of running off the edge. Also used by the
    breakdown chart's legend."""
    swatch = style.LABEL_SIZE / _PT * 1.6
    rows: list[list[_Entry]] = [[]]
    x = 0.0
    for i, text in enumerate(texts):
        lines = wrap(text, inner - swatch, style.LABEL_SIZE)
        w = swatch + max(text_width(ln, style.LABEL_SIZE) for ln in lines) + 0.22
        if rows[-1] and (x + w > inner or len(lines) > 1):
            rows.append([])
            x = 0.0
        rows[-1].append(_Entry(i, lines, x))
        x += w
    return rows


def legend_row_height(row: list[_Entry]) -> float:
    lines = max(len(e.lines) for e in row)
    return max(style.LEGEND_ROW, _block_height(lines, style.LABEL_SIZE) + 0.08)


def _draw_stacked(chart: ChartData) -> Figure:
    from matplotlib.figure import Figure

    frame = _frame(chart)
    inner = style.WIDTH - 2 * style.MARGIN
    legend = _legend(chart, inner)
    legend_h = sum(legend_row_height(row) for row in legend)
    plot_h = style.STACK_HEIGHT
    height = frame.top + plot_h + style.ROW_GAP + legend_h + frame.bottom
    fig = Figure(figsize=(style.WIDTH, height))
    ax = fig.add_axes((style.MARGIN / style.WIDTH, (frame.bottom + legend_h + style.ROW_GAP)
                       / height, inner / style.WIDTH, plot_h / height))
    colours = [style.TONES[b.tone] for b in chart.bars]
    left = 0.0
    for bar, colour in zip(chart.bars, colours, strict=True):
        ax.barh([0.5], [bar.length], left=left, height=1.0, color=colour, linewidth=0.8,
                edgecolor="white", clip_on=False)
        if bar.inside:
            ax.text(left + bar.length / 2, 0.5, bar.text, ha="center", va="center",
                    fontsize=style.VALUE_SIZE, color=style.STACK_INK[bar.tone],
                    fontweight="bold")
        left += bar.length
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    _bare(ax)
    draw_legend(fig, legend, colours, frame.bottom + legend_h, height)
    _decorate(fig, frame, height)
    return fig


def draw_legend(fig: Figure, legend: list[list[_Entry]], colours: list[str], top: float,
                height: float) -> None:
    """A swatch and its text per entry, rows downwards from ``top`` inches above the
    figure's bottom edge."""
    from matplotlib.patches import Rectangle

    swatch = style.LABEL_SIZE / _PT * 1.1
    for row in legend:
        row_h = legend_row_height(row)
        y = (top - row_h / 2) / height
        for entry in row:
            x0 = style.MARGIN + entry.x
            fig.add_artist(Rectangle((x0 / style.WIDTH, y - swatch / 2 / height),
                                     swatch / style.WIDTH, swatch / height,
                                     transform=fig.transFigure, color=colours[entry.index],
                                     linewidth=0))
            fig.text((x0 + swatch * 1.45) / style.WIDTH, y, "\n".join(entry.lines),
                     ha="left", va="center", fontsize=style.LABEL_SIZE, color=style.TEXT,
                     linespacing=style.LINE_SPACING)
        top -= row_h


# Saving --------------------------------------------------------------------------------

_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^")]+)')
_FAMILY = re.compile(r"font-family: 'DejaVu Sans', sans-serif")


def finish_svg(svg: str, fig_id: str, alt: str) -> str:
    """Make a chart SVG safe to inline several times in one page and accessible on its own.

    Ids get the figure's prefix (matplotlib numbers them "figure_1", "patch_3" in every
    file), text names the fallback fonts, and a ``<title>`` carries the alt text:
    browsers and WeasyPrint's tagged PDF both read it.
    """
    svg = _FAMILY.sub(f"font-family: {style.SVG_FONT_STACK}", svg)
    svg = _ID.sub(lambda m: f'id="{fig_id}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{fig_id}-{m.group(2)}", svg)
    title = f"<title>{html.escape(alt, quote=False)}</title>"
    return _SVG_OPEN.sub(lambda m: m.group(0) + "\n " + title, svg, count=1)


def strip_prolog(svg: str) -> str:
    """The ``<svg>`` element alone, for inlining in HTML (no XML declaration/DOCTYPE)."""
    return _PROLOG.sub("", svg, count=1)


def render(chart: ChartData, created: str | None = None, *, svg: bool = True,
           png: bool = True) -> Rendered:
    """Draw ``chart`` once; save it as SVG (text as text) and/or as a 300 dpi PNG
    (an empty ``bytes`` for a format not asked for)."""
    return save(lambda: draw(chart), chart.fig_id, chart.alt, created, svg=svg, png=png)


def save(make: Callable[[], Figure], fig_id: str, alt: str, created: str | None, *,
         svg: bool = True, png: bool = True) -> Rendered:
    """Draw with ``make`` inside the house rcParams, once, and save the formats asked
    for; every figure kind (bars, stacked, comparisons) is saved through here."""
    import matplotlib

    rc: Any = style.rc(fig_id)
    svg_text, png_bytes = "", b""
    with matplotlib.rc_context(rc):
        fig = make()
        if svg:
            buf = io.BytesIO()
            fig.savefig(buf, format="svg", metadata=style.metadata("svg", created))
            svg_text = finish_svg(buf.getvalue().decode("utf-8"), fig_id, alt)
        if png:
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=style.PNG_DPI,
                        metadata=style.metadata("png", created))
            png_bytes = buf.getvalue()
    return Rendered(fig_id, svg_text.encode("utf-8"), png_bytes)
