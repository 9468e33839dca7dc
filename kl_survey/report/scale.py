"""One scale for every percentage bar in a report.

A reader compares bars across charts: Q8's 46,3% must never look longer than Q7's
78,9%. So the geometry that decides a bar's length is computed once per report, in the
structure stage, from every label that will sit beside a bar, and the same
:class:`BarScale` is handed to every bar chart: the matplotlib figures
(:mod:`.charts`), the HTML/PDF bars (``chart.html.j2``) and any other chart kind that
draws shares as bars (breakdowns, round comparisons, Likert stacks). A chart kind that
adds labels of its own passes them to :func:`for_labels` together with the others, so
the label column still fits the widest label of the whole report.

Measuring uses DejaVu Sans' advance widths through fontTools (already a dependency),
not matplotlib, so building the model stays cheap when no figure is drawn.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kl_survey.report import style

#: Hinted glyphs in the 300 dpi PNG come out up to ~2% wider than the font's advance
#: widths; columns are sized (and lines wrapped) with this margin, so nothing spills.
RENDER_SLACK = 1.03


@dataclass(frozen=True)
class BarScale:
    """Where bars start and how long one percentage point is, in figure inches.

    ``domain`` is the share drawn as a full-length bar: always 1.0 (100%), so a bar's
    length means the same in every report and a subgroup share can never overflow.
    """

    label_width: float  # inches: the label column of every bar chart
    domain: float = 1.0

    @property
    def bar_left(self) -> float:
        """Inches from the figure's left edge to where every bar starts."""
        return style.MARGIN + self.label_width + style.LABEL_GAP

    @property
    def track(self) -> float:
        """Inches a bar of ``domain`` (100%) takes."""
        return style.WIDTH - self.bar_left - style.VALUE_ROOM - style.MARGIN

    @property
    def inch_per_point(self) -> float:
        """Inches per percentage point: the number the whole report shares."""
        return self.track / (100 * self.domain)

    @property
    def label_fraction(self) -> float:
        """The label column as a fraction of the chart width (the HTML uses this)."""
        return (self.label_width + style.LABEL_GAP) / (style.WIDTH - 2 * style.MARGIN)

    def length(self, share: float) -> float:
        """A share as a fraction of the bar track (1.0 = a ``domain`` bar)."""
        return max(0.0, min(share / self.domain, 1.0))


def for_labels(labels: Iterable[str], bold: Iterable[str] = ()) -> BarScale:
    """The report's scale: a label column as wide as the widest label, within limits.

    ``bold`` are texts set in bold in the label column (a comparison's changes)."""
    widths = [*(text_width(x) for x in labels), *(text_width(x, bold=True) for x in bold)]
    natural = max(widths, default=0.0) * RENDER_SLACK
    width = min(max(natural, style.MIN_LABEL_WIDTH), style.MAX_LABEL_WIDTH)
    return BarScale(math.ceil(width * 1e4) / 1e4)  # rounded up: the widest label fits


def text_width(text: str, size: float = style.LABEL_SIZE, bold: bool = False) -> float:
    """One line's width in inches at ``size`` points, from the font's advance widths."""
    cmap, advances, units = _metrics(bold)
    fallback = advances.get(".notdef", units // 2)
    total = sum(advances.get(cmap.get(ord(c), ".notdef"), fallback) for c in text)
    return total / units * size / 72.0


@cache
def _metrics(bold: bool) -> tuple[dict[int, str], dict[str, int], int]:
    from fontTools.ttLib import TTFont

    font: Any = TTFont(_font_path("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"),
                       lazy=True)
    cmap = dict(font.getBestCmap())
    advances = {name: adv for name, (adv, _lsb) in font["hmtx"].metrics.items()}
    return cmap, advances, int(font["head"].unitsPerEm)


def _font_path(name: str) -> str:
    """DejaVu Sans as shipped with matplotlib, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib is not installed")
    root = next(iter(spec.submodule_search_locations))
    return os.path.join(root, "mpl-data", "fonts", "ttf", name)
