"""An .xls that is really an HTML table is read as the table it is."""


from __future__ import annotations

from pathlib import Path

from kl_survey.readers.source import read_table

from fixtures.raw_tables import assert_pandas_str, grid, write


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
