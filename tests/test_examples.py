"""The bundled examples are what their generate.py scripts write, byte for byte.

Run with the wall clock anywhere in the workbook, a rebuilt example would differ on every
run; run after a refactor that breaks the script, it would not run at all (a report
rework once removed a helper May's script imported, and nothing noticed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_examples import generator

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR


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
