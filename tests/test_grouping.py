"""Groupings: regions from the register, answers to a question, and groups files."""

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from kl_survey import municipalities as mun
from kl_survey.errors import InputError
from kl_survey.grouping import by_file, by_question, by_region, display, resolve
from kl_survey.messages import use_language
from kl_survey.model import Population, QType, Question, SourceInfo, Survey
from kl_survey.pipeline import load

from paths import DATA, EXAMPLE

GROUPS_CSV = DATA / "groups" / "kommunegrupper.csv"


@pytest.fixture(scope="module")
def example() -> Survey:
    return load(EXAMPLE).survey


def _survey(codes: list[int | None], answers: list[str | None] | None = None) -> Survey:
    opts = ("Ja", "Nej")
    q = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, opts)
    m = Question("q2", 2, "Kanaler", QType.MULTI, ("Web", "Aula"))
    resp = pd.DataFrame({"row": range(2, len(codes) + 2),
                         "municipality": pd.array(codes, dtype="Int64")})
    values = answers if answers is not None else ["Ja"] * len(codes)
    ticks = pd.DataFrame({"Web": [True] * len(codes), "Aula": [False] * len(codes)})
    return Survey(SourceInfo("t.xlsx", "generic", "0" * 64), (q, m), resp,
                  {"q1": pd.Series(pd.Categorical(values, categories=list(opts))), "q2": ticks},
                  population=Population("kommuner", 98))


def test_regions_in_official_order_with_register_sizes(example: Survey) -> None:
    g, issues = by_region(example)
    assert g.labels == ("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland")
    assert g.populations == (29, 17, 22, 19, 11)
    assert sum(g.populations) == 98 and not issues
    members = Counter(g.labels[i] for i in g.members)
    register = Counter(mun.by_code(int(c)).region for c in example.respondents["municipality"])
    assert members == register == {"Hovedstaden": 28, "Sjælland": 17, "Syddanmark": 22,
                                   "Midtjylland": 18, "Nordjylland": 10}


def test_respondents_without_municipality_are_unplaced_not_dropped() -> None:
    g, issues = by_region(_survey([101, None, 851]))
    assert [(label, int(mask.sum())) for label, _, mask in g.masks()] == [
        ("Hovedstaden", 1), ("Sjælland", 0), ("Syddanmark", 0), ("Midtjylland", 0),
        ("Nordjylland", 1), ("Uoplyst", 1)]
    assert [i.code for i in issues] == ["breakdown-unplaced"]
    assert "1 besvarelse har ingen kommune" in issues[0].message


def test_the_unplaced_group_and_its_warning_follow_the_language() -> None:
    """"Uoplyst" is data (JSON keeps it in every language); readers see "Not stated"."""
    assert display("Uoplyst", "da") == "Uoplyst" and display("Uoplyst", "en") == "Not stated"
    assert display("Nordjylland", "en") == "Nordjylland"
    with use_language("en"):
        g, issues = by_region(_survey([101, None, None]))
        assert g.masks()[-1][0] == "Uoplyst"
        assert issues[0].one_line().endswith(
            "2 responses have no municipality and are shown in the group “Not stated”. "
            "Fill in what is missing, so that they can be placed.")


def test_a_population_other_than_the_98_leaves_region_sizes_unknown() -> None:
    from dataclasses import replace

    s = replace(_survey([101, 851]), population=Population("kommuner", 40))
    assert by_region(s)[0].populations == (None,) * 5


def test_by_question_groups_by_the_options_in_order() -> None:
    g, issues = by_question(_survey([101, 147, 151], ["Nej", "Ja", None]), "Q1")
    assert (g.by, g.labels, g.members) == ("q1", ("Ja", "Nej"), (1, 0, -1))
    assert "har ikke svaret på q1" in issues[0].message


def test_by_question_refuses_unknown_ids_and_multi_select() -> None:
    s = _survey([101])
    with pytest.raises(InputError, match="--by q9") as err:
        by_question(s, "q9")
    assert err.value.hint is not None and "q1" in err.value.hint
    with pytest.raises(InputError, match="kun enkeltvalgsspørgsmål"):
        by_question(s, "q2")


def test_groups_csv_is_matched_like_an_export_and_names_the_unknown(example: Survey) -> None:
    g, issues = by_file(example, GROUPS_CSV, "Størrelse")
    assert g.labels == ("Stor", "Mellem", "Lille")  # order of first appearance
    placed = Counter(g.labels[i] for i in g.members if i >= 0)
    # 0101, Aarhus Kommune and 461 (Odense); Greve and Herlev; Læsø did not answer
    assert placed == {"Stor": 3, "Mellem": 2}
    assert g.populations == (None, None, None)  # the file does not cover all 98
    by_code = {i.code: i for i in issues}
    unknown = by_code["groups-unknown-municipality"]
    assert "»Vesterby Kommune«" in unknown.message and unknown.where.row == 7
    assert "Frederiksberg (147)" in by_code["groups-missing-municipality"].message
    assert "Vallensbæk (187)" in by_code["groups-incomplete"].message
    assert "breakdown-unplaced" not in by_code  # everyone has a municipality


def test_a_complete_groups_xlsx_gives_each_group_its_population(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Kode", "Navn", "Kommunegruppe"])
    for m in mun.register():
        ws.append([m.code, f"{m.name} Kommune", "Øst" if m.code < 400 else "Vest"])
    path = tmp_path / "grupper.xlsx"
    wb.save(path)
    g, issues = resolve(_survey([101, 851, 147]), "kommunegruppe", path)
    east = sum(1 for m in mun.register() if m.code < 400)
    assert g.labels == ("Øst", "Vest") and g.populations == (east, 98 - east)
    assert g.members == (0, 1, 0) and not issues


def test_groups_file_errors_name_the_file_and_the_fix(tmp_path: Path) -> None:
    s = _survey([101])
    with pytest.raises(InputError, match="ingen kolonne »Region«") as err:
        by_file(s, GROUPS_CSV, "Region")
    assert "»Størrelse«" in (err.value.hint or "")
    twice = tmp_path / "to.csv"
    twice.write_text("Kommune;Gruppe\n101;A\nKøbenhavn;B\nGreve;A\n", encoding="utf-8")
    with pytest.raises(InputError, match="København står i to grupper") as err:
        by_file(s, twice, "Gruppe")
    assert err.value.row == 3
    none = tmp_path / "ingen.csv"
    none.write_text("Navn;Gruppe\nx;A\ny;B\nz;A\n", encoding="utf-8")
    with pytest.raises(InputError, match="ingen kolonne med kommuner"):
        by_file(s, none, "Gruppe")
