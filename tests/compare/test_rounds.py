"""Finding each round: export files, round folders, SurveyXact folders; labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kl_survey.compare.changes import unique
from kl_survey.compare.rounds import load_rounds, resolve
from kl_survey.errors import InputError, KlSurveyError

import make_fixtures
from paths import EXAMPLE, EXAMPLE_DIR, EXAMPLE_NOV_DIR


@pytest.fixture(scope="module")
def sx_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = make_fixtures.write_surveyxact(tmp_path_factory.mktemp("sx"))
    if "csv_semicolon" not in paths:
        pytest.skip("tests/fixtures/surveyxact_layout.py is not there")
    return Path(paths["csv_semicolon"])


def test_a_round_folder_gives_its_responses_and_its_spec() -> None:
    src = resolve(EXAMPLE_DIR)
    assert src.export == EXAMPLE_DIR / "responses.xlsx"
    assert src.spec == EXAMPLE_DIR / "survey.toml"
    assert src.folder


def test_a_surveyxact_folder_is_an_export_not_a_round_folder(sx_folder: Path,
                                                             tmp_path: Path) -> None:
    src = resolve(sx_folder)
    assert src.export == sx_folder and src.spec is None
    # with a survey.toml beside the three CSV files, that is its spec
    with_spec = tmp_path / "sx"
    shutil.copytree(sx_folder, with_spec)
    (with_spec / "survey.toml").write_text("version = 1\n", encoding="utf-8")
    assert resolve(with_spec).spec == with_spec / "survey.toml"
    # and a round folder may hold the SurveyXact folder as its responses
    round_dir = tmp_path / "runde"
    shutil.copytree(sx_folder, round_dir / "responses")
    assert resolve(round_dir).export == round_dir / "responses"


def test_folders_that_are_neither_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="hverken en rundemappe eller en SurveyXact"):
        resolve(tmp_path)
    shutil.copy(EXAMPLE, tmp_path / "responses.xlsx")
    (tmp_path / "responses.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"flere svarfiler \(responses.csv, responses.xlsx\)"):
        resolve(tmp_path)
    with pytest.raises(InputError, match="findes ikke"):
        resolve(tmp_path / "nope.xlsx")


def test_an_explicit_spec_goes_with_its_round() -> None:
    rounds = load_rounds([EXAMPLE, EXAMPLE_NOV_DIR / "responses.xlsx"],
                         specs=[None, EXAMPLE_NOV_DIR / "survey.toml"])
    assert [r.label for r in rounds] == ["kl-2025-05", "November 2025"]
    assert rounds[0].spec is None and rounds[1].spec_ids is not None
    with pytest.raises(KlSurveyError, match="1 spec-fil til 2 runder"):
        load_rounds([EXAMPLE, EXAMPLE], specs=[None])


def test_labels_come_from_the_spec_else_the_name_and_never_repeat() -> None:
    rounds = load_rounds([EXAMPLE_DIR, EXAMPLE_NOV_DIR])
    assert [r.label for r in rounds] == ["Maj 2025", "November 2025"]
    assert rounds[0].spec_ids == frozenset(f"q{n}" for n in range(1, 9))
    bare = load_rounds([EXAMPLE, EXAMPLE_NOV_DIR / "responses.xlsx"])
    assert [r.label for r in bare] == ["kl-2025-05", "kl-2025-11"]  # responses.xlsx: folder
    assert bare[0].spec_ids is None
    named = load_rounds([EXAMPLE, EXAMPLE], labels=["Før", "Efter"])
    assert [r.label for r in named] == ["Før", "Efter"]
    assert unique(["Maj 2025", "Maj 2025", "Maj 2025"]) == ["Maj 2025", "Maj 2025 (2)",
                                                            "Maj 2025 (3)"]


def test_the_wrong_number_of_labels_or_rounds_is_refused() -> None:
    with pytest.raises(KlSurveyError, match="1 --label til 2 runder"):
        load_rounds([EXAMPLE, EXAMPLE], labels=["Før"])
    with pytest.raises(KlSurveyError, match="mindst to runder"):
        load_rounds([EXAMPLE])
