"""Apply a spec to a read survey: a new :class:`Survey` plus the disagreements found.

The spec decides labels, order, "yes", bases and titles; the data decides what was
answered. When they disagree the data is never dropped: an answer the spec does not
list is counted as an extra option, a question the spec does not know is kept as read,
and each disagreement is an :class:`~kl_survey.issues.Issue` (warning), which
``--strict`` turns into a fatal error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypeAlias

import pandas as pd

from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import Text, msg
from kl_survey.model import (
    BaseRule,
    Chart,
    Filter,
    Meta,
    Population,
    QType,
    Question,
    Survey,
    is_dont_know,
)
from kl_survey.spec import QuestionSpec, Spec
from kl_survey.spec_options import (
    convert,
    final_type,
    label_map,
    mapped,
    multi,
    reclaim_other,
    short,
    single,
)
from kl_survey.spec_respondents import respondent_column

Data: TypeAlias = pd.Series | pd.DataFrame


@dataclass
class _Ctx:
    """What every step needs to report a disagreement at the right place."""

    survey: Survey
    spec_name: str
    issues: list[Issue]

    def data_issue(self, severity: Severity, code: str, message: Text, q: Question | None,
                   question: str | None = None) -> None:
        column = q.columns[0] if q is not None and q.columns else None
        where = Where(file=self.survey.source.file, sheet=self.survey.source.sheet,
                      column=column, question=question or (q.id if q else None))
        self.issues.append(Issue(severity, code, message, where, message.hint()))

    def spec_issue(self, code: str, message: Text, qid: str | None) -> None:
        where = Where(file=self.spec_name, question=qid)
        self.issues.append(Issue(Severity.WARNING, code, message, where, message.hint()))


def apply_spec(survey: Survey, spec: Spec,
               spec_name: str = "survey.toml") -> tuple[Survey, list[Issue]]:
    """The survey as the spec describes it, and every spec/data disagreement."""
    survey = respondent_column(survey, spec)
    ctx = _Ctx(survey, spec_name, [])
    from kl_survey.spec_apply_grid import merge_plain_columns

    survey = merge_plain_columns(ctx, survey, spec)
    ctx.survey = survey
    questions: list[Question] = []
    answers: dict[str, Data] = {}
    unparsed = dict(survey.unparsed)
    other = dict(survey.other_text)
    for qs, q in _match(ctx, survey, spec):
        data = survey.answers[q.id]
        if qs is None:
            questions.append(q)
            answers[q.id] = data
            continue
        if q.id != qs.id:
            _rekey(q.id, qs.id, other, unparsed)
        if isinstance(data, pd.DataFrame) and qs.id in other and qs.options:
            data, other[qs.id] = reclaim_other(ctx, q, qs, data, other[qs.id])
        new_q, new_data, bad = _apply_question(ctx, q, qs, data)
        if bad is not None:
            unparsed[qs.id] = bad
        questions.append(new_q)
        answers[qs.id] = new_data
    questions = _attach_other(ctx, spec, questions, answers, other)
    questions = [_check_filter(ctx, q, questions) for q in questions]
    out = replace(survey, questions=tuple(questions), answers=answers, other_text=other,
                  unparsed=unparsed, meta=_meta(survey, spec),
                  population=_population(survey, spec))
    return out, ctx.issues


# ---------------------------------------------------------------- survey level


def _meta(survey: Survey, spec: Spec) -> Meta:
    s, old = spec.survey, survey.meta
    return Meta(
        title=s.title or old.title,
        round=s.round or old.round,
        date=s.date.isoformat() if s.date else old.date,
        credit=s.credit or old.credit,
        unit=s.unit,
        colophon=spec.report.colophon,
        maps=tuple(spec.report.maps),
    )


def _population(survey: Survey, spec: Spec) -> Population | None:
    pop = spec.respondents.population
    if isinstance(pop, list):
        return Population(spec.survey.unit, len(set(pop)), frozenset(pop))
    if survey.population is not None and survey.population.unit != spec.survey.unit:
        return replace(survey.population, unit=spec.survey.unit)
    return survey.population


def _match(ctx: _Ctx, survey: Survey,
           spec: Spec) -> list[tuple[QuestionSpec | None, Question]]:
    """Pair spec and data questions: by id, then by source columns; spec order first.

    Data questions the spec does not know follow in data order, kept as read.
    """
    by_id = {q.id: q for q in survey.questions}
    pairs: list[tuple[QuestionSpec | None, Question]] = []
    used: set[str] = set()
    pending: list[QuestionSpec] = []
    for qs in spec.question:
        if qs.id in by_id:
            used.add(qs.id)
        else:
            pending.append(qs)
    by_cols: dict[str, Question] = {}
    for qs in pending:
        q = _by_columns(qs, [q for q in survey.questions if q.id not in used])
        if q is not None:
            used.add(q.id)
            by_cols[qs.id] = q
    for qs in spec.question:
        q = by_id.get(qs.id) if qs.id in by_id else by_cols.get(qs.id)
        if q is None:
            ctx.spec_issue("question-missing", msg("apply.question-missing", id=qs.id,
                                                   text=short(qs.text or qs.id)), qs.id)
            continue
        pairs.append((qs, q))
    for q in survey.questions:
        if q.id not in used:
            ctx.data_issue(Severity.WARNING, "column-unknown",
                           msg("apply.column-unknown", id=q.id, spec=ctx.spec_name,
                               column=short(q.columns[0] if q.columns else q.text)), q)
            pairs.append((None, q))
    return pairs


def _by_columns(qs: QuestionSpec, candidates: list[Question]) -> Question | None:
    if not qs.columns:
        return None
    want = set(qs.columns)
    best = max(candidates, key=lambda q: len(want & set(q.columns)), default=None)
    return best if best is not None and want & set(best.columns) else None


def _rekey(old: str, new: str, *stores: dict[str, Any]) -> None:
    for store in stores:
        if old in store:
            store[new] = store.pop(old)


# ---------------------------------------------------------------- one question


def _apply_question(ctx: _Ctx, q: Question, qs: QuestionSpec,
                    data: Data) -> tuple[Question, Data, Data | None]:
    q = replace(q, id=qs.id)
    if q.type in (QType.GRID, QType.NUMERIC_GRID):
        from kl_survey.spec_apply_grid import apply_grid

        assert isinstance(data, pd.DataFrame)
        return apply_grid(ctx, q, qs, data)
    data, bad = convert(ctx, q, qs, data)
    qtype = final_type(data, q, qs)
    if qs.columns and qtype is not QType.MULTI and tuple(qs.columns) != q.columns:
        ctx.data_issue(Severity.WARNING, "column-changed",
                       msg("apply.column-changed", id=qs.id, found=short(q.columns[0]),
                           spec=short(qs.columns[0])), q)
    options: tuple[str, ...] = ()
    if qtype is QType.SINGLE:
        assert isinstance(data, pd.Series)
        data, options = single(ctx, q, qs, data)
    elif qtype is QType.MULTI:
        assert isinstance(data, pd.DataFrame)
        data, options = multi(ctx, q, qs, data)
    return decided(ctx, q, qs, qtype, options), data, bad


def decided(ctx: _Ctx, q: Question, qs: QuestionSpec, qtype: QType,
            options: tuple[str, ...]) -> Question:
    """The question as the spec decides it: labels, yes, "Ved ikke", base and wording."""
    mapping = label_map(qs)
    dont_know = (tuple(qs.dont_know) if qs.dont_know is not None
                 else mapped(q.dont_know, mapping, options)
                 or tuple(o for o in options if is_dont_know(o)))
    yes = tuple(qs.yes) if qs.yes is not None else (
        mapped(q.yes, mapping, options) if q.yes is not None else None)
    new = replace(
        q, type=qtype, options=options, yes=yes, dont_know=dont_know,
        number=qs.number if qs.number is not None else q.number,
        text=qs.text if qs.text is not None else q.text,
        title=qs.title if qs.title is not None else q.title,
        chart=Chart(qs.chart) if qs.chart is not None else q.chart,
        note=qs.note if qs.note is not None else q.note,
        hidden=qs.hidden,
        base=_base(qs, dont_know),
    )
    _check_labels(ctx, new)
    return new


def _base(qs: QuestionSpec, dont_know: tuple[str, ...]) -> BaseRule:
    flt = Filter(qs.filter.question, tuple(qs.filter.options)) if qs.filter else None
    exclude: tuple[str, ...] = ()
    if qs.base == "exclude":
        exclude = tuple(qs.exclude) if qs.exclude is not None else dont_know
    return BaseRule(kind=qs.base, exclude=exclude, filter=flt)


def _check_labels(ctx: _Ctx, q: Question) -> None:
    """yes/exclude labels the data does not have (possible when options are not listed)."""
    if q.type not in (QType.SINGLE, QType.MULTI, QType.GRID):
        return
    for key, labels in (("yes", q.yes or ()), ("exclude", q.base.exclude)):
        for label in labels:
            if label not in q.options:
                ctx.data_issue(Severity.WARNING, f"{key}-unknown",
                               msg("apply.label-unknown", label=short(label), key=key,
                                   id=q.id), q)


# ---------------------------------------------------------------- across questions


def _attach_other(ctx: _Ctx, spec: Spec, questions: list[Question],
                  answers: dict[str, Data], other: dict[str, pd.Series]) -> list[Question]:
    """Free-text "Andet, angiv" questions become the parent's ``other_text`` and are hidden."""
    ids = {q.id for q in questions}
    specs = spec.by_id()
    out = []
    for q in questions:
        qs = specs.get(q.id)
        parent = qs.other_of if qs else None
        if parent is None:
            out.append(q)
            continue
        if parent not in ids:
            ctx.spec_issue("other-parent-missing",
                           msg("apply.other-parent-missing", id=q.id, parent=parent), q.id)
            out.append(q)
            continue
        data = answers[q.id]
        text = (data.astype("str") if isinstance(data, pd.Series)
                else pd.Series(pd.NA, index=data.index, dtype="str"))
        old = other.get(parent)
        other[parent] = text if old is None else _join(old.astype("str"), text)
        out.append(replace(q, hidden=True))
    return out


def _join(a: pd.Series, b: pd.Series) -> pd.Series:
    both = a.notna() & b.notna()
    out = a.fillna(b)
    out[both] = a[both] + " / " + b[both]
    return out


def _check_filter(ctx: _Ctx, q: Question, questions: list[Question]) -> Question:
    """A filter on a question missing from the data cannot be applied: drop it, loudly."""
    flt = q.base.filter
    if flt is None:
        return q
    target = next((x for x in questions if x.id == flt.question), None)
    if target is None:
        ctx.spec_issue("filter-missing",
                       msg("apply.filter-missing", id=q.id, target=flt.question), q.id)
        return replace(q, base=replace(q.base, filter=None))
    missing = [o for o in flt.options if o not in target.options]
    if missing:
        ctx.data_issue(Severity.WARNING, "filter-option-unknown",
                       msg("apply.filter-option-unknown", id=q.id, label=short(missing[0]),
                           target=flt.question), q)
    return q
