"""The source layer's refusals and warnings in Danish and with ``--lang en``, through the CLI.

One representative per module of ``kl_survey/readers/source/`` (and the reader choice in
``kl_survey/readers/__init__.py``): the same exit code, one line on stderr, and an
English line without Danish words.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from languages import in_both

from paths import EXAMPLE


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_sniffing_a_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.xlsx")
    da, en = in_both(["analyze", path], 2, data=[path])
    assert da == f"kl-survey: fejl: {path}: Filen findes ikke. Tjek stien og filnavnet."
    assert en == f"kl-survey: error: {path}: The file does not exist. Check the path and the " \
                 "file name."


def test_sniffing_a_file_that_is_no_table(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "answers.json", '{"a": 1}\n'))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "Filen er en JSON-fil, ikke et regneark eller en CSV-fil" in da
    assert "The file is a JSON file, not a spreadsheet or a CSV file. Export the responses as " \
           ".xlsx or .csv from the survey tool." in en


def test_encoding_rows_that_are_not_utf8(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "answers.csv", b"Kommune;Svar\nK\xc3\xb8ge;Ja\nN\xe6stved;Nej\n"
                                                b"Holb\xe6k;Ja\n"))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "Rækkerne 3 og 4 indeholder tegn, der ikke er UTF-8" in da
    assert "Rows 3 and 4 hold characters that are not UTF-8, in a file that is otherwise " \
           "UTF-8. Save the file as CSV UTF-8 again, or use --repair-encoding" in en


def test_repair_warns_once_per_repaired_row(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "answers.csv", b"Kommune;Svar\nK\xc3\xb8ge;Ja\nN\xe6stved;Nej\n"))
    out = str(tmp_path / "out.json")
    da, en = in_both(["analyze", path, "--repair-encoding", "-f", "json", "-o", out], 0,
                     data=[path, "Næstved"])
    assert da.startswith("kl-survey: advarsel: answers.csv, række 3, kolonne 'A': Tegn, der "
                         "ikke er UTF-8, er læst som Windows-1252: »Næstved«")
    assert en == ("kl-survey: warning: answers.csv, row 3, column 'A': Characters that are not "
                  "UTF-8 were read as Windows-1252: “Næstved”. Check the text, and save the "
                  "file as CSV UTF-8 next time.")


def test_csv_a_quote_never_closed_in_a_ragged_file(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "quote.csv", 'id;svar;antal\n1;Ja;2\n2;"Ja, men;3\n3;Ja\n'))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "række 3: Et anførselstegn lukkes aldrig (er filen afkortet?)" in da
    assert "row 3: A quote is never closed (is the file cut off?), so the rest of the file " \
           "would be read as one cell" in en


def test_csvcheck_a_quote_that_swallows_rows(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "quote.csv", 'id;svar;antal\n1;Ja;2\n2;"Ja, men;3\n3;Ja;1\n'
                                              '4;Ja;2\n5;Nej";4\n6;Nej;1\n'))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "Et anførselstegn lukkes ikke, så de næste 3 linjer, der ligner rækker, er læst " \
           "som én celle" in da
    assert "row 3: A quote is not closed, so the next 3 lines, which look like rows, were " \
           "read as one cell; answers would be lost. Correct the quote in the file" in en


def test_csvcheck_a_cut_off_last_row_is_a_warning(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "cut.csv", "Kommune;Svar;Antal\nKøge;Ja;2\nHolbæk;Nej;1\n"
                                            "Roskilde;Ja"))
    out = str(tmp_path / "out.json")
    da, en = in_both(["analyze", path, "-f", "json", "-o", out], 0, data=[path])
    assert "række 4: Filen slutter midt i sidste række, efter 2 af 3 felter" in da
    assert en == ("kl-survey: warning: cut.csv, row 4: The file ends in the middle of its last "
                  "row, after 2 of 3 fields; the row looks cut off and is counted as it is. "
                  "Export or download the file again, so that it is whole.")


def test_html_a_page_without_a_table(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "page.xls", "<html><body><p>Hej</p></body></html>\n"))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "Filen er en HTML-side, ikke et regneark" in da
    assert "The file is an HTML page, not a spreadsheet" in en


def test_limits_too_many_columns(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "wide.csv", "a;b;c;d;e\n1;2;3;4;5\n"))
    da, en = in_both(["analyze", path, "--max-columns", "3"], 2, data=[path])
    assert "Tabellen har 5 kolonner, flere end grænsen på 3" in da
    assert "The table has 5 columns, more than the limit of 3. If you trust the file, raise " \
           "the limit with --max-columns." in en


def test_limits_numbers_and_sizes_follow_the_language(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "long.csv", "a;b\n1;" + "x" * 40_000 + "\n"))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "En celle har 40.000 tegn, flere end grænsen på 32.767" in da
    assert "A cell has 40,000 characters, more than the limit of 32,767" in en
    assert "(Excel allows at most 32,767 characters)" in en


def test_safety_a_dtd_in_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(EXAMPLE) as old, zipfile.ZipFile(path, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "[Content_Types].xml":
                data = b'<!DOCTYPE x [<!ENTITY a "b">]>' + data
            new.writestr(name, data)
    da, en = in_both(["analyze", str(path)], 2, data=[str(path)])
    assert "indeholder en XML-DTD" in da and "afvises af sikkerhedshensyn" in da
    assert "The part '[Content_Types].xml' holds an XML DTD (<!DOCTYPE>/<!ENTITY>), which " \
           "xlsx files never have, and the file is refused for safety" in en


def test_sheets_the_memory_limit() -> None:
    da, en = in_both(["analyze", str(EXAMPLE), "--max-memory", "1"], 2, data=[str(EXAMPLE)])
    assert "mere end grænsen på 1,0 MB" in da
    assert "more than the limit of 1.0 MB. If you trust the file, raise the limit with " \
           "--max-memory; a CSV export needs far less." in en


def test_table_a_file_without_data(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "blank.csv", ";;\n;;\n"))
    da, en = in_both(["analyze", path], 2, data=[path])
    assert "Filen indeholder ingen data" in da
    assert "The file holds no data. Check that you exported the responses." in en


def test_workbook_a_sheet_that_does_not_exist() -> None:
    da, en = in_both(["analyze", str(EXAMPLE), "--sheet", "Nope"], 2,
                     data=[str(EXAMPLE), "Besvarelser"])
    assert "Arket 'Nope' findes ikke; arkene er: 'Besvarelser'" in da
    assert "There is no sheet 'Nope'; the sheets are: 'Besvarelser'. Use --sheet with one of " \
           "the sheet names." in en


def test_readers_an_unknown_source() -> None:
    da, en = in_both(["analyze", str(EXAMPLE), "--source", "nope"], 2, data=[str(EXAMPLE)])
    assert "Ukendt kilde 'nope'. Vælg en af: surveyxact" in da
    assert "Unknown source 'nope'. Choose one of: surveyxact, msforms" in en
