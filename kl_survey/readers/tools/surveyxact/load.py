"""SurveyXact's three tables, whichever route they come by: the xlsx workbook (sheets
Dataset, Labels, Structure) or the CSV trio (``dataset.csv``, ``labels.csv``,
``structure.csv``) in any of its three dialects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kl_survey.errors import InputError
from kl_survey.messages import Text, msg
from kl_survey.readers.base import Probe, ReadOptions
from kl_survey.readers.infer import clean_label
from kl_survey.readers.source import RawTable, read_workbook
from kl_survey.readers.tools.surveyxact.structure import (
    Labels,
    Variable,
    parse_labels,
    parse_structure,
)

_PARTS = ("dataset", "labels", "structure")
_DATASET_SHEET = re.compile(r"^dataset\s*(\(\d+\))?$", re.I)
HINT = "read.surveyxact.export-again"  # the hint of every refusal here (a catalogue key)


@dataclass(frozen=True)
class Export:
    """The three tables, whichever route they came by."""

    data: pd.DataFrame  # one column per Dataset variable, named; body rows only
    rows: tuple[int, ...]  # source row number of each data row
    labels: Labels
    variables: list[Variable]
    file: str
    sheet: str | None = None


# ---------------------------------------------------------------- detection


def _siblings(folder: Path) -> dict[str, Path]:
    """``dataset``/``labels``/``structure`` CSVs in a folder, matched case-insensitively."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return {}
    found: dict[str, Path] = {}
    for p in entries:
        stem = p.stem.casefold()
        if p.suffix.casefold() == ".csv" and stem in _PARTS and p.is_file():
            found.setdefault(stem, p)
    return found


def _sheet_names(probe: Probe) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {part: [] for part in _PARTS}
    for sheet in probe.sheets:
        if _DATASET_SHEET.match(sheet.strip()):
            names["dataset"].append(sheet)
        elif sheet.strip().casefold() in ("labels", "structure"):
            names[sheet.strip().casefold()].append(sheet)
    return names


def detect(probe: Probe) -> float:
    """Certain when the three parts are there, as sheets or as sibling CSV files."""
    if probe.kind == "dir":
        return 0.95 if len(_siblings(probe.path)) == 3 else 0.0
    if probe.kind == "csv":
        named = probe.path.stem.casefold() in _PARTS
        return 0.95 if named and len(_siblings(probe.path.parent)) == 3 else 0.0
    if probe.kind in ("xlsx", "xls"):
        return 0.95 if all(_sheet_names(probe).values()) else 0.0
    return 0.0


# ---------------------------------------------------------------- loading


def _grid(table: RawTable) -> list[list[object]]:
    frame = table.frame.astype(object)
    return frame.where(frame.notna(), None).to_numpy().tolist()


def _dataset(tables: list[RawTable], file: str, sheet: str | None) -> tuple[pd.DataFrame,
                                                                             tuple[int, ...]]:
    """Named columns from the header row; several Dataset sheets sit side by side."""
    frames: list[pd.DataFrame] = []
    for table in tables:
        if len(table.frame) < 1:
            raise InputError(msg("read.surveyxact.dataset-empty"), file=file,
                             sheet=table.sheet, hint=msg(HINT))
        header = [clean_label(h) if pd.notna(h) else "" for h in table.frame.iloc[0]]
        body = table.frame.iloc[1:].reset_index(drop=True)
        body.columns = header
        frames.append(body.loc[:, [bool(h) for h in header]])
    if len({len(f) for f in frames}) > 1:
        raise InputError(msg("read.surveyxact.dataset-uneven"), file=file, sheet=sheet,
                         hint=msg(HINT))
    data = pd.concat(frames, axis=1) if len(frames) > 1 else frames[0]
    data = data.loc[:, ~data.columns.duplicated()]
    return data, tables[0].rows[1:]


def _missing(what: Text, file: Path | str) -> InputError:
    return InputError(msg("read.surveyxact.lacks", what=what), file=file, hint=msg(HINT))


def _load_workbook(probe: Probe, options: ReadOptions) -> Export:
    names = _sheet_names(probe)
    for part in _PARTS:
        if not names[part]:
            raise _missing(msg("read.surveyxact.lacks-sheet", sheet=part.capitalize()),
                           probe.path)
    wanted = [*names["dataset"], names["labels"][0], names["structure"][0]]
    tables = read_workbook(probe.path, wanted, sniffed=probe.sniffed, options=options.source())
    file = str(probe.path)
    data, rows = _dataset([tables[s] for s in names["dataset"]], file, names["dataset"][0])
    structure = names["structure"][0]
    return Export(data, rows, parse_labels(_grid(tables[names["labels"][0]])),
                  parse_structure(_grid(tables[structure]), file=file, sheet=structure),
                  file, names["dataset"][0])


def _load_csv(probe: Probe, options: ReadOptions) -> Export:
    folder = probe.path if probe.kind == "dir" else probe.path.parent
    found = _siblings(folder)
    for part in _PARTS:
        if part not in found:
            raise _missing(msg("read.surveyxact.lacks-file", part=part), folder)
    data_path = found["dataset"]
    if probe.kind == "csv" and probe.path.stem.casefold() not in ("labels", "structure"):
        data_path = probe.path
    read = {part: probe.read_other(p) for part, p in found.items() if part != "dataset"}
    data, rows = _dataset([probe.read_other(data_path)],
                          str(data_path), None)
    return Export(data, rows, parse_labels(_grid(read["labels"])),
                  parse_structure(_grid(read["structure"]), file=str(found["structure"]),
                                  sheet=None),
                  str(data_path))


def load_export(probe: Probe, options: ReadOptions) -> Export:
    if probe.kind in ("xlsx", "xls"):
        return _load_workbook(probe, options)
    if probe.kind in ("dir", "csv"):
        return _load_csv(probe, options)
    raise InputError(msg("read.surveyxact.not-an-export"), file=probe.path, hint=msg(HINT))
