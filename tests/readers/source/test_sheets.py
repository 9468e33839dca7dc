"""Cheap looks at a workbook before the read: its memory need and sheet visibility."""

from pathlib import Path

import openpyxl
import pytest

from kl_survey.errors import InputError
from kl_survey.readers.source import read_table, sheets


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
