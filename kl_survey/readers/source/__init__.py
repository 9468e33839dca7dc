"""Bytes to a raw table: the first reader layer, which knows nothing of surveys.

It sniffs what a file really is (tools save HTML as .xls and CSV as .xlsx), screens it
for hostile content, decodes it and returns a :class:`RawTable` of untouched strings.
Everything above imports from this package face only.
"""

from kl_survey.readers.source.safety import DEFAULT_MAX_BYTES
from kl_survey.readers.source.table import (
    RawTable,
    decode_text,
    list_sheets,
    read_table,
    read_workbook,
    sniff_kind,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "RawTable",
    "decode_text",
    "list_sheets",
    "read_table",
    "read_workbook",
    "sniff_kind",
]
