"""The input limits: each refusal names its limit and the option that raises it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import fastexcel
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import InputError, KlSurveyError, UnsafeInputError
from kl_survey.readers.source import limits, read_table, sheets

from fixtures.raw_tables import write, write_xlsx
from paths import EXAMPLE, REAL_EXPORTS


def test_csv_larger_than_max_bytes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "stor.csv", "a;b\n" + "1;2\n" * 1000)
    with pytest.raises(UnsafeInputError) as info:
        read_table(path, max_bytes=1000)
    assert "--max-size" in info.value.one_line() and "stor.csv" in info.value.one_line()
    assert len(read_table(path, max_bytes=10_000).frame) == 1001


def test_size_text_is_danish() -> None:
    assert limits.size_text(3 * 1024**3) == "3,0 GB"
    assert limits.size_text(1536) == "1,5 KB"
    assert limits.size_text(12) == "12 bytes"


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_size_must_be_positive(value: str) -> None:
    """0 silently meant the default, and -1 printed a limit of "-1048576 bytes"."""
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLE), "--max-size", value])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "--max-size" in line and value in line and "bytes" not in line
    assert "\n" not in line


def test_library_limits_must_be_positive() -> None:
    with pytest.raises(KlSurveyError, match="max_bytes"):
        limits.SourceOptions(max_bytes=0)


def test_a_workbook_over_the_memory_limit_is_refused_before_inflating(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 9 MB xlsx inflating 145:1 to 1,3 GB passed the bomb screen and took over 3 GB
    (4,3 GB and 141 s measured on a 8,7 MB, 154:1 rebuild). The estimate comes from the
    zip directory alone: here a small workbook against a small limit shows it."""
    path = write_xlsx(tmp_path / "stor.xlsx", {"Data": [["id", "svar"], *[[i, "Ja"]
                                                                          for i in range(500)]]})
    inflated: list[object] = []
    monkeypatch.setattr(fastexcel, "read_excel", lambda *a: inflated.append(a))
    with pytest.raises(UnsafeInputError) as info:
        read_table(path, options=limits.SourceOptions(max_memory=200 * 1024**2))
    line = info.value.one_line()
    assert "stor.xlsx" in line and "hukommelse" in line and "200,0 MB" in line
    assert "--max-memory" in line
    assert inflated == []  # refused before calamine saw a byte


def test_the_memory_estimate(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lille.xlsx", {"Data": [["id"], [1]]})
    with zipfile.ZipFile(path) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
    need = int(unpacked * sheets.MEMORY_PER_XML_BYTE) + sheets.MEMORY_BASE
    sheets.check_memory(path, limit=need, available=need)  # exactly enough: read
    with pytest.raises(UnsafeInputError) as info:
        sheets.check_memory(path, limit=need - 1, available=need)
    assert "--max-memory" in info.value.one_line()
    with pytest.raises(InputError, match="ledig"):
        sheets.check_memory(path, limit=need, available=need - 1)


def test_too_many_columns_in_a_csv_is_refused_before_parsing(tmp_path: Path) -> None:
    header = ";".join(f"q{i}" for i in range(2_001))
    path = write(tmp_path / "bred.csv", f"{header}\n" + ";".join("1" * 2_001) + "\n")
    with pytest.raises(UnsafeInputError) as info:
        read_table(path)
    assert "2.001 kolonner" in info.value.message and "2.000" in info.value.message
    assert "--max-columns" in info.value.one_line()
    wide = read_table(path, options=limits.SourceOptions(max_columns=3_000))
    assert wide.frame.shape == (2, 2_001)


def test_a_line_wider_than_the_head_counts_too(tmp_path: Path) -> None:
    """One 200 KB line: the head sees part of it, which already has too many fields."""
    path = write(tmp_path / "en-linje.csv", ";".join("x" * 9 for _ in range(20_000)) + "\n")
    with pytest.raises(UnsafeInputError, match="kolonner"):
        read_table(path)


def test_too_many_columns_in_a_workbook(tmp_path: Path) -> None:
    """16 384 columns (Excel's most) in 277 KB took 57 s to analyse."""
    rows: list[list[object]] = [[f"q{i}" for i in range(2_100)], ["Ja"] * 2_100]
    path = write_xlsx(tmp_path / "bred.xlsx", {"Ark": rows})
    with pytest.raises(UnsafeInputError) as info:
        read_table(path)
    assert "ark 'Ark'" in info.value.one_line() and "2.100 kolonner" in info.value.message
    assert read_table(path, options=limits.SourceOptions(max_columns=2_100)).frame.shape == (
        2, 2_100)


@pytest.mark.parametrize("ragged", [False, True])
def test_a_cell_longer_than_excel_allows_is_refused(tmp_path: Path, ragged: bool) -> None:
    """One 1 MB answer made report take 107 s."""
    extra = "\n4;kort;x" if ragged else ""
    path = write(tmp_path / "lang.csv", "id;svar\n1;Ja\n2;Nej\n3;" + "ø" * 1_000_000 + extra)
    with pytest.raises(UnsafeInputError) as info:
        read_table(path)
    line = info.value.one_line()
    assert "lang.csv, række 4, kolonne 'B'" in line and "1.000.000 tegn" in line
    assert "--max-cell-length" in line and "32.767" in line
    table = read_table(path, options=limits.SourceOptions(max_cell_length=1_000_000))
    assert len(table.frame.iat[3, 1]) == 1_000_000


def test_cell_length_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "æøå.csv", "id;svar\n1;" + "æ" * 32_767 + "\n")  # 65 534 bytes
    assert len(read_table(path).frame.iat[1, 1]) == 32_767


def test_a_long_cell_in_a_workbook(tmp_path: Path) -> None:
    """openpyxl cuts cells at Excel's limit, so the part is written by hand."""
    short = write_xlsx(tmp_path / "kort.xlsx", {"Data": [["id", "svar"], [1, "x" * 100]]})
    path = tmp_path / "lang.xlsx"
    with zipfile.ZipFile(short) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name).replace(b"x" * 100, b"x" * 40_000))
    with pytest.raises(UnsafeInputError) as info:
        read_table(path)
    assert "ark 'Data', række 2, kolonne 'B'" in info.value.one_line()


def test_check_cells_on_sliced_and_chunked_arrays() -> None:
    chunked = pa.chunked_array([pa.array(["a", "bb"]), pa.array(["ccc", "x" * 50])])
    with pytest.raises(UnsafeInputError) as info:
        limits.check_cells(Path("f.csv"), [pa.array(["a"] * 4), chunked], 10)
    assert (info.value.row, info.value.column) == (4, "B")
    limits.check_cells(Path("f.csv"), [pa.array(["x" * 50, "a", "b"]).slice(1)], 10)


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--max-memory", "0"), ("--max-columns", "-5"), ("--max-cell-length", "0")])
def test_limit_flags_must_be_positive(flag: str, value: str) -> None:
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLE), flag, value])
    assert result.exit_code == 2
    assert flag in result.stderr and value in result.stderr


def test_limit_flags_reach_the_reader() -> None:
    runner = CliRunner()
    for flag, value, words in (("--max-memory", "100", "--max-memory"),
                               ("--max-columns", "5", "--max-columns"),
                               ("--max-cell-length", "3", "--max-cell-length")):
        for command in ("analyze", "validate"):
            result = runner.invoke(app, [command, str(EXAMPLE), flag, value])
            assert result.exit_code == 2, (command, flag, result.stderr)
            assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="shared/real-exports is not present")
def test_every_real_export_reads_within_the_default_limits() -> None:
    found = sorted(p for p in REAL_EXPORTS.rglob("*") if p.suffix in (".csv", ".xlsx"))
    assert len(found) >= 20
    for path in found:
        assert len(read_table(path).frame), path.name


def test_may_exceed_never_misses_a_long_cell() -> None:
    """The screen reads slot lengths from the offsets: string and large_string, sliced,
    chunked and with nulls, it says "may" wherever a cell's bytes pass the limit."""
    import random

    rng = random.Random(5)
    for _ in range(300):
        cells = [None if rng.random() < 0.2 else "æx"[rng.randint(0, 1)] * rng.randint(0, 12)
                 for _ in range(rng.randint(1, 9))]
        for kind in (pa.string(), pa.large_string()):
            arr = pa.array(cells, kind)
            start = rng.randint(0, len(cells) - 1)
            for column in (arr, arr.slice(start), pa.chunked_array([arr[:start], arr[start:]])):
                values = column.to_pylist()
                longest = max((len(v.encode()) for v in values if v is not None), default=0)
                limit = rng.randint(0, 14)
                assert limits.may_exceed(column, limit) or longest <= limit
                if sum(len(v.encode()) for v in values if v is not None) <= limit:
                    assert not limits.may_exceed(column, limit)
