"""Google Forms: the CSV download of the responses (or the linked sheet saved as xlsx).

A ``Timestamp``/``Tidsstempel`` column comes first and every CSV field is quoted.
Checkbox answers are one cell with the ticked options joined by ``, `` (``;`` from
some sheets), and option labels may themselves contain ", " — the typeset recovers
the labels from the cells. Google never exports one column per option, so a
``Question [Row]`` group is a grid's rows, never ticks.
"""

from __future__ import annotations

import re
from pathlib import Path

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import group_columns, norm
from kl_survey.vocabulary import GOOGLEFORMS_METADATA, GOOGLEFORMS_STAMP, is_metadata

NAME = "googleforms"
SEPARATORS = (";", ", ")
_SHEETS = ("form responses", "formularsvar", "svar på formular", "formulærsvar")
_QUOTED_LINE = re.compile(r'^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*\r?$')


def _head_text(path: Path, size: int = 16_384) -> str:
    """The start of a text file, for cheap detection of quoting (never raises on bytes)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(size)
    except OSError:
        return ""
    return raw.decode("utf-8", errors="replace").lstrip("\ufeff")


def _all_quoted(text: str) -> bool:
    """Google quotes every field of the header line; spreadsheets re-saving it do not."""
    first = text.split("\n", 1)[0]
    return bool(_QUOTED_LINE.match(first))


def _detect(probe: Probe) -> float:
    if probe.kind == "dir" or not probe.header or norm(probe.header[0]) not in GOOGLEFORMS_STAMP:
        return 0.0
    if probe.kind == "csv" and _all_quoted(_head_text(probe.path)):
        return 0.95
    if any(s.casefold().startswith(_SHEETS) for s in probe.sheets):
        return 0.9
    return 0.7


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    b, cols = SurveyBuilder.with_header_row(table, probe.source(NAME, table.sheet))
    muni = b.find_municipality(cols)
    answers = [c for c in cols if c is not muni
               and not is_metadata(c.header, GOOGLEFORMS_METADATA)]
    for group in group_columns(answers):
        b.add_group(group, seps=SEPARATORS, ticks=False)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Google Formularer (CSV-download af svarene)",
                detect=_detect, read=_read)
