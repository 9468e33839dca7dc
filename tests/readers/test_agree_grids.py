"""Every tool's real matrix layout is read as the same grid (issue 16).

``tests/data/grids/`` holds one small export per tool (and every LimeSurvey heading
style, both MS Forms Likert layouts), written by ``make_grids.py`` from one table of
answers. Each must give the same Likert grid and, where the tool has numeric
matrices, the same numeric grid — counted here straight from that table, not by
kl-survey.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kl_survey.analysis import QuestionResult, analyse
from kl_survey.model import QType
from kl_survey.readers import Probe, read_survey, readers

from paths import DATA, load

GRIDS = DATA / "grids"


SRC = load(GRIDS / "make_grids.py", "kl_test_make_grids")
#: (tool, file, has the question text, has a numeric grid)
LAYOUTS = [
    ("generic", "generic/besvarelser.csv", True, True),
    ("msforms", "msforms/Likert.xlsx", True, False),
    ("msforms", "msforms/Likert-udsagn.xlsx", False, False),
    ("googleforms", "googleforms/Opfølgning (svar).csv", True, False),
    ("limesurvey", "limesurvey/results-full-text.csv", True, True),
    ("limesurvey", "limesurvey/results-code-text.csv", True, True),
    ("qualtrics", "qualtrics/Opfoelgning.csv", True, True),
    ("surveymonkey", "surveymonkey/Data_All_250519.csv", True, False),
    ("surveyxact", "surveyxact/opfoelgning/dataset.csv", True, True),
]


def _expected_likert() -> dict[str, dict[str, int]]:
    return {row: {o: Counter(SRC.ANSWERS[row])[o] for o in SRC.SCALE} for row in SRC.ROWS}


def _expected_sums() -> dict[str, tuple[int, ...]]:
    return {row: tuple(sum(m[c] for m in SRC.NUMBERS[row]) for c in range(3))
            for row in SRC.NUM_ROWS}


def _grids(path: Path) -> tuple[QuestionResult, QuestionResult | None]:
    a = analyse(read_survey(path))
    likert = [r for r in a.questions if r.question.type is QType.GRID]
    numeric = [r for r in a.questions if r.question.type is QType.NUMERIC_GRID]
    assert len(likert) == 1 and len(numeric) <= 1, [r.question for r in a.questions]
    assert a.respondents == len(SRC.MUNIS)
    return likert[0], (numeric[0] if numeric else None)


def _likert(r: QuestionResult) -> dict[str, dict[str, int]]:
    assert r.grid is not None
    return {row.label: {o.label: o.count for o in row.options} for row in r.grid.rows}


def _sums(r: QuestionResult) -> dict[str, tuple[int, ...]]:
    assert r.grid is not None
    return {row.label: tuple(int(c.stats.sum) if c.stats else 0 for c in row.cells)
            for row in r.grid.numeric_rows}


@pytest.mark.parametrize(("tool", "name", "texted", "numeric"), LAYOUTS,
                         ids=[name for _, name, _, _ in LAYOUTS])
def test_every_layout_gives_the_same_grids(tool: str, name: str, texted: bool,
                                           numeric: bool) -> None:
    path = GRIDS / name
    scores = {r.name: r.detect(Probe(path)) for r in readers()}
    assert max(scores, key=lambda k: scores[k]) == tool, scores
    likert, grid = _grids(path)
    q = likert.question
    assert q.rows == SRC.ROWS
    assert q.options == SRC.SCALE  # in scale order, "Ved ikke" last: read or inferred
    assert _likert(likert) == _expected_likert()
    assert all(row.base == len(SRC.MUNIS) for row in likert.grid.rows)  # type: ignore[union-attr]
    if texted:
        assert q.text == SRC.LIKERT
    assert (grid is not None) == numeric
    if grid is not None:
        assert grid.question.text == SRC.ACTIVITY
        assert (grid.question.rows, grid.question.grid_columns) == (SRC.NUM_ROWS, SRC.MONTHS)
        assert _sums(grid) == _expected_sums()


def test_every_reader_agrees_with_the_generic_reader() -> None:
    def summary(name: str) -> tuple[object, ...]:
        likert, grid = _grids(GRIDS / name)
        return (_likert(likert), likert.question.options, _sums(grid) if grid else None)

    generic = summary("generic/besvarelser.csv")
    for _, name, _, numeric in LAYOUTS[1:]:
        got = summary(name)
        assert got[:2] == generic[:2], name
        assert got[2] == (generic[2] if numeric else None), name


def test_google_grid_beside_a_checkbox_question_is_a_grid_and_a_multi_select() -> None:
    survey = read_survey(GRIDS / "googleforms" / "Opfølgning (svar).csv")
    kinds = [(q.text, q.type) for q in survey.questions]
    assert kinds == [(SRC.CHECKBOX, QType.MULTI), (SRC.LIKERT, QType.GRID)]
    ticks = survey.answers["q1"]
    assert ticks.sum().to_dict() == {"Hjemmeside": 3, "Aula": 4, "Plakater": 2}


def test_limesurvey_code_headings_keep_the_codes_but_the_same_numbers() -> None:
    likert, grid = _grids(GRIDS / "limesurvey" / "results-codes.csv")
    assert likert.question.rows == ("SQ001", "SQ002", "SQ003")
    assert list(_likert(likert).values()) == list(_expected_likert().values())
    assert grid is not None
    assert (grid.question.rows, grid.question.grid_columns) == (
        ("SQ001", "SQ002"), ("SQ001", "SQ002", "SQ003"))
    assert list(_sums(grid).values()) == list(_expected_sums().values())


def test_bare_ms_forms_statements_of_different_questions_stay_apart(tmp_path: Path) -> None:
    """Two neighbouring Ja/Nej columns are two questions, not a grid."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["Id", "Starttidspunkt", "Fuldførelsestidspunkt", "Kommune",
               "Tilbuddet er i drift", "Vi samarbejder med regionen"])
    for i, m in enumerate(SRC.MUNIS):
        ws.append([i + 1, "x", "y", m, ["Ja", "Nej"][i % 2], ["Nej", "Ja", "Ja"][i % 3]])
    wb.save(tmp_path / "svar.xlsx")
    survey = read_survey(tmp_path / "svar.xlsx")
    assert [q.type for q in survey.questions] == [QType.SINGLE, QType.SINGLE]
