"""Checks that catch bad data before it is published; each problem is an :class:`Issue`.

Errors are things that make a published number wrong (an unknown or doubled
municipality, a number that cannot be read); warnings need a human look (partial
answers, an empty question); info is context (who did not answer, per region).
``kl-survey validate`` exits 1 on errors, and on warnings too under ``--strict``, so CI
can stop a round before it reaches the newsletter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.dedupe import duplicate_issues, name_of
from kl_survey.grid import answered
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import Text, join, language, msg, plural
from kl_survey.model import QType, Question, Survey
from kl_survey.numbers import format_percent
from kl_survey.output import jsontext

SCHEMA = "kl-survey/validation/1"
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_MAX_LISTED = 10


@dataclass(frozen=True)
class Validation:
    file: str
    spec: str | None
    issues: tuple[Issue, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for i in self.issues if i.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        bad = self.count(Severity.ERROR)
        return bool(bad or (strict and self.count(Severity.WARNING)))


def validate_file(path: Path, opts: Any = None) -> Validation:
    """Read (and apply the spec, if any) and run every check. ``opts``: LoadOptions."""
    from kl_survey.pipeline import LoadOptions, load

    opts = opts or LoadOptions()
    loaded = load(path, replace(opts, strict=False, dedupe=None))
    pop = loaded.survey.population
    population = pop.codes if pop is not None else None
    # load() warns about duplicates for analyze; here they are errors, reported below
    found = [i for i in loaded.issues if i.code != "municipality-duplicate"]
    issues = sort_issues([*found, *check(loaded.survey, population)])
    spec = Path(opts.spec).name if opts.spec is not None else None
    return Validation(loaded.survey.source.file, spec, tuple(issues))


def check(survey: Survey, population: frozenset[int] | None = None) -> list[Issue]:
    """All data checks on a read survey; ``population`` defaults to the 98 municipalities."""
    return [
        *check_municipalities(survey, population),
        *duplicate_issues(survey, Severity.ERROR),
        *check_coverage(survey, population),
        *check_answers(survey),
    ]


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Severity, then kind, then place: the same input always lists the same way."""
    def key(i: Issue) -> tuple[Any, ...]:
        w = i.where
        return (_RANK[i.severity], i.code, w.row if w.row is not None else 1 << 62,
                w.question or "", w.column or "", w.municipality or "", i.message)

    return sorted(issues, key=key)


# ---------------------------------------------------------------- helpers


def _where(survey: Survey, **kw: Any) -> Where:
    return Where(file=survey.source.file, sheet=survey.source.sheet, **kw)


def _rows(rows: Sequence[int]) -> Text:
    """``række 4`` or ``rækkerne 4, 9 og 3 flere`` in the current language."""
    shown = ", ".join(str(r) for r in rows[:_MAX_LISTED])
    if len(rows) > _MAX_LISTED:
        shown = msg("words.more", shown=shown, n=len(rows) - _MAX_LISTED)
    return plural(len(rows), "where.rows", rows=shown)


def _issue(severity: Severity, code: str, message: Text, where: Where) -> Issue:
    """An issue whose hint is its message's own (``issue.<code>.hint``)."""
    return Issue(severity, code, message, where, message.hint())


def _source_rows(survey: Survey, mask: np.ndarray) -> list[int]:
    return [int(r) for r in survey.respondents["row"].to_numpy()[mask]]


# ---------------------------------------------------------------- municipalities


def check_municipalities(survey: Survey, population: frozenset[int] | None) -> list[Issue]:
    resp = survey.respondents
    if "municipality_raw" not in resp:
        return [_issue(Severity.INFO, "municipality-column-missing",
                       msg("issue.municipality-column-missing"), _where(survey))]
    raw, codes = resp["municipality_raw"], resp["municipality"]
    issues: list[Issue] = []
    blank = raw.isna().to_numpy()
    if blank.any():
        rows = _source_rows(survey, blank)
        issues.append(_issue(Severity.WARNING, "municipality-missing",
                             plural(len(rows), "issue.municipality-missing", rows=_rows(rows)),
                             _where(survey, row=rows[0])))
    unknown = (raw.notna() & codes.isna()).to_numpy(dtype=bool)
    for value, rows in _rows_by(resp[unknown], "municipality_raw"):
        issues.append(_unknown(survey, str(value), rows))
    for value, rows in _rows_by(resp[~unknown & raw.notna().to_numpy()], "municipality_raw"):
        official = mun.alias_of(str(value))
        if official is not None:
            issues.append(_issue(
                Severity.WARNING, "municipality-alias",
                msg("issue.municipality-alias", value=value, rows=_rows(rows),
                    name=official.name, code=official.code),
                _where(survey, row=rows[0], municipality=str(value))))
    if population is not None:
        outside = (codes.notna() & ~codes.isin(list(population))).to_numpy(dtype=bool)
        for code, rows in _rows_by(resp[outside], "municipality"):
            issues.append(_issue(
                Severity.ERROR, "municipality-outside-population",
                msg("issue.municipality-outside-population", name=name_of(int(code)),
                    rows=_rows(rows)),
                _where(survey, row=rows[0], municipality=name_of(int(code)))))
    return issues


def _rows_by(resp: pd.DataFrame, key: str) -> list[tuple[Any, list[int]]]:
    """Source rows per distinct value, in order of first appearance (one pass, not one
    scan per value, so a column of free text stays cheap)."""
    groups = resp.groupby(key, sort=False, dropna=True)["row"]
    return [(value, [int(r) for r in rows]) for value, rows in groups]


def _unknown(survey: Survey, value: str, rows: list[int]) -> Issue:
    close = mun.suggest(value)
    if close:
        guess = join([f"{m.name} ({m.code})" for m in close], "or")
        message = msg("issue.municipality-unknown", value=value, rows=_rows(rows), guess=guess,
                      name=close[0].name, code=close[0].code)
    else:
        message = msg("issue.municipality-unknown-none", value=value, rows=_rows(rows))
    return _issue(Severity.ERROR, "municipality-unknown", message,
                  _where(survey, row=rows[0], municipality=value))


def check_coverage(survey: Survey, population: frozenset[int] | None = None) -> list[Issue]:
    """Who did not answer, and the response rate per region (info, for the newsletter)."""
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        return []
    answered = {int(c) for c in codes.dropna().unique()}
    if population is None:
        cov = mun.coverage(answered)
        missing, by_region = list(cov.non_respondents), list(cov.by_region)
    else:
        members = [m for m in mun.register() if m.code in population]
        missing = [m for m in members if m.code not in answered]
        by_region = [(r, sum(m.code in answered for m in members if m.region == r),
                      sum(m.region == r for m in members)) for r in mun.REGIONS]
    size = len(mun.register()) if population is None else len(population)
    issues = []
    if missing:
        names = ", ".join(f"{m.name} ({m.code})" for m in missing)
        issues.append(Issue(Severity.INFO, "non-respondents",
                            plural(len(missing), "issue.non-respondents", size=size,
                                   names=names), _where(survey)))
    parts = [f"{r} {a}/{n} ({format_percent(a, n, language())})" for r, a, n in by_region if n]
    issues.append(Issue(Severity.INFO, "response-rate-by-region",
                        msg("issue.response-rate-by-region", parts="; ".join(parts)),
                        _where(survey)))
    return issues


# ---------------------------------------------------------------- answers


def _answered(survey: Survey) -> dict[str, np.ndarray]:
    return {q.id: answered(survey.answers[q.id]) for q in survey.questions}


def check_answers(survey: Survey) -> list[Issue]:
    answered = _answered(survey)
    issues: list[Issue] = []
    later = np.zeros(survey.n, dtype=bool)  # answered any question after this one
    for q in reversed(survey.questions):
        col = q.columns[0] if q.columns else None
        where = _where(survey, question=q.id, column=col)
        # with nobody left every question is empty; the no-respondents error says why
        if not q.hidden and survey.n and not answered[q.id].any():
            issues.append(_issue(Severity.WARNING, "question-empty",
                                 msg("issue.question-empty", number=q.number, id=q.id), where))
        if q.type is QType.MULTI and not q.hidden:
            unclear = ~answered[q.id] & later
            if unclear.any():
                rows = _source_rows(survey, unclear)
                issues.append(_issue(
                    Severity.WARNING, "multi-unclear-skip",
                    plural(len(rows), "issue.multi-unclear-skip", number=q.number, id=q.id,
                           rows=_rows(rows)), replace(where, row=rows[0])))
        later |= answered[q.id]
    issues += _unparsed(survey)
    issues += _partial(survey)
    return issues


def _unparsed(survey: Survey) -> list[Issue]:
    """Every cell that should hold a number and does not, with its row and column; a
    numeric grid is checked cell column by cell column."""
    issues = []
    for q in survey.questions:
        bad = survey.unparsed.get(q.id)
        if bad is None:
            continue
        if isinstance(bad, pd.DataFrame):
            for i, key in enumerate(bad.columns):
                column = q.columns[i] if i < len(q.columns) else " - ".join(map(str, key))
                issues += _unparsed_column(survey, q, bad.iloc[:, i], column)
        else:
            issues += _unparsed_column(survey, q, bad, q.columns[0] if q.columns else None)
    return issues


def _unparsed_column(survey: Survey, q: Question, bad: pd.Series,
                     column: str | None) -> list[Issue]:
    if not bad.notna().any():
        return []
    mask = bad.notna().to_numpy()
    rows = _source_rows(survey, mask)
    values = [str(v) for v in bad[mask]]
    shown = ", ".join(msg("issue.numeric-unparsed.value", value=v, row=msg("where.row", row=r))
                      for v, r in list(zip(values, rows, strict=True))[:5])
    if len(rows) > 5:
        shown = msg("words.more", shown=shown, n=len(rows) - 5)
    return [_issue(
        Severity.ERROR, "numeric-unparsed",
        plural(len(rows), "issue.numeric-unparsed", number=q.number, id=q.id, shown=shown),
        _where(survey, row=rows[0], question=q.id, column=column))]


def _partial(survey: Survey) -> list[Issue]:
    complete = survey.respondents.get("complete")
    if complete is None:
        return []
    partial = ~complete.astype(bool).to_numpy()
    if not partial.any():
        return []
    rows = _source_rows(survey, partial)
    return [_issue(Severity.WARNING, "partial-respondents",
                   plural(len(rows), "issue.partial-respondents", rows=_rows(rows)),
                   _where(survey, row=rows[0]))]


# ---------------------------------------------------------------- output


def one_line(issue: Issue) -> str:
    """``file, række 4, spørgsmål q3: message. hint.`` — one stderr line per issue."""
    return issue.one_line()


def to_dict(v: Validation, strict: bool = False) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "file": v.file,
        "spec": v.spec,
        "strict": strict,
        "ok": not v.failed(strict),
        "summary": {"errors": v.count(Severity.ERROR), "warnings": v.count(Severity.WARNING),
                    "info": v.count(Severity.INFO)},
        "issues": [i.as_dict() for i in v.issues],
    }


def to_json(v: Validation, strict: bool = False) -> str:
    return jsontext.dumps(to_dict(v, strict))


_LABEL = {Severity.ERROR: "validate.level-error", Severity.WARNING: "validate.level-warning",
          Severity.INFO: "validate.level-info"}


def summary(v: Validation, strict: bool = False) -> str:
    """``fil.csv: 2 fejl, 0 advarsler, 2 oplysninger — ikke godkendt`` (current language)."""
    from kl_survey.messages import msg, plural

    e, w, i = (v.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    verdict = msg("validate.failed" if v.failed(strict) else "validate.approved")
    return msg("validate.summary", file=v.file, errors=plural(e, "validate.errors"),
               warnings=plural(w, "validate.warnings"), info=plural(i, "validate.info"),
               verdict=verdict, strict=" (--strict)" if strict else "")


def render_table(v: Validation, console: Any, strict: bool = False) -> None:
    """Rich table for people; one row per issue, the hint under the message."""
    from rich.table import Table
    from rich.text import Text

    from kl_survey.messages import msg

    table = Table(show_lines=False, expand=False)
    table.add_column(msg("validate.column-level"), no_wrap=True)
    table.add_column(msg("validate.column-where"))
    table.add_column(msg("validate.column-problem"))
    style = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
    for issue in v.issues:
        where = replace(issue.where, file=None, sheet=None).describe()
        text = Text(issue.message)
        if issue.hint:
            text.append(f"\n→ {issue.hint}", style="italic")
        table.add_row(Text(msg(_LABEL[issue.severity]), style=style[issue.severity]), where,
                      text)
    if v.issues:
        console.print(table)
    console.print(Text(summary(v, strict), style="bold"))
