"""Google Forms: the CSV download of the responses (or the linked sheet saved as xlsx).

A ``Timestamp``/``Tidsstempel`` column comes first and every CSV field is quoted.
Checkbox answers are one cell with the ticked options joined by ``, `` (``;`` from
some sheets), and option labels may themselves contain ", " — so labels are
recovered from the cells (see :mod:`common_forms`) instead of split blindly. A grid
is one column per row, ``Question [Row]``, each read as its own question.
"""

from __future__ import annotations

import re

import pandas as pd

from kl_survey.model import Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.build import SurveyBuilder, clean_series
from kl_survey.readers.common_forms import (
    Numberer,
    add_by_values,
    body_of,
    head_text,
    is_meta,
    joined_multi,
    municipality_column,
    norm,
    plausible_multi,
    row_texts,
    split_cells,
)

NAME = "googleforms"
_STAMP = frozenset({"timestamp", "tidsstempel", "tidsstempling", "zeitstempel",
                    "marca temporal", "horodateur", "tidsstämpel"})
_META = ("email address", "e-mailadresse", "mailadresse", "e-mail-adresse", "score",
         "point", "resultat")
_SHEETS = ("form responses", "formularsvar", "svar på formular", "formulærsvar")
_QUOTED_LINE = re.compile(r'^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*\r?$')


def _all_quoted(text: str) -> bool:
    """Google quotes every field of the header line; spreadsheets re-saving it do not."""
    first = text.split("\n", 1)[0]
    return bool(_QUOTED_LINE.match(first))


def _detect(probe: Probe) -> float:
    if probe.kind == "dir" or not probe.header or norm(probe.header[0]) not in _STAMP:
        return 0.0
    if probe.kind == "csv" and _all_quoted(head_text(probe.path)):
        return 0.95
    if any(s.casefold().startswith(_SHEETS) for s in probe.sheets):
        return 0.9
    return 0.7


def _separator(vals: pd.Series) -> str:
    """``;`` when any cell uses it (labels rarely hold one), else Google's ``, ``."""
    return ";" if vals.dropna().str.contains(";", regex=False).any() else ", "


def _read(probe: Probe, options: ReadOptions) -> Survey:
    table = probe.table()
    header = row_texts(table.frame, 0)
    body, rows = body_of(table, 1)
    b = SurveyBuilder(source=probe.source(NAME, table.sheet), rows=rows)
    muni = municipality_column({str(i): body[i] for i, h in enumerate(header) if h})
    if muni is not None:
        b.municipality_raw = body[int(muni)]
    numbers = Numberer()
    for i, h in enumerate(header):
        if not h or norm(h) in _STAMP or is_meta(h, _META) or str(i) == muni:
            continue
        q = numbers.question(h, (h,))
        vals = clean_series(body[i])
        sep = _separator(vals)
        cells = split_cells(vals, sep, glue=sep != ";")
        if plausible_multi(cells):
            frame, other = joined_multi(cells, sep)
            b.add_multi(q, frame, other)
        else:
            add_by_values(b, q, vals)
    return b.build(complete_only=options.complete_only)


READER = Reader(name=NAME, label="Google Formularer (CSV-download af svarene)",
                detect=_detect, read=_read)
