"""Reader for SurveyXact exports: the xlsx workbook or the CSV trio.

SurveyXact is what most municipalities and KL use. Its export stores numeric codes in
``Dataset`` and explains them in ``Labels`` and ``Structure``; the same export comes
as a workbook or as ``dataset.csv``/``labels.csv``/``structure.csv`` in three CSV
dialects. Both routes produce the same three grids, and from there one code path
(:func:`build_survey`), so every variant gives identical numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kl_survey.errors import InputError
from kl_survey.messages import msg, plural
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.readers.base import Probe, Reader, ReadOptions
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import Column, clean_series, find_municipality, tick_values
from kl_survey.readers.tools.surveyxact.load import Export, detect, load_export
from kl_survey.readers.tools.surveyxact.structure import (
    Item,
    Labels,
    Layout,
    Variable,
    plan,
    status_kind,
)

_NUMBERED = re.compile(r"^(?:q|spm|sp|spørgsmål)[_.]?(\d{1,3})$", re.I)
_RESPONDENT = ("respondent", "responde")


# ---------------------------------------------------------------- decoding


@dataclass
class _Decoder:
    """Codes to labels, remembering codes that Labels does not explain (not fatal)."""

    data: pd.DataFrame
    labels: Labels
    unknown: dict[str, list[str]] = field(default_factory=dict)
    _done: dict[str, tuple[pd.Series, list[str] | None]] = field(default_factory=dict)

    def raw(self, var: str) -> pd.Series:
        return clean_series(self.data[var])

    def codes(self, var: str) -> pd.Series:
        return self.raw(var).str.replace(r"^(-?\d+)[.,]0+$", r"\1", regex=True)

    def labelled(self, var: str, *, note: bool = True) -> pd.Series:
        """Labels for codes; a code Labels lacks stays as it is (and, with ``note``,
        is reported once in the survey notes). Decoded once per variable."""
        if var not in self._done:
            self._done[var] = self._decode(var)
        values, stray = self._done[var]
        if note and stray is not None:
            self.unknown[var] = stray
        return values

    def _decode(self, var: str) -> tuple[pd.Series, list[str] | None]:
        """(labels, codes Labels lacks: None if none, [] if the variable has no labels)."""
        codes = self.codes(var)
        mapping = self.labels.get(var)
        if not mapping:
            return codes, ([] if codes.notna().any() else None)
        mapped = codes.map(mapping)
        stray = codes.notna() & mapped.isna()
        if not stray.any():
            return mapped, None
        unknown = sorted(pd.unique(codes[stray]).tolist(), key=_code_key)
        return mapped.where(mapped.notna(), codes), unknown

    def notes(self) -> list[str]:
        out: list[str] = []
        for var, codes in self.unknown.items():
            if not codes:
                out.append(msg("read.surveyxact.no-labels", var=var))
            else:
                shown = ", ".join(codes[:5]) + (" …" if len(codes) > 5 else "")
                out.append(msg("read.surveyxact.unlabelled", var=var, codes=shown))
        return out


def _code_key(code: str) -> tuple[int, float, str]:
    try:
        return (0, float(code), code)
    except ValueError:
        return (1, 0.0, code)


# ---------------------------------------------------------------- respondents


def _flag(s: pd.Series) -> np.ndarray:
    codes = clean_series(s).str.replace(r"^(-?\d+)[.,]0+$", r"\1", regex=True)
    return codes.isin(["1"]).to_numpy(dtype=bool)


def _statuses(export: Export, layout: Layout) -> tuple[np.ndarray, np.ndarray] | None:
    """(answered at all, completed) per row, from SurveyXact's status columns."""
    n = len(export.data)
    if layout.status_code and layout.status_code in export.data:
        var = layout.status_code
        dec = _Decoder(export.data, export.labels)
        codes, texts = dec.codes(var), dec.labelled(var)
        kinds = [status_kind(t if isinstance(t, str) else None, c if isinstance(c, str) else None)
                 for t, c in zip(texts, codes, strict=True)]
        partial = np.array([k == "partial" for k in kinds], dtype=bool)
        complete = np.array([k == "complete" for k in kinds], dtype=bool)
        return partial | complete, complete
    cols = {v: k for v, k in layout.status.items() if v in export.data}
    if not cols:
        return None
    partial, complete = np.zeros(n, bool), np.zeros(n, bool)
    for var, kind in cols.items():
        if kind == "partial":
            partial |= _flag(export.data[var])
        elif kind == "complete":
            complete |= _flag(export.data[var])
    return partial | complete, complete


def _status_notes(keep: np.ndarray, complete: np.ndarray, complete_only: bool) -> list[str]:
    notes: list[str] = []
    left_out = int((~keep).sum())
    if left_out:
        notes.append(plural(left_out, "read.surveyxact.not-sent"))
    partial = int((keep & ~complete).sum())
    if partial:
        notes.append(plural(partial, "read.surveyxact.partial-left-out" if complete_only
                            else "read.surveyxact.partial-counted"))
    return notes


# ---------------------------------------------------------------- building


def _numbers(items: list[Item]) -> list[int]:
    """Numbers from the question names when the author named them all ``q1``/``spm1``
    (distinct, ascending), so ids match the questionnaire; otherwise 1..k in Structure
    order. SurveyXact's own ``s_N`` names skip numbers for "Andet" texts, so they don't."""
    found = [_NUMBERED.match(it.name) for it in items]
    nums = [int(m.group(1)) for m in found if m]
    if len(nums) == len(items) and len(set(nums)) == len(nums) and nums == sorted(nums):
        return nums
    return list(range(1, len(items) + 1))


def _municipality(dec: _Decoder, layout: Layout, items: list[Item]
                  ) -> tuple[Column | None, Item | None]:
    """The variable holding the respondent's municipality: a background variable first,
    else a question (which then leaves the question list, as in the other readers)."""
    background = [v for v in layout.background if v.name in dec.data]
    cols = [Column.of(i, v.name, dec.labelled(v.name, note=False))
            for i, v in enumerate(background)]
    found = find_municipality(cols, [(v.name, v.text) for v in background])
    if found is not None:
        return found, None
    candidates = [it for it in items
                  if it.kind in ("single", "text") and it.variables[0].name in dec.data]
    cols = [Column.of(i, it.variables[0].name,
                      dec.labelled(it.variables[0].name, note=False) if it.kind == "single"
                      else dec.raw(it.variables[0].name))
            for i, it in enumerate(candidates)]
    found = find_municipality(cols, [(it.variables[0].name, it.text) for it in candidates])
    if found is not None:
        return found, candidates[found.index]
    return None, None


def _unique_options(variables: list[Variable]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in variables:
        label = v.choice_text or v.name
        if label in seen:
            label = f"{label} ({v.name})"
        seen.add(label)
        out.append(label)
    return out


def _add(b: SurveyBuilder, dec: _Decoder, item: Item, q: Question) -> None:
    present = [v for v in item.variables if v.name in dec.data]
    if item.kind in ("grid", "numeric_grid"):
        _add_grid(b, dec, item, q)
        return
    if item.kind == "multi":
        chosen = {}
        for v, opt in zip(present, _unique_options(present), strict=True):
            chosen[opt] = tick_values(Column.of(0, v.name, dec.labelled(v.name)), opt)[0]
        b.add_multi(q, pd.DataFrame(chosen))
        return
    var = present[0].name
    if item.kind == "single":
        mapping = dec.labels.get(var)
        options = tuple(dict.fromkeys(mapping.values())) if mapping else None
        b.add_single(q, dec.labelled(var), options)
    elif item.kind == "numeric":
        b.add_numeric(q, dec.raw(var))
    else:
        b.add_text(q, dec.raw(var))


def _add_grid(b: SurveyBuilder, dec: _Decoder, item: Item, q: Question) -> None:
    """Matrix variables (structure.py decided which) as one grid; a variable missing
    from Dataset is an empty row or cell."""
    empty = pd.Series([pd.NA] * b.n, dtype="str")
    if item.kind == "grid":
        mapping = dec.labels.get(item.variables[0].name) or {}
        members = [(Column.of(0, v.name, dec.labelled(v.name) if v.name in dec.data else empty),
                    row) for v, row in zip(item.variables, item.rows, strict=True)]
        b.add_grid(q, members, tuple(dict.fromkeys(mapping.values())) or None)
        return
    cells = [Column.of(0, v.name, dec.raw(v.name) if v.name in dec.data else empty)
             for v in item.variables]
    b.add_numeric_grid(q, cells, item.rows, item.columns)


def build_survey(export: Export, source: SourceInfo, *, complete_only: bool = False) -> Survey:
    """The canonical survey from the three tables (shared by every export route)."""
    if export.data.empty:
        raise InputError(msg("read.surveyxact.no-responses"), file=export.file,
                         sheet=export.sheet)
    layout = plan(export.variables, export.labels, export.data.columns)
    b, data = _respondents(export, layout, source, complete_only)
    _add_questions(b, _Decoder(data, export.labels), layout)
    return b.build(drop_unanswered=b.complete is None, complete_only=complete_only)


def _respondents(export: Export, layout: Layout, source: SourceInfo, complete_only: bool
                 ) -> tuple[SurveyBuilder, pd.DataFrame]:
    """A builder over the rows that answered (by status; all rows if there is none)."""
    status = _statuses(export, layout)
    keep = status[0] if status else np.ones(len(export.data), bool)
    if status and not keep.any():
        raise InputError(msg("read.surveyxact.none-answered"), file=export.file,
                         sheet=export.sheet)
    data = export.data[keep].reset_index(drop=True)
    b = SurveyBuilder(source=source, rows=[r for r, k in zip(export.rows, keep, strict=True)
                                           if k])
    if status:
        b.complete = status[1][keep]
        b.notes.extend(_status_notes(keep, status[1], complete_only))
    ids = [c for c in data.columns if c.casefold() in _RESPONDENT]
    if ids:
        b.respondent_id = data[ids[0]]
    return b, data


def _add_questions(b: SurveyBuilder, dec: _Decoder, layout: Layout) -> None:
    items = list(layout.items)
    muni, muni_item = _municipality(dec, layout, items)
    if muni is not None:
        b.set_municipality(muni)
    hidden = [f"'{v.text}' ({v.name})" for v in layout.background
              if muni is None or v.name != muni.header]
    if hidden:
        b.notes.append(msg("read.surveyxact.background", names=", ".join(hidden)))
    missing = [v.name for it in items for v in it.variables if v.name not in dec.data]
    items = [it for it in items if it is not muni_item
             and any(v.name in dec.data for v in it.variables)]
    owner: dict[int, str] = {}
    for number, item in zip(_numbers(items), items, strict=True):
        q = Question(id=f"q{number}", number=number, text=item.text, type=QType.SINGLE,
                     columns=tuple(v.name for v in item.variables if v.name in dec.data))
        _add(b, dec, item, q)
        owner[id(item)] = q.id
    _add_others(b, dec, layout, owner)
    b.notes.extend(dec.notes())
    if missing:
        shown = ", ".join(f"'{m}'" for m in missing[:10]) + (" …" if len(missing) > 10 else "")
        b.notes.append(msg("read.surveyxact.skipped", names=shown))


def _add_others(b: SurveyBuilder, dec: _Decoder, layout: Layout, owner: dict[int, str]) -> None:
    """Free text under "Andet, angiv" goes with its question, not into a question of its own."""
    texts: dict[str, pd.Series] = {}
    for index, var in layout.others:
        qid = owner.get(id(layout.items[index]))
        if qid is None or var.name not in dec.data:
            continue
        raw = dec.raw(var.name)
        texts[qid] = raw if qid not in texts else texts[qid].fillna(raw)
    for qid, values in texts.items():
        b.add_other(qid, values)


def _read(probe: Probe, options: ReadOptions) -> Survey:
    export = load_export(probe, options)
    return build_survey(export, probe.source("surveyxact", export.sheet),
                        complete_only=options.complete_only)


READER = Reader(name="surveyxact",
                label="SurveyXact (xlsx med Dataset/Labels/Structure eller CSV-mappe)",
                detect=detect, read=_read)
