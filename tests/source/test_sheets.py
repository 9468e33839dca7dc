"""Cheap looks before a big read: memory need, sheet visibility, a text file's encoding."""

import random
from pathlib import Path

import openpyxl
import pytest

from kl_survey.errors import InputError
from kl_survey.readers.source import safety, sheets
from kl_survey.readers.source.table import read_table

GOOD = [b"a", b";", b"\n", "ø".encode(), "€".encode(), "😀".encode()]
BAD = [b"\xf8", b"\x81", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"]
CUT = [b"\xc3", b"\xe2\x82", b"\xf0\x9f"]


def _write(path: Path, body: bytes) -> tuple[Path, bytes]:
    path.write_bytes(body)
    with path.open("rb") as fh:
        return path, fh.read(safety.TEXT_HEAD)


@pytest.mark.parametrize("block", [997, 1000, 4096])
def test_file_encoding_agrees_with_python_s_decoder(tmp_path: Path, block: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Small blocks put block ends inside multi-byte characters on purpose."""
    monkeypatch.setattr(sheets, "_BLOCK", block)
    rng = random.Random(block)
    verdicts = set()
    for _ in range(60):
        body = b"x" * 70_000 + b"".join(rng.choice(GOOD) for _ in range(rng.randint(0, 3000)))
        pick = rng.random()
        if pick < 0.25:
            body += rng.choice(BAD) + b"".join(rng.choice(GOOD) for _ in range(40))
        elif pick < 0.35:
            body += rng.choice(CUT)
        path, head = _write(tmp_path / "f.csv", body)
        verdict = sheets.file_encoding(path, head, "utf-8")
        assert verdict == safety.file_encoding(path, head, "utf-8"), body[-12:]
        verdicts.add(verdict)
    assert verdicts == {"utf-8", "cp1252"}


def test_file_encoding_trusts_small_files_and_other_encodings(tmp_path: Path) -> None:
    path, head = _write(tmp_path / "small.csv", "a;ø\n".encode())
    assert sheets.file_encoding(path, head, "utf-8") == "utf-8"
    path, head = _write(tmp_path / "big.csv", b"x" * 70_000 + b"\xf8")
    assert sheets.file_encoding(path, head, "utf-8-sig") == "utf-8-sig"
    assert sheets.file_encoding(path, head, "utf-8") == "cp1252"


def _workbook(path: Path, states: list[tuple[str, str]]) -> Path:
    wb = openpyxl.Workbook()
    for i, (title, state) in enumerate(states):
        sheet = wb.active if i == 0 else wb.create_sheet()
        sheet.title, sheet.sheet_state = title, state
        sheet.append(["q"])
        sheet.append([title])
    wb.save(path)
    return path


def test_visibility_from_workbook_xml(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", [("Skjult", "hidden"), ("Data & mere", "visible"),
                                           ("Meget skjult", "veryHidden")])
    names = ["Skjult", "Data & mere", "Meget skjult"]
    assert sheets.visibility(path, names) == {"Skjult": False, "Data & mere": True,
                                              "Meget skjult": False}
    assert sheets.visibility(path, ["Andet"]) is None  # disagrees with calamine: lazy path
    assert read_table(path).sheet == "Data & mere"  # the first visible sheet with data


def test_a_workbook_that_cannot_fit_is_refused_before_reading(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", [("Data", "visible")])
    with pytest.raises(InputError) as err:
        sheets.check_memory(path, available=1024)
    assert "hukommelse" in err.value.message and "CSV" in (err.value.hint or "")
    sheets.check_memory(path, available=64 * 1024**3)  # plenty: no error


def test_available_memory_is_known_on_linux() -> None:
    if not Path("/proc/meminfo").exists():
        pytest.skip("no /proc/meminfo")
    assert (sheets.available_memory() or 0) > 0
