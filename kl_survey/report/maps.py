"""Draw a :class:`~kl_survey.report.mapmodel.MapData` as a map of Denmark's municipalities.

The layout is the one Danish maps use, computed, not discovered:

* the country in UTM 32N at one fixed scale, with no axes and no frame;
* Bornholm moved into a box at the upper right of the map, at the same scale (the
  Kattegat corner is empty sea at this scale, so the box never covers land);
* an enlarged box for Greater Copenhagen in a column to the right, with the legend under
  it, and a thin outline on the map showing which area it enlarges;
* the title above, and below: the base note, the source line and the attribution line.

Each municipality is one ``PathPatch`` (outer rings and holes in one path, so Frederiksberg
is a hole in København and every code is exactly one artist, with ``gid="k101"``). The
enlarged box draws its municipalities again with ``gid="k101-zoom"``. A patch, unlike a
collection, can carry its own hatch, which the non-respondents need. Patches go in with
``add_artist``: ``add_patch`` walks every Bézier segment in Python to update data limits
we set ourselves, which took two seconds for 17 000 vertices.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from kl_survey.report import geo, palette, style
from kl_survey.report.charts import Rendered, _decorate, _Frame, _frame, finish_svg, wrap
from kl_survey.report.mapmodel import MapClass, MapData

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.path import Path

_PT = 72.0
PAD = 4.0  # km of sea around the country
COLUMN = 1.9  # inches: the right-hand column (enlarged box and legend)
GAP = 0.14  # inches between the map and the column
BOX_PAD = 2.5  # km around Bornholm and Greater Copenhagen inside their boxes
BORDER_WIDTH = 0.35  # pt
BOX_COLOUR = "#8E959C"
BOX_WIDTH = 0.6  # pt
SWATCH = 0.16  # inches


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in map kilometres and figure inches."""

    extent: tuple[float, float, float, float]  # main map x0, y0, x1, y1 (km)
    scale: float  # inches per km on the main map
    bornholm_shift: tuple[float, float]  # km added to Bornholm's coordinates
    bornholm_box: tuple[float, float, float, float]  # km, in main map coordinates
    zoom_extent: tuple[float, float, float, float]  # km shown in the enlarged box
    zoom_size: tuple[float, float]  # inches

    @property
    def map_size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.extent
        return (x1 - x0) * self.scale, (y1 - y0) * self.scale


@cache
def layout() -> Layout:
    x0, y0, x1, y1 = geo.bounds(geo.mainland_codes())
    extent = (x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD)
    map_w = style.WIDTH - 2 * style.MARGIN - GAP - COLUMN
    scale = map_w / (extent[2] - extent[0])
    bx0, by0, bx1, by1 = geo.bounds((geo.BORNHOLM,))
    box = (extent[2] - (bx1 - bx0) - 2 * BOX_PAD, extent[3] - (by1 - by0) - 2 * BOX_PAD,
           extent[2], extent[3])
    shift = (box[0] + BOX_PAD - bx0, box[1] + BOX_PAD - by0)
    zx0, zy0, zx1, zy1 = geo.bounds(geo.GREATER_COPENHAGEN)
    zoom = (zx0 - BOX_PAD, zy0 - BOX_PAD, zx1 + BOX_PAD, zy1 + BOX_PAD)
    zoom_h = COLUMN * (zoom[3] - zoom[1]) / (zoom[2] - zoom[0])
    return Layout(extent, scale, shift, box, zoom, (COLUMN, zoom_h))


@cache
def _path(code: int, dx: float = 0.0, dy: float = 0.0) -> Path:
    """One compound path per municipality: every ring, holes included."""
    from matplotlib.path import Path

    verts, codes = [], []
    for ring in geo.shapes()[code].rings:
        pts = ring + np.array([dx, dy])
        verts.append(np.vstack([pts, pts[:1]]))
        kinds = np.full(len(pts) + 1, Path.LINETO, dtype=Path.code_type)
        kinds[0], kinds[-1] = Path.MOVETO, Path.CLOSEPOLY
        codes.append(kinds)
    return Path(np.concatenate(verts), np.concatenate(codes))


def _patch(code: int, cls: MapClass, path: Path, gid: str) -> Any:
    from matplotlib.patches import PathPatch

    if cls.hatched:
        return PathPatch(path, facecolor=palette.MISSING_FACE, edgecolor=palette.MISSING_HATCH,
                         hatchcolor=palette.MISSING_HATCH, hatch=palette.HATCH,
                         linewidth=BORDER_WIDTH, gid=gid, zorder=2)
    edge = palette.MISSING_HATCH if cls.blank else palette.BORDER
    return PathPatch(path, facecolor=cls.colour, edgecolor=edge, linewidth=BORDER_WIDTH,
                     gid=gid, zorder=1)


def _bare(ax: Axes, extent: tuple[float, float, float, float], frame: bool) -> None:
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.patch.set_visible(False)
    for spine in ax.spines.values():
        spine.set_visible(frame)
        spine.set_edgecolor(BOX_COLOUR)
        spine.set_linewidth(BOX_WIDTH)


def _box(ax: Axes, box: tuple[float, float, float, float], gid: str) -> None:
    from matplotlib.patches import Rectangle

    ax.add_artist(Rectangle((box[0], box[1]), box[2] - box[0], box[3] - box[1], fill=False,
                           edgecolor=BOX_COLOUR, linewidth=BOX_WIDTH, gid=gid, zorder=3))


@dataclass(frozen=True)
class _Text:
    """The chart's frame (wrapped title and footer, as in every chart) and the legend."""

    frame: _Frame
    legend: list[tuple[MapClass, list[str]]]
    legend_h: float


def _line(size: float) -> float:
    return size * style.LINE_SPACING / _PT


def _text(m: MapData) -> _Text:
    label_w = COLUMN - SWATCH * 1.6
    legend = [(c, wrap(c.legend(m.lang), label_w, style.LABEL_SIZE)) for c in m.classes]
    legend_h = sum(max(len(lines) * _line(style.LABEL_SIZE), SWATCH) + 0.08
                   for _, lines in legend)
    return _Text(_frame(m), legend, legend_h)


def draw(m: MapData) -> Figure:
    """A new figure for ``m``; call inside ``matplotlib.rc_context(style.rc(...))``."""
    from matplotlib.figure import Figure

    lay, txt = layout(), _text(m)
    map_w, map_h = lay.map_size
    zoom_w, zoom_h = lay.zoom_size
    body = max(map_h, zoom_h + 0.25 + txt.legend_h)
    height = txt.frame.top + body + txt.frame.bottom
    fig = Figure(figsize=(style.WIDTH, height))
    top = height - txt.frame.top  # inches from the bottom edge to the top of the body
    ax = fig.add_axes((style.MARGIN / style.WIDTH, (top - map_h) / height,
                       map_w / style.WIDTH, map_h / height))
    _bare(ax, lay.extent, frame=False)
    fill = dict(m.fill)
    for code in geo.shapes():
        shift = lay.bornholm_shift if code == geo.BORNHOLM else (0.0, 0.0)
        ax.add_artist(_patch(code, m.classes[fill[code]], _path(code, *shift), f"k{code}"))
    _box(ax, lay.bornholm_box, "bornholm-box")
    _box(ax, lay.zoom_extent, "zoom-outline")
    col_x = style.MARGIN + map_w + GAP
    zoom = fig.add_axes((col_x / style.WIDTH, (top - zoom_h) / height, zoom_w / style.WIDTH,
                         zoom_h / height), gid="zoom-box")
    _bare(zoom, lay.zoom_extent, frame=True)
    for code in _zoomed():
        zoom.add_artist(_patch(code, m.classes[fill[code]], _path(code), f"k{code}-zoom"))
    _legend(fig, txt, col_x, top - zoom_h - 0.25, height)
    _decorate(fig, txt.frame, height)
    return fig


@cache
def _zoomed() -> tuple[int, ...]:
    """Municipalities that reach into the enlarged box (its 18 and their neighbours)."""
    x0, y0, x1, y1 = layout().zoom_extent
    out = []
    for code, shape in geo.shapes().items():
        a, b, c, d = shape.bounds()
        if a < x1 and c > x0 and b < y1 and d > y0:
            out.append(code)
    return tuple(out)


def _legend(fig: Figure, txt: _Text, x: float, y_top: float, height: float) -> None:
    from matplotlib.patches import Rectangle

    for cls, lines in txt.legend:
        row = max(len(lines) * _line(style.LABEL_SIZE), SWATCH)
        mid = y_top - row / 2
        swatch = Rectangle((x / style.WIDTH, (mid - SWATCH / 2) / height),
                           SWATCH / style.WIDTH, SWATCH / height, transform=fig.transFigure,
                           facecolor=cls.colour, linewidth=BORDER_WIDTH * 2,
                           edgecolor=palette.MISSING_HATCH if cls.hatched or cls.blank or
                           palette.lightness(cls.colour) > 85 else cls.colour,
                           hatch=palette.HATCH if cls.hatched else None,
                           hatchcolor=palette.MISSING_HATCH, gid="legend-swatch")
        fig.add_artist(swatch)
        fig.text((x + SWATCH * 1.6) / style.WIDTH, mid / height, "\n".join(lines),
                 ha="left", va="center", fontsize=style.LABEL_SIZE, color=style.TEXT,
                 linespacing=style.LINE_SPACING, gid="legend-label")
        y_top -= row + 0.08


def rc(m: MapData) -> Any:
    """The chart style's rcParams plus a finer hatch for the non-respondents."""
    return {**style.rc(m.fig_id), "hatch.linewidth": 0.45}


def render(m: MapData, created: str | None = None) -> Rendered:
    """Draw once; save as SVG (text as text, ids prefixed) and as a 300 dpi PNG."""
    import matplotlib

    with matplotlib.rc_context(rc(m)):
        fig = draw(m)
        svg_buf, png_buf = io.BytesIO(), io.BytesIO()
        fig.savefig(svg_buf, format="svg", metadata=style.metadata("svg", created))
        fig.savefig(png_buf, format="png", dpi=style.PNG_DPI,
                    metadata=style.metadata("png", created))
    svg = finish_svg(svg_buf.getvalue().decode("utf-8"), m.fig_id, m.alt)
    return Rendered(m.fig_id, svg.encode("utf-8"), png_buf.getvalue())

