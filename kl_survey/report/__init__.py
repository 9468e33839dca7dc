"""The newsletter report: structure → charts → HTML → PDF, written by :mod:`.writer`.

Importing this package is cheap; matplotlib, Jinja2 and WeasyPrint load only inside
the functions that draw or print, and the writer (with pandas, through the analysis)
only when one of the names below is used, so a PDF worker process that imports
:mod:`kl_survey.report.pdf` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kl_survey.report.writer import FORMATS, Written, parse_formats, write_report

__all__ = ["FORMATS", "Written", "parse_formats", "write_report"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kl_survey.report import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
