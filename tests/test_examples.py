"""The bundled examples are what their generate.py scripts write, byte for byte.

Run with the wall clock anywhere in the workbook, a rebuilt example would differ on every
run; run after a refactor that breaks the script, it would not run at all (a report
rework once removed a helper May's script imported, and nothing noticed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_examples import generator

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR, EXAMPLE_Q1_DIR


@pytest.mark.parametrize("folder", [EXAMPLE_DIR, EXAMPLE_NOV_DIR], ids=["2025-05", "2025-11"])
def test_generate_py_rebuilds_the_committed_workbook(folder: Path, tmp_path: Path) -> None:
    may = generator(EXAMPLE_DIR, "kl_test_generate_2025_05")
    target = tmp_path / "responses.xlsx"
    if folder == EXAMPLE_DIR:
        may.write_xlsx(target)
    else:
        nov = generator(EXAMPLE_NOV_DIR, "kl_test_generate_2025_11")
        may.write_xlsx(target, may.rows(nov.responses(), nov.SURVEY, nov.OTHER_Q2))
    assert target.read_bytes() == (folder / "responses.xlsx").read_bytes()


def test_the_q1_activity_example_rebuilds_byte_for_byte(tmp_path: Path) -> None:
    q1 = generator(EXAMPLE_Q1_DIR, "kl_test_generate_2025_q1")
    target = tmp_path / "responses.xlsx"
    q1.write_xlsx(target)
    assert target.read_bytes() == (EXAMPLE_Q1_DIR / "responses.xlsx").read_bytes()


def test_the_q1_example_holds_copenhagens_figures_exactly() -> None:
    """København's row is the status note's Tabel 1 and SUF/SOF/BUF split, as written."""
    q1 = generator(EXAMPLE_Q1_DIR, "kl_test_generate_2025_q1")
    header, body = q1.responses()
    (kbh,) = [row for row in body if row[0] == "Københavns Kommune"]
    cells = dict(zip(header, kbh, strict=True))
    months = ("Januar", "Februar", "Marts")
    note = {"Antal henvendelser": (32, 64, 102), "Antal fysiske forsamtaler": (6, 19, 29),
            "Antal screeningssamtaler": (1, 13, 22),
            "Antal opstartede behandlingsforløb": (2, 8, 14)}
    for row, counts in note.items():
        got = tuple(cells[f"1. {q1.ACTIVITY} - {row} - {m}"] for m in months)
        assert got == counts
    split = [cells[f"2. {q1.SPLIT} - {row}"] for row, _ in q1.SPLIT_ROWS]
    assert split == [11, 6, 7] and sum(split) == sum(note["Antal opstartede behandlingsforløb"])
