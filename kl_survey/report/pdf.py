"""``report.pdf``: WeasyPrint prints the same HTML with the print rules in report.css.

The PDF is tagged (PDF/UA-1: structure tree, document language and title; header
cells get /Scope and figures a bounding box in page space through :mod:`.pdf_tags`)
and reproducible: no wall-clock date (only the one the
HTML's ``dcterms`` metadata carries, from SOURCE_DATE_EPOCH) and a file identifier
derived from the content rather than left to chance.

Printing is the longest single job of a report (importing WeasyPrint ~0.5 s, with cffi
parsing its declarations; layout and ``write_pdf`` ~1.6 s on the example), so
``kl-survey report`` hands it to :data:`WORKER`, a second process that :func:`start`
spawns before the export is read and that imports WeasyPrint meanwhile; the main
process writes the figures and result tables while the page is printed. The worker
runs the same :func:`render` on the same text, so the PDF is the same bytes; with one
core, ``KL_SURVEY_WORKERS=0`` or a worker that died, it runs in this process.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from kl_survey.report import libs, pdf_tags
from kl_survey.report.workers import Worker

PDF_VARIANT = "pdf/ua-1"
_EPOCH = "SOURCE_DATE_EPOCH"


@contextmanager
def pinned_font_clock(epoch: int | None) -> Iterator[None]:
    """Pin the clock fontTools stamps into every embedded font's ``head.modified``.

    Without ``libharfbuzz-subset`` WeasyPrint subsets fonts with fontTools, which takes
    the time from SOURCE_DATE_EPOCH (the reproducible-builds hook) or else from the
    wall clock, and calls ``int()`` on it, so an empty value crashes. During rendering
    the variable holds our own epoch (0 when none is set), which makes the PDF the same
    bytes with HarfBuzz or fontTools, and restores the caller's value afterwards.
    """
    old = os.environ.get(_EPOCH)
    os.environ[_EPOCH] = str(epoch or 0)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(_EPOCH, None)
        else:
            os.environ[_EPOCH] = old


def warm() -> None:
    """In the worker: import WeasyPrint (and open its libraries) before there is a page."""
    with libs.fast_find_library():
        import weasyprint  # noqa: F401


WORKER = Worker(warm)


def start() -> None:
    """Spawn the printing worker and have it import WeasyPrint now (no-op when disabled).

    As for :func:`kl_survey.report.figures.start`, a script calling this must guard its
    entry point with ``if __name__ == "__main__":``.
    """
    WORKER.start()


def render(html_text: str, epoch: int | None = None) -> bytes:
    with libs.fast_find_library():  # once per process: the first import opens the libraries
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

    # Only data: URLs may be fetched; the report has no other resources, and a stray
    # reference must never reach the network or the file system.
    fetcher = URLFetcher(allowed_protocols={"data"})
    identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
    _quiet_weasyprint()
    document = HTML(string=html_text, url_fetcher=fetcher, base_url=None)
    with pinned_font_clock(epoch):
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier,
                                  finisher=pdf_tags.finish)
    assert isinstance(data, bytes)
    return data


def _quiet_weasyprint() -> None:
    """WeasyPrint logs CSS it ignores (e.g. screen-only properties) as warnings on
    stderr; the CLI's stderr is reserved for our one-line errors."""
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)
