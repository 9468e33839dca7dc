"""Following municipalities from round to round.

A change between two rounds can be nothing but a change in who answered. The panel, the
municipalities that answered a question in every round, is the fair comparison: each
is compared with itself. Municipalities are followed by their code, so a round exported
from another tool (names spelt differently, codes or names) is followed all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.analysis import _in_filter
from kl_survey.compare.model import Panel
from kl_survey.grid import answered as answered_any
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import plural
from kl_survey.model import QType, Question, Survey


@dataclass(frozen=True)
class Identified:
    """One round's respondents by municipality: the row of each code answering once."""

    rows: dict[int, int]  # code -> respondent row (0-based)
    duplicated: tuple[int, ...]  # codes with several responses: left out of the panel
    unidentified: int  # responses without a recognised municipality


def identify(survey: Survey) -> Identified:
    codes = survey.respondents.get("municipality")
    if codes is None:
        return Identified({}, (), survey.n)
    counts: dict[int, int] = {}
    rows: dict[int, int] = {}
    unidentified = 0
    for i, value in enumerate(codes.tolist()):
        if value is None or pd.isna(value):
            unidentified += 1
            continue
        code = int(value)
        counts[code] = counts.get(code, 0) + 1
        rows[code] = i
    duplicated = tuple(sorted(c for c, k in counts.items() if k > 1))
    for code in duplicated:
        del rows[code]
    return Identified(rows, duplicated, unidentified)


def duplicate_issues(ids: Sequence[Identified], labels: Sequence[str]) -> list[Issue]:
    """A municipality answering twice in a round cannot be paired; say so once per round."""
    out = []
    for found, label in zip(ids, labels, strict=True):
        if found.duplicated:
            names = ", ".join(f"{mun.by_code(c).name} ({c})" for c in found.duplicated)
            message = plural(len(found.duplicated), "issue.compare-duplicate-municipality",
                             label=label, names=names)
            out.append(Issue(Severity.WARNING, "compare-duplicate-municipality", message,
                             Where(), message.hint()))
    return out


def overall(ids: Sequence[Identified]) -> Panel:
    """Who answered every round, who entered (last but not first) and who left."""
    sets = [set(found.rows) | set(found.duplicated) for found in ids]
    both = set.intersection(*[set(found.rows) for found in ids]) if ids else set()
    first, last = sets[0], sets[-1]

    def named(codes: set[int]) -> tuple[mun.Municipality, ...]:
        return tuple(mun.by_code(c) for c in sorted(codes))

    return Panel(named(both), named(last - first), named(first - last),
                 tuple(found.unidentified for found in ids))


def answering(survey: Survey, q: Question) -> np.ndarray:
    """Respondents in the question's base population: those who answered it (or, for a
    base of all respondents, everybody the question was put to)."""
    asked = _in_filter(survey, q)
    if q.base.kind == "respondents":
        return asked
    data = survey.answers[q.id]
    if isinstance(data, pd.DataFrame):
        answered = answered_any(data)
    elif q.type is QType.TEXT:
        answered = (data.notna() & (data.astype("string").str.strip() != "")).to_numpy(
            dtype=bool, na_value=False)
    else:
        answered = data.notna().to_numpy(dtype=bool)
    return asked & answered


def question_panel(surveys: Sequence[Survey], questions: Sequence[Question | None],
                   ids: Sequence[Identified]) -> tuple[int, ...]:
    """Codes of the municipalities answering the question in every round that has it."""
    common: set[int] | None = None
    for survey, q, found in zip(surveys, questions, ids, strict=True):
        if q is None:
            continue
        mask = answering(survey, q)
        codes = {code for code, row in found.rows.items() if mask[row]}
        common = codes if common is None else common & codes
    return tuple(sorted(common or ()))


def subset(survey: Survey, rows: Sequence[int]) -> Survey:
    """The survey restricted to ``rows``, in that order (so rounds line up by code)."""
    take = np.asarray(rows, dtype=int)

    def cut(x: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
        if len(x) != survey.n:
            return x
        return x.iloc[take].reset_index(drop=True)

    return replace(
        survey,
        respondents=survey.respondents.iloc[take].reset_index(drop=True),
        answers={k: cut(v) for k, v in survey.answers.items()},
        other_text={k: cut(v) for k, v in survey.other_text.items()},  # type: ignore[misc]
        unparsed={k: cut(v) for k, v in survey.unparsed.items()},
    )


def panel_survey(survey: Survey, found: Identified, codes: Sequence[int]) -> Survey:
    return subset(survey, [found.rows[c] for c in codes])
