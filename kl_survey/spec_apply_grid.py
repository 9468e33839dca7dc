"""The spec applied to grids: plain columns made one grid, rows and options ordered.

Two things only a spec can say about a grid (see :mod:`kl_survey.spec_grid`):

* that plain columns are one grid — a form that asked "Antal henvendelser i januar",
  "… i februar" as number questions of their own. :func:`merge_plain_columns` turns
  the questions read from those ``columns`` into one grid, before questions are
  matched, so the grid is matched by its id like any question;
* how a grid reads: its rows' and columns' order, its option labels (``rename``,
  ``merge``, ``options``, counted over every row at once), yes, "Ved ikke", the base,
  which respondents the totals cover, and derived rates (:func:`apply_grid`).

Like the rest of the spec, a disagreement never drops data: a row or column the spec
does not list is kept after the listed ones, with a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from kl_survey.grid import cell_keys, numeric_frame, split_reference
from kl_survey.issues import Severity
from kl_survey.messages import msg, plural
from kl_survey.model import Derived, QType, Question, Survey
from kl_survey.spec_grid import GRID_TYPES

if TYPE_CHECKING:
    from kl_survey.spec import QuestionSpec, Spec
    from kl_survey.spec_apply import Data, _Ctx

_PLAIN = (QType.SINGLE, QType.NUMERIC, QType.TEXT)
#: (label missing from the data, label the spec does not list) for rows and columns
_LABEL_KEYS = {"row": ("apply.grid-row-missing", "apply.grid-row-unlisted"),
               "column": ("apply.grid-cell-missing", "apply.grid-cell-unlisted")}


def approximate_issue(ctx: _Ctx, q: Question, mask: np.ndarray,
                      column: str | None = None) -> None:
    """Numbers read from an estimate ("ca. 20"), listed with their rows."""
    rows = [int(r) for r in ctx.survey.respondents["row"].to_numpy()[mask]]
    if not rows:
        return
    shown = ", ".join(str(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
    ctx.data_issue(Severity.WARNING, "numeric-approximate",
                   plural(len(rows), "read.numeric-approximate", id=q.id,
                          rows=plural(len(rows), "where.rows", rows=shown)), q)
    if column is not None:  # name the cell's own column, not the question's first
        last = ctx.issues[-1]
        ctx.issues[-1] = replace(last, where=replace(last.where, column=column, row=rows[0]))
    else:
        last = ctx.issues[-1]
        ctx.issues[-1] = replace(last, where=replace(last.where, row=rows[0]))


# ---------------------------------------------------------------- plain columns


def merge_plain_columns(ctx: _Ctx, survey: Survey, spec: Spec) -> Survey:
    """Every spec grid named by plain source columns, made one grid question."""
    for qs in spec.question:
        if qs.type in GRID_TYPES and qs.columns and qs.rows:
            survey = _merge(ctx, survey, qs)
    return survey


def _merge(ctx: _Ctx, survey: Survey, qs: QuestionSpec) -> Survey:
    if any(q.id == qs.id and q.type.value == qs.type for q in survey.questions):
        return survey  # the reader found the grid itself
    by_column = {q.columns[0]: q for q in survey.questions
                 if len(q.columns) == 1 and q.type in _PLAIN}
    found = [by_column.get(c) for c in qs.columns]
    if not any(found):
        return survey  # question-missing is reported when questions are matched
    missing = [c for c, q in zip(qs.columns, found, strict=True) if q is None]
    if missing:
        ctx.spec_issue("grid-column-missing", plural(len(missing), "apply.grid-column-missing",
                                                     id=qs.id, first=missing[0]), qs.id)
    used = [q for q in found if q is not None]
    rows, grid_columns = tuple(qs.rows or ()), tuple(qs.grid_columns or ())
    first = used[0]
    q = Question(id=qs.id, number=first.number, text=qs.text or first.text,
                 type=QType(qs.type), columns=tuple(qs.columns), rows=rows,
                 grid_columns=grid_columns)
    unparsed = dict(survey.unparsed)
    if q.type is QType.GRID:
        q, data = _grid_of(survey, q, found)
    else:
        data, bad = _numbers_of(ctx, survey, q, found)
        if bad is not None:
            unparsed[q.id] = bad
    gone = {x.id for x in used}
    questions = [q if x is first else x for x in survey.questions if x is first
                 or x.id not in gone]
    answers = {k: v for k, v in survey.answers.items() if k not in gone}
    answers[q.id] = data
    return replace(survey, questions=tuple(questions), answers=answers,
                   unparsed={k: v for k, v in unparsed.items() if k not in gone or k == q.id},
                   other_text={k: v for k, v in survey.other_text.items() if k not in gone})


def _grid_of(survey: Survey, q: Question,
             found: Sequence[Question | None]) -> tuple[Question, pd.DataFrame]:
    from kl_survey.readers.infer import order_options

    texts = [_series(survey, x).astype("string") if x is not None
             else pd.Series(pd.NA, index=pd.RangeIndex(survey.n), dtype="string")
             for x in found]
    counts: dict[str, int] = {}
    for t in texts:
        for value, n in t.value_counts().items():
            counts[str(value)] = counts.get(str(value), 0) + int(n)
    options = order_options(list(counts), counts)
    dtype = pd.CategoricalDtype(list(options))
    frame = pd.DataFrame({row: pd.Categorical(t.astype(object).where(t.notna(), None),
                                              dtype=dtype)
                          for row, t in zip(q.rows, texts, strict=True)},
                         index=pd.RangeIndex(survey.n))
    return replace(q, options=options), frame


def _series(survey: Survey, q: Question) -> pd.Series:
    data = survey.answers[q.id]
    assert isinstance(data, pd.Series), "a plain question's answers are one column"
    return data


def _numbers_of(ctx: _Ctx, survey: Survey, q: Question, found: Sequence[Question | None]
                ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    from kl_survey.readers.infer import Column
    from kl_survey.readers.infer.numeric import read_numbers

    cells: list[np.ndarray] = []
    bad: dict[tuple[str, str], pd.Series] = {}
    keys = cell_keys(q.rows, q.grid_columns)
    for key, column, x in zip(keys, q.columns, found, strict=True):
        if x is None:
            cells.append(np.full(survey.n, np.nan))
            continue
        data = _series(survey, x)
        if x.type is QType.NUMERIC:
            cells.append(data.to_numpy(dtype=float, na_value=np.nan))
            old = survey.unparsed.get(x.id)
            if isinstance(old, pd.Series) and old.notna().any():
                bad[key] = old
            continue
        read = read_numbers(Column.of(0, column, data.astype("string").astype("str")))
        cells.append(read.values)
        if read.approximate.any():
            approximate_issue(ctx, q, read.approximate, column)
        if read.bad.any():
            bad[key] = data.astype("string").where(pd.Series(read.bad, index=data.index))
    frame = numeric_frame(cells, q.rows, q.grid_columns, survey.n)
    if not bad:
        return frame, None
    empty = pd.Series(pd.NA, index=pd.RangeIndex(survey.n), dtype="string")
    unparsed = pd.DataFrame({k: bad.get(k, empty) for k in keys}, index=pd.RangeIndex(survey.n))
    unparsed.columns = frame.columns
    return frame, unparsed


# ---------------------------------------------------------------- one grid


def apply_grid(ctx: _Ctx, q: Question, qs: QuestionSpec,
               data: pd.DataFrame) -> tuple[Question, Data, Data | None]:
    """A grid question as the spec says it reads (see the module text)."""
    from kl_survey.spec_apply import decided

    if qs.type == "numeric_grid" and q.type is QType.GRID:
        q, data = _grid_as_numbers(ctx, q, data)
    if qs.type is not None and qs.type != q.type.value:
        ctx.data_issue(Severity.WARNING, "type-mismatch",
                       msg("apply.type-mismatch", id=qs.id, found=q.type.value, spec=qs.type), q)
    rows = _ordered(ctx, q, q.rows, qs.rows, "row")
    if q.type is QType.GRID:
        data, options = _options(ctx, q, qs, data[list(rows)])
        new = decided(ctx, replace(q, rows=rows), qs, QType.GRID, options)
        return new, data, None
    columns = _ordered(ctx, q, q.grid_columns, qs.grid_columns, "column")
    keys = cell_keys(rows, columns)
    data = data[keys]
    unparsed = ctx.survey.unparsed.get(q.id)
    if isinstance(unparsed, pd.DataFrame):
        unparsed = unparsed[keys]
    q = replace(q, rows=rows, grid_columns=columns, totals=qs.totals or q.totals)
    q = replace(q, derived=_derived(ctx, q, qs))
    new = decided(ctx, q, qs, QType.NUMERIC_GRID, ())
    return new, data, unparsed


def _grid_as_numbers(ctx: _Ctx, q: Question, data: pd.DataFrame
                     ) -> tuple[Question, pd.DataFrame]:
    """A grid whose options are numbers (small counts read as a scale's codes) taken as
    the numeric grid the spec says it is: one number per row."""
    from kl_survey.readers.infer import Column
    from kl_survey.readers.infer.numeric import read_numbers

    read = [read_numbers(Column.of(0, row, data[row].astype("string").astype("str")))
            for row in q.rows]
    if any(r.bad.any() for r in read):
        ctx.data_issue(Severity.WARNING, "type-mismatch", msg("apply.type-not-numbers", id=q.id),
                       q)
        return q, data
    for row, r in zip(q.rows, read, strict=True):
        if r.approximate.any():
            approximate_issue(ctx, q, r.approximate, row)
    frame = numeric_frame([r.values for r in read], q.rows, (), len(data))
    return replace(q, type=QType.NUMERIC_GRID, options=(), dont_know=()), frame


def _ordered(ctx: _Ctx, q: Question, have: tuple[str, ...], want: list[str] | None,
             what: Literal["row", "column"]) -> tuple[str, ...]:
    """The spec's order; labels it lists that the data lacks are reported, labels the
    data has that it does not list come after, reported too."""
    if want is None:
        return have
    missing, unlisted = _LABEL_KEYS[what]
    for label in want:
        if label not in have:
            ctx.data_issue(Severity.WARNING, "grid-label-missing",
                           msg(missing, label=label, id=q.id), q)
    extra = [x for x in have if x not in want]
    for label in extra:
        ctx.data_issue(Severity.WARNING, "grid-label-unlisted",
                       msg(unlisted, label=label, id=q.id), q)
    return tuple(x for x in want if x in have) + tuple(extra)


def _options(ctx: _Ctx, q: Question, qs: QuestionSpec,
             data: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The option labels the spec decides, counted over every row at once, so an
    unlisted answer is reported once for the grid."""
    from kl_survey.spec_options import single

    n = len(data)
    codes = np.concatenate([data[c].cat.codes.to_numpy() for c in data.columns]
                           or [np.zeros(0, dtype=np.int64)])
    stacked = pd.Series(pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(
        list(q.options))))
    mapped, options = single(ctx, q, qs, stacked)
    mapped_codes = mapped.cat.codes.to_numpy()
    dtype = pd.CategoricalDtype(list(options))
    out = {c: pd.Categorical.from_codes(mapped_codes[i * n:(i + 1) * n], dtype=dtype)
           for i, c in enumerate(data.columns)}
    return pd.DataFrame(out, index=data.index), options


def _derived(ctx: _Ctx, q: Question, qs: QuestionSpec) -> tuple[Derived, ...]:
    """The spec's derived rates whose references name this grid's rows and columns."""
    out = []
    for d in qs.derived:
        bad = [ref for ref in (d.numerator, d.denominator) if not _resolves(q, ref)]
        if bad:
            ctx.spec_issue("derived-reference-unknown",
                           msg("apply.derived-reference-unknown", name=d.name, id=q.id,
                               ref=bad[0]), q.id)
            continue
        out.append(Derived(d.name, d.numerator, d.denominator))
    return tuple(out)


def _resolves(q: Question, ref: str) -> bool:
    qid, row, column = split_reference(ref, q.rows)
    return qid == q.id and row in q.rows and (column is None or column in q.grid_columns)
