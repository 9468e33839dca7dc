"""figures/qNN.png and .svg, drawn in a second process while the PDF is printed.

A report's time goes to two independent jobs of about the same size: matplotlib
drawing and encoding the stand-alone figures, and WeasyPrint laying out and writing
the PDF. Both hold the GIL, so they get a process each: one worker (spawned, as in
:mod:`.feedback_writer`: the parent holds pyarrow's threads) draws every figure and
subsets the SVG font, while another prints (:mod:`.pdf`) and the main process makes
the result tables. :func:`start`, called by ``kl-survey report`` before it reads the
export, has the worker import matplotlib meanwhile.

The worker runs exactly the code the main process used to run, on the same pickled
chart models, so the files are the same bytes. With one core, or with
``KL_SURVEY_WORKERS=0``, everything is drawn in this process, in the same order; a
worker that died leaves its work to this process (:class:`.workers.Worker`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import TYPE_CHECKING, Any

from kl_survey import progress
from kl_survey.messages import msg
from kl_survey.report import fonts
from kl_survey.report.workers import Worker

if TYPE_CHECKING:
    from kl_survey.report import structure
    from kl_survey.report.charts import Rendered
    from kl_survey.report.grid_section import GridSection

FIGURES = "figures"

Job = Callable[[], "Rendered"]


def warm() -> None:
    """The worker's imports and first text (font cache), before there is work."""
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_svg  # noqa: F401
    from fontTools import subset  # noqa: F401

    from kl_survey.report import charts  # noqa: F401


WORKER = Worker(warm)


def start() -> None:
    """Start the worker and have it import matplotlib now (no-op when disabled).

    Like any spawn pool, a script calling this must guard its entry point with
    ``if __name__ == "__main__":`` (the kl-survey command does).
    """
    WORKER.start()


def draw(jobs: list[Job], svg: bool, texts: str = "") -> tuple[list[Rendered], str]:
    """Every job's figure, and the ``@font-face`` CSS for the stand-alone SVGs covering
    their text and ``texts`` ("" when no SVG is wanted). Runs in the worker."""
    drawn = [job() for job in jobs]
    if not svg or (not drawn and not texts):
        return drawn, ""
    from kl_survey.report import fonts

    chars = texts + "".join(fonts.svg_text(r.svg.decode("utf-8")) for r in drawn)
    return drawn, fonts.font_face_css(chars)


def job(render: Callable[..., Rendered], chart: Any, created: str | None, *, svg: bool,
         png: bool) -> Job:
    return partial(render, chart, created, svg=svg, png=png)


class Drawing:
    """The report's figures, handed to :mod:`.figures`' worker when made and collected
    when written: grid questions' figures first (a Figur 1-style period chart is also
    inlined in the page), then every chart's figures/qNN.png and/or qNN.svg (and a
    compared question's figures/qNN-compare.*, a broken-down one's figures/qNN-region.*).
    """

    def __init__(self, model: structure.ReportModel, created: str | None,
                 wanted: tuple[str, ...]) -> None:
        from kl_survey.report import grid_charts

        self.svg, self.png = "svg" in wanted, "png" in wanted
        self.files = bool({"png", "svg"} & set(wanted))
        grids = [sec.grid for sec in model.sections if sec.grid is not None]
        # only a period chart is inlined in the page, so only those are waited for
        # before the layout; a Likert grid's figure is a file, drawn with the charts
        periods = [g for g in grids if g.periods is not None]
        if not {"html", "pdf", "png", "svg"} & set(wanted):
            periods = []
        self.alts = [g.periods.alt for g in periods if g.periods is not None]
        self.grid_jobs = [partial(grid_charts.render, g, created, png=self.png)
                          for g in periods]
        self.jobs = _chart_jobs(model, created, self.svg, self.png) if self.files else []
        self.jobs += [job(_likert_file, g, created, svg=self.svg, png=self.png)
                      for g in grids if g.periods is None and g.likert is not None
                      and self.files]
        self.grids: list[Rendered] = []
        self._grids = WORKER.submit(_grid_figures, self.grid_jobs) if self.grid_jobs else None
        self._main: Future[tuple[list[Rendered], str]] | None = None
        if self._grids is None:
            self._start()

    def _start(self) -> None:
        """Hand the charts to the worker; the SVG font must cover the grids' text too."""
        if self.jobs or (self.grids and self.files):
            texts = "".join(fonts.svg_text(r.svg.decode("utf-8")) for r in self.grids)
            self._args = (self.jobs, self.svg, texts if self.svg else "")
            self._main = WORKER.submit(draw, *self._args)

    def inline(self) -> dict[str, tuple[str, str]]:
        """The period charts the page shows, as (SVG, alt) by figure id."""
        if self._grids is None:
            return {}
        drawn = WORKER.result(self._grids, _grid_figures, self.grid_jobs)
        self.grids = [r for r in drawn if r is not None]
        self._grids = None
        self._start()
        return {r.fig_id: (r.svg.decode("utf-8"), alt) for r, alt in zip(drawn, self.alts,
                                                                          strict=True)
                if r is not None and alt is not None}

    def write(self, put: Callable[[str, bytes], None]) -> None:
        """Wait for the worker and write figures/qNN.png and .svg (the font embedded)."""
        self.inline()
        if not self.files or self._main is None:
            return
        with progress.stage(msg("report.drawing")):
            drawn, css = WORKER.result(self._main, draw, *self._args)
        done = [*drawn, *self.grids]
        if self.png:
            for r in done:
                put(f"{FIGURES}/{r.fig_id}.png", r.png)
        if self.svg:
            for r in done:
                svg = fonts.embed(r.svg.decode("utf-8"), css)
                put(f"{FIGURES}/{r.fig_id}.svg", svg.encode("utf-8"))


def _likert_file(grid: GridSection, created: str | None, *, svg: bool,
                 png: bool) -> Rendered:
    """A Likert grid's figures/qNN.* (the page shows the grid as HTML)."""
    from kl_survey.report import grid_charts

    drawn = grid_charts.render(grid, created, svg=svg, png=png)
    assert drawn is not None  # a grid with a Likert chart always has a figure
    return drawn


def _grid_figures(jobs: list[Callable[[], Rendered | None]]) -> list[Rendered | None]:
    return [job() for job in jobs]


def _chart_jobs(model: structure.ReportModel, created: str | None, svg: bool,
                png: bool) -> list[Job]:
    """Each chart's drawing, in section order."""
    from kl_survey.report import breakdown_chart, charts, compare_chart

    jobs: list[Job] = []
    for sec in model.sections:
        if sec.chart is not None:
            jobs.append(job(charts.render, sec.chart, created, svg=svg, png=png))
        if sec.compare is not None and sec.compare.chart is not None:
            jobs.append(job(compare_chart.render, sec.compare.chart, created,
                                     svg=svg, png=png))
        if sec.breakdown is not None:
            jobs.append(job(breakdown_chart.render, sec.breakdown.chart, created,
                                     svg=svg, png=png))
    return jobs
