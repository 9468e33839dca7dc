"""The entry point: one sniff per file, handed down to the reader of its kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from kl_survey.errors import InputError
from kl_survey.readers import read_survey
from kl_survey.readers.source import sniffing, table

from fixtures.raw_tables import grid, write, write_xlsx
from paths import EXAMPLE


def test_a_sniffed_file_is_not_sniffed_again(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "data.csv", "a;b\n1;2\n")
    sniffed = sniffing.sniff(path)
    calls: list[Path] = []  # the verdict is not judged again...
    real = sniffing.sniff
    monkeypatch.setattr(sniffing, "sniff", lambda p: calls.append(p) or real(p))
    assert grid(table.read_table(path, sniffed=sniffed)) == [["a", "b"], ["1", "2"]]
    assert calls == []
    other = write(tmp_path / "other.csv", "c\n3\n")  # ...unless it is about another file
    assert grid(table.read_table(other, sniffed=sniffed)) == [["c"], ["3"]]
    assert calls == [other]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_reading_a_survey_sniffs_the_file_once(tmp_path: Path, kind: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["Kommune", "Spørgsmål 1"], ["Aarhus", "Ja"], ["Odense", "Nej"]]
    path = (write(tmp_path / "s.csv", "\n".join(";".join(r) for r in rows) + "\n")
            if kind == "csv" else write_xlsx(tmp_path / "s.xlsx", {"Data": list(rows)}))
    heads: list[Path] = []
    real = sniffing.read_head
    monkeypatch.setattr(sniffing, "read_head", lambda p: heads.append(p) or real(p))
    assert read_survey(path).n == 2
    assert heads == [path]


def test_the_example_is_sniffed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    heads: list[Path] = []
    real = sniffing.read_head
    monkeypatch.setattr(sniffing, "read_head", lambda p: heads.append(p) or real(p))
    assert read_survey(EXAMPLE).n == 95
    assert heads == [EXAMPLE]


def test_a_file_without_rows_is_no_data(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ingen data"):
        table.read_table(write(tmp_path / "tom.csv", ";;\n;\n"))
