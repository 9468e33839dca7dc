"""The spec's ``respondents.column``: which column names the municipality.

A reader finds the municipality column by its values; the spec names it by header.
When the two disagree the spec wins, and a name the export does not have is a spec
error at its line, not a setting silently ignored.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.messages import msg
from kl_survey.model import Population, QType, Question, Survey
from kl_survey.spec import Spec


def respondent_column(survey: Survey, spec: Spec) -> Survey:
    """Use the spec's municipality column; one the export does not have is a spec error.

    Detection needs 80% of the values to be municipalities; a badly typed column
    falls below that and is read as a question. The spec names it, so move it back.
    Otherwise the reader's column (``Survey.municipality_column``) must be the one the
    spec names: a misspelt name must not pass silently.
    """
    column = spec.respondents.column
    if column is None:
        return survey
    found = [q for q in survey.questions if q.columns == (column,) and q.type is not QType.MULTI]
    if found:
        return _move_to_respondents(survey, found[0])
    used = survey.municipality_column
    if used is not None and _norm(used) == _norm(column):
        return survey
    known = [c for q in survey.questions for c in q.columns] + ([used] if used else [])
    close = difflib.get_close_matches(column, known, n=1, cutoff=0.6)
    if used is not None:
        raise spec.error_at(("respondents", "column"),
                            msg("spec.column-not-municipality", column=column, used=used))
    hint = msg("spec.column-missing.hint")
    raise spec.error_at(("respondents", "column"), msg("spec.column-missing", column=column),
                        msg("spec.column-missing.guess", close=close[0], hint=hint) if close
                        else hint)


def _norm(header: str) -> str:
    return " ".join(header.split()).casefold()


def _move_to_respondents(survey: Survey, q: Question) -> Survey:
    data = survey.answers[q.id]
    assert isinstance(data, pd.Series)  # found among single/text/numeric questions
    raw = data.astype("str")
    resp = survey.respondents.copy()
    resp["municipality_raw"] = raw
    lookup = {v: (m.code if (m := mun.match(v)) else pd.NA) for v in pd.unique(raw.dropna())}
    resp["municipality"] = raw.map(lookup).astype("Int64")
    answers = {k: v for k, v in survey.answers.items() if k != q.id}
    questions = tuple(x for x in survey.questions if x.id != q.id)
    population = survey.population or Population("kommuner", len(mun.register()))
    return replace(survey, respondents=resp, answers=answers, questions=questions,
                   population=population, municipality_column=q.columns[0])
