"""Malformed CSV: a quote that swallows rows is refused; a cut-off last row is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from kl_survey.errors import InputError
from kl_survey.readers.source import read_table
from kl_survey.readers.source.csvcheck import fields_in

from fixtures.raw_tables import grid, write
from paths import REAL_EXPORTS

HEADER = "id;svar;antal\n"


def test_an_unbalanced_quote_that_swallows_rows_is_refused(tmp_path: Path) -> None:
    """Rows 3-6 used to become one respondent whose answer held the other three."""
    text = HEADER + '1;Ja;2\n2;"Ja, men;3\n3;Ja;1\n4;Ja;2\n5;Nej";4\n6;Nej;1\n'
    with pytest.raises(InputError) as info:
        read_table(write(tmp_path / "svar.csv", text))
    line = info.value.one_line()
    assert "svar.csv, række 3: Et anførselstegn lukkes ikke" in line and "tabt" in line
    assert "de næste 3 linjer" in line
    assert '""' in line  # how to write a quote inside a field


def test_swallowed_rows_without_respondent_numbers_are_an_error_finding(tmp_path: Path) -> None:
    """When the rows do not start with a number or a date, valid CSV that merely looks
    like swallowed rows cannot be told apart: the read goes on, validate fails."""
    text = ("Kommune;Svar;Antal\nAarhus;Ja;2\nOdense;\"Ja, men;3\nKøge;Ja;1\n"
            "Vejle;Ja;2\nHorsens;Nej\";4\nRanders;Nej;1\n")
    table = read_table(write(tmp_path / "svar.csv", text))
    assert [(i.code, i.severity.value, i.where.row, i.where.column) for i in table.issues] == [
        ("csv-quote-suspect", "error", 3, "B")]
    assert "3 linjer" in table.issues[0].message


def test_a_quote_never_closed_swallows_the_rest_of_the_file(tmp_path: Path) -> None:
    text = "id;svar\n1;Ja\n2;\"Nej\n3;Ja\n4;Nej\n"
    with pytest.raises(InputError, match=r"så resten af filen \(2 linjer") as info:
        read_table(write(tmp_path / "svar.csv", text))
    assert info.value.row == 3


def test_a_quote_never_closed_in_a_ragged_file(tmp_path: Path) -> None:
    text = HEADER + '1;Ja;2\n2;"Ja, men;3\n3;Ja\n'
    with pytest.raises(InputError, match="lukkes aldrig") as info:
        read_table(write(tmp_path / "svar.csv", text))
    assert info.value.row == 3


def test_one_swallowed_line_is_a_warning_with_its_place(tmp_path: Path) -> None:
    """One line that starts like the other rows (with their respondent number)."""
    text = HEADER + '1;Ja;2\n2;"Ja, men;3\n3;Nej";4\n4;Nej;1\n'
    table = read_table(write(tmp_path / "svar.csv", text))
    assert [(i.code, i.where.row, i.where.column) for i in table.issues] == [
        ("csv-quote-suspect", 3, "B")]
    prose = HEADER + '1;Ja;2\n2;"Ja, men;3\nsom; nævnt";4\n4;Nej;1\n'
    assert read_table(write(tmp_path / "prosa.csv", prose)).issues == ()


@pytest.mark.parametrize(
    "text",
    [HEADER + '1;"Første linje\nanden linje";2\n2;Nej;1\n',
     HEADER + '1;"Tekst med; semikolon\nog en linje mere; og endnu et";2\n',
     "id,svar,note\n1,Ja,\"Hej,\nmed venlig hilsen, Bo\"\n2,Nej,\n",
     HEADER + '1;"  Enig  \n";2\n',  # SurveyXact pads texts with newlines
     "q;v\n\"Hvor godt?\n\";1\n"],
)
def test_legitimate_line_breaks_in_cells_pass(tmp_path: Path, text: str) -> None:
    table = read_table(write(tmp_path / "ok.csv", text))
    assert table.issues == ()


def test_a_cut_off_last_row_is_a_warning_naming_it(tmp_path: Path) -> None:
    """The half row of an interrupted download was counted without a word."""
    table = read_table(write(tmp_path / "afkortet.csv", HEADER + "1;Ja;2\n2;Nej;1\n3;J"))
    assert grid(table)[-1] == ["3", "J", None]
    (issue,) = table.issues
    assert (issue.code, issue.severity.value, issue.where.row) == ("csv-row-cut-off", "warning", 4)
    assert "efter 2 af 3 felter" in issue.message and issue.hint


def test_cut_off_inside_a_quoted_field(tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "afkortet.csv", HEADER + '1;Ja;2\n2;Nej;"for'))
    (issue,) = table.issues
    assert issue.where.row == 3 and "anførselstegn" in issue.message
    with pytest.raises(InputError, match=r"lukkes aldrig \(er filen afkortet") as info:
        read_table(write(tmp_path / "kort.csv", HEADER + '1;Ja;2\n2;"Nej, for'))
    assert info.value.row == 3


@pytest.mark.parametrize(
    ("text", "codec"),
    [(HEADER + "1;Ja;2\n2;Nej;1", "utf-8"),  # no final line break, but a whole row
     (HEADER + "1;Ja;2\n2;Nej;\n", "utf-8"),
     ("\ufeff" + HEADER + "1;Ja;2\n2;Nej;1", "utf-16-le"),
     (HEADER + "1;Ja;2\n2;Nej\n", "utf-8")],  # ragged but ended: not cut off
)
def test_whole_last_rows_pass(tmp_path: Path, text: str, codec: str) -> None:
    assert read_table(write(tmp_path / "hel.csv", text, codec)).issues == ()


def test_utf16_cut_off(tmp_path: Path) -> None:
    path = write(tmp_path / "u16.csv", "\ufeff" + HEADER.replace(";", "\t") + "1\tJa\t2\n2\tN",
                 "utf-16-le")
    (issue,) = read_table(path).issues
    assert issue.code == "csv-row-cut-off" and issue.where.row == 3


def test_fields_in_counts_outside_quotes() -> None:
    assert fields_in('1;"a;b";c', ";") == 3
    assert fields_in("1,2", ",") == 2


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="shared/real-exports is not present")
def test_real_csv_exports_raise_no_structure_warnings() -> None:
    for path in sorted(REAL_EXPORTS.rglob("*.csv")):
        assert read_table(path).issues == (), path.name
