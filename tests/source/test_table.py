"""The raw table layer: format sniffing, CSV dialects and encodings, xlsx/xls/HTML grids."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kl_survey.errors import InputError, UnsafeInputError
from kl_survey.readers.source.table import (
    RawTable,
    decode_text,
    list_sheets,
    read_table,
    read_workbook,
    sniff_delimiter,
    sniff_kind,
)

DATA = Path(__file__).parents[1] / "data" / "table"
_ROOT = Path(__file__).resolve().parents[2]
REAL = next(
    (p for p in (_ROOT.parent / "shared" / "real-exports", Path("/work/shared/real-exports"))
     if p.is_dir()),
    None,
)


def grid(table: RawTable) -> list[list[str | None]]:
    """The frame as plain lists, NA as None, so tests compare exact cell text."""
    return [[None if pd.isna(v) else v for v in row] for row in table.frame.itertuples(index=False)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()
               ) -> Path:
    """Sheets as row lists (None = blank cell); a dict key order is the sheet order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def assert_pandas_str(table: RawTable) -> None:
    for dtype in table.frame.dtypes:
        assert dtype == "str" and dtype.storage == "pyarrow", dtype
    assert list(table.frame.columns) == list(range(table.frame.shape[1]))


# ---------------------------------------------------------------- csv: encodings


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
     ("cp1252", b"", "cp1252"), ("utf-16-le", b"\xff\xfe", "utf-16"),
     ("utf-16-be", b"\xfe\xff", "utf-16")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, bom: bytes, expected: str) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(bom + "navn;by\nSøren Æbelø;Århus\nJens;Køge\n".encode(encoding))
    table = read_table(path)
    assert grid(table) == [["navn", "by"], ["Søren Æbelø", "Århus"], ["Jens", "Køge"]]
    assert (table.kind, table.encoding, table.delimiter) == ("csv", expected, ";")
    assert table.rows == (1, 2, 3)
    assert_pandas_str(table)


def test_cp1252_after_a_long_ascii_head_is_still_cp1252(tmp_path: Path) -> None:
    """The head (64 KB) is ASCII; the only 'ø' comes later, in cp1252."""
    lines = ["id;svar"] + [f"{i};ja" for i in range(20_000)] + ["20000;nø"]
    table = read_table(write(tmp_path / "late.csv", "\n".join(lines) + "\n", "cp1252"))
    assert table.encoding == "cp1252"
    assert grid(table)[-1] == ["20000", "nø"]
    assert table.rows[-1] == 20_002


def test_tab_separated_utf16_with_crlf(tmp_path: Path) -> None:
    text = "a\tb\tc\r\n1\tx, y\t\r\n2\t\"q\"\"uote\"\tz\r\n"
    table = read_table(write(tmp_path / "t.csv", "\ufeff" + text, "utf-16-le"))
    assert (table.delimiter, table.encoding) == ("\t", "utf-16")
    assert grid(table) == [["a", "b", "c"], ["1", "x, y", None], ["2", 'q"uote', "z"]]


# ---------------------------------------------------------------- csv: dialects


def test_google_forms_style_all_quoted_with_commas(tmp_path: Path) -> None:
    text = ('"Tidsstempel","Hvad synes du?","Alder"\n'
            '"2024/03/01 10:00:00","Godt, men dyrt","42"\n'
            '"2024/03/01 11:00:00","Nej; slet ikke, nej","7"\n')
    table = read_table(write(tmp_path / "forms.csv", text))
    assert table.delimiter == ","
    assert grid(table)[1:] == [["2024/03/01 10:00:00", "Godt, men dyrt", "42"],
                               ["2024/03/01 11:00:00", "Nej; slet ikke, nej", "7"]]


def test_quoted_newlines_and_delimiters_keep_record_numbers(tmp_path: Path) -> None:
    text = 'id;kommentar\n1;"linje et\nlinje to; med semikolon"\n2;enkel\n'
    table = read_table(write(tmp_path / "nl.csv", text))
    assert grid(table) == [["id", "kommentar"], ["1", "linje et\nlinje to; med semikolon"],
                           ["2", "enkel"]]
    assert table.rows == (1, 2, 3)  # records, not physical lines


@pytest.mark.parametrize(
    ("bom", "encoding", "delimiter"),
    [("", "cp1252", ","), ("\ufeff", "utf-8", ","), ("\ufeff", "utf-16-le", "\t")],
)
def test_ragged_rows_are_padded_and_extra_trailing_columns_kept(
        tmp_path: Path, bom: str, encoding: str, delimiter: str) -> None:
    """SurveyXact's comma variant: some lines end in a stray comma."""
    text = bom + 'q,v,tekst\nq1,1,"Enig, helt",\nq2,2,Uenig\nq3,3\n'.replace(",", delimiter)
    table = read_table(write(tmp_path / "ragged.csv", text, encoding))
    assert grid(table) == [["q", "v", "tekst", None],
                           ["q1", "1", "Enig, helt".replace(",", delimiter), None],
                           ["q2", "2", "Uenig", None], ["q3", "3", None, None]]
    assert table.rows == (1, 2, 3, 4)
    assert table.delimiter == delimiter
    assert_pandas_str(table)


def test_empty_rows_dropped_with_true_row_numbers(tmp_path: Path) -> None:
    text = 'a;b\n\n;\n1;"x\ny"\n  ;\n;""\n2;3\n'
    for name, content in (("arrow.csv", text), ("ragged.csv", text + "4\n")):
        table = read_table(write(tmp_path / name, content))
        assert grid(table)[:4] == [["a", "b"], ["1", "x\ny"], ["  ", None], ["2", "3"]]
        assert table.rows[:4] == (1, 4, 5, 7)


def test_cells_are_not_stripped_or_typed(tmp_path: Path) -> None:
    text = "id;x;y\n007; 1.0 ;1e3\n"
    assert grid(read_table(write(tmp_path / "raw.csv", text)))[1] == ["007", " 1.0 ", "1e3"]


def test_wide_csv_beyond_the_sniffed_width_stays_text(tmp_path: Path) -> None:
    """Only the first lines are sniffed; a later, wider layout must not be type-inferred."""
    header = ";".join(f"c{i}" for i in range(300))
    body = ";".join("007" if i % 2 else "1.0" for i in range(300))
    table = read_table(write(tmp_path / "wide.csv", f"{header}\n{body}\n"))
    assert table.frame.shape == (2, 300)
    assert grid(table)[1][:2] == ["1.0", "007"]
    assert_pandas_str(table)


def test_one_column_file(tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "one.csv", "navn\nAnne\nBo\n"))
    assert (table.delimiter, grid(table)) == (",", [["navn"], ["Anne"], ["Bo"]])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a;b;c\n1,5;2,5;3\n4,0;5;6\n", ";"),  # decimal commas in every line
     ('"a, b","c"\n"1, 2","3"\n', ","),
     ("a\tb\n1,2\t3\n", "\t"),
     ("a,b,c\n1,2,3,\n4,5,6\n7,8,9,\n", ","),  # stray trailing commas
     ("bare en kolonne\nnej\n", ",")],
)
def test_sniff_delimiter(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(2, 6).flatmap(lambda n: st.lists(
    st.lists(st.text(alphabet='abæø Å;"\n1', max_size=8), min_size=n, max_size=n),
    min_size=1, max_size=12)))
def test_csv_round_trip(tmp_path: Path, rows: list[list[str]]) -> None:
    """Whatever Python's csv writer produces with ';', we read back cell for cell."""
    assume(any(any(cell for cell in row) for row in rows))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    table = read_table(write(tmp_path / "rt.csv", buffer.getvalue()))
    kept = [(i + 1, row) for i, row in enumerate(rows) if any(row)]
    assert table.rows == tuple(i for i, _ in kept)
    assert grid(table) == [[cell or None for cell in row] for _, row in kept]


# ---------------------------------------------------------------- sniffing and refusals


def test_sniff_kind_by_content_not_extension(tmp_path: Path) -> None:
    csv_as_xlsx = write(tmp_path / "data.xlsx", "a;b\n1;2\n")
    xlsx_as_xls = write_xlsx(tmp_path / "real.xls", {"Ark1": [["a"], [1]]})
    assert sniff_kind(csv_as_xlsx) == "csv"
    assert grid(read_table(csv_as_xlsx)) == [["a", "b"], ["1", "2"]]
    assert sniff_kind(xlsx_as_xls) == "xlsx"
    assert grid(read_table(xlsx_as_xls)) == [["a"], ["1"]]
    assert sniff_kind(DATA / "besvarelser.xls") == "xls"
    assert sniff_kind(write(tmp_path / "x.xls", "\ufeff  <!DOCTYPE html><table></table>")) == "html"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "Filen er tom"), (b"\xef\xbb\xbf \r\n\t\n", "Filen er tom"),
     (b"\xff\xfe", "Filen er tom"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "hverken et regneark"),
     (b"id;navn\n1;a\x00b\n", "hverken et regneark"),
     (b"PK\x03\x04" + b"\x00" * 40, "beskadiget"),
     (b"<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet'/>",
      "XML-fil"),
     (b"<html><body><p>Log ind</p></body></html>", "HTML-side"),
     (b";;;\n;;\n", "ingen data")],
)
def test_unreadable_input_is_one_danish_input_error(tmp_path: Path, content: bytes,
                                                    message: str) -> None:
    path = tmp_path / "eksport.xls"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_table(path)
    assert message in info.value.message
    assert info.value.hint
    line = info.value.one_line()
    assert "eksport.xls" in line and "\n" not in line


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bilag.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(InputError, match="hverken et regneark"):
        sniff_kind(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="findes ikke") as missing:
        read_table(tmp_path / "mangler.csv")
    assert "mangler.csv" in missing.value.one_line()
    with pytest.raises(InputError, match="mappe") as folder:
        read_table(tmp_path)
    assert str(tmp_path) in folder.value.one_line()


def test_csv_larger_than_max_bytes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "stor.csv", "a;b\n" + "1;2\n" * 1000)
    with pytest.raises(UnsafeInputError) as info:
        read_table(path, max_bytes=1000)
    assert "--max-size" in info.value.one_line() and "stor.csv" in info.value.one_line()
    assert len(read_table(path, max_bytes=10_000).frame) == 1001


def test_decode_text(tmp_path: Path) -> None:
    assert decode_text(write(tmp_path / "a.txt", "\ufeffæ", "utf-8")) == ("æ", "utf-8-sig")
    assert decode_text(write(tmp_path / "b.txt", "æ", "cp1252")) == ("æ", "cp1252")
    assert decode_text(write(tmp_path / "c.txt", "\ufeffæ", "utf-16-le")) == ("æ", "utf-16")


# ---------------------------------------------------------------- xlsx


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


# ---------------------------------------------------------------- xls and html


def test_real_xls_via_calamine() -> None:
    table = read_table(DATA / "besvarelser.xls")
    assert (table.kind, table.sheet) == ("xls", "Besvarelser")  # hidden 'Skjult' skipped
    assert grid(table) == [["id", "Q1", "Q2 tekst", "dato"],
                           ["101", "1.5", " Æble og ø ", "2024-03-02"],
                           ["102", "2", None, None], ["103", "3", "slut", None]]
    assert table.rows == (2, 3, 4, 6)
    assert list_sheets(DATA / "besvarelser.xls") == ["Skjult", "Besvarelser", "Tom"]


def test_corrupt_ole2_is_input_error(tmp_path: Path) -> None:
    path = tmp_path / "d.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="ulæseligt regneark"):
        read_table(path)


def test_html_saved_as_xls(tmp_path: Path) -> None:
    html = """<html><head><meta charset="utf-8"><style>td {color: red}</style></head><body>
    <table border=1>
      <tr><th>Kommune</th><th colspan="2">Svar</th><th>Note</th></tr>
      <tr><td>Århus</td><td>1</td><td>2</td><td>A &amp; B<br>  C</td></tr>
      <tr><td></td><td></td></tr>
      <tr><td>Køge</td><td><table><tr><td>indre</td></tr></table></td></tr>
    </table><table><tr><td>anden tabel</td></tr></table></body></html>"""
    table = read_table(write(tmp_path / "export.xls", html, "cp1252"))
    assert (table.kind, table.sheet, table.encoding) == ("html", None, "cp1252")
    assert grid(table) == [["Kommune", "Svar", None, "Note"], ["Århus", "1", "2", "A & B C"],
                           ["Køge", "indre", None, None]]
    assert table.rows == (1, 2, 4)
    assert_pandas_str(table)


# ---------------------------------------------------------------- real exports


needs_real = pytest.mark.skipif(REAL is None, reason="shared/real-exports is not present")


def stripped(table: RawTable) -> pd.DataFrame:
    return table.frame.fillna("").map(str.strip)


@needs_real
def test_surveyxact_csv_variants_give_the_same_grid() -> None:
    assert REAL is not None
    base = REAL / "surveyxact-readSX"
    semi = read_table(base / "ex_survey2_semicolon_ansi" / "dataset.csv")
    tab = read_table(base / "ex_survey2_tab_utf16" / "dataset.csv")
    comma = read_table(base / "ex_survey2_comma_ansi" / "dataset.csv")
    assert (semi.delimiter, semi.encoding) == (";", "cp1252")
    assert (tab.delimiter, tab.encoding) == ("\t", "utf-16")
    assert (comma.delimiter, comma.encoding) == (",", "cp1252")
    assert semi.frame.shape == tab.frame.shape == (1000, 242)
    assert semi.rows == tab.rows == comma.rows == tuple(range(1, 1001))
    assert stripped(semi).equals(stripped(tab))
    # The comma export was made with five background variables more (id, orgnr, forn,
    # ettern, email); every other column is identical cell for cell.
    by_name = stripped(comma).set_axis(list(stripped(comma).iloc[0]), axis=1)
    assert set(by_name.columns) - set(stripped(semi).iloc[0]) == {
        "id", "orgnr", "forn", "ettern", "email"}
    shared = by_name[list(stripped(semi).iloc[0])].to_numpy()
    assert (shared == stripped(semi).to_numpy()).all()


@needs_real
def test_surveyxact_xlsx_matches_csv_and_ragged_structure() -> None:
    assert REAL is not None
    base = REAL / "surveyxact-readSX"
    sheets = read_workbook(base / "ex_survey2.xlsx", ["Dataset", "Labels", "Structure"])
    for sheet, name in (("Dataset", "dataset"), ("Labels", "labels"), ("Structure", "structure")):
        csv_table = read_table(base / "ex_survey2_semicolon_ansi" / f"{name}.csv")
        assert stripped(sheets[sheet]).equals(stripped(csv_table)), sheet
    ragged = read_table(base / "ex_survey2_comma_ansi" / "structure.csv")
    assert ragged.frame.shape == (245, 8) and ragged.frame[7].isna().all()
    assert "på ungdomsskolen" in ragged.frame.iat[1, 4]


@needs_real
def test_qualtrics_samples() -> None:
    assert REAL is not None
    base = REAL / "qualtrics-qualtRics"
    current = read_table(base / "sample.csv")
    assert (current.frame.shape, current.delimiter, current.encoding) == ((4, 20), ",", "utf-8")
    assert current.frame.iat[2, 0] == '{"ImportId":"startDate"}'
    legacy = read_table(base / "sample_legacy.csv")
    assert (legacy.frame.shape, legacy.encoding) == ((3, 16), "utf-8-sig")
    assert legacy.frame.iat[0, 0] == "V1"  # BOM not glued to the first cell
    assert legacy.frame[15].isna().all()
