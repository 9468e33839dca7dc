"""Microsoft Forms quirks: fixed and quiz columns, ";"-joined ticks, "Other" text in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from kl_survey.analysis import analyse
from kl_survey.readers import read_survey
from kl_survey.readers.base import Probe
from kl_survey.readers.tools.msforms import READER

from fixtures.msforms_quiz import CHANNELS, write_form


def test_fixed_and_quiz_columns_are_not_questions(tmp_path: Path) -> None:
    survey = read_survey(write_form(tmp_path / "f.xlsx"))
    assert survey.source.format == "msforms" and survey.source.sheet == "Form1"
    texts = [q.text for q in survey.questions]
    assert texts == ["How do you inform citizens?", "Is it running?", "Comments"]
    assert [q.id for q in survey.questions] == ["q1", "q2", "q3"]
    assert survey.respondents["id"].tolist()[:3] == ["1", "2", "3"]
    assert survey.respondents["municipality"].notna().all()


def test_other_text_is_grouped_under_andet_and_kept(tmp_path: Path) -> None:
    survey = read_survey(write_form(tmp_path / "f.xlsx"))
    q1 = survey.question("q1")
    assert q1.type.value == "multi"
    assert q1.options == ("Website", "Aula", "Newsletter", "Andet")
    res = analyse(survey).questions[0]
    counts = {o.label: o.count for o in res.options}
    assert counts["Andet"] == 2
    assert sorted(res.other) == ["Local radio, every week", "Posters at the library"]
    assert counts["Website"] == sum("Website" in CHANNELS[i % 6] for i in range(22)
                                    if i not in (7,))


def test_few_answers_keep_one_off_options(tmp_path: Path) -> None:
    """Under 20 answers a one-off option cannot be told from free text: keep it."""
    path = tmp_path / "small.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["Id", "Starttidspunkt", "Fuldførelsestidspunkt", "Mail", "Navn", "1. Kanaler"])
    for i, cell in enumerate(["Aula;", "Aula;Hjemmeside;", "Plakater;"]):
        ws.append([i + 1, "x", "y", "anonymous", None, cell])
    wb.save(path)
    q = read_survey(path).questions[0]
    assert q.id == "q1" and q.text == "Kanaler"
    assert set(q.options) == {"Aula", "Hjemmeside", "Plakater"}


def test_detection(tmp_path: Path) -> None:
    assert READER.detect(Probe(write_form(tmp_path / "a.xlsx"))) >= 0.9
    # re-saved under another sheet name: still Forms' columns, but less sure
    assert READER.detect(Probe(write_form(tmp_path / "b.xlsx", sheet="Ark1"))) == pytest.approx(0.7)
    other = tmp_path / "c.csv"
    other.write_text("Kommune;Spørgsmål\nAarhus;Ja\n", encoding="utf-8")
    assert READER.detect(Probe(other)) == 0.0
