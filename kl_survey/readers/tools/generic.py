"""The generic reader: hand-built sheets and plain "one column per question" exports.

Analysts build KL's sheets by hand, so nothing is declared: the header row names the
questions, adjacent ``Q - Option``, ``Q [Option]`` or ``Q: Option`` headers form a group,
and the typeset decides from the values what every column holds (``;`` is how a
Danish Excel joins several ticked options in one cell).
"""

from __future__ import annotations

from kl_survey.errors import InputError
from kl_survey.messages import msg
from kl_survey.model import SourceInfo, Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import group_columns, looks_like_prose, row_texts
from kl_survey.readers.source import RawTable
from kl_survey.vocabulary import is_metadata

NAME = "generic"
SEPARATORS = (";",)


def read_grid(table: RawTable, source: SourceInfo, *, complete_only: bool = False) -> Survey:
    """Build a survey from a raw grid whose first row holds the headers."""
    if len(table.frame) < 2:
        raise InputError(msg("read.header-row-only"), file=table.file, sheet=table.sheet)
    b, cols = SurveyBuilder.with_header_row(table, source)
    muni = b.find_municipality(cols)
    if muni is None and looks_like_prose(row_texts(table.frame, 0), table.frame.iloc[1:]):
        raise InputError(msg("read.not-a-survey"), file=table.file, sheet=table.sheet)
    answers = [c for c in cols if c is not muni and not is_metadata(c.header)]
    if not answers:
        raise InputError(msg("read.no-questions"), file=table.file, sheet=table.sheet)
    for group in group_columns(answers):
        b.add_group(group, seps=SEPARATORS)
    return b.build(complete_only=complete_only)


def _detect(probe: Probe) -> float:
    """The fallback: any readable single-table file is a candidate, with low confidence."""
    return 0.0 if probe.kind == "dir" else 0.1


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    return read_grid(table, probe.source(NAME, table.sheet), complete_only=options.complete_only)


READER = Reader(name=NAME, label="Generisk regneark/CSV (én kolonne pr. spørgsmål)",
                detect=_detect, read=_read)
