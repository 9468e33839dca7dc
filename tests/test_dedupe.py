"""Duplicate municipalities: found with what differs, and each --dedupe strategy."""

import numpy as np
import pandas as pd
import pytest

from kl_survey.dedupe import find_duplicates, resolve
from kl_survey.issues import Severity
from kl_survey.model import QType, Question, SourceInfo, Survey


def _survey() -> Survey:
    """Aarhus answers on rows 2 (q1 only), 5 (both) and 7 (q1 only); Odense once."""
    codes = [751, 461, 751, 751]
    q1 = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, ("Ja", "Nej"))
    q2 = Question("q2", 2, "Hvordan?", QType.MULTI, ("Aula", "Web"))
    resp = pd.DataFrame({"row": [2, 3, 5, 7], "complete": True,
                         "municipality_raw": ["Aarhus", "Odense", "Århus", "Aarhus Kommune"],
                         "municipality": pd.array(codes, dtype="Int64")})
    answers = {
        "q1": pd.Series(pd.Categorical(["Ja", "Nej", "Ja", "Nej"], categories=["Ja", "Nej"])),
        "q2": pd.DataFrame({"Aula": [False, True, True, False],
                            "Web": [False, False, True, False]}),
    }
    other = {"q2": pd.Series([None, None, "x", None], dtype="str")}
    return Survey(SourceInfo("x.csv", "generic", "0"), (q1, q2), resp, answers, other)


def test_find_duplicates_lists_rows_and_differences() -> None:
    (d,) = find_duplicates(_survey())
    assert (d.code, d.rows, d.positions) == (751, (2, 5, 7), (0, 2, 3))
    assert d.differs == ("q1", "q2")


def test_without_strategy_everything_is_kept_and_warned() -> None:
    s = _survey()
    out, issues = resolve(s, None)
    assert out is s
    (issue,) = issues
    assert issue.severity is Severity.WARNING and issue.code == "municipality-duplicate"
    assert "Aarhus (751) har svaret 3 gange (række 2, 5 og 7)" in issue.message


@pytest.mark.parametrize(("strategy", "kept"), [("first", 2), ("last", 7),
                                                 ("most-complete", 5)])
def test_strategies_keep_one_answer(strategy: str, kept: int) -> None:
    out, issues = resolve(_survey(), strategy)
    assert out.n == 2
    assert sorted(out.respondents["row"].tolist()) == sorted([3, kept])
    assert len(out.answers["q1"]) == 2 and len(out.answers["q2"]) == 2
    assert len(out.other_text["q2"]) == 2
    (issue,) = issues
    assert issue.where.row == kept and f"beholdt række {kept}" in issue.message
    # answers stay aligned with their respondent
    pos = int(np.flatnonzero(out.respondents["row"].to_numpy() == kept)[0])
    original = _survey()
    orig_pos = int(np.flatnonzero(original.respondents["row"].to_numpy() == kept)[0])
    assert out.answers["q1"].iloc[pos] == original.answers["q1"].iloc[orig_pos]


def test_most_complete_ties_go_to_the_later_row() -> None:
    s = _survey()
    s.answers["q2"].loc[:, :] = False  # now every Aarhus row answered only q1
    out, _ = resolve(s, "most-complete")
    assert 7 in out.respondents["row"].tolist()


def test_no_duplicates_no_issues() -> None:
    s = _survey()
    single = resolve(s, "first")[0]
    assert resolve(single, "last") == (single, [])
    assert resolve(single, None) == (single, [])


def test_citizen_surveys_with_many_answers_per_municipality_are_not_duplicates() -> None:
    import pandas as pd

    from kl_survey.dedupe import one_answer_per_municipality

    kl_round = pd.Series([101, 147, 151, 153, 101], dtype="Int64")  # one municipality twice
    citizens = pd.Series([101, 101, 147, 147, 151, 151, 151, 153], dtype="Int64")
    assert one_answer_per_municipality(kl_round)
    assert not one_answer_per_municipality(citizens)
    assert not one_answer_per_municipality(pd.Series([pd.NA], dtype="Int64"))
