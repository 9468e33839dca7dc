"""The spec's grid keys: checked when read, applied to plain columns and to read grids."""

from __future__ import annotations

import pandas as pd
import pytest

from kl_survey.analysis import analyse
from kl_survey.errors import SpecError
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.spec import parse_spec
from kl_survey.spec_apply import apply_spec

MONTHS = ["Januar", "Februar", "Marts"]


def _plain(values: dict[str, list[str | None]], qtype: QType = QType.TEXT) -> Survey:
    """One plain question per column, as a form that asked every month on its own."""
    n = len(next(iter(values.values())))
    qs = tuple(Question(id=f"q{i + 1}", number=i + 1, text=k, type=qtype, columns=(k,))
               for i, k in enumerate(values))
    answers = {f"q{i + 1}": pd.Series(v, dtype="str") for i, v in enumerate(values.values())}
    resp = pd.DataFrame({"row": list(range(2, n + 2)), "complete": [True] * n})
    return Survey(SourceInfo("x.csv", "generic", "0"), qs, resp, answers)


NUMERIC_SPEC = """
[[question]]
id = "aktivitet"
type = "numeric_grid"
text = "Aktivitet i 1. kvartal"
rows = ["Antal henvendelser", "Antal screeningssamtaler"]
grid_columns = ["Januar", "Februar", "Marts"]
columns = ["Henv. jan", "Henv. feb", "Henv. mar", "Scr. jan", "Scr. feb", "Scr. mar"]
totals = "all"

[[question.derived]]
name = "Screening pr. henvendelse"
numerator = "aktivitet:Antal screeningssamtaler"
denominator = "aktivitet:Antal henvendelser"
"""


def test_plain_number_columns_become_one_numeric_grid() -> None:
    survey = _plain({"Henv. jan": ["32", "10"], "Henv. feb": ["64", "ca. 20"],
                     "Henv. mar": ["102", None], "Scr. jan": ["1", "2"],
                     "Scr. feb": ["13", "12-15"], "Scr. mar": ["22", "3"],
                     "Bemærkning": ["ok", None]})
    new, issues = apply_spec(survey, parse_spec(NUMERIC_SPEC))
    assert [q.id for q in new.questions] == ["aktivitet", "q7"]
    q = new.question("aktivitet")
    assert (q.type, q.rows, q.grid_columns, q.totals) == (
        QType.NUMERIC_GRID, ("Antal henvendelser", "Antal screeningssamtaler"),
        tuple(MONTHS), "all")
    r = analyse(new).questions[0]
    assert r.grid is not None
    henv, scr = r.grid.numeric_rows
    assert [c.stats.sum for c in henv.cells if c.stats] == [42.0, 84.0, 102.0]
    assert (henv.total.n, henv.total.sum) == (2, 228.0)  # all answers, "ca. 20" as 20
    assert [c.stats.n for c in scr.cells if c.stats] == [2, 1, 2]  # "12-15" is no number
    (derived,) = r.grid.derived
    assert derived.fraction == pytest.approx((1 + 2 + 13 + 22 + 3) / 228)
    codes = {i.code for i in issues}
    assert "numeric-approximate" in codes and "column-unknown" in codes
    bad = new.unparsed["aktivitet"]
    assert isinstance(bad, pd.DataFrame)
    assert bad[("Antal screeningssamtaler", "Februar")].dropna().tolist() == ["12-15"]


def test_plain_choice_columns_become_one_grid_in_scale_order() -> None:
    spec = parse_spec('[[question]]\nid = "udfordringer"\ntype = "grid"\n'
                      'rows = ["Rekruttering", "Fysiske rammer"]\n'
                      'columns = ["Udfordring: rekruttering", "Udfordring: rammer"]\n'
                      'base = "exclude"\n')
    survey = _plain({"Udfordring: rekruttering": ["I høj grad", "Slet ikke", "Ved ikke"],
                     "Udfordring: rammer": ["I nogen grad", "I høj grad", None]},
                    QType.SINGLE)
    survey = Survey(survey.source, survey.questions, survey.respondents,
                    {k: v.astype("category") for k, v in survey.answers.items()})
    new, _ = apply_spec(survey, spec)
    q = new.question("udfordringer")
    assert q.type is QType.GRID
    assert q.options == ("I høj grad", "I nogen grad", "Slet ikke", "Ved ikke")
    assert q.base.exclude == ("Ved ikke",)
    r = analyse(new).questions[0]
    assert r.grid is not None
    recruit, frames = r.grid.rows
    assert (recruit.base, recruit.answered) == (2, 3)  # "Ved ikke" left out of the base
    assert (frames.base, frames.answered) == (2, 2)


def test_columns_must_fill_the_grid(tmp_path) -> None:
    with pytest.raises(SpecError) as err:
        parse_spec('[[question]]\nid = "a"\ntype = "numeric_grid"\nrows = ["R1", "R2"]\n'
                   'grid_columns = ["Jan", "Feb"]\ncolumns = ["x", "y", "z"]\n', "s.toml")
    assert "3 kolonner passer ikke til 2 rækker x 2 kolonner" in err.value.message
    assert str(err.value.file).startswith("s.toml:6")


@pytest.mark.parametrize(("derived", "says"), [
    ('numerator = "b:R1"\ndenominator = "a:R2"', "peger på b"),
    ('numerator = "a:R3"\ndenominator = "a:R2"', "'R3' er ikke en af rækkerne i a"),
    ('numerator = "a:R1:Mar"\ndenominator = "a:R2"', "'Mar' er ikke en af kolonnerne i a"),
])
def test_derived_references_name_this_grid(derived: str, says: str) -> None:
    text = ('[[question]]\nid = "a"\ntype = "numeric_grid"\nrows = ["R1", "R2"]\n'
            'grid_columns = ["Jan", "Feb"]\n\n[[question.derived]]\nname = "x"\n' + derived)
    with pytest.raises(SpecError) as err:
        parse_spec(text)
    assert says in err.value.message


def test_grid_keys_need_a_grid_type() -> None:
    with pytest.raises(SpecError) as err:
        parse_spec('[[question]]\nid = "a"\ntype = "single"\nrows = ["R1"]\n')
    assert "type = \"grid\"" in err.value.message


def test_a_read_grid_follows_the_spec_order_and_labels() -> None:
    frame = pd.DataFrame({r: pd.Categorical(v, categories=["Enig", "Uenig", "Ved ikke"])
                          for r, v in (("A", ["Enig", "Uenig"]), ("B", ["Ved ikke", "Enig"]))})
    q = Question("q1", 1, "Hvor enig?", QType.GRID, options=("Enig", "Uenig", "Ved ikke"),
                 rows=("A", "B"), columns=("Q - A", "Q - B"))
    resp = pd.DataFrame({"row": [2, 3], "complete": [True, True]})
    survey = Survey(SourceInfo("x.csv", "generic", "0"), (q,), resp, {"q1": frame})
    spec = parse_spec('[[question]]\nid = "q1"\ntype = "grid"\nrows = ["B", "A", "C"]\n'
                      'rename = { "Enig" = "Helt enig" }\n'
                      'options = ["Helt enig", "Uenig", "Ved ikke"]\n')
    new, issues = apply_spec(survey, spec)
    got = new.question("q1")
    assert got.rows == ("B", "A") and got.options == ("Helt enig", "Uenig", "Ved ikke")
    assert new.answers["q1"]["A"].tolist() == ["Helt enig", "Uenig"]
    assert any(i.code == "grid-label-missing" and "'C'" in i.message for i in issues)
