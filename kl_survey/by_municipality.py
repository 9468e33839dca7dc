"""What each municipality answered, for maps; and limiting a survey to some of them.

Shares hide geography: "61 of 95" does not say which 61. A map needs one answer per
municipality, taken here from the survey, once, so the renderers only draw (like every
other number, it is decided before rendering). ``only`` is the library half of
``--municipality``: the same analysis, restricted to the municipalities named, by name,
code or "Københavns Kommune" alike, through :func:`kl_survey.municipalities.match`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.errors import KlSurveyError
from kl_survey.model import Population, QType, Survey


@dataclass(frozen=True)
class Placed:
    """One question's answers by municipality code, in code order.

    ``answers`` holds a label (single choice) or a number (numeric); municipalities
    that did not answer are absent. ``disagree`` lists municipalities with several
    responses that gave different answers: the map shows the most frequent one (ties:
    the earlier option; for numbers the mean) and says so.
    """

    qid: str
    answers: tuple[tuple[int, str | float], ...]
    disagree: tuple[int, ...] = ()

    def as_dict(self) -> dict[int, str | float]:
        return dict(self.answers)


class MapNotPossible(KlSurveyError):
    """The question cannot be drawn on a map (wrong type, or no municipality column)."""


def placed(survey: Survey, qid: str) -> Placed:
    """Each municipality's answer to ``qid`` (single-choice or numeric questions)."""
    q = survey.question(qid)
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        raise MapNotPossible(f"Spørgsmål {q.number} kan ikke vises på et kort: eksporten "
                             "har ingen kolonne med kommunen",
                             hint="Angiv kolonnen med respondents.column i spec-filen")
    data = survey.answers[qid]
    if q.type is QType.SINGLE and isinstance(data, pd.Series):
        return _single(qid, codes, data, q.options)
    if q.type is QType.NUMERIC and isinstance(data, pd.Series):
        return _numeric(qid, codes, data)
    raise MapNotPossible(f"Spørgsmål {q.number} er et {q.type.value}-spørgsmål; kun "
                         "spørgsmål med ét svar eller et tal kan vises på et kort",
                         hint="Fjern spørgsmålet fra maps / --maps")


def _frame(codes: pd.Series, values: pd.Series) -> pd.DataFrame:
    frame = pd.DataFrame({"code": codes.to_numpy(), "value": values.to_numpy()})
    return frame.dropna()


def _single(qid: str, codes: pd.Series, data: pd.Series, options: tuple[str, ...]) -> Placed:
    frame = _frame(codes, data.astype(object))
    rank = {label: i for i, label in enumerate(options)}
    answers: list[tuple[int, str | float]] = []
    disagree: list[int] = []
    for code, group in frame.groupby("code", sort=True):
        counts = group["value"].value_counts()
        best = max(counts.items(), key=lambda kv: (kv[1], -rank.get(kv[0], len(rank))))
        answers.append((int(code), str(best[0])))
        if len(counts) > 1:
            disagree.append(int(code))
    return Placed(qid, tuple(answers), tuple(disagree))


def _numeric(qid: str, codes: pd.Series, data: pd.Series) -> Placed:
    frame = _frame(codes, pd.to_numeric(data, errors="coerce"))
    answers: list[tuple[int, str | float]] = []
    disagree: list[int] = []
    for code, group in frame.groupby("code", sort=True):
        values = group["value"].astype(float)
        answers.append((int(code), float(values.mean())))
        if values.nunique() > 1:
            disagree.append(int(code))
    return Placed(qid, tuple(answers), tuple(disagree))


# Limiting a survey ---------------------------------------------------------------------


def resolve(names: Iterable[str]) -> tuple[mun.Municipality, ...]:
    """``["København", "147", "Dragørs Kommune"]`` → municipalities, in the order given.

    An unknown name is an error with the closest spellings, never silently dropped:
    a report "for Københaven" that quietly covers nobody would be worse than none.
    """
    out: list[mun.Municipality] = []
    for name in names:
        found = mun.match(name)
        if found is None:
            close = mun.suggest(name)
            hint = ("Mente du " + " eller ".join(f"{m.name} ({m.code})" for m in close)
                    + "? Angiv kommunens navn eller kode" if close
                    else "Angiv kommunens navn eller kode, fx København eller 101")
            raise KlSurveyError(f"Ukendt kommune: {name!r}", hint=hint)
        if found not in out:
            out.append(found)
    return tuple(out)


def only(survey: Survey, chosen: Sequence[mun.Municipality]) -> Survey:
    """The survey with just the respondents from ``chosen``; its population becomes
    those municipalities, so response rates and the non-respondent list speak of them."""
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        raise KlSurveyError("Eksporten har ingen kolonne med kommunen, så der kan ikke "
                            "vælges kommuner",
                            hint="Angiv kolonnen med respondents.column i spec-filen")
    keep = codes.isin([m.code for m in chosen]).fillna(False).to_numpy(dtype=bool)
    population = Population(survey.meta.unit or "kommuner", len(chosen),
                            codes=frozenset(m.code for m in chosen))
    return subset(survey, keep, population)


def subset(survey: Survey, keep: np.ndarray, population: Population | None) -> Survey:
    """Rows ``keep`` of every per-respondent table, renumbered 0..n-1."""
    index = pd.RangeIndex(int(keep.sum()))

    def cut(obj: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
        part = obj[keep]
        return part.set_axis(index, axis=0)

    return replace(
        survey,
        respondents=cut(survey.respondents),
        answers={k: cut(v) for k, v in survey.answers.items()},
        other_text={k: cut(v) for k, v in survey.other_text.items()},
        unparsed={k: cut(v) for k, v in survey.unparsed.items()},
        population=population,
    )
