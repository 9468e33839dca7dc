"""The maps of a report: figures/qNN-kort.png and .svg, and the SVG for the page.

Kept apart from :mod:`kl_survey.report.writer` so the report's writer only gains one
call; the map models are built here, at render time, from the answers by municipality
that the caller placed (:func:`kl_survey.by_municipality.placed`), like the chart
models are built from the analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kl_survey import progress
from kl_survey.analysis import Analysis
from kl_survey.by_municipality import Placed
from kl_survey.numbers import Lang
from kl_survey.report import mapmodel

FIGURES = "figures"


def draw_maps(a: Analysis, maps: Sequence[Placed], lang: Lang, created: str | None,
              wanted: tuple[str, ...], put: Callable[[str, bytes], None]
              ) -> dict[str, tuple[str, str]]:
    """Draw each map once; write its PNG/SVG if asked; return anchor → (SVG, alt).

    A grid row's map is keyed ``"q03/q03-r2-kort"``: its section's anchor, then the
    map, so several rows of one grid each get a map in that section."""
    from kl_survey.report import fonts
    from kl_survey.report import maps as draw

    results = {r.question.id: r for r in a.questions}
    source = a.meta.credit  # the spec's credit line, as under the charts; else none
    out: dict[str, tuple[str, str]] = {}
    svgs: dict[str, str] = {}
    with progress.stage("Tegner kort", total=len(maps)) as advance:
        for where in maps:
            result = results[where.qid]
            model = mapmodel.build(result, where, lang, source)
            if model.fig_id in svgs:  # the same row asked for twice
                advance(1)
                continue
            rendered = draw.render(model, created)
            svg = rendered.svg.decode("utf-8")
            anchor = f"q{result.question.number:02d}"
            out[anchor if where.row is None else f"{anchor}/{model.fig_id}"] = (svg, model.alt)
            svgs[model.fig_id] = svg
            if "png" in wanted:
                put(f"{FIGURES}/{model.fig_id}.png", rendered.png)
            advance(1)
    if "svg" in wanted and svgs:
        css = fonts.font_face_css("".join(fonts.svg_text(x) for x in svgs.values()))
        for fig_id, svg in svgs.items():
            put(f"{FIGURES}/{fig_id}.svg", fonts.embed(svg, css).encode("utf-8"))
    return out
