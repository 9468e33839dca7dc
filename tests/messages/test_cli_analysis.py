"""Refusals and warnings past the readers, in Danish and with ``--lang en``, through the CLI.

One representative per module: compare (rounds, changes, panel), grouping, extras,
dedupe, by_municipality and report/mapmodel. Each gives the same exit code in both
languages, one line on stderr per problem, and English lines without Danish words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from languages import both_runs, in_both, runner

from kl_survey import municipalities as mun
from kl_survey.cli import app

from paths import EXAMPLE, EXAMPLE_DIR, EXAMPLE_NOV_DIR, EXAMPLE_Q1_DIR


@pytest.fixture(scope="module")
def duplicate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example with its first municipality answering twice, and that municipality."""
    from test_validate import example_rows, write_csv

    header, body = example_rows()
    body = [list(r) for r in body]
    body.append(list(body[0]))
    path = write_csv(tmp_path_factory.mktemp("dup") / "twice.csv", header, body)
    found = mun.match(str(body[0][0]))
    assert found is not None
    return path, found.name


@pytest.fixture(scope="module")
def no_municipality(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plain") / "plain.csv"
    path.write_text("Respondent;Er tilbuddet i drift?;Hvor mange årsværk?\n1;Ja;2\n2;Nej;3\n"
                    "3;Ja;1\n4;Ja;4\n", encoding="utf-8")
    return path


def test_compare_rounds_a_folder_that_is_no_round(tmp_path: Path) -> None:
    folder = str(tmp_path / "empty")
    Path(folder).mkdir()
    da, en = in_both(["compare", str(EXAMPLE_DIR), folder], 2, data=[folder])
    assert "Mappen er hverken en rundemappe eller en SurveyXact-eksport" in da
    assert en == (f"kl-survey: error: {folder}: The folder is neither a round folder nor a "
                  "SurveyXact export. A round folder holds responses.xlsx (or .csv) and "
                  "survey.toml; a SurveyXact folder holds dataset.csv, labels.csv and "
                  "structure.csv.")


def test_compare_changes_a_reworded_question(tmp_path: Path) -> None:
    out = str(tmp_path / "c.json")
    texts = ["Hvordan informerer I borgerne om det lettilgængelige tilbud?",
             "Hvordan informerer I børn, unge og forældre om det lettilgængelige tilbud?",
             "Maj 2025", "November 2025"]
    da, en = in_both(["compare", str(EXAMPLE_DIR), str(EXAMPLE_NOV_DIR), "-f", "json", "-o",
                      out], 0, data=texts)
    assert "spørgsmål q2: Spørgsmål 2 er formuleret anderledes (Maj 2025: »Hvordan" in da
    assert en.startswith("kl-survey: warning: question q2: Question 2 is worded differently "
                         "(Maj 2025: “Hvordan informerer I borgerne")
    assert en.endswith("; a change may come from the new wording. Compare the texts before "
                       "the change is published.")


def test_compare_panel_a_municipality_answering_twice(duplicate: tuple[Path, str],
                                                      tmp_path: Path) -> None:
    path, name = duplicate
    out = str(tmp_path / "c.json")
    da, en = both_runs(["compare", str(path), str(EXAMPLE), "-f", "json", "-o", out], 0,
                       data=[str(path), name, "twice", "responses"])
    panel_da = [line for line in da if "panelet" in line]
    panel_en = [line for line in en if "panel" in line]
    assert len(panel_da) == len(panel_en) == 1
    assert f"{name} (" in panel_da[0] and "har svaret flere gange og indgår ikke i" in panel_da[0]
    assert "answered more than once and is left out of the panel. Keep one response per " \
           "municipality with --dedupe." in panel_en[0]


def test_grouping_an_unknown_by() -> None:
    da, en = in_both(["analyze", str(EXAMPLE), "--by", "nope"], 2)
    assert "--by nope: der er hverken en region eller et spørgsmål med det id" in da
    assert en == ("kl-survey: error: --by nope: there is neither a region nor a question with "
                  "that id. Use --by region or a single-choice question: q1, q5, q6, q8. With "
                  "--groups FILE, --by is the column in the file.")


def test_grouping_the_unplaced_group_is_shown_in_english_but_json_keeps_it(
        no_municipality: Path) -> None:
    da, en = in_both(["analyze", str(no_municipality), "--by", "region", "-f", "json"], 0)
    assert da == ("kl-survey: advarsel: plain.csv: 4 besvarelser har ingen kommune og vises i "
                  "gruppen »Uoplyst«. Udfyld det manglende, så de kan fordeles.")
    assert en == ("kl-survey: warning: plain.csv: 4 responses have no municipality and are "
                  "shown in the group “Not stated”. Fill in what is missing, so that they can "
                  "be placed.")
    for lang in ("da", "en"):
        res = runner.invoke(app, ["analyze", str(no_municipality), "--by", "region", "-f",
                                  "json", "--lang", lang])
        groups = json.loads(res.stdout)["questions"][0]["breakdown"]["groups"]
        assert groups[-1]["label"] == "Uoplyst"  # data, the same in every language
    res = runner.invoke(app, ["analyze", str(no_municipality), "--by", "region", "--lang", "en"])
    assert "Not stated (n=4)" in res.stdout and "Uoplyst" not in res.stdout


def test_extras_bounds_without_a_population(no_municipality: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "a.json")
    da, en = in_both(["analyze", str(no_municipality), "--bounds", "-f", "json", "-o", out], 0)
    assert da == ("kl-survey: info: plain.csv: Populationens størrelse er ukendt, så der gives "
                  "ingen grænser eller intervaller. Angiv populationen med "
                  "respondents.population i specifikationen.")
    assert en == ("kl-survey: info: plain.csv: The size of the population is unknown, so no "
                  "bounds or intervals are given. Give the population with "
                  "respondents.population in the spec.")


def test_dedupe_a_municipality_answering_twice(duplicate: tuple[Path, str],
                                               tmp_path: Path) -> None:
    path, name = duplicate
    out = str(tmp_path / "a.json")
    da, en = in_both(["analyze", str(path), "-f", "json", "-o", out], 0,
                     data=[str(path), name, "twice.csv"])
    assert f"{name} (" in da and "har svaret 2 gange (række 2 og 97); svarene er ens" in da
    assert "answered 2 times (rows 2 and 97); the answers are the same. Delete the wrong " \
           "response in the export, or choose with --dedupe first|last|most-complete." in en


def test_by_municipality_a_map_without_municipalities(no_municipality: Path,
                                                      tmp_path: Path) -> None:
    """The report notes first that it gives no bounds (no population), then refuses."""
    das, ens = both_runs(["report", str(no_municipality), "--maps", "q1", "-o",
                          str(tmp_path / "r")], 2)
    assert [line.split(":")[1] for line in das + ens] == [" info", " fejl", " info", " error"]
    da, en = das[-1], ens[-1]
    assert "Spørgsmål 1 kan ikke vises på et kort" in da
    assert en == ("kl-survey: error: Question 1 cannot be shown on a map: the export has no "
                  "column with the municipality. Give the column with respondents.column in "
                  "the spec file.")


def test_by_municipality_an_unknown_municipality() -> None:
    da, en = in_both(["analyze", str(EXAMPLE), "--municipality", "Koge"], 2, data=["Køge"])
    assert da == ("kl-survey: fejl: Ukendt kommune: 'Koge'. Mente du Køge (259)? Angiv "
                  "kommunens navn eller kode.")
    assert en == ("kl-survey: error: Unknown municipality: 'Koge'. Did you mean Køge (259)? "
                  "Give the municipality's name or code.")


def test_mapmodel_an_unknown_question_to_map(tmp_path: Path) -> None:
    da, en = in_both(["report", str(EXAMPLE), "--maps", "q99", "-o", str(tmp_path / "r")], 2)
    assert da == ("kl-survey: fejl: Ukendt spørgsmål til kort: q99. Spørgsmålene hedder q1, q2, "
                  "q3, q4, q5, q6, q7, q8.")
    assert en == ("kl-survey: error: Unknown question to map: q99. The questions are q1, q2, "
                  "q3, q4, q5, q6, q7, q8.")


def test_by_municipality_a_grid_to_map_without_a_row(tmp_path: Path) -> None:
    """One line: it lists the rows as --maps takes them and says how to write one."""
    rows = ["Rekruttering af medarbejdere", "Fysiske rammer", "Samarbejdet med regionen",
            "Kendskabet til tilbuddet blandt borgerne"]
    listed = ", ".join(f"q3:{r}" for r in rows)
    das, ens = both_runs(["report", str(EXAMPLE_Q1_DIR / "responses.xlsx"), "--spec",
                          str(EXAMPLE_Q1_DIR / "survey.toml"), "--maps", "q3", "-o",
                          str(tmp_path / "r")], 2, data=rows)
    assert [line.split(":")[1] for line in das + ens] == [" fejl", " error"]
    da, en = das[-1], ens[-1]
    assert da == ("kl-survey: fejl: Spørgsmål 3 er et gitter; vælg én række til kortet som "
                  "spørgsmål:række, fx »q3:Rekruttering af medarbejdere«. Rækkerne hedder "
                  f"{listed}.")
    assert en == ("kl-survey: error: Question 3 is a grid; choose one row for the map as "
                  "question:row, e.g. “q3:Rekruttering af medarbejdere”. The rows are "
                  f"{listed}.")
