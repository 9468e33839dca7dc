"""CSV dialects: delimiters, quoting, ragged rows, record numbers, real CSV exports."""


from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kl_survey.errors import InputError
from kl_survey.readers.source import csv as csv_source
from kl_survey.readers.source import read_table
from kl_survey.readers.source.csv import sniff_delimiter

from fixtures.raw_tables import assert_pandas_str, grid, needs_real, stripped, write
from paths import REAL_EXPORTS


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


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize(("text", "expected"), [
    ("Kommune;Svar på spørgsmål", [["Kommune", "Svar på spørgsmål"]]),
    ('Kommune;"Svar\npå to linjer"', [["Kommune", "Svar\npå to linjer"]]),
    ("sep=;\nKommune;Svar", [["Kommune", "Svar"]]),
    ("Kommune", [["Kommune"]]),
])
def test_one_row_without_a_line_end(tmp_path: Path, encoding: str, text: str,
                                    expected: list[list[str]]) -> None:
    """Arrow cannot count the columns of a file that is one row with no line end (a
    header-only export saved by an editor); the head counts them, and the row is read."""
    table = read_table(write(tmp_path / "one-row.csv", text, encoding))
    assert (grid(table), table.rows) == (expected, (1,))


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


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="ab æ;1\t\r\n", min_size=1, max_size=60),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_a_file_without_quotes_reads_the_same_with_plain_line_splitting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, encoding: str) -> None:
    """Without a quote no value can hold a line break, so Arrow's plain splitting at
    every line end (\\n, \\r\\n and a lone \\r) gives the table the quote-aware one
    gives, ragged rows, empty lines and record numbers included."""
    assume(text.strip())
    path = write(tmp_path / "plain.csv", text, encoding)
    assert not csv_source._may_quote(path)
    plain = _outcome(path)
    with monkeypatch.context() as patched:
        patched.setattr(csv_source, "_may_quote", lambda source: True)
        assert _outcome(path) == plain


def _outcome(path: Path) -> tuple[object, ...]:
    """The grid, record numbers and delimiter read, or the error's text."""
    try:
        table = read_table(path)
    except InputError as exc:
        return ("error", str(exc))
    return (grid(table), table.rows, table.delimiter)


def test_a_quote_anywhere_keeps_the_quote_aware_read(tmp_path: Path) -> None:
    """The scan reads the whole file in blocks; a quote after the first block counts,
    and its quoted line break stays in one cell."""
    text = "id;k\n" + "".join(f"{i};x\n" for i in range(2, 40)) + '40;"a\nb"\n'
    path = write(tmp_path / "late.csv", text)
    assert csv_source._may_quote(path, block=16)
    assert not csv_source._may_quote(write(tmp_path / "none.csv", text.replace('"', "")),
                                     block=16)
    assert not csv_source._may_quote(write(tmp_path / "empty.csv", ""))
    assert csv_source._may_quote('x;"y"'.encode("utf-16"))
    table = read_table(path)
    assert grid(table)[-1] == ["40", "a\nb"]
    assert table.rows[-1] == 40


@needs_real
def test_surveyxact_csv_variants_give_the_same_grid() -> None:
    base = REAL_EXPORTS / "surveyxact-readSX"
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
def test_qualtrics_samples() -> None:
    base = REAL_EXPORTS / "qualtrics-qualtRics"
    current = read_table(base / "sample.csv")
    assert (current.frame.shape, current.delimiter, current.encoding) == ((4, 20), ",", "utf-8")
    assert current.frame.iat[2, 0] == '{"ImportId":"startDate"}'
    legacy = read_table(base / "sample_legacy.csv")
    assert (legacy.frame.shape, legacy.encoding) == ((3, 16), "utf-8-sig")
    assert legacy.frame.iat[0, 0] == "V1"  # BOM not glued to the first cell
    assert legacy.frame[15].isna().all()


@pytest.mark.parametrize(
    ("text", "delimiter", "answer"),
    [("sep=;\nid;svar\n1;Ja, tak\n", ";", "Ja, tak"),
     ("\ufeffsep=,\r\nid,svar\r\n1,Ja; tak\r\n", ",", "Ja; tak"),
     ("sep=\t\nid\tsvar\n1\tJa, tak\n2\n", "\t", "Ja, tak")],  # the last is ragged
)
def test_excel_sep_line_sets_the_delimiter(tmp_path: Path, text: str, delimiter: str,
                                           answer: str) -> None:
    """Excel's "sep=;" first line names the delimiter and is not data; rows count as
    Excel shows them, from the header."""
    table = read_table(write(tmp_path / "sep.csv", text))
    assert table.delimiter == delimiter
    assert grid(table)[:2] == [["id", "svar"], ["1", answer]]
    assert table.rows[:2] == (1, 2)
