"""``report --per-municipality``: one short HTML and PDF per responding municipality.

``DIR/kommuner/101-koebenhavn.html`` and ``.pdf`` and so on. The work is arranged so
that 95 reports take seconds, not minutes:

1. the country's and each region's shares are analysed once (:func:`feedback.benchmarks`);
2. each (question, region) chart is laid out once; a municipality's chart is those rows
   with its "Jeres svar" marker added (:func:`feedback_bars.mark`), a join of strings;
3. each report's HTML is a template fill; the PDFs, where the time goes (WeasyPrint's
   layout, ~0.6 s of CPU each), are printed by a pool of worker processes, one per core,
   which start on the first report while the main process builds the next.

Reports are deterministic: the PDF identifier comes from the page text, the only date
is SOURCE_DATE_EPOCH's, and results are written in code order whatever the finishing
order of the workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from kl_survey import municipalities as mun
from kl_survey import progress
from kl_survey.analysis import analyse
from kl_survey.by_municipality import only
from kl_survey.model import Survey
from kl_survey.numbers import Lang
from kl_survey.output import atomic
from kl_survey.output.epoch import created_stamp, source_epoch
from kl_survey.report import feedback, feedback_bars, pdf
from kl_survey.report.feedback import Benchmarks, FeedbackModel
from kl_survey.report.feedback_bars import Laid
from kl_survey.report.strings import s
from kl_survey.report.writer import Written

FOLDER = "kommuner"
FORMATS = ("html", "pdf")


def responding(survey: Survey) -> tuple[mun.Municipality, ...]:
    """Municipalities with at least one response, in code order."""
    codes = survey.respondents.get("municipality")
    if codes is None:
        return ()
    present = {int(c) for c in codes.dropna().unique()}
    return tuple(m for m in mun.register() if m.code in present)


def shared_charts(comp: Benchmarks, lang: Lang) -> dict[str, Laid]:
    """Every (question, region) chart, laid out once."""
    drawn: dict[str, Laid] = {}
    for region, analysis in comp.regions.items():
        for country, part in zip(comp.country.questions, analysis.questions, strict=True):
            chart = feedback.pair_chart(country, part, region, lang)
            if chart is not None:
                drawn[chart.fig_id] = feedback_bars.layout(chart)
    return drawn


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("kl_survey", "resources/templates"),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    return env.get_template("feedback.html.j2")


@cache
def _css() -> str:
    from kl_survey.report.html import stylesheet

    extra = (files("kl_survey.resources") / "templates" / "feedback.css").read_text("utf-8")
    return stylesheet() + "\n" + extra


def render_html(model: FeedbackModel, drawn: dict[str, Laid]) -> str:
    """One municipality's page; its charts are the shared rows with its own markers."""
    from markupsafe import Markup

    charts = {sec.anchor: Markup(feedback_bars.mark(drawn[sec.chart], sec.marked))
              for sec in model.sections if sec.chart is not None}
    return str(_template().render(m=model, charts=charts, css=Markup(_css()),
                                  page_word=s("page", model.lang),
                                  of_word=s("of", model.lang)))


def write_per_municipality(survey: Survey, out_dir: Path, *, lang: Lang = "da",
                           title: str | None = None, formats: Iterable[str] = FORMATS,
                           chosen: Sequence[mun.Municipality] | None = None,
                           workers: int | None = None) -> Written:
    """Write ``out_dir/kommuner/<code>-<name>.{html,pdf}`` for each responding
    municipality (or for those of ``chosen`` that responded); the comparison is always
    with the whole survey."""
    wanted = [f for f in FORMATS if f in set(formats)]
    comp = feedback.benchmarks(survey)
    created, epoch = created_stamp(), source_epoch()
    heading = title or comp.country.meta.title or comp.country.title or s("default_title",
                                                                           lang)
    targets = [m for m in responding(survey) if chosen is None or m in chosen]
    written: list[Path] = []

    def put(name: str, data: bytes) -> None:
        path = Path(out_dir) / FOLDER / name
        atomic.write_bytes(path, data)
        written.append(path)

    drawn = shared_charts(comp, lang)
    pdfs: list[tuple[str, Future[bytes]]] = []
    with _printer(len(targets) if "pdf" in wanted else 0, workers) as printer, \
            progress.stage("Skriver kommunerapporter", total=2 * len(targets)) as advance:
        for m in targets:  # the workers print earlier PDFs while the next page is built
            model = feedback.build(m, analyse(only(survey, [m])), comp, lang, title=heading,
                                   created=created)
            page = render_html(model, drawn)
            if "html" in wanted:
                put(f"{mun.slug(m)}.html", page.encode("utf-8"))
            if "pdf" in wanted:
                pdfs.append((mun.slug(m), printer.submit(pdf.render, page, epoch)))
            advance(1)
        for stem, future in pdfs:  # in code order, whatever order they finish in
            put(f"{stem}.pdf", future.result())
            advance(1)
    return Written(Path(out_dir), tuple(written))


class _InProcess:
    """An executor that runs each job when it is submitted: one PDF, or one core."""

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable[..., bytes], *args: Any) -> Future[bytes]:
        future: Future[bytes] = Future()
        future.set_result(fn(*args))
        return future


def _printer(jobs: int, workers: int | None) -> _InProcess | ProcessPoolExecutor:
    """Worker processes for the PDFs, one per core (never more than there are PDFs),
    spawned and ending with this process (:mod:`kl_survey.report.workers`)."""
    from kl_survey.report.workers import spawn_pool

    n = min(jobs, workers or os.cpu_count() or 1)
    if n <= 1:
        return _InProcess()
    return spawn_pool(n)
