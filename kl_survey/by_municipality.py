"""What each municipality answered, for maps; and limiting a survey to some of them.

Shares hide geography: "61 of 95" does not say which 61. A map needs one answer per
municipality, taken here from the survey, once, so the renderers only draw (like every
other number, it is decided before rendering). ``only`` is the library half of
``--municipality``: the same analysis, restricted to the municipalities named, by name,
code or "Københavns Kommune" alike, through :func:`kl_survey.municipalities.match`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.errors import KlSurveyError
from kl_survey.messages import msg
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
    #: the municipalities asked, when a survey was limited to some (``--municipality``);
    #: () means all 98.
    asked: tuple[int, ...] = ()

    def as_dict(self) -> dict[int, str | float]:
        return dict(self.answers)


class MapNotPossible(KlSurveyError):
    """The question cannot be drawn on a map (wrong type, or no municipality column)."""


def placed(survey: Survey, qid: str) -> Placed:
    """Each municipality's answer to ``qid`` (single-choice or numeric questions)."""
    q = survey.question(qid)
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        raise MapNotPossible(msg("maps.no-municipality", n=q.number))
    data = survey.answers[qid]
    codes_asked = survey.population.codes if survey.population else None
    asked = tuple(sorted(codes_asked)) if codes_asked else ()
    if q.type is QType.SINGLE and isinstance(data, pd.Series):
        return replace(_single(qid, codes, data, q.options), asked=asked)
    if q.type is QType.NUMERIC and isinstance(data, pd.Series):
        return replace(_numeric(qid, codes, data), asked=asked)
    raise MapNotPossible(msg("maps.wrong-type", n=q.number, type=q.type.value))


def _pairs(codes: pd.Series, values: pd.Series) -> dict[int, list[object]]:
    """Answers grouped by municipality code, blanks and unknown municipalities left out."""
    grouped: dict[int, list[object]] = {}
    for code, value in zip(codes.tolist(), values.tolist(), strict=True):
        if pd.isna(code) or pd.isna(value):
            continue
        grouped.setdefault(int(code), []).append(value)
    return dict(sorted(grouped.items()))


def _single(qid: str, codes: pd.Series, data: pd.Series, options: tuple[str, ...]) -> Placed:
    rank = {label: i for i, label in enumerate(options)}
    answers: list[tuple[int, str | float]] = []
    disagree: list[int] = []
    for code, given in _pairs(codes, data.astype(object)).items():
        counts = Counter(str(v) for v in given)
        best = max(counts, key=lambda label: (counts[label], -rank.get(label, len(rank))))
        answers.append((code, best))
        if len(counts) > 1:
            disagree.append(code)
    return Placed(qid, tuple(answers), tuple(disagree))


def _numeric(qid: str, codes: pd.Series, data: pd.Series) -> Placed:
    answers: list[tuple[int, str | float]] = []
    disagree: list[int] = []
    numbers = pd.to_numeric(data, errors="coerce")
    for code, given in _pairs(codes, numbers).items():
        values = [float(str(v)) for v in given]
        answers.append((code, sum(values) / len(values)))
        if len(set(values)) > 1:
            disagree.append(code)
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
            raise KlSurveyError(msg("municipality.unknown", name=repr(name)),
                                hint=_did_you_mean(name))
        if found not in out:
            out.append(found)
    return tuple(out)


def _did_you_mean(name: str) -> str | None:
    """"Mente du Køge (259) eller Kerteminde (440)?", or None for the catalogue's hint."""
    close = [f"{m.name} ({m.code})" for m in mun.suggest(name)]
    if not close:
        return None
    names = close[0]
    for other in close[1:]:
        names = msg("words.or", first=names, last=other)
    return msg("municipality.did-you-mean", names=names)


def only(survey: Survey, chosen: Sequence[mun.Municipality]) -> Survey:
    """The survey with just the respondents from ``chosen``; its population becomes
    those municipalities, so response rates and the non-respondent list speak of them."""
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        raise KlSurveyError(msg("municipality.no-column"))
    keep = codes.isin([m.code for m in chosen]).fillna(False).to_numpy(dtype=bool)
    population = Population(survey.meta.unit or "kommuner", len(chosen),
                            codes=frozenset(m.code for m in chosen))
    return subset(survey, keep, population)


def subset(survey: Survey, keep: np.ndarray, population: Population | None) -> Survey:
    """Rows ``keep`` of every per-respondent table, renumbered 0..n-1."""
    index = pd.RangeIndex(int(keep.sum()))

    def rows(series: pd.Series) -> pd.Series:
        return series[keep].set_axis(index, axis=0)

    def frame(table: pd.DataFrame) -> pd.DataFrame:
        return table[keep].set_axis(index, axis=0)

    return replace(
        survey,
        respondents=frame(survey.respondents),
        answers={k: frame(v) if isinstance(v, pd.DataFrame) else rows(v)
                 for k, v in survey.answers.items()},
        other_text={k: rows(v) for k, v in survey.other_text.items()},
        unparsed={k: frame(v) if isinstance(v, pd.DataFrame) else rows(v)
                  for k, v in survey.unparsed.items()},
        population=population,
    )
