"""SurveyBuilder: questions column by column, excluded rows kept for inference, and a
survey with nobody left that still lists its questions and says why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kl_survey.issues import Severity
from kl_survey.model import QType, SourceInfo
from kl_survey.readers.builder import SurveyBuilder
from kl_survey.readers.infer import Column


def _builder(n: int) -> SurveyBuilder:
    return SurveyBuilder(SourceInfo("x.csv", "generic", "0" * 64), rows=list(range(2, n + 2)))


def _col(values: list[str | None], header: str = "Q") -> Column:
    return Column.of(1, header, pd.Series(values, dtype="str"))


def test_excluded_rows_still_inform_the_type_but_are_not_respondents() -> None:
    b = _builder(6)
    slider = _col(["12", "57", "88", "3", "41", "70"])
    b.exclude(np.array([True, True, True, True, False, False]), "fra test")
    assert b.add(b.question("Skyder", ("Q",)), slider) is QType.NUMERIC
    survey = b.build()
    assert survey.n == 2 and survey.answers["q1"].tolist() == [41.0, 70.0]
    assert not survey.issues


def test_nobody_left_lists_the_questions_with_n_0_and_an_error_saying_why() -> None:
    """Case 6: every row a test response."""
    b = _builder(3)
    b.add(b.question("1. Er I i gang?", ("Q",)), _col(["Ja", "Nej", "Ja"]))
    b.exclude(np.ones(3, dtype=bool), "fra forhåndsvisning, test eller spam")
    survey = b.build()
    assert survey.n == 0 and [q.id for q in survey.questions] == ["q1"]
    (issue,) = survey.issues
    assert issue.severity is Severity.ERROR and issue.code == "no-respondents"
    assert "af de 3 rækker er 3 fra forhåndsvisning, test eller spam" in issue.message


def test_nobody_left_after_complete_only_says_so() -> None:
    b = _builder(2)
    b.add(b.question("Q", ("Q",)), _col(["Ja", "Nej"]))
    b.complete = np.array([False, False])
    (issue,) = b.build(complete_only=True).issues
    assert "2 ikke fuldført (--complete-only)" in issue.message
    assert "--complete-only" in (issue.hint or "")


def test_a_row_that_passed_every_question_is_a_respondent_a_blank_row_is_not() -> None:
    """LimeSurvey writes N/A for a question not shown: the row is a response record."""
    b = _builder(3)
    members = [(_col(["N/A", "Yes", None]), "A"), (_col(["N/A", "No", None]), "B")]
    b.add_ticks(b.question("Q", ("A", "B")), members)
    survey = b.build()
    assert survey.n == 2 and survey.answers["q1"].to_numpy().any(axis=1).tolist() == [
        False, True]


def test_numbers_keep_what_could_not_be_read() -> None:
    b = _builder(5)
    b.add_numeric(b.question("Antal", ("Q",)), _col(["1.234,5", "12-15", None, "7", "—"]))
    survey = b.build(drop_unanswered=False)
    assert survey.answers["q1"].tolist()[0] == 1234.5
    assert survey.answers["q1"].isna().tolist() == [False, True, True, False, True]
    assert survey.unparsed["q1"].dropna().tolist() == ["12-15", "—"]


def test_an_estimate_counts_and_is_reported_with_its_row() -> None:
    """Issue 16: "ca. 3" is read as 3 and listed as approximate, never dropped."""
    b = _builder(3)
    b.add_numeric(b.question("Antal", ("Q",)), _col(["ca. 3", "4", "omkring 12,5"], "Antal"))
    survey = b.build(drop_unanswered=False)
    assert survey.answers["q1"].tolist() == [3.0, 4.0, 12.5]
    assert "q1" not in survey.unparsed
    (issue,) = [i for i in survey.issues if i.code == "numeric-approximate"]
    assert (issue.where.row, issue.where.column, issue.where.question) == (2, "Antal", "q1")
    assert "rækkerne 2, 4" in issue.message


def test_municipality_column_is_recorded() -> None:
    b = _builder(2)
    b.set_municipality(_col(["Aarhus", "Odense"], "Kommune"))
    b.add(b.question("Q", ("Q",)), _col(["Ja", "Nej"]))
    survey = b.build()
    assert survey.municipality_column == "Kommune"
    assert survey.respondents["municipality"].tolist() == [751, 461]
    assert survey.population is not None and survey.population.codes is None


def test_a_lone_thousands_dot_is_danish_unless_the_column_writes_dot_decimals() -> None:
    """Issue 16: Danish "1.234" is 1234; in a column of English decimals it is 1.234."""
    b = _builder(6)
    b.add_numeric(b.question("Danske", ("A",)), _col(["1.234", "20", "12,5"] + [None] * 3))
    b.add_numeric(b.question("Engelske", ("B",)), _col(["1.234", "2.5", "3", None, None,
                                                        None]))
    survey = b.build(drop_unanswered=False)
    assert survey.answers["q1"].tolist()[:3] == [1234.0, 20.0, 12.5]
    assert survey.answers["q2"].tolist()[:3] == [1.234, 2.5, 3.0]
