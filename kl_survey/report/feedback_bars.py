"""The per-municipality chart: country and region side by side, "Jeres svar" marked.

These charts are HTML and CSS, not SVG. WeasyPrint lays out SVG text one letter at a
time (``weasyprint/svg/text.py``), which made the eight matplotlib charts of one report
cost ~0.6 s of CPU in the PDF alone; the same bars as positioned HTML boxes take a
fraction of that, stay sharp, selectable and searchable, and reflow on a phone. The
colours and the 0–100% scale are those of :mod:`kl_survey.report.style`.

The work is split as the issue asks: each (question, region) chart is laid out once as
HTML rows (:func:`layout`); a municipality's chart is those rows with its own answers
marked (:func:`mark`), a join of ready-made strings. Each share is the text of its own
bar, pushed past the bar's end by ``text-indent: 100%``: one box fewer per bar than a
positioned label, which is 15% of a report's PDF time.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kl_survey.numbers import Lang
from kl_survey.report.strings import s


@dataclass(frozen=True)
class PairRow:
    label: str
    country: float  # share 0..1: bar length
    country_text: str  # "63,2%"
    region: float
    region_text: str
    muted: bool = False  # "Andet", "Ved ikke": grey, as in the main report


@dataclass(frozen=True)
class PairChart:
    fig_id: str  # "q01-hovedstaden"
    rows: tuple[PairRow, ...]
    country_label: str  # "Hele landet (n = 95)"
    region_label: str  # "Region Hovedstaden (n = 27)"
    lang: Lang


@dataclass(frozen=True)
class Laid:
    """A chart laid out once: the key line and each row's inner HTML, escaped."""

    fig_id: str
    key: str
    rows: tuple[str, ...]
    muted: tuple[bool, ...]
    lang: Lang


def country_label(n: str, lang: Lang) -> str:
    return f"{s('fb_country', lang)} (n = {n})"


def _width(share: float) -> str:
    return f"{min(max(share, 0.0), 1.0) * 100:.2f}%"


def layout(chart: PairChart) -> Laid:
    """Escape and position everything that is the same for every municipality."""
    e = html.escape
    key = (f'<p class="pair-key"><span class="pair-swatch country"></span>'
           f'{e(chart.country_label)}<span class="pair-swatch region"></span>'
           f'{e(chart.region_label)}</p>')
    rows = tuple(
        f'<span class="pair-label">{e(r.label)}</span><span class="pair-track">'
        f'<span class="pair-bar country" style="width:{_width(r.country)}">&#160;'
        f'{e(r.country_text)}</span>'
        f'<span class="pair-bar region" style="width:{_width(r.region)}">&#160;'
        f'{e(r.region_text)}</span></span>'
        for r in chart.rows)
    return Laid(chart.fig_id, key, rows, tuple(r.muted for r in chart.rows), chart.lang)


def mark(laid: Laid, marked: tuple[int, ...]) -> str:
    """The chart as HTML with the rows ``marked`` outlined and tagged "Jeres svar"."""
    tag = f'<span class="pair-mark">{html.escape(s("fb_yours", laid.lang))}</span>'
    items = []
    for i, (inner, muted) in enumerate(zip(laid.rows, laid.muted, strict=True)):
        classes = "pair-row" + (" muted" if muted else "") + (" yours" if i in marked else "")
        items.append(f'<li class="{classes}">{inner}{tag if i in marked else ""}</li>')
    return (f'{laid.key}<ol class="pairs" id="{laid.fig_id}">{"".join(items)}</ol>')
