"""extend(): bounds, intervals and breakdowns added to an analysis only when asked for."""

from dataclasses import replace
from pathlib import Path

import pytest

from kl_survey.census import Bounds
from kl_survey.extras import Extras, extend, reason, rules
from kl_survey.model import Population
from kl_survey.pipeline import Loaded, LoadOptions, load, run
from kl_survey.spec import parse_spec

from paths import EXAMPLE, EXAMPLE_Q1_DIR


@pytest.fixture(scope="module")
def example() -> tuple:
    return run(EXAMPLE)


def test_nothing_asked_for_changes_nothing(example: tuple) -> None:
    a, loaded = example
    same, issues = extend(a, loaded.survey, Extras())
    assert same is a and issues == ()
    assert all(q.census is None and q.breakdown is None for q in a.questions)


def test_q1_bounds_on_the_example(example: tuple) -> None:
    a, loaded = example
    b, issues = extend(a, loaded.survey, Extras(bounds=True))
    q1 = b.questions[0]
    assert q1.census is not None and q1.census.yes is not None
    assert q1.census.yes.bounds == Bounds(92, 95, 98) and q1.census.yes.ci is None
    assert all(q.breakdown is None for q in b.questions) and not issues


def test_by_region_reaches_every_choice_question(example: tuple) -> None:
    a, loaded = example
    b, _ = extend(a, loaded.survey, Extras(by="region", ci=True))
    kinds = {q.question.id: q.breakdown is not None for q in b.questions}
    assert kinds == {f"q{i}": True for i in range(1, 9)}
    first = b.questions[0].breakdown
    assert first is not None and first.reason == "stability" and first.min_base == 5


def test_min_base_comes_from_the_option_then_the_spec_then_5(example: tuple) -> None:
    a, _ = example
    spec = parse_spec("version = 1\n[analysis]\nmin_base = 11\nshow_small_counts = true\n")
    assert rules(a, Extras()).min_base == 5
    assert rules(a, Extras(), spec).min_base == 11 and rules(a, Extras(), spec).show_counts
    assert rules(a, Extras(min_base=3), spec).min_base == 3


def test_spec_min_base_below_one_points_at_the_line() -> None:
    from kl_survey.errors import SpecError

    with pytest.raises(SpecError, match=r"analysis.min_base: .*mindst 1, fik 0") as err:
        parse_spec("version = 1\n[analysis]\nmin_base = 0\n")
    assert err.value.file == "survey.toml:3"


def test_municipalities_are_about_stability_people_about_privacy(example: tuple) -> None:
    a, _ = example
    assert reason(a) == "stability"
    assert reason(replace(a, population=None)) == "privacy"
    assert reason(replace(a, population=Population("borgere", 20))) == "privacy"


def test_unknown_population_gives_no_bounds_and_says_why(example: tuple) -> None:
    a, loaded = example
    b, issues = extend(replace(a, population=None), loaded.survey, Extras(bounds=True))
    assert all(q.census is None for q in b.questions)
    assert [i.code for i in issues] == ["census-no-population"]


def test_groups_file_warnings_come_back(example: tuple, tmp_path: Path) -> None:
    a, loaded = example
    path = tmp_path / "g.csv"
    path.write_text("Kommune,Gruppe\nKøbenhavn,A\nGreve,B\nVesterby,B\nHerlev,A\n",
                    encoding="utf-8")
    b, issues = extend(a, loaded.survey, Extras(by="Gruppe", groups=path))
    assert "groups-unknown-municipality" in {i.code for i in issues}
    q1 = b.questions[0].breakdown
    assert q1 is not None and [g.label for g in q1.groups] == ["A", "B", "Uoplyst"]
    assert [g.base for g in q1.groups] == [2, 1, 92]
    assert q1.primary == ("A", "B")


def test_loaded_carries_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "survey.toml"
    spec.write_text("version = 1\n[analysis]\nmin_base = 7\n", encoding="utf-8")
    loaded: Loaded = load(EXAMPLE, LoadOptions(spec=spec))
    assert loaded.spec is not None and loaded.spec.analysis.min_base == 7


@pytest.mark.parametrize("extras", [Extras(by="region"), Extras(bounds=True), Extras(ci=True)])
def test_grids_left_out_of_by_and_bounds_are_named(extras: Extras) -> None:
    """Grids get no breakdown or bounds yet: one info line names them, not silence."""
    a, loaded = run(EXAMPLE_Q1_DIR / "responses.xlsx",
                    LoadOptions(spec=EXAMPLE_Q1_DIR / "survey.toml"))
    b, issues = extend(a, loaded.survey, extras)
    grids = [q for q in b.questions if q.question.type.value in ("grid", "numeric_grid")]
    assert grids and all(q.census is None and q.breakdown is None for q in grids)
    (info,) = [i for i in issues if i.code == "extras-skip-grids"]
    assert info.severity.value == "info"
    assert [q.question.number for q in grids] == [1, 2, 3]
    assert info.message.endswith("vist uden: spørgsmål 1, 2 og 3")


def test_no_grid_no_grid_line(example: tuple) -> None:
    a, loaded = example
    _, issues = extend(a, loaded.survey, Extras(by="region", bounds=True))
    assert "extras-skip-grids" not in [i.code for i in issues]
