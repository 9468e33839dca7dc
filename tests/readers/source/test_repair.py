"""A UTF-8 file with a stray Windows-1252 byte: rows named, repaired only when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import InputError
from kl_survey.readers.source import SourceOptions, decode_text, read_table
from kl_survey.readers.source.repair import MAX_ISSUES

from fixtures.raw_tables import grid
from paths import REAL_EXPORTS

YES = "Ja, til børne- og ungeområdet"
NAMES = ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding",
         "Horsens", "Vejle", "Roskilde", "Herning", "Silkeborg", "Næstved", "Frederiksberg",
         "Viborg", "Køge", "Holstebro", "Slagelse", "Hillerød", "Sønderborg"]


def survey_csv(path: Path, bad_rows: tuple[int, ...] = (3,), padding: int = 0) -> Path:
    """Kommune;Svar;Note in UTF-8, except "ø" written as the one Windows-1252 byte in
    ``bad_rows`` (1-based, the header is row 1); each note holds ``padding`` letters,
    so with 30 000 the bad byte in row 5 lies beyond the 64 KB head."""
    lines = ["Kommune;Spørgsmål 1;Note".encode()]
    for i, name in enumerate(NAMES, start=2):
        answer = YES if i % 4 else "Nej"
        note = "x" * padding
        line = f"{name};{answer};{note}".encode()
        if i in bad_rows:
            line = line.replace("ø".encode(), b"\xf8")
        lines.append(line)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize(("padding", "bad"), [(0, (3, 7)), (30_000, (5, 7))])
def test_a_stray_byte_is_named_not_guessed(tmp_path: Path, padding: int,
                                           bad: tuple[int, int]) -> None:
    """It used to turn the whole file into Windows-1252: "bÃ¸rne" in 60 rows."""
    path = survey_csv(tmp_path / "svar.csv", bad_rows=bad, padding=padding)
    with pytest.raises(InputError) as info:
        read_table(path)
    line = info.value.one_line()
    assert "svar.csv" in line and f"Rækkerne {bad[0]} og {bad[1]}" in line and "UTF-8" in line
    assert "--repair-encoding" in line and "\n" not in line


@pytest.mark.parametrize(("padding", "bad"), [(0, (3, 7)), (30_000, (5, 7))])
def test_repair_reads_the_stray_bytes_as_windows_1252(tmp_path: Path, padding: int,
                                                      bad: tuple[int, int]) -> None:
    path = survey_csv(tmp_path / "svar.csv", bad_rows=bad, padding=padding)
    table = read_table(path, options=SourceOptions(repair_encoding=True))
    cells = grid(table)
    assert cells[0][:2] == ["Kommune", "Spørgsmål 1"]
    assert {row[1] for row in cells[1:]} == {YES, "Nej"}  # one option, not two spellings
    assert [row[0] for row in cells[1:]] == NAMES
    assert table.encoding == "utf-8"
    assert [(i.code, i.severity.value, i.where.row, i.where.column) for i in table.issues] == [
        ("encoding-repaired", "warning", row, "B") for row in bad]
    assert "børne" in table.issues[0].message and table.issues[0].hint


def test_repair_warnings_are_capped(tmp_path: Path) -> None:
    bad = tuple(range(2, 22))
    text = "Kommune;Svar\n" + "".join(f"K{i};Søren\n" for i in range(40))
    path = tmp_path / "mange.csv"
    path.write_bytes(text.encode().replace("ø".encode(), b"\xf8", len(bad) + 5)
                     + "Sidste;Åen\n".encode())
    table = read_table(path, options=SourceOptions(repair_encoding=True))
    assert len(table.issues) == MAX_ISSUES + 1
    assert "5 rækker mere" in table.issues[-1].message
    assert grid(table)[-1] == ["Sidste", "Åen"]
    assert grid(table)[1] == ["K0", "Søren"]


def test_a_byte_order_mark_makes_any_stray_byte_a_mixed_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfKommune;Svar\nK\xf8ge;Ja\n")
    with pytest.raises(InputError, match="Række 2 indeholder tegn"):
        read_table(path)
    table = read_table(path, options=SourceOptions(repair_encoding=True))
    assert grid(table) == [["Kommune", "Svar"], ["Køge", "Ja"]]


def test_genuine_windows_1252_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("Kommune;Svar\nKøge;Ja, til børne\nÅrhus;Nej\n".encode("cp1252"))
    table = read_table(path)
    assert (table.encoding, table.issues) == ("cp1252", ())
    assert grid(table)[1:] == [["Køge", "Ja, til børne"], ["Århus", "Nej"]]


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="shared/real-exports is not present")
@pytest.mark.parametrize("name", ["surveyxact-readSX/ex_survey2_semicolon_ansi/dataset.csv",
                                  "surveyxact-readSX/ex_survey2_comma_ansi/structure.csv",
                                  "msforms-uvads/UVADS__DS-4002__Hot-Dog-Form-Fa24.csv"])
def test_real_windows_1252_exports_stay_windows_1252(name: str) -> None:
    table = read_table(REAL_EXPORTS / name)
    assert (table.encoding, table.issues) == ("cp1252", ())


def test_html_lines_are_named_or_repaired(tmp_path: Path) -> None:
    path = tmp_path / "eksport.xls"
    path.write_bytes("<html><body><table><tr><td>Kommune</td></tr>\n<tr><td>Køge</td></tr>\n"
                     .encode() + b"<tr><td>N\xe6stved</td></tr>\n</table></body></html>\n")
    with pytest.raises(InputError, match="Linje 3 indeholder tegn"):
        read_table(path)
    with pytest.raises(InputError, match="Linje 3"):
        decode_text(path)
    table = read_table(path, options=SourceOptions(repair_encoding=True))
    assert grid(table) == [["Kommune"], ["Køge"], ["Næstved"]]
    assert len(table.issues) == 1 and "1 linje havde" in table.issues[0].message
    assert "Næstved" in decode_text(path, repair=True)[0]


def test_cli_refuses_by_default_and_repairs_on_request(tmp_path: Path) -> None:
    """End to end: the municipality column survives, and analyze and validate show
    each repaired row as a warning."""
    path = survey_csv(tmp_path / "svar.csv", bad_rows=(3,))
    runner = CliRunner()
    refused = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert refused.exit_code == 2 and "Række 3" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    repaired = runner.invoke(app, ["analyze", str(path), "-f", "json", "--repair-encoding"])
    assert repaired.exit_code == 0, repaired.stderr
    assert "advarsel" in repaired.stderr and "række 3" in repaired.stderr
    result = json.loads(repaired.stdout)
    assert result["population"] is not None
    q1 = next(q for q in result["questions"] if q["text"] == "Spørgsmål 1")
    assert {o["label"] for o in q1["options"]} == {YES, "Nej"}
    checked = runner.invoke(app, ["validate", str(path), "--repair-encoding", "-f", "json"])
    codes = [i["code"] for i in json.loads(checked.stdout)["issues"]]
    assert "encoding-repaired" in codes
    for command in (["init", "-o", "-"], ["report", "-o", str(tmp_path / "rapport")]):
        assert runner.invoke(app, [*command[:1], str(path), *command[1:]]).exit_code == 2


def test_a_late_stray_byte_in_a_ragged_row_is_named(tmp_path: Path) -> None:
    """Arrow skips a ragged row, so the stray byte in it is met by pandas' decoding of
    the whole file; the file is then confirmed and the row named, as for an even one."""
    path = survey_csv(tmp_path / "svar.csv", bad_rows=(), padding=30_000)
    path.write_bytes(path.read_bytes() + b"K\xf8ge;Nej;x;ekstra\n")
    with pytest.raises(InputError) as info:
        read_table(path)
    assert "Række 22 " in info.value.one_line()
    assert "--repair-encoding" in info.value.one_line()
    table = read_table(path, options=SourceOptions(repair_encoding=True))
    assert grid(table)[-1] == ["Køge", "Nej", "x", "ekstra"]
