"""Counts, shares and totals of grids (grid_analysis.py), from small hand-made surveys."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from kl_survey.analysis import analyse
from kl_survey.grid import numeric_frame
from kl_survey.model import BaseRule, Derived, QType, Question, SourceInfo, Survey

OPTIONS = ("Ja", "Nej", "Ved ikke")


def _survey(q: Question, data: pd.DataFrame) -> Survey:
    n = len(data)
    resp = pd.DataFrame({"row": range(2, n + 2), "complete": [True] * n})
    return Survey(SourceInfo("x.csv", "generic", "0"), (q,), resp, {q.id: data})


def _likert(base: BaseRule = BaseRule()) -> Survey:
    rows = {"A": ["Ja", "Ja", "Nej", "Ved ikke", None],
            "B": ["Nej", None, None, "Ja", "Ved ikke"]}
    frame = pd.DataFrame({k: pd.Categorical(v, categories=list(OPTIONS)) for k, v in rows.items()})
    q = Question("q1", 1, "Er I med?", QType.GRID, options=OPTIONS, rows=("A", "B"),
                 dont_know=("Ved ikke",), base=base)
    return _survey(q, frame)


def test_each_row_has_its_own_base_and_yes_share() -> None:
    r = analyse(_likert()).questions[0]
    assert r.grid is not None and (r.base, r.answered) == (5, 5)
    a, b = r.grid.rows
    assert (a.base, a.answered, b.base) == (4, 4, 3)  # "Ved ikke" stays in the base
    assert a.yes is not None and (a.yes.count, a.yes.base) == (2, 4)
    assert [o.count for o in b.options] == [1, 1, 1]


def test_the_spec_can_leave_ved_ikke_out_of_each_row() -> None:
    r = analyse(_likert(BaseRule("exclude", ("Ved ikke",)))).questions[0]
    assert r.grid is not None
    a, b = r.grid.rows
    assert (a.base, b.base) == (3, 2)
    assert a.options[2].excluded and a.options[2].share is None


def _numbers(totals: str = "complete") -> Survey:
    cells = [np.array([1, 2, np.nan, 4.0]), np.array([10, 20, 30, 40.0]),
             np.array([5, np.nan, 7, 8.0]), np.array([0, 1, 1, 2.0])]
    q = Question("q1", 1, "Aktivitet", QType.NUMERIC_GRID, rows=("H", "S"),
                 grid_columns=("Jan", "Feb"), totals=totals,  # type: ignore[arg-type]
                 derived=(Derived("S pr. H", "q1:S", "q1:H"),
                          Derived("Jan-rate", "q1:S:Jan", "q1:H:Jan")))
    return _survey(q, numeric_frame(cells, q.rows, q.grid_columns, 4))


def test_cells_give_a_statisticians_numbers() -> None:
    r = analyse(_numbers()).questions[0]
    assert r.grid is not None
    h_jan = r.grid.numeric_rows[0].cells[0].stats
    assert h_jan is not None
    assert (h_jan.n, h_jan.sum, h_jan.mean, h_jan.median, h_jan.min, h_jan.max) == (
        3, 7.0, 7 / 3, 2.0, 1.0, 4.0)
    assert (h_jan.q1, h_jan.q3) == (1.5, 3.0)  # linear between the ordered values


def test_totals_over_complete_respondents_cover_the_same_respondents() -> None:
    g = analyse(_numbers("complete")).questions[0].grid
    assert g is not None and g.complete == 2  # rows 1 and 4 answered every cell
    h, s = g.numeric_rows
    assert (h.total.n, h.total.sum) == (2, 1 + 10 + 4 + 40)
    assert (s.total.n, s.total.sum) == (2, 5 + 0 + 8 + 2)
    assert [(c.n, c.sum) for c in g.column_totals] == [(2, 1 + 4 + 5 + 8), (2, 10 + 40 + 0 + 2)]
    assert g.total is not None and g.total.sum == h.total.sum + s.total.sum


def test_totals_over_all_answers() -> None:
    g = analyse(_numbers("all")).questions[0].grid
    assert g is not None
    h, s = g.numeric_rows
    assert (s.total.n, s.total.sum) == (4, 24)
    assert (h.total.n, h.total.sum) == (4, 7 + 100)
    assert [c.sum for c in g.column_totals] == [7 + 20, 100 + 4]
    assert g.total is not None and g.total.sum == 7 + 100 + 20 + 4


def test_derived_rates_are_exact_fractions() -> None:
    g = analyse(_numbers("all")).questions[0].grid
    assert g is not None
    per_row, jan = g.derived
    assert per_row.fraction == Fraction(24, 107)
    assert jan.fraction == Fraction(20, 7) and jan.value == pytest.approx(20 / 7)
