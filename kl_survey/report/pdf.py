"""``report.pdf``: WeasyPrint prints the same HTML with the print rules in report.css.

The PDF is tagged (PDF/UA-1: structure tree, document language and title, alt text
from each chart's ``<title>``) and reproducible: no wall-clock date (only the one the
HTML's ``dcterms`` metadata carries, from SOURCE_DATE_EPOCH) and a file identifier
derived from the content rather than left to chance.
"""

from __future__ import annotations

import hashlib
import logging

PDF_VARIANT = "pdf/ua-1"


def render(html_text: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Only data: URLs may be fetched; the report has no other resources, and a stray
    # reference must never reach the network or the file system.
    fetcher = URLFetcher(allowed_protocols={"data"})
    identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
    _quiet_weasyprint()
    document = HTML(string=html_text, url_fetcher=fetcher, base_url=None)
    data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier)
    assert isinstance(data, bytes)
    return data


def _quiet_weasyprint() -> None:
    """WeasyPrint logs CSS it ignores (e.g. screen-only properties) as warnings on
    stderr; the CLI's stderr is reserved for our one-line errors."""
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)
