"""SurveyMonkey quirks: two header rows, blank cells continuing a question, option text
as the tick, "Other (please specify)" text, matrices, open-ended answers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from kl_survey.analysis import analyse
from kl_survey.readers import read_survey
from kl_survey.readers.base import Probe
from kl_survey.readers.tools.surveymonkey import READER

MUNIS = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers"]
ROW1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
        "Email Address", "First Name", "Last Name", "Custom Data 1", "Kommune",
        "Er tilbuddet i drift?", None, "Hvilke kanaler bruger I?", None, None,
        "Hvor enig er du?", None, "Kommentarer"]
ROW2 = [None] * 9 + ["Response", "Response", "Other (please specify)", "Aula", "Hjemmeside",
                     "Other (please specify)", "Samarbejdet virker", "Vi får hjælp",
                     "Open-Ended Response"]


def _rows() -> list[list[object]]:
    rows: list[list[object]] = [ROW1, ROW2]
    for i, muni in enumerate(MUNIS):
        rows.append([1000 + i, 42, "05/19/2025", "05/19/2025", "1.2.3.4", None, None, None,
                     None, muni, ["Ja", "Nej", "Andet"][i % 3],
                     "Kun om sommeren" if i % 3 == 2 else None,
                     "Aula" if i % 2 else None, "Hjemmeside",
                     "Lokalavisen" if i == 4 else None,
                     ["Enig", "Uenig", "Helt enig"][i % 3], ["Enig", "Uenig"][i % 2],
                     "Fint" if i == 1 else None])
    return rows


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    for row in _rows():
        wb.active.append(row)
    wb.save(path)
    return path


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in r] for r in _rows()])
    return path


@pytest.mark.parametrize("write", [_xlsx, _csv])
def test_two_header_rows(tmp_path: Path, write) -> None:
    survey = read_survey(write(tmp_path / ("f.xlsx" if write is _xlsx else "f.csv")))
    assert survey.source.format == "surveymonkey"
    got = [(q.id, q.text, q.type.value) for q in survey.questions]
    assert got == [
        ("q1", "Er tilbuddet i drift?", "single"),
        ("q2", "Hvilke kanaler bruger I?", "multi"),
        ("q3", "Hvor enig er du?", "grid"),
        ("q4", "Kommentarer", "text"),
    ]
    assert survey.question("q3").rows == ("Samarbejdet virker", "Vi får hjælp")
    assert survey.respondents["id"].tolist() == [str(1000 + i) for i in range(6)]
    assert survey.respondents["municipality"].notna().all()
    a = analyse(survey)
    assert a.questions[0].other == ("Kun om sommeren", "Kun om sommeren")
    q2 = a.questions[1]
    assert {o.label: o.count for o in q2.options} == {
        "Aula": 3, "Hjemmeside": 6, "Other (please specify)": 1}
    assert q2.other == ("Lokalavisen",)


def test_detection(tmp_path: Path) -> None:
    assert READER.detect(Probe(_xlsx(tmp_path / "a.xlsx"))) >= 0.9
    no_row2 = tmp_path / "b.csv"
    no_row2.write_text("Respondent ID,Collector ID,Q\n1,2,Ja\n", encoding="utf-8")
    assert READER.detect(Probe(no_row2)) == pytest.approx(0.7)
    other = tmp_path / "c.csv"
    other.write_text("Respondent,Q\n1,Ja\n", encoding="utf-8")
    assert READER.detect(Probe(other)) == 0.0


LONG = ["Ja, tilbuddet er fuldt implementeret i hele kommunen, og alle relevante medarbejdere i "
        "forvaltningen, på skolerne og i sundhedsplejen er informeret om det, " + "især " * 30,
        "Delvist: tilbuddet er i drift i dele af kommunen, og resten følger i løbet af 2025",
        "Nej, men det forventes i drift inden udgangen af 2025, når budgettet er vedtaget"]


def _issue_layout(path: Path, meta: list[str]) -> Path:
    """Issue 9 case 1: Respondent ID, the bookkeeping columns blank or removed, row 2
    ``Response``/``Open-Ended Response``; 86 respondents."""
    row1 = ["Respondent ID", *meta, "Er tilbuddet i drift?", "Hvilke kanaler bruger I?",
            "Bemærkninger"]
    row2 = [""] * (1 + len(meta)) + ["Response", "Response", "Open-Ended Response"]
    rows = [row1, row2]
    for i in range(86):
        rows.append([str(11_800_000_000 + i), *[""] * len(meta), LONG[[0, 0, 1, 2, 0][i % 5]],
                     "; ".join(c for k, c in enumerate(["Aula", "Hjemmeside", "Facebook"])
                               if (i + k) % 3) or "Aula",
                     f"Bemærkning nummer {i}" if i % 4 == 0 else ""])
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize("meta", [[], ["Collector ID", "Start Date", "End Date", "IP Address",
                                        "Email Address", "First Name", "Last Name",
                                        "Custom Data 1"]])
def test_the_csv_is_detected_and_read_as_the_issue_describes(tmp_path: Path,
                                                               meta: list[str]) -> None:
    path = _issue_layout(tmp_path / "monkey.csv", meta)
    assert READER.detect(Probe(path)) >= 0.9
    survey = read_survey(path)
    assert survey.source.format == "surveymonkey"
    assert survey.n == 86  # row 2 ("Response") is no respondent
    q1, q2, q3 = survey.questions
    assert q1.type.value == "single" and len(q1.options) == 3  # 82-250+ characters each
    assert max(len(o) for o in q1.options) > 250
    assert "Response" not in q1.options
    assert q2.type.value == "multi" and q2.options == ("Aula", "Hjemmeside", "Facebook")
    assert q3.type.value == "text"
    a = analyse(survey)
    assert a.questions[1].base == 86
    assert {o.label: o.count for o in a.questions[1].options} == {
        "Aula": sum(1 for i in range(86) if i % 3),
        "Hjemmeside": sum(1 for i in range(86) if (i + 1) % 3),
        "Facebook": sum(1 for i in range(86) if (i + 2) % 3)}
