"""The newsletter report: structure → charts → HTML → PDF, written by :mod:`.writer`.

Importing this package is cheap; matplotlib, Jinja2 and WeasyPrint load only inside
the functions that draw or print.
"""

from kl_survey.report.writer import FORMATS, Written, parse_formats, write_report

__all__ = ["FORMATS", "Written", "parse_formats", "write_report"]
