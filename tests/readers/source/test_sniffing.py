"""Sniffing: the real format from the bytes, and one Danish line for what is no table."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import InputError
from kl_survey.readers.source import read_table, sniff_kind

from fixtures.raw_tables import TABLES, grid, write, write_xlsx


def test_sniff_kind_by_content_not_extension(tmp_path: Path) -> None:
    csv_as_xlsx = write(tmp_path / "data.xlsx", "a;b\n1;2\n")
    xlsx_as_xls = write_xlsx(tmp_path / "real.xls", {"Ark1": [["a"], [1]]})
    assert sniff_kind(csv_as_xlsx) == "csv"
    assert grid(read_table(csv_as_xlsx)) == [["a", "b"], ["1", "2"]]
    assert sniff_kind(xlsx_as_xls) == "xlsx"
    assert grid(read_table(xlsx_as_xls)) == [["a"], ["1"]]
    assert sniff_kind(TABLES / "besvarelser.xls") == "xls"
    assert sniff_kind(write(tmp_path / "x.xls", "\ufeff  <!DOCTYPE html><table></table>")) == "html"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "Filen er tom"), (b"\xef\xbb\xbf \r\n\t\n", "Filen er tom"),
     (b"\xff\xfe", "Filen er tom"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "hverken et regneark"),
     (b"id;navn\n1;a\x00b\n", "hverken et regneark"),
     (b"PK\x03\x04" + b"\x00" * 40, "beskadiget"),
     (b"<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet'/>",
      "XML-regneark (Excel 2003)"),
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


PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n4 0 obj\n"
       b"<< /Length 44 >>\nstream\nBT /F1 24 Tf 100 700 Td (Kommune; Ja) Tj ET\nendstream\n"
       b"endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
JSON = "[\n" + ",\n".join(f'  {{"kommune": "K{i}", "svar": "Ja"}}' for i in range(40)) + "\n]\n"
OTHER_FORMATS = {
    "svar.json": (JSON.encode(), "en JSON-fil"),
    "svar.jsonl": ("\n".join(f'{{"kommune": "K{i}"}}' for i in range(40)).encode(), "en JSON-fil"),
    "tal.json": (b"[1, 2, 3]", "en JSON-fil"),
    "svar.xml": (("<besvarelser>\n" + "".join(f"  <svar kommune='K{i}'>Ja</svar>\n"
                                             for i in range(40)) + "</besvarelser>\n").encode(),
                 "en XML-fil"),
    "side.html": (b"<!DOCTYPE html>\n<html><body>\n" + b"<p>Aarhus; Ja</p>\n" * 40
                  + b"</body></html>\n", "en HTML-side"),
    "stykke.html": (b"<div class='svar'>\n" + b"<p>Aarhus; Ja</p>\n" * 40 + b"</div>\n",
                    "en HTML-side"),
    "rapport.pdf": (PDF, "en PDF-fil"),
    "binaer.pdf": (PDF.replace(b"\n", b"\n%\xe2\xe3\xcf\xd3\n", 1), "en PDF-fil"),
    "brev.rtf": (b"{\\rtf1\\ansi Kommune;Ja\\par Aarhus;Ja}", "et RTF-dokument"),
}


@pytest.mark.parametrize("name", OTHER_FORMATS)
def test_other_formats_are_refused_by_name(tmp_path: Path, name: str) -> None:
    """A JSON file used to be read as a one-column CSV of 442 830 respondents (issue 10, 6)."""
    content, what = OTHER_FORMATS[name]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_table(path)
    assert f"Filen er {what}" in info.value.message
    result = CliRunner().invoke(app, ["analyze", str(path), "-f", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and name in lines[0] and what in lines[0] and "xlsx" in lines[0]


@pytest.mark.parametrize(
    "text",
    ["<Q1>;<Q2>\nJa;Nej\n",  # a header that starts with "<" but closes no tag
     "[1] Spørgsmål;[2] Spørgsmål\nJa;Nej\n",  # bracketed numbers are no JSON array
     "{Kommune};Svar\nAarhus;Ja\n"],
)
def test_csv_that_merely_looks_like_markup_or_json(tmp_path: Path, text: str) -> None:
    assert sniff_kind(write(tmp_path / "data.csv", text)) == "csv"


def test_a_folder_that_is_no_surveyxact_export(tmp_path: Path) -> None:
    """It used to say "Angiv kilden med --source", as if a tool could read a folder."""
    (tmp_path / "noter.txt").write_text("x")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "mappe" in line and "--source" not in line and "dataset.csv" in line


def test_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    """A loop used to be reported as "findes ikke"."""
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    (tmp_path / "brudt.csv").symlink_to(tmp_path / "væk.csv")
    with pytest.raises(InputError, match="løkke af symbolske links") as loop:
        read_table(tmp_path / "a.csv")
    assert "a.csv" in loop.value.one_line()
    with pytest.raises(InputError, match="peger på en fil, der ikke findes") as broken:
        read_table(tmp_path / "brudt.csv")
    assert "væk.csv" in broken.value.one_line()
    for name, words in (("a.csv", "løkke"), ("brudt.csv", "ikke findes")):
        result = CliRunner().invoke(app, ["analyze", str(tmp_path / name)])
        assert result.exit_code == 2 and words in result.stderr


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "rør.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="ikke en almindelig fil"):
        read_table(fifo)
