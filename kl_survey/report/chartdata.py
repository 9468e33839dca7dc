"""A chart's model: its bars, title, notes and scale, as :mod:`.structure` decides them.

Kept apart from :mod:`.structure` (which reads the analysis, and so pandas) because the
figure worker (:mod:`.figures`) unpickles these and needs nothing else to draw them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kl_survey.numbers import Lang
from kl_survey.report import style
from kl_survey.report.scale import BarScale

DEFAULT_SCALE = BarScale(style.MAX_LABEL_WIDTH)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # the share, as a fraction of 100%
    text: str  # the printed share, e.g. "96,8%"
    muted: bool = False  # grey: "Andet", "Ved ikke", "Nej, ikke endnu"
    length: float = -1.0  # fraction of the bar track (the report's scale); -1: = value
    tone: str = ""  # colour name in style.TONES; "" = "muted" if muted else "main"
    inside: bool = True  # stacked: the share fits inside its segment

    def __post_init__(self) -> None:
        if self.length < 0:
            object.__setattr__(self, "length", self.value)
        if not self.tone:
            object.__setattr__(self, "tone", "muted" if self.muted else "main")


@dataclass(frozen=True)
class ChartData:
    fig_id: str  # "q01": file stem and HTML id prefix
    kind: str  # "bars" | "stacked"
    bars: tuple[Bar, ...]  # display order, top to bottom (left to right when stacked)
    title: str | None  # the spec's short title: stand-alone figures only, never the page
    notes: tuple[str, ...]  # figure footer lines: notes, then the credit line if any
    alt: str  # the one accessible description (SVG <title>, HTML aria-label)
    lang: Lang
    scale: BarScale = DEFAULT_SCALE  # the report's one scale (structure.build sets it)
