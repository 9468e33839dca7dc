"""How a spec turns one question's answers into its options: the type it asks for,
labels renamed and merged, the spec's order, and free text that is really an option.

Split from :mod:`kl_survey.spec_apply` (which walks the questions) so each stays small;
the grid rules in :mod:`kl_survey.spec_apply_grid` use :func:`single` for each row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kl_survey.issues import Severity
from kl_survey.messages import msg, plural
from kl_survey.model import QType, Question
from kl_survey.spec import QuestionSpec

if TYPE_CHECKING:
    from kl_survey.spec_apply import Data, _Ctx


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def final_type(data: Data, q: Question, qs: QuestionSpec) -> QType:
    if isinstance(data, pd.DataFrame):
        return QType.MULTI
    if qs.type is not None and qs.type not in ("multi", "grid", "numeric_grid"):
        return QType(qs.type)
    return q.type


def convert(ctx: _Ctx, q: Question, qs: QuestionSpec,
             data: Data) -> tuple[Data, pd.Series | None]:
    """Change the question type when the spec says so and it can be done losslessly.

    single/text/numeric convert among themselves (numbers via Danish-aware parsing);
    multi-select needs the reader's columns, so a mismatch there is only reported.
    """
    want = qs.type
    if want is None or want == q.type.value:
        return data, None
    if (want in ("multi", "grid", "numeric_grid") or q.type is QType.MULTI
            or q.type is QType.NUMERIC):
        ctx.data_issue(Severity.WARNING, "type-mismatch",
                       msg("apply.type-mismatch", id=qs.id, found=q.type.value, spec=want), q)
        return data, None
    assert isinstance(data, pd.Series)
    text = data.astype("str")
    if want == "text":
        return text, None
    if want == "single":
        from kl_survey.readers.infer import order_options

        counts = {str(k): int(v) for k, v in text.value_counts().items()}
        cats = list(order_options(list(counts), counts))
        return pd.Series(pd.Categorical(text, categories=cats), index=text.index), None
    from kl_survey.numbers import parse_approximate, parse_number

    lookup = {v: parse_number(str(v)) for v in pd.unique(text.dropna())}
    guessed = {v for v, x in lookup.items() if x is None and parse_approximate(str(v)) is not None}
    lookup.update({v: parse_approximate(str(v)) for v in guessed})
    if guessed:
        from kl_survey.spec_apply_grid import approximate_issue

        approximate_issue(ctx, q, text.isin(list(guessed)).to_numpy(dtype=bool))
    num = text.map(lookup).astype("Float64")
    bad = num.isna() & text.notna()
    return num, (text.where(bad) if bad.any() else None)


def label_map(qs: QuestionSpec) -> dict[str, str]:
    mapping = dict(qs.rename)
    for target, sources in qs.merge.items():
        for src in sources:
            mapping[src] = target
    return mapping


def mapped(labels: Iterable[str] | None, mapping: dict[str, str],
            options: tuple[str, ...]) -> tuple[str, ...]:
    out = dict.fromkeys(mapping.get(x, x) for x in labels or ())
    return tuple(x for x in out if not options or x in options)


def final_options(ctx: _Ctx, q: Question, qs: QuestionSpec, targets: list[str],
                   answered: dict[str, int], *, column_is_data: bool = False) -> list[str]:
    """The spec's order, then anything the data has that the spec does not list.

    An unlisted label nobody chose (a reader that knows the questionnaire) is only
    info; for multi-select every option is an export column, so it is always a warning.
    """
    listed = list(qs.options) if qs.options is not None else list(dict.fromkeys(targets))
    final = list(listed)
    for label in dict.fromkeys(targets):
        if label in final:
            continue
        final.append(label)
        n = answered.get(label, 0)
        severity = Severity.WARNING if n or column_is_data else Severity.INFO
        ctx.data_issue(severity, "answer-unlisted",
                       plural(n, "apply.answer-unlisted", label=short(label), id=qs.id), q)
    sources = set(label_map(qs))
    for unused in sorted(sources - set(q.options)):
        ctx.data_issue(Severity.INFO, "rename-unused",
                       msg("apply.rename-unused", label=short(unused), id=qs.id), q)
    return final


def single(ctx: _Ctx, q: Question, qs: QuestionSpec,
            data: pd.Series) -> tuple[pd.Series, tuple[str, ...]]:
    cats = [str(c) for c in data.cat.categories]
    mapping = label_map(qs)
    targets = [mapping.get(c, c) for c in cats]
    codes = data.cat.codes.to_numpy()
    per_cat = np.bincount(codes[codes >= 0], minlength=len(cats))
    answered: dict[str, int] = {}
    for t, n in zip(targets, per_cat, strict=True):
        answered[t] = answered.get(t, 0) + int(n)
    final = final_options(ctx, q, qs, targets, answered)
    pos = {o: i for i, o in enumerate(final)}
    lookup = np.array([pos[t] for t in targets] + [-1], dtype=np.int64)
    new_codes = lookup[np.where(codes >= 0, codes, len(targets))]
    cat = pd.Categorical.from_codes(new_codes, categories=pd.Index(final))
    return pd.Series(cat, index=data.index), tuple(final)


def multi(ctx: _Ctx, q: Question, qs: QuestionSpec,
           data: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    mapping = label_map(qs)
    cols = [str(c) for c in data.columns]
    targets = [mapping.get(c, c) for c in cols]
    ticked = data.to_numpy(dtype=bool)
    answered: dict[str, int] = {}
    for i, t in enumerate(targets):
        answered[t] = answered.get(t, 0) + int(ticked[:, i].sum())
    final = final_options(ctx, q, qs, targets, answered, column_is_data=True)
    out: dict[str, np.ndarray] = {}
    for label in final:
        idx = [i for i, t in enumerate(targets) if t == label]
        if not idx and label not in mapping.values():
            ctx.data_issue(Severity.INFO, "option-not-in-data",
                           msg("apply.option-not-in-data", label=short(label), id=qs.id), q)
        out[label] = (np.asarray(ticked[:, idx].any(axis=1)) if idx
                      else np.zeros(len(data), dtype=bool))
    return pd.DataFrame(out, index=data.index), tuple(final)


_OTHER_PREFIX = ("andet", "anden", "andre", "other")


def reclaim_other(ctx: _Ctx, q: Question, qs: QuestionSpec, data: pd.DataFrame,
                   text: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """Free text that is exactly an option the spec lists is a tick on that option.

    Forms and Google Forms exports carry no option list, so an option only one
    respondent ticked looks like "Other" free text to the reader; the spec's
    ``options`` settle it. The tick moves from the "Andet" column to the option.
    """
    wanted = {o.casefold(): o for o in (qs.options or [])
              if not o.casefold().startswith(_OTHER_PREFIX)}
    hits = text.str.casefold().map(wanted)
    hit = hits.notna().to_numpy(dtype=bool)
    if not hit.any():
        return data, text
    data = data.copy()
    other_cols = [c for c in data.columns if str(c).casefold().startswith(_OTHER_PREFIX)]
    for label in sorted(set(hits.dropna())):
        rows = (hits == label).to_numpy(dtype=bool)
        column = data[label].to_numpy(dtype=bool) if label in data.columns else np.zeros(
            len(data), dtype=bool)
        data[label] = column | rows
        ctx.data_issue(Severity.INFO, "other-is-option",
                       plural(int(rows.sum()), "apply.other-is-option", label=short(label),
                              id=qs.id), q)
    for c in other_cols:
        data[c] = data[c].to_numpy(dtype=bool) & ~hit
    return data, text.mask(pd.Series(hit, index=text.index))
