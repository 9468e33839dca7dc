"""LimeSurvey quirks: three heading styles, Y/empty ticks, [other], arrays, submitdate."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kl_survey.analysis import analyse
from kl_survey.readers import ReadOptions, read_survey
from kl_survey.readers.base import Probe
from kl_survey.readers.tools.limesurvey import READER

MUNIS = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers"]
META = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]


def _write(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(rows)
    return path


def _codes(tmp_path: Path) -> Path:
    """Bare code headings and answer codes: the export LimeSurvey makes by default."""
    header = [*META, "kommune", "Q1", "Q1[other]", "Q2[SQ001]", "Q2[SQ002]", "Q2[other]",
              "Q3[SQ001]", "Q3[SQ002]", "interviewtime", "groupTime5", "Q1Time"]
    rows: list[list[object]] = [header]
    for i, muni in enumerate(MUNIS):
        submitted = "" if i == 5 else "2025-05-19 10:00:00"
        rows.append([i + 1, submitted, 2, "da", 1, "2025-05-19", "2025-05-19", muni,
                     ["A1", "A2", "-oth-"][i % 3], "Egen løsning" if i % 3 == 2 else "",
                     "Y" if i % 2 else "", "Y", "Lokalavis" if i == 0 else "",
                     ["A1", "A2", "A3"][i % 3], ["A3", "A1"][i % 2], 100, 50, 20])
    return _write(tmp_path / "results.csv", rows)


def test_code_headings_use_codes_as_labels(tmp_path: Path) -> None:
    survey = read_survey(_codes(tmp_path))
    assert survey.source.format == "limesurvey"
    assert [q.id for q in survey.questions] == ["q1", "q2", "q3"]
    q1, q2 = survey.question("q1"), survey.question("q2")
    assert q1.type.value == "single" and set(q1.options) == {"A1", "A2", "Andet"}
    assert q2.type.value == "multi" and q2.options == ("SQ001", "SQ002", "Andet")
    a = analyse(survey)
    assert a.questions[0].other == ("Egen løsning", "Egen løsning")
    assert {o.label: o.count for o in a.questions[1].options} == {
        "SQ001": 3, "SQ002": 6, "Andet": 1}
    assert a.questions[1].other == ("Lokalavis",)


def test_an_array_is_one_grid_and_timings_are_not_questions(tmp_path: Path) -> None:
    survey = read_survey(_codes(tmp_path))
    q3 = survey.question("q3")
    assert (q3.text, q3.type.value, q3.rows) == ("Q3", "grid", ("SQ001", "SQ002"))
    assert set(q3.options) == {"A1", "A2", "A3"}
    assert not any("time" in q.text.lower() for q in survey.questions)


def test_empty_submitdate_is_partial(tmp_path: Path) -> None:
    path = _codes(tmp_path)
    survey = read_survey(path)
    assert survey.respondents["complete"].tolist() == [True] * 5 + [False]
    assert analyse(survey).partial == 1
    assert read_survey(path, options=ReadOptions(complete_only=True)).n == 5


def test_full_text_headings_with_ja_nej(tmp_path: Path) -> None:
    header = ["Svar-ID", "Dato indsendt", "Sidste side", "Startsprog", "Kommune",
              "Er tilbuddet i drift?", "Hvordan informerer I? [Hjemmeside]",
              "Hvordan informerer I? [Aula]", "Hvordan informerer I? [Andet]"]
    rows: list[list[object]] = [header]
    for i, muni in enumerate(MUNIS):
        rows.append([i + 1, "2025-05-19", 2, "da", muni, ["Ja", "Nej"][i % 2],
                     "Ja", "Nej" if i % 3 else "Ja", "Plakater" if i == 1 else ""])
    survey = read_survey(_write(tmp_path / "full.csv", rows, delimiter=";"))
    assert [q.text for q in survey.questions] == ["Er tilbuddet i drift?", "Hvordan informerer I?"]
    a = analyse(survey)
    assert {o.label: o.count for o in a.questions[1].options} == {
        "Hjemmeside": 6, "Aula": 2, "Andet": 1}
    assert a.questions[1].other == ("Plakater",)
    assert survey.respondents["id"].tolist() == ["1", "2", "3", "4", "5", "6"]


def test_detection(tmp_path: Path) -> None:
    assert READER.detect(Probe(_codes(tmp_path))) >= 0.9
    two = _write(tmp_path / "two.csv", [["id", "submitdate", "Spørgsmål"], ["1", "x", "Ja"]])
    assert READER.detect(Probe(two)) == pytest.approx(0.5)
    plain = _write(tmp_path / "plain.csv", [["id", "Spørgsmål"], ["1", "Ja"]])
    assert READER.detect(Probe(plain)) == 0.0


def test_bare_code_headings_without_metadata_are_limesurvey(tmp_path: Path) -> None:
    """limesurvey-plr: the metadata removed, only ``Q2[SQ001]``-style codes are left;
    a sheet whose brackets follow a space (``Brug [Mail]``) or hold one group is not it."""
    bare = _write(tmp_path / "bare.csv", [
        ["P", "Q2[SQ1]", "Q2[SQ2]", "Q3[SQ1]", "Q3[SQ2]", "Age"], ["S1", "1", "2", "3", "4", "20"]])
    assert READER.detect(Probe(bare)) == pytest.approx(0.4)
    assert read_survey(bare).source.format == "limesurvey"
    spaced = _write(tmp_path / "spaced.csv", [
        ["Kommune", "Brug [Mail]", "Brug [Tlf]", "Art [A]", "Art [B]"],
        ["Aarhus", "x", "", "x", ""]])
    one = _write(tmp_path / "one.csv", [["Q1", "Q2[SQ1]", "Q2[SQ2]"], ["1", "2", "3"]])
    prose = _write(tmp_path / "prose.csv", [
        ["Q2[SQ1]", "Q2[SQ2]", "Q3[SQ1]", "Q3[SQ2]", "Hvad mener I?"], ["1", "2", "3", "4", "x"]])
    for path in (spaced, one, prose):
        assert READER.detect(Probe(path)) == 0.0, path.name


def _code_text(tmp_path: Path) -> Path:
    """Case 5: ``code. text`` headings, metadata columns, Yes/No/N/A option columns."""
    header = ["id. Response ID", "submitdate. Date submitted", "lastpage. Last page",
              "startlanguage. Start language", "seed. Seed", "startdate. Date started",
              "datestamp. Date last action", "Ag2[SQ002]. Agreement [I voluntarily agree]",
              "Q2[SQ001]. Background [Engineering]", "Q2[SQ002]. Background [Computer science]",
              "Q2[other]. Background [Other]"]
    rows: list[list[object]] = [header]
    for i in range(12):
        shown = i not in (3, 7)
        rows.append([i + 1, "2025-05-19 10:00:00", 4, "en", 1234 + i, "2025-05-19",
                     "2025-05-19", "Yes", ("Yes" if i % 2 else "No") if shown else "N/A",
                     ("Yes" if i % 3 else "No") if shown else "N/A",
                     "Physics" if i == 4 else ""])
    return _write(tmp_path / "results.csv", rows, delimiter=";")


def test_code_and_text_headings_with_yes_no_na_option_columns(tmp_path: Path) -> None:
    path = _code_text(tmp_path)
    assert READER.detect(Probe(path)) >= 0.9
    survey = read_survey(path)
    assert survey.source.format == "limesurvey"
    assert [q.text for q in survey.questions] == [  # no metadata among them
        "Agreement [I voluntarily agree]", "Background"]
    assert survey.n == 12  # the N/A rows passed the question: still response records
    r = analyse(survey).questions[1]
    assert r.question.type.value == "multi"
    assert r.question.options == ("Engineering", "Computer science", "Other")
    shown = [i for i in range(12) if i not in (3, 7)]
    ticked = [i for i in shown if i % 2 or i % 3 or i == 4]
    assert r.base == len(ticked)  # the literal N/A is not in the base
    assert {o.label: o.count for o in r.options} == {
        "Engineering": sum(1 for i in shown if i % 2),
        "Computer science": sum(1 for i in shown if i % 3), "Other": 1}
    assert r.other == ("Physics",)


def test_answer_id_alone_with_bracket_headings_is_limesurvey(tmp_path: Path) -> None:
    path = _write(tmp_path / "results_english.csv",
                  [["Answer ID", "Background [A]", "Background [B]"], ["1", "Yes", "No"],
                   ["2", "N/A", "N/A"]], delimiter=";")
    assert READER.detect(Probe(path)) == pytest.approx(0.6)
    assert read_survey(path).source.format == "limesurvey"


def test_text_displays_and_equations_are_not_questions(tmp_path: Path) -> None:
    rows: list[list[object]] = [["id", "submitdate", "lastpage", "Q1", "Rating 1",
                                 "{sum(R1.relevanceStatus, R2.relevanceStatus)}"]]
    rows += [[i, "x", 1, ["Ja", "Nej"][i % 2], "", str(i % 3)] for i in range(6)]
    survey = read_survey(_write(tmp_path / "eq.csv", rows))
    assert [q.columns for q in survey.questions] == [("Q1",)]
