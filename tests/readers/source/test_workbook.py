"""xlsx and xls through calamine: cells as text, Excel row numbers, sheet choice."""


from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kl_survey.errors import InputError, UnsafeInputError
from kl_survey.readers.source import list_sheets, read_table, read_workbook
from kl_survey.readers.source.limits import SourceOptions

from fixtures.raw_tables import (
    TABLES,
    assert_pandas_str,
    grid,
    needs_real,
    stripped,
    write,
    write_xlsx,
)
from paths import REAL_EXPORTS


def test_xlsx_cells_as_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "d.xlsx", {"Data": [
        ["id", "score", "svar", "dato", "tid"],
        [101, 1.5, " Enig ", dt.date(2024, 3, 2), dt.datetime(2024, 3, 1, 12, 30)],
        [102, -3, None, None, dt.time(13, 45)],
        [12345678, 0.25, "", None, None],
    ]})
    table = read_table(path)
    assert grid(table) == [
        ["id", "score", "svar", "dato", "tid"],
        ["101", "1.5", " Enig ", "2024-03-02", "2024-03-01 12:30:00"],
        ["102", "-3", None, None, "13:45:00"],
        ["12345678", "0.25", None, None, None],
    ]
    assert (table.kind, table.sheet, table.rows) == ("xlsx", "Data", (1, 2, 3, 4))
    assert_pandas_str(table)


def test_xlsx_row_numbers_follow_excel(tmp_path: Path) -> None:
    rows: list[list[object]] = [[], [], [None, "id"], [None, 1], [], [None, 2]]
    table = read_table(write_xlsx(tmp_path / "r.xlsx", {"Ark": rows}))
    assert table.rows == (3, 4, 6)
    assert grid(table) == [["id"], ["1"], ["2"]]


def test_sheet_selection(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", {
        "Forside": [], "Hemmelig": [["h"]], "Data": [["q"], ["1"]], "Labels": [["q", "1"]],
    }, hidden=("Hemmelig",))
    assert list_sheets(path) == ["Forside", "Hemmelig", "Data", "Labels"]
    assert read_table(path).sheet == "Data"  # empty and hidden sheets skipped
    assert grid(read_table(path, sheet="labels")) == [["q", "1"]]
    assert grid(read_table(path, sheet="Hemmelig")) == [["h"]]
    empty = read_table(path, sheet="Forside")
    assert empty.frame.shape[0] == 0 and empty.rows == ()
    with pytest.raises(InputError) as info:
        read_table(path, sheet="Dataset")
    assert info.value.message == (
        "Arket 'Dataset' findes ikke; arkene er: 'Forside', 'Hemmelig', 'Data', 'Labels'")
    assert "--sheet" in info.value.one_line() and "s.xlsx" in info.value.one_line()


def test_only_hidden_sheet_has_data(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", {"Tom": [], "Skjult": [["x"]]}, hidden=("Skjult",))
    assert read_table(path).sheet == "Skjult"


def test_header_only_sheet_and_workbook_without_data(tmp_path: Path) -> None:
    header = read_table(write_xlsx(tmp_path / "h.xlsx", {"A": [["id", "q1"]]}))
    assert grid(header) == [["id", "q1"]]
    with pytest.raises(InputError, match="ingen data") as info:
        read_table(write_xlsx(tmp_path / "tom.xlsx", {"A": [], "B": [[None, None]]}))
    assert "tom.xlsx" in info.value.one_line()


def test_read_workbook_three_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sx.xlsx", {
        "Labels": [["v_1", 1, "Ja"]], "Dataset": [["v_1"], [1], [2]],
        "Structure": [["questionName"], ["v_1"]]})
    tables = read_workbook(path, ["Dataset", "Labels", "Structure"])
    assert list(tables) == ["Dataset", "Labels", "Structure"]
    assert grid(tables["Dataset"]) == [["v_1"], ["1"], ["2"]]
    assert grid(tables["Labels"]) == [["v_1", "1", "Ja"]]
    assert tables["Structure"].sheet == "Structure"
    with pytest.raises(InputError, match="'Mangler' findes ikke"):
        read_workbook(path, ["Dataset", "Mangler"])
    with pytest.raises(InputError, match="flere ark"):
        read_workbook(write(tmp_path / "x.csv", "a\n1\n"), ["Dataset"])


def test_truncated_xlsx(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "hel.xlsx", {"A": [[i, f"t{i}"] for i in range(2000)]})
    cut = tmp_path / "halv.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(InputError, match="beskadiget eller afkortet") as info:
        read_table(cut)
    assert not isinstance(info.value, UnsafeInputError)
    assert "halv.xlsx" in info.value.one_line() and "\n" not in info.value.one_line()


def test_real_xls_via_calamine() -> None:
    table = read_table(TABLES / "besvarelser.xls")
    assert (table.kind, table.sheet) == ("xls", "Besvarelser")  # hidden 'Skjult' skipped
    assert grid(table) == [["id", "Q1", "Q2 tekst", "dato"],
                           ["101", "1.5", " Æble og ø ", "2024-03-02"],
                           ["102", "2", None, None], ["103", "3", "slut", None]]
    assert table.rows == (2, 3, 4, 6)
    assert list_sheets(TABLES / "besvarelser.xls") == ["Skjult", "Besvarelser", "Tom"]


def test_corrupt_ole2_is_input_error(tmp_path: Path) -> None:
    path = tmp_path / "d.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="ulæseligt regneark"):
        read_table(path)


@needs_real
def test_surveyxact_xlsx_matches_csv_and_ragged_structure() -> None:
    base = REAL_EXPORTS / "surveyxact-readSX"
    sheets = read_workbook(base / "ex_survey2.xlsx", ["Dataset", "Labels", "Structure"])
    for sheet, name in (("Dataset", "dataset"), ("Labels", "labels"), ("Structure", "structure")):
        csv_table = read_table(base / "ex_survey2_semicolon_ansi" / f"{name}.csv")
        assert stripped(sheets[sheet]).equals(stripped(csv_table)), sheet
    ragged = read_table(base / "ex_survey2_comma_ansi" / "structure.csv")
    assert ragged.frame.shape == (245, 8) and ragged.frame[7].isna().all()
    assert "på ungdomsskolen" in ragged.frame.iat[1, 4]


def test_a_big_sheet_cleans_its_columns_on_two_threads_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kl_survey.readers.source import workbook

    path = write_xlsx(tmp_path / "d.xlsx", {"Data": [
        ["id", "dato", "svar"], [1, dt.datetime(2024, 3, 1), ""],
        [2, dt.time(13, 45), "Ja"], [3, None, "Nej"]]})
    serial = read_table(path)
    monkeypatch.setattr(workbook, "POOL_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    pooled = read_table(path)
    assert pooled.frame.equals(serial.frame) and grid(pooled)[1] == ["1", "2024-03-01", None]


def test_a_lone_sheet_is_read_without_looking_at_its_visibility(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One sheet is read whatever its state, so its workbook part is not parsed to ask;
    one empty sheet is still "no data". (Excel and openpyxl refuse to hide the only
    sheet, so the lone sheet here is visible.)"""
    from kl_survey.readers.source import workbook

    def asked(*args: object) -> None:
        raise AssertionError("visibility looked up for a lone sheet")

    monkeypatch.setattr(workbook, "visibility", asked)
    lone = write_xlsx(tmp_path / "en.xlsx", {"Data": [["q"], ["1"]]})
    assert grid(read_table(lone)) == [["q"], ["1"]]
    with pytest.raises(InputError, match="ingen data"):
        read_table(write_xlsx(tmp_path / "tom.xlsx", {"A": [[None]]}))


def test_midnights_and_time_only_cells_change_and_nothing_else() -> None:
    """Only the cells calamine wrote as a midnight datetime or a day-0 time are rewritten;
    text that merely ends or starts the same way, and empty cells, stay as they were."""
    import pyarrow as pa

    from kl_survey.readers.source.workbook import _text_column

    cells = ["2024-03-02 00:00:00", "2024-03-01 12:30:00", None, "", "1899-12-31 13:45:00",
             "1899-12-31 07:05:09.5", "kl. 00:00:00", "1899-12-31 og så videre"]
    assert _text_column(pa.array(cells * 3)).to_pylist() == [
        "2024-03-02", "2024-03-01 12:30:00", None, None, "13:45:00", "07:05:09.5",
        "kl. 00:00:00", "1899-12-31 og så videre"] * 3
    untouched = pa.array(["Ja", None, "Nej"])
    assert _text_column(untouched).to_pylist() == ["Ja", None, "Nej"]
    no_time = pa.array(["1899-12-31 og så videre", "2024-03-02", ""])  # no ":", no rewrite
    assert _text_column(no_time).to_pylist() == ["1899-12-31 og så videre", "2024-03-02", None]


def test_a_big_sheet_keeps_its_column_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool takes the biggest columns first; the table keeps the sheet's order."""
    import pyarrow as pa

    from kl_survey.readers.source import workbook

    monkeypatch.setattr(workbook, "POOL_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    columns = [pa.array([f"{'x' * size}{i}" for i in range(50)]) for size in (1, 30, 5, 12)]
    done = workbook._text_columns(columns, 20)
    assert [c.column.to_pylist()[0] for c in done] == ["x0", "x" * 30 + "0", "x" * 5 + "0",
                                                       "x" * 12 + "0"]
    assert [c.suspect for c in done] == [False, True, False, False]  # only x * 30 may be


def test_a_big_sheet_checks_lengths_and_drops_empty_rows_as_a_small_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the pool's threads, the length screen and the filled rows give what the
    one-thread path gives: the same table, row numbers and too-long cell."""
    from kl_survey.readers.source import workbook

    rows = [["q1", "q2", "q3"], ["a", None, "b"], [None, None, None], [None, "c", None],
            [None, None, None], ["d", "e", "f"]]
    path = write_xlsx(tmp_path / "store.xlsx", {"Data": rows})
    small = read_table(path)
    monkeypatch.setattr(workbook, "POOL_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    big = read_table(path)
    assert grid(big) == grid(small) == [["q1", "q2", "q3"], ["a", None, "b"],
                                        [None, "c", None], ["d", "e", "f"]]
    assert big.rows == small.rows == (1, 2, 4, 6)
    long = write_xlsx(tmp_path / "lang.xlsx", {"Data": [["q1", "q2"], ["kort", "x" * 40],
                                                        ["y" * 41, "kort"]]})
    with pytest.raises(UnsafeInputError) as found:
        read_table(long, options=SourceOptions(max_cell_length=39))
    assert (found.value.row, found.value.column) == (3, "A")
