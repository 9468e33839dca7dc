"""Google Forms quirks: quoted CSV, ", "-joined checkboxes whose labels hold commas, grids."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from kl_survey.analysis import analyse
from kl_survey.readers import read_survey
from kl_survey.readers.base import Probe
from kl_survey.readers.tools.googleforms import READER

MUNIS = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers", "Viborg", "Kolding",
         "Silkeborg", "Herning", "Horsens", "Roskilde", "Næstved", "Slagelse", "Gentofte",
         "Holbæk", "Skanderborg", "Hjørring", "Helsingør", "Køge", "Gladsaxe", "Frederikshavn"]
HELP = ["BUP hjælper med at afklare, om et barn skal henvises",
        "Fælles konferencer", "Ja, til PPR"]
PICKS = [(0,), (0, 1), (1, 2), (2,), (0, 2), (0, 1, 2)]
TICKS = [tuple(HELP[k] for k in pick) for pick in PICKS]
COMMENT = "Godt samarbejde, men ventetiden er lang, og vi mangler hjælp til de mindste børn"
SINGLE = ["Ja, KL's anbefaling", "Nej", "Ja, KL's anbefaling", "Ved ikke"]


def _write(path: Path, rows: list[list[str]], quote_all: bool = True) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerows(rows)
    return path


def _rows(sep: str = ", ") -> list[list[str]]:
    rows = [["Tidsstempel", "E-mailadresse", "Kommune", "Hvordan hjælper BUP?",
             "Følger I anbefalingen?", "Hvor enig er du? [Samarbejdet virker]",
             "Hvor enig er du? [Vi får hjælp]", "Kommentarer"]]
    for i, muni in enumerate(MUNIS):
        ticks = sep.join(TICKS[i % len(TICKS)])
        if i == 5:
            ticks = f"{HELP[1]}{sep}Vi ringer til dem, når det brænder"
        rows.append([f"2025/05/19 9:{i:02d}:00 AM CEST", f"k{i}@x.dk", muni, ticks,
                     SINGLE[i % 4], ["Enig", "Uenig", "Helt enig"][i % 3],
                     ["Enig", "Uenig"][i % 2],
                     COMMENT if i == 2 else ""])
    return rows


def test_labels_with_commas_are_matched_not_split(tmp_path: Path) -> None:
    survey = read_survey(_write(tmp_path / "svar.csv", _rows()))
    assert survey.source.format == "googleforms"
    q = survey.question("q1")
    assert q.type.value == "multi"
    assert q.options == (*HELP, "Andet")
    res = analyse(survey).questions[0]
    counts = {o.label: o.count for o in res.options}
    expected = {h: sum(h in TICKS[i % 6] for i in range(22) if i != 5) for h in HELP}
    expected[HELP[1]] += 1
    assert counts == {**expected, "Andet": 1}
    assert res.other == ("Vi ringer til dem, når det brænder",)


def test_semicolon_joined_checkboxes(tmp_path: Path) -> None:
    survey = read_survey(_write(tmp_path / "svar.csv", _rows(";")))
    assert survey.question("q1").options == (*HELP, "Andet")


def test_single_choice_label_with_comma_and_capital_stays_one_option(tmp_path: Path) -> None:
    survey = read_survey(_write(tmp_path / "svar.csv", _rows()))
    q = survey.question("q2")
    assert q.type.value == "single"
    assert set(q.options) == {"Ja, KL's anbefaling", "Nej", "Ved ikke"}


def test_grid_is_one_grid_question_and_text_stays_text(tmp_path: Path) -> None:
    """Issue 16: ``Q [Row]`` columns holding labels are one grid, not a multi-select and
    not one question per row."""
    survey = read_survey(_write(tmp_path / "svar.csv", _rows()))
    (grid,) = [q for q in survey.questions if q.text.startswith("Hvor enig")]
    assert (grid.text, grid.type.value) == ("Hvor enig er du?", "grid")
    assert grid.rows == ("Samarbejdet virker", "Vi får hjælp")
    assert grid.options == ("Helt enig", "Enig", "Uenig")  # scale order, not frequency
    q1 = survey.question("q1")
    assert q1.type.value == "multi"  # the checkbox question beside it
    comments = survey.questions[-1]
    assert comments.type.value == "text"
    assert survey.answers[comments.id].dropna().tolist() == [COMMENT]
    assert "E-mailadresse" not in [q.text for q in survey.questions]


def test_detection(tmp_path: Path) -> None:
    assert READER.detect(Probe(_write(tmp_path / "a.csv", _rows()))) >= 0.9
    resaved = _write(tmp_path / "b.csv", _rows(), quote_all=False)
    assert READER.detect(Probe(resaved)) == pytest.approx(0.7)
    wb = Workbook()
    wb.active.title = "Formularsvar 1"
    for row in _rows():
        wb.active.append(row)
    wb.save(tmp_path / "c.xlsx")
    assert READER.detect(Probe(tmp_path / "c.xlsx")) >= 0.9
    plain = _write(tmp_path / "d.csv", [["Kommune", "Svar"], ["Aarhus", "Ja"]])
    assert READER.detect(Probe(plain)) == 0.0
