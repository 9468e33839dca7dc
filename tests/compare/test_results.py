"""The JSON document and flat rows on small hand-made rounds: missing options, excluded
"Ved ikke", free text, and rounds without a municipality column."""

from __future__ import annotations

import json
from fractions import Fraction

import pandas as pd

from kl_survey.compare import Round, compare, results, tables, text
from kl_survey.model import BaseRule, QType, Question, SourceInfo, Survey


def _round(label: str, codes: list[int] | None, answers: list[str | None],
           comments: list[str | None], options: tuple[str, ...]) -> Round:
    n = len(answers)
    respondents = pd.DataFrame({"row": range(2, n + 2), "complete": [True] * n})
    if codes is not None:
        respondents["municipality"] = pd.array(codes, dtype="Int64")
    q1 = Question("q1", 1, "Har I et tilbud?", QType.SINGLE, options, dont_know=("Ved ikke",),
                  base=BaseRule("exclude", ("Ved ikke",)))
    q2 = Question("q2", 2, "Kommentar", QType.TEXT)
    survey = Survey(SourceInfo(f"{label}.csv", "generic", "0" * 64), (q1, q2), respondents,
                    {"q1": pd.Series(pd.Categorical(answers, categories=list(options))),
                     "q2": pd.Series(comments, dtype="object")})
    return Round(label, survey)


OLD = _round("før", [101, 147, 151, 153], ["Ja", "Nej", "Ved ikke", "Nej"],
             ["a", None, "b", None], ("Ja", "Nej", "Ved ikke"))
NEW = _round("efter", [101, 147, 151, 155], ["Ja", "Ja", "Måske", "Ved ikke"],
             [None, "c", "d", None], ("Ja", "Nej", "Måske", "Ved ikke"))


def test_json_has_nulls_where_a_round_lacks_an_option_and_no_share_for_excluded() -> None:
    doc = results.to_dict(compare([OLD, NEW]))
    q1 = doc["questions"][0]
    rows = {o["label"]: o for o in q1["options"]}
    assert list(rows) == ["Ja", "Nej", "Måske", "Ved ikke"]  # the latest round's order
    assert rows["Måske"]["rounds"][0] is None and rows["Måske"]["change_pp"] is None
    # "Ved ikke" is out of the base: a count but no share and no change
    assert rows["Ved ikke"]["rounds"][0] == {"count": 1, "base": 3, "share": None,
                                             "excluded": True}
    assert rows["Ved ikke"]["change_pp"] is None
    # Ja: 1 of 3 → 2 of 3 (the new round's base also leaves out its "Ved ikke"): the float
    # of the exact 100/3, not of the float arithmetic (33.33333333333333)
    assert rows["Ja"]["change_pp"] == float(Fraction(100, 3)) == 33.333333333333336
    json.dumps(doc)  # plain JSON types only


def test_the_panel_follows_who_answered_and_transitions_skip_nobody() -> None:
    c = compare([OLD, NEW])
    assert [m.code for m in c.panel.municipalities] == [101, 147, 151]
    q1 = c.questions[0]
    assert q1.panel == 3
    t = q1.transitions
    assert t is not None
    assert {(p.before, p.after): p.count for p in t.pairs} == {
        ("Ja", "Ja"): 1, ("Nej", "Ja"): 1, ("Ved ikke", "Måske"): 1}
    # yes/no switches leave out pairs with an excluded answer in either round
    assert (t.became_yes, t.became_no, t.stayed_yes, t.stayed_no) == (1, 0, 1, 0)


def test_free_text_is_matched_but_not_compared() -> None:
    c = compare([OLD, NEW])
    q2 = c.questions[1]
    assert q2.type is QType.TEXT and q2.options == () and q2.transitions is None
    qt = text.question(c, q2, "da")
    assert qt.rows == () and qt.after == ("Fritekst og tal sammenlignes ikke.",)
    assert results.to_dict(c)["questions"][1]["options"] == []


def test_without_municipalities_there_is_no_panel_and_a_warning() -> None:
    old, new = (_round(r.label, None, list(r.survey.answers["q1"]),
                       list(r.survey.answers["q2"]), tuple(r.survey.questions[0].options))
                for r in (OLD, NEW))
    c = compare([old, new])
    assert not c.panel.available
    assert "compare-no-municipality" in [i.code for i in c.issues]
    assert c.questions[0].panel == 0 and c.questions[0].transitions is None
    summary = text.summary(c, "da")
    assert "Panel: ingen kommune kan følges mellem runderne (ingen kommunekolonne)" in summary
    head = text.question(c, c.questions[0], "da").head
    assert head[-1] == "Ændring\nalle"  # no panel column


def test_csv_neutralises_formulas_in_labels() -> None:
    evil = _round("efter", [101, 147, 151, 155], ["=1+1", "Ja", "Ja", "Nej"],
                  [None, None, None, None], ("Ja", "Nej", "=1+1"))
    out = tables.to_csv(compare([OLD, evil]), "en").decode("utf-8")
    assert "'=1+1" in out and ",=1+1" not in out


def test_xlsx_writes_labels_as_text_cells_and_no_clock() -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    evil = _round("efter", [101, 147, 151, 155], ["=1+1", "Ja", "Ja", "Nej"],
                  [None, None, None, None], ("Ja", "Nej", "=1+1"))
    data = tables.to_xlsx(compare([OLD, evil]), "da", epoch=None)
    assert data == tables.to_xlsx(compare([OLD, evil]), "da", epoch=None)
    ws = load_workbook(BytesIO(data)).active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=1+1")
    assert cell.data_type == "s"  # a string, never a formula, and no apostrophe
