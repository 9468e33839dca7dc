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
from kl_survey.grid import ONE, split_reference
from kl_survey.messages import msg
from kl_survey.model import Population, QType, Question, Survey


@dataclass(frozen=True)
class Placed:
    """One question's (or one grid row's) answers by municipality code, in code order.

    ``answers`` holds a label (single choice, grid row) or a number (numeric, numeric
    grid row); municipalities that did not answer are absent. ``row`` names the grid row
    and ``column`` the numeric grid's column; a numeric grid row without a column is the
    row's total ("Samlet"). ``disagree`` lists municipalities with several
    responses that gave different answers: the map shows the most frequent one (ties:
    the earlier option; for numbers the mean) and says so.
    """

    qid: str
    answers: tuple[tuple[int, str | float], ...]
    disagree: tuple[int, ...] = ()
    #: the municipalities asked, when a survey was limited to some (``--municipality``);
    #: () means all 98.
    asked: tuple[int, ...] = ()
    row: str | None = None
    column: str | None = None

    def as_dict(self) -> dict[int, str | float]:
        return dict(self.answers)


class MapNotPossible(KlSurveyError):
    """The question cannot be drawn on a map (wrong type, or no municipality column)."""


def placed(survey: Survey, ref: str) -> Placed:
    """Each municipality's answer to ``ref``: a single-choice or numeric question's id
    (``"q1"``), or a grid row as the spec's derived rates name one (``"q3:Fysiske
    rammer"``; a numeric grid's cell ``"q1:Antal henvendelser:Januar"``)."""
    qid, _, rest = ref.partition(":")
    q = survey.question(qid.strip())
    codes = survey.respondents.get("municipality")
    if codes is None or codes.notna().sum() == 0:
        raise MapNotPossible(msg("maps.no-municipality", n=q.number))
    data = survey.answers[q.id]
    codes_asked = survey.population.codes if survey.population else None
    asked = tuple(sorted(codes_asked)) if codes_asked else ()
    if q.type in (QType.GRID, QType.NUMERIC_GRID) and isinstance(data, pd.DataFrame):
        row, column = grid_cell(q, rest)
        if q.type is QType.GRID:
            found = _single(q.id, codes, data[row], q.options)
        else:
            found = _numeric(q.id, codes, _row_values(q, data, row, column))
        return replace(found, asked=asked, row=row, column=column)
    if ":" in ref:
        raise MapNotPossible(msg("maps.not-a-grid", n=q.number, ref=ref.strip(), qid=q.id))
    if q.type is QType.SINGLE and isinstance(data, pd.Series):
        return replace(_single(q.id, codes, data, q.options), asked=asked)
    if q.type is QType.NUMERIC and isinstance(data, pd.Series):
        return replace(_numeric(q.id, codes, data), asked=asked)
    raise MapNotPossible(msg("maps.wrong-type", n=q.number, type=q.type.value))


def grid_cell(q: Question, rest: str) -> tuple[str, str | None]:
    """``"Fysiske rammer"`` → that row; ``"Antal henvendelser:Januar"`` → a numeric
    grid's cell. No row, or one the grid lacks, is an error listing the rows."""
    rows = ", ".join(row_id(q, i) for i in range(len(q.rows)))
    if not rest.strip():
        raise MapNotPossible(msg("maps.grid-needs-row", n=q.number, example=row_id(q, 0),
                                 rows=rows))
    has_columns = q.type is QType.NUMERIC_GRID and bool(q.grid_columns)
    _qid, row, column = split_reference(f"{q.id}:{rest}", q.rows if has_columns else [rest])
    found = _label(row, q.rows)
    if found is None:
        raise MapNotPossible(msg("maps.unknown-row", n=q.number, row=row, rows=rows))
    if column is None:
        return found, None
    cell = _label(column, q.grid_columns)
    if cell is None:
        raise MapNotPossible(msg("maps.unknown-column", n=q.number, column=column,
                                 columns=", ".join(q.grid_columns), example=row_id(q, 0)))
    return found, cell


def row_id(q: Question, i: int) -> str:
    """How a map names row ``i`` of grid ``q``: ``"q3:Fysiske rammer"``."""
    return f"{q.id}:{q.rows[i]}" if q.rows else q.id


def _label(given: str, labels: Sequence[str]) -> str | None:
    """``given`` as one of ``labels``: exactly, else ignoring case."""
    if given in labels:
        return given
    folded = [x for x in labels if x.casefold() == given.casefold()]
    return folded[0] if len(folded) == 1 else None


def _row_values(q: Question, data: pd.DataFrame, row: str, column: str | None) -> pd.Series:
    """One cell, or the row's total per respondent under the question's ``totals`` rule:
    "complete" needs every cell of the row, "all" sums the cells answered."""
    if column is not None:
        return data[(row, column)]
    block = data[[(row, c) for c in q.grid_columns or (ONE,)]]
    filled = block.notna()
    counted = filled.all(axis=1) if q.totals == "complete" else filled.any(axis=1)
    return block.sum(axis=1, skipna=True).astype("Float64").where(counted)


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
