"""Qualtrics quirks: three header rows or legacy two, ImportIds, Status and Finished."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kl_survey.analysis import analyse
from kl_survey.readers import ReadOptions, read_survey
from kl_survey.readers.base import Probe
from kl_survey.readers.tools.qualtrics import READER

from paths import REAL_EXPORTS

SAMPLES = REAL_EXPORTS / "qualtrics-qualtRics"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="real exports not available")
MUNIS = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers", "Viborg", "Kolding"]


@needs_samples
@pytest.mark.parametrize("name", ["sample.csv", "sample_legacy.csv"])
def test_real_sample_exports(name: str) -> None:
    """qualtRics' German-UI samples: one respondent, a coded choice and a free text."""
    path = SAMPLES / name
    assert max((r.detect(Probe(path)), r.name) for r in _readers())[1] == "qualtrics"
    survey = read_survey(path)
    assert survey.source.format == "qualtrics"
    assert survey.n == 1
    assert survey.respondents["id"].tolist() == ["R_2YPOQ602ER1jkf1"]
    assert survey.respondents["complete"].tolist() == [True]
    q1, q2 = survey.questions  # "Q2 - Topics" (Text iQ) and the metadata are not questions
    assert (q1.id, q1.text, q1.type.value) == ("q1", "This is a multiple choice question.",
                                               "single")
    assert q1.options == ("2",) and survey.answers["q1"].tolist() == ["2"]
    assert (q2.text, q2.type.value) == ("This is a free text question.", "text")
    assert survey.answers["q2"].tolist() == ["Hello World!"]
    assert q1.columns == ("Q1",) and q2.columns == ("Q2",)


def _readers() -> list:
    from kl_survey.readers import readers

    return readers()


def _imp(x: str) -> str:
    return '{"ImportId":"' + x + '"}'


def _v3(tmp_path: Path, statuses: list[str], finished: list[str]) -> Path:
    rows = [
        ["StartDate", "Status", "Finished", "ResponseId", "Kommune", "Q1", "Q2",
         "Q3_1", "Q3_2", "Q3_2_TEXT", "Q4", "Q4 - Topics", "Q5"],
        ["Start Date", "Response Type", "Finished", "Response ID", "Kommune",
         "Hvor tilfreds er I? - Med BUP", "Hvor tilfreds er I? - Med regionen",
         "Kanaler - Aula", "Kanaler - Andet, angiv", "Kanaler - Andet, angiv - Text",
         "Kommentar", "Q4 - Topics", "Timer pr. uge"],
        [_imp("startDate"), _imp("status"), _imp("finished"), _imp("_recordId"),
         _imp("Kommune"), _imp("QID1_1"), _imp("QID1_2"), _imp("QID3_1"), _imp("QID3_2"),
         _imp("QID3_2_TEXT"), _imp("QID4_TEXT"), _imp("QID4_TEXT_abcTopics"), _imp("QID5_TEXT")],
    ]
    for i, muni in enumerate(MUNIS):
        rows.append(["2025-05-19", statuses[i], finished[i], f"R_{i}", muni,
                     ["Tilfreds", "Utilfreds"][i % 2], ["Meget tilfreds", "Tilfreds"][i % 2],
                     "1" if i % 2 else "", "1" if i in (0, 4) else "",
                     {0: "Lokalavis", 4: "Plakater"}.get(i, ""),
                     "Godt" if i == 3 else "", "", f"{10 + i * 7},5"])
    path = tmp_path / "q.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_preview_test_and_spam_rows_are_left_out(tmp_path: Path) -> None:
    statuses = ["0", "1", "0", "2", "0", "8", "0", "0"]
    survey = read_survey(_v3(tmp_path, statuses, ["1"] * 8))
    assert survey.respondents["id"].tolist() == ["R_0", "R_2", "R_4", "R_6", "R_7"]
    assert survey.respondents["row"].tolist() == [4, 6, 8, 10, 11]
    assert any("3 besvarelser fra forhåndsvisning, test eller spam" in n for n in survey.notes)


def test_finished_zero_is_partial(tmp_path: Path) -> None:
    path = _v3(tmp_path, ["0"] * 8, ["1", "1", "0", "1", "1", "1", "0", "1"])
    assert analyse(read_survey(path)).partial == 2
    assert read_survey(path, options=ReadOptions(complete_only=True)).n == 6


def test_matrix_rows_text_entry_and_split_columns(tmp_path: Path) -> None:
    survey = read_survey(_v3(tmp_path, ["0"] * 8, ["1"] * 8))
    texts = [(q.id, q.text, q.type.value) for q in survey.questions]
    assert texts == [
        ("q1", "Hvor tilfreds er I?", "grid"),
        ("q2", "Kanaler", "multi"),
        ("q3", "Kommentar", "text"),
        ("q4", "Timer pr. uge", "numeric"),
    ]
    assert survey.question("q1").rows == ("Med BUP", "Med regionen")
    assert survey.question("q2").options == ("Aula", "Andet, angiv")
    assert survey.answers["q2"]["Aula"].tolist() == [False, True] * 4
    assert analyse(survey).questions[1].other == ("Lokalavis", "Plakater")
    assert survey.answers["q4"].tolist()[:2] == [10.5, 17.5]
    assert survey.respondents["municipality"].notna().all()


def test_comma_joined_codes(tmp_path: Path) -> None:
    rows = [["Status", "Finished", "Kommune", "Q1"], ["Response Type", "Finished", "Kommune",
                                                      "Hvilke kanaler?"],
            [_imp("status"), _imp("finished"), _imp("Kommune"), _imp("QID1")]]
    cells = ["1,2", "2", "1,3", "3", "1,2,3", "2,3"]
    rows += [["0", "1", MUNIS[i], c] for i, c in enumerate(cells)]
    path = tmp_path / "codes.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    q = read_survey(path).questions[0]
    assert q.type.value == "multi" and q.options == ("1", "2", "3")


def test_detection(tmp_path: Path) -> None:
    assert READER.detect(Probe(_v3(tmp_path, ["0"] * 8, ["1"] * 8))) >= 0.9
    plain = tmp_path / "plain.csv"
    plain.write_text("StartDate,EndDate,Status,ResponseId,Finished,Q1\n1,2,0,R,1,Ja\n",
                     encoding="utf-8")
    assert READER.detect(Probe(plain)) == pytest.approx(0.5)


def test_sliders_are_a_numeric_grid_with_n_mean_and_median(tmp_path: Path) -> None:
    """Case 3: 0-100 sliders (63-91 distinct integers) were single choice with 91 options;
    two sliders of one question are one numeric grid, a number per row (issue 16)."""
    values = [[(i * 37 + 11) % 101, (i * 53 + 29) % 101] for i in range(120)]
    rows = [["Status", "Finished", "Q1_1", "Q1_2"],
            ["Response Type", "Finished", "Anbefaler I tilbuddet? - Forældre",
             "Anbefaler I tilbuddet? - Skoler"],
            [_imp("status"), _imp("finished"), _imp("QID1_1"), _imp("QID1_2")]]
    rows += [["0", "1", str(a), str(b)] for a, b in values]
    path = tmp_path / "slider.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    survey = read_survey(path)
    assert [(q.text, q.type.value, q.rows) for q in survey.questions] == [
        ("Anbefaler I tilbuddet?", "numeric_grid", ("Forældre", "Skoler"))]
    grid = analyse(survey).questions[0].grid
    assert grid is not None
    stats = grid.numeric_rows[0].cells[0].stats
    first = sorted(a for a, _ in values)
    assert stats is not None and stats.n == 120
    assert stats.mean == pytest.approx(sum(first) / 120)
    assert stats.median == pytest.approx((first[59] + first[60]) / 2)


def test_comma_joined_lower_case_options_are_split(tmp_path: Path) -> None:
    """Case 4: ``yellow,black`` stayed one option (the README says it is split)."""
    rows = [["Status", "Q1"], ["Response Type", "Which colours?"],
            [_imp("status"), _imp("QID1")]]
    cells = ["yellow,black", "black,green", "black,blue", "black,green,blue,red", "green",
             "yellow,black,green,blue", "green,blue", "blue,red", "green", "yellow,green,blue",
             "yellow,black,blue", "green,blue,red"]
    rows += [["0", c] for c in cells]
    path = tmp_path / "colours.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    r = analyse(read_survey(path)).questions[0]
    assert r.question.type.value == "multi" and r.base == 12
    assert {o.label: o.count for o in r.options} == {
        c: sum(c in cell.split(",") for cell in cells)
        for c in ("yellow", "black", "green", "blue", "red")}


def test_insights_export_with_single_quoted_import_ids(tmp_path: Path) -> None:
    """The "Insights" CSV writes ``{'ImportId': 'QID2-1'}``: same columns, other spelling."""
    rows = [["Status", "Q1", "Q2_1", "Q2_2", "Q3"],
            ["Status", "Er I i gang?", "Kanaler - Aula", "Kanaler - Hjemmeside", "Kommentar"],
            ["{'ImportId': 'status'}", "{'ImportId': 'QID1'}", "{'ImportId': 'QID2-1'}",
             "{'ImportId': 'QID2-2'}", "{'ImportId': 'QID3-TEXT'}"]]
    rows += [["0", ["1", "2"][i % 2], "1" if i % 2 else "", "1", f"Tekst {i}"] for i in range(6)]
    path = tmp_path / "insights.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    survey = read_survey(path)
    assert READER.detect(Probe(path)) >= 0.9
    assert [(q.text, q.type.value) for q in survey.questions] == [
        ("Er I i gang?", "single"), ("Kanaler", "multi"), ("Kommentar", "text")]
