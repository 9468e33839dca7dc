"""Following municipalities: identification, the overall panel, a question's panel."""

from __future__ import annotations

import pandas as pd

from kl_survey.compare import panel as pn
from kl_survey.model import BaseRule, Filter, QType, Question, SourceInfo, Survey

SOURCE = SourceInfo("x.xlsx", "generic", "0" * 64)
SINGLE = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, ("Ja", "Nej"))
MULTI = Question("q2", 2, "Hvordan?", QType.MULTI, ("Aula", "Web"))
TEXT = Question("q3", 3, "Kommentar", QType.TEXT)


def survey(codes: list[int | None], single: list[str | None],
           multi: list[tuple[bool, bool]], text: list[str | None]) -> Survey:
    n = len(codes)
    respondents = pd.DataFrame({"row": range(2, n + 2),
                                "municipality": pd.array(codes, dtype="Int64"),
                                "complete": [True] * n})
    answers: dict[str, pd.Series | pd.DataFrame] = {
        "q1": pd.Series(pd.Categorical(single, categories=["Ja", "Nej"])),
        "q2": pd.DataFrame(multi, columns=["Aula", "Web"]),
        "q3": pd.Series(text, dtype="object"),
    }
    return Survey(SOURCE, (SINGLE, MULTI, TEXT), respondents, answers)


OLD = survey([101, 147, 151, None, 153, 153],
             ["Ja", None, "Nej", "Ja", "Ja", "Nej"],
             [(True, False), (False, False), (True, True), (True, False), (False, True),
              (True, False)],
             ["god", "  ", None, "x", "y", "z"])
NEW = survey([147, 151, 101, 155],
             ["Nej", "Ja", "Ja", "Ja"],
             [(True, False), (False, True), (False, False), (True, True)],
             ["a", "b", "c", "d"])


def test_identify_leaves_out_duplicates_and_counts_the_unidentified() -> None:
    found = pn.identify(OLD)
    assert found.rows == {101: 0, 147: 1, 151: 2}
    assert found.duplicated == (153,)
    assert found.unidentified == 1


def test_the_overall_panel_and_who_came_and_went() -> None:
    p = pn.overall([pn.identify(OLD), pn.identify(NEW)])
    assert [m.code for m in p.municipalities] == [101, 147, 151]
    assert [m.code for m in p.entered] == [155]
    assert [m.code for m in p.left] == [153]  # answered (twice) before, not now
    assert p.unidentified == (1, 0)


def test_a_questions_panel_is_those_answering_it_in_every_round() -> None:
    ids = [pn.identify(OLD), pn.identify(NEW)]
    # 147 skipped q1 in the old round; 101 ticked nothing in q2 in the new round; 147's
    # old comment was blank
    assert pn.question_panel([OLD, NEW], [SINGLE, SINGLE], ids) == (101, 151)
    assert pn.question_panel([OLD, NEW], [MULTI, MULTI], ids) == (151,)
    assert pn.question_panel([OLD, NEW], [TEXT, TEXT], ids) == (101,)
    # a round without the question does not narrow the panel
    assert pn.question_panel([OLD, NEW], [None, SINGLE], ids) == (101, 147, 151, 155)


def test_base_and_filter_rules_decide_who_is_in_a_question() -> None:
    everyone = Question("q1", 1, "x", QType.SINGLE, ("Ja", "Nej"),
                        base=BaseRule("respondents"))
    assert pn.answering(OLD, everyone).tolist() == [True] * 6
    only_ja = Question("q2", 2, "Hvordan?", QType.MULTI, ("Aula", "Web"),
                       base=BaseRule(filter=Filter("q1", ("Ja",))))
    assert pn.answering(OLD, only_ja).tolist() == [True, False, False, True, True, False]


def test_panel_surveys_line_up_by_code() -> None:
    codes = (101, 151)
    old = pn.panel_survey(OLD, pn.identify(OLD), codes)
    new = pn.panel_survey(NEW, pn.identify(NEW), codes)
    assert old.respondents["municipality"].tolist() == [101, 151]
    assert new.respondents["municipality"].tolist() == [101, 151]
    assert old.answers["q1"].tolist() == ["Ja", "Nej"]
    assert new.answers["q1"].tolist() == ["Ja", "Ja"]
    assert old.answers["q2"].to_numpy().tolist() == [[True, False], [True, True]]
