"""The generic reader: hand-built sheets in every CSV encoding and delimiter, and the
three multi-select header styles."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd
import pytest

from kl_survey.analysis import analyse
from kl_survey.model import QType
from kl_survey.output.results import to_dict
from kl_survey.readers import read_survey

from paths import EXAMPLE


def _example_rows() -> tuple[list[str], list[list[object]]]:
    sys.path.insert(0, str(EXAMPLE.parent))
    import generate  # type: ignore[import-not-found]

    return generate.rows()


def _results(path: Path) -> dict:
    doc = to_dict(analyse(read_survey(path)))
    del doc["source"]
    return doc


@pytest.fixture(scope="module")
def from_xlsx() -> dict:
    return _results(EXAMPLE)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_in_every_encoding_and_delimiter_matches_the_xlsx(
        tmp_path: Path, encoding: str, delimiter: str, from_xlsx: dict) -> None:
    header, body = _example_rows()
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in body])
    path = tmp_path / "besvarelser.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    assert _results(path) == from_xlsx


def _write(tmp_path: Path, header: list[str], rows: list[list[object]]) -> Path:
    path = tmp_path / "ark.csv"
    frame = pd.DataFrame(rows, columns=header)
    path.write_text(frame.to_csv(index=False, sep=";"), encoding="utf-8")
    return path


@pytest.mark.parametrize("style", ["{q} - {o}", "{q} [{o}]", "{q}: {o}"])
def test_multi_select_header_styles_and_tick_values(tmp_path: Path, style: str) -> None:
    q = "3. Hvem har I informeret?"
    header = ["Kommune", *(style.format(q=q, o=o) for o in ("PPR", "Skoler", "Andet"))]
    rows = [
        ["Aarhus", "X", "", ""],
        ["Odense", "1", "Ja", "Via lokalavisen"],  # free text under "Andet" counts as a tick
        ["Aalborg", "Valgt", "Ikke valgt", ""],
        ["Vejle", "0", "Nej", ""],  # nothing ticked: out of the base
        ["Esbjerg", "", "x", ""],
    ]
    survey = read_survey(_write(tmp_path, header, rows))
    (question,) = survey.questions
    assert question.type is QType.MULTI
    assert question.options == ("PPR", "Skoler", "Andet")
    (r,) = analyse(survey).questions
    assert r.base == 4
    assert [o.count for o in r.options] == [3, 2, 1]
    assert r.other == ("Via lokalavisen",)


def test_packed_cells_with_trailing_semicolon_are_multi_select(tmp_path: Path) -> None:
    header = ["Kommune", "2. Kanaler"]
    rows = [["Aarhus", "Hjemmeside;Aula;"], ["Odense", "Aula;"], ["Aalborg", "Hjemmeside;"],
            ["Vejle", "Sundhed.dk;Aula;"]]
    survey = read_survey(_write(tmp_path, header, rows))
    (r,) = analyse(survey).questions
    assert r.question.type is QType.MULTI
    assert {o.label: o.count for o in r.options} == {"Aula": 3, "Hjemmeside": 2, "Sundhed.dk": 1}
    assert r.base == 4


def test_empty_rows_are_dropped_and_rows_without_answers_are_not_respondents(
        tmp_path: Path) -> None:
    path = tmp_path / "ark.csv"
    path.write_text("Kommune;1. Er I i gang?\nAarhus;Ja\n;\nOdense;\nAalborg;Nej\n",
                    encoding="utf-8")
    survey = read_survey(path)
    assert survey.n == 2
    assert survey.respondents["row"].tolist() == [2, 5]
    assert any("uden svar" in note for note in survey.notes)


def test_numeric_and_text_questions_are_recognised(tmp_path: Path) -> None:
    header = ["Kommune", "4. Antal årsværk", "5. Bemærkninger"]
    names = ["Aarhus", "Odense", "Aalborg", "Vejle", "Esbjerg", "Randers", "Kolding",
             "Horsens", "Silkeborg", "Herning", "Roskilde", "Næstved", "Slagelse", "Holbæk"]
    rows = [[n, f"{i},5" if i % 2 else str(i * 3), f"Vi har ansat {i} nye medarbejdere i år"]
            for i, n in enumerate(names, start=1)]
    survey = read_survey(_write(tmp_path, header, rows))
    types = {q.number: q.type for q in survey.questions}
    assert types == {4: QType.NUMERIC, 5: QType.TEXT}
    numeric, text = analyse(survey).questions
    assert numeric.stats is not None and numeric.stats.min == 1.5
    assert len(text.answers) == len(names)


def test_a_column_with_answers_but_no_header_is_kept_and_warned_about(tmp_path: Path) -> None:
    """Issue 10 #4: columns with empty headers were silently dropped."""
    path = tmp_path / "ark.csv"
    path.write_text("Kommune;1. Er I i gang?;;\nAarhus;Ja;Fint;\nOdense;Nej;;\nVejle;Ja;Godt;\n",
                    encoding="utf-8")
    survey = read_survey(path)
    assert [q.text for q in survey.questions] == ["Er I i gang?", "Kolonne C"]
    assert survey.answers["q2"].dropna().tolist() == ["Fint", "Godt"]
    (issue,) = survey.issues
    assert issue.code == "header-missing" and issue.where.column == "C"
    assert "Kolonne C har svar, men ingen overskrift" in issue.message


@pytest.mark.parametrize("tick", ["x", "checked", "Valgt", "1"])
def test_every_tick_word_gives_the_same_multi_select(tmp_path: Path, tick: str) -> None:
    """Regression: `checked` made two single-choice questions, `x` one multi-select."""
    header = ["Kommune", "Brug - Mail", "Brug - Telefon"]
    rows = [["Aarhus", tick, ""], ["Odense", "", tick], ["Vejle", tick, tick]]
    (q,) = read_survey(_write(tmp_path, header, rows)).questions
    assert q.type is QType.MULTI and q.options == ("Mail", "Telefon")


def test_dates_and_free_text_are_not_options(tmp_path: Path) -> None:
    """Case 2: a column of dates and short answers that mostly differ."""
    header = ["Kommune", "Hvornår startede I?", "Hvad hedder tilbuddet?"]
    names = ["Aarhus", "Odense", "Vejle", "Aalborg", "Esbjerg", "Randers", "Kolding",
             "Horsens", "Viborg", "Herning", "Holbæk", "Køge"]
    rows = [[n, f"2024-0{1 + i % 3}-1{i % 10}", ["Headspace", f"Tilbud {i}"][i % 2]]
            for i, n in enumerate(names)]
    survey = read_survey(_write(tmp_path, header, rows))
    assert [q.type for q in survey.questions] == [QType.TEXT, QType.TEXT]
