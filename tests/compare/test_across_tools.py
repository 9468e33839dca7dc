"""Rounds exported from different tools compare as if both came from one.

May as SurveyXact, November as Microsoft Forms: the comparison sees only the canonical
model, so it must give the figures the bundled (hand-built) exports give. Forms writes
the "Other" text where the option label would be; a spec rename brings the label back,
which is also how a real analyst would line the rounds up.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from kl_survey.compare import Comparison, compare
from kl_survey.compare.model import QuestionComparison
from kl_survey.compare.rounds import load_rounds

import make_fixtures

FORMS_SPEC = """version = 1

[[question]]
id = "q2"
rename = { "Andet" = "Andet, angiv", "Pjecer, plakater o.l." = "Pjecer og plakater" }
"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory, nov_gen: ModuleType) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("tools")
    sx = make_fixtures.write_surveyxact(out / "may")
    if not sx:
        pytest.skip("tests/fixtures/surveyxact_layout.py is not there")
    with pytest.MonkeyPatch.context() as mp:  # the Forms writer, fed November's answers
        mp.setattr(make_fixtures, "_gen", nov_gen)
        mp.setattr(make_fixtures, "SURVEY", nov_gen.SURVEY)
        mp.setattr(make_fixtures, "OTHER_Q2", nov_gen.OTHER_Q2)
        forms = make_fixtures.write_msforms(out / "nov")["xlsx"]
    spec = out / "nov" / "forms.toml"
    spec.write_text(FORMS_SPEC, encoding="utf-8")
    return {"sx_csv": Path(sx["csv_semicolon"]), "sx_xlsx": Path(sx["xlsx"]),
            "forms": Path(forms), "forms_spec": spec}


def _figures(q: QuestionComparison) -> dict[str, tuple[object, ...]]:
    return {r.label: (tuple((c.count, c.base) if c else None for c in r.rounds),
                      tuple((c.count, c.base) if c else None for c in r.panel),
                      r.change, r.panel_change)
            for r in q.options}


@pytest.mark.parametrize("may", ["sx_csv", "sx_xlsx"])
def test_surveyxact_may_and_forms_november_compare_like_the_bundled_exports(
        exports: dict[str, Path], comparison: Comparison, may: str) -> None:
    rounds = load_rounds([exports[may], exports["forms"]], specs=[None, exports["forms_spec"]])
    assert [r.survey.source.format for r in rounds] == ["surveyxact", "msforms"]
    got = compare(rounds, test=True)
    assert got.panel == comparison.panel
    assert len(got.questions) == len(comparison.questions) == 7
    # (the Forms round's small spec puts its q2 first; order follows the latest round)
    pairs = zip(sorted(got.questions, key=lambda q: q.latest.number), comparison.questions,
                strict=True)
    for mine, bundled in pairs:
        assert mine.latest.number == bundled.latest.number
        assert _figures(mine) == _figures(bundled)
        assert mine.wording_changed == bundled.wording_changed
    assert [[q.number for q in o.questions] for o in got.only_in] == [[8], [8]]
    q1 = next(q for q in got.questions if q.latest.number == 1).transitions
    want = comparison.questions[0].transitions
    assert q1 is not None and want is not None
    assert set(q1.pairs) == set(want.pairs)
