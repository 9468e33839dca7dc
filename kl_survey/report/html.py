"""One self-contained ``report.html``: inline SVG charts, embedded CSS, nothing external.

Jinja2 autoescapes every string from the model, so a free-text answer such as
``<script>`` or ``<img onerror=…>`` is shown as text. The only markup passed through
unescaped is our own: the stylesheet and the chart SVGs (whose text matplotlib already
escaped when writing them).
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
from kl_survey.report.structure import ReportModel

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
    return env


def _int_filter(n: int, lang: Lang = "da") -> str:
    """Counts the template derives itself (how many answers a list has) are formatted
    here, with the same Babel rules as every other number in the report."""
    return format_int(n, lang)


@cache
def stylesheet() -> str:
    return (files("kl_survey.resources") / "templates" / "report.css").read_text("utf-8")


def inline_svg(svg: str, alt: str) -> str:
    """The chart as an ``<svg role="img">`` element ready to sit inside ``<figure>``."""
    attrs = f' role="img" aria-label="{html.escape(alt, quote=True)}" focusable="false"'
    return _SVG_OPEN.sub("<svg" + attrs, strip_prolog(svg), count=1)


def render(model: ReportModel, svgs: Mapping[str, str]) -> str:
    """The report page; ``svgs`` maps each chart's ``fig_id`` to its finished SVG text."""
    from markupsafe import Markup

    charts = {}
    for sec in model.sections:
        if sec.chart is not None:
            charts[sec.chart.fig_id] = Markup(inline_svg(svgs[sec.chart.fig_id],
                                                         sec.chart.alt))
    template = _env().get_template("report.html.j2")
    return str(template.render(m=model, charts=charts, css=Markup(stylesheet())))
