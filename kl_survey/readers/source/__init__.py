"""Bytes to a raw table: the first reader layer, which knows nothing of surveys.

It sniffs what a file really is once (tools save HTML as .xls and CSV as .xlsx), screens
it for hostile content, decodes it and returns a :class:`RawTable` of untouched strings.
Everything above imports from this package face only.
"""

from kl_survey.readers.source.limits import DEFAULT_MAX_BYTES, SourceOptions
from kl_survey.readers.source.raw import RawTable, may_contain
from kl_survey.readers.source.sniffing import Sniffed, check_path, not_a_file, sniff, sniff_kind
from kl_survey.readers.source.table import decode_text, list_sheets, read_table, read_workbook

__all__ = [
    "DEFAULT_MAX_BYTES",
    "RawTable",
    "Sniffed",
    "SourceOptions",
    "check_path",
    "decode_text",
    "list_sheets",
    "may_contain",
    "not_a_file",
    "read_table",
    "read_workbook",
    "sniff",
    "sniff_kind",
]
