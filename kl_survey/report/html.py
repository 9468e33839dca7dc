"""One self-contained ``report.html``: HTML bar charts, embedded CSS, nothing external.

The charts are HTML, not images: their labels are real text that reflows and stays
readable on a 390 px phone, and they print the same way through WeasyPrint. Bar lengths
come from the model (one scale for the report); the template only lays them out.

Jinja2 autoescapes every string from the model, so a free-text answer such as
``<script>`` or ``<img onerror=…>`` is shown as text. The only markup passed through
unescaped is our own: the stylesheet, and SVG figures inlined with :func:`inline_svg`
(whose text matplotlib already escaped when writing them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from kl_survey.numbers import Lang, format_int
from kl_survey.report.charts import strip_prolog
from kl_survey.report.parts import ReportModel

_SVG_OPEN = re.compile(r"<svg\b")


@cache
def _env() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("kl_survey", "resources/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["int"] = _int_filter
    env.filters["css_pct"] = css_pct
    return env


def css_pct(fraction: float) -> str:
    """A model fraction as a CSS percentage, ``0.631578…`` → ``63.158%`` (fixed
    precision, so the page is the same bytes everywhere)."""
    return f"{fraction * 100:.3f}%"


def _int_filter(n: int, lang: Lang = "da") -> str:
    """Counts the template derives itself (how many answers a list has) are formatted
    here, with the same Babel rules as every other number in the report."""
    return format_int(n, lang)


@cache
def stylesheet() -> str:
    return (files("kl_survey.resources") / "templates" / "report.css").read_text("utf-8")


def inline_svg(svg: str, alt: str) -> str:
    """An SVG figure (e.g. a map) as an ``<svg role="img">`` element for a ``<figure>``;
    ``alt`` is its one accessible description, so give it no hidden figcaption too."""
    attrs = f' role="img" aria-label="{html.escape(alt, quote=True)}" focusable="false"'
    return _SVG_OPEN.sub("<svg" + attrs, strip_prolog(svg), count=1)


def render(model: ReportModel, maps: Mapping[str, tuple[str, str]] | None = None,
           figures: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The report page; ``maps`` takes a section's anchor ("q01") to its map's
    (SVG, alt text); ``"q03/…"`` keys add a further map to section q03 (grid rows)."""
    from markupsafe import Markup

    drawn: dict[str, list[Markup]] = {}
    for key, (svg, alt) in (maps or {}).items():
        drawn.setdefault(key.partition("/")[0], []).append(Markup(inline_svg(svg, alt)))
    template = _env().get_template("report.html.j2")
    inline = {fig_id: Markup(inline_svg(svg, alt))
              for fig_id, (svg, alt) in (figures or {}).items()}
    return str(template.render(m=model, maps=drawn, figures=inline, css=Markup(stylesheet())))
