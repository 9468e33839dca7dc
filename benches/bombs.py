"""How fast hostile workbooks are refused (the timing that used to be asserted in
``tests/readers/source/test_safety.py``; the tests keep the functional assertions).

    python benches/bombs.py        # prints one JSON object: seconds per case

Both bombs are the tests' own (a 300 MB sheet of spaces deflated to ~0.3 MB, and the
same with a declared size of three times the compressed one), built with the tests'
helpers into a temporary folder; each is timed in-process around ``read_table``,
after one warm-up read of a benign workbook so imports are not counted. Target: < 2 s.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "readers" / "source")]

from test_safety import SHEET, benign_xlsx, declare_size, rebuild, spaces_member  # noqa: E402

from kl_survey.errors import UnsafeInputError  # noqa: E402
from kl_survey.readers.source import read_table  # noqa: E402

LIMIT = 2.0  # seconds


def _refusal(path: Path) -> float:
    start = time.perf_counter()
    try:
        read_table(path)
    except UnsafeInputError:
        return time.perf_counter() - start
    raise AssertionError(f"{path.name} was not refused")


def timings() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = benign_xlsx(folder / "src.xlsx")
        read_table(src)  # warm-up: imports
        bomb = rebuild(src, folder / "bomb.xlsx", {SHEET: spaces_member(300)})
        liar = folder / "liar.xlsx"
        liar.write_bytes(bomb.read_bytes())
        with zipfile.ZipFile(liar) as zf:
            declared = zf.getinfo(SHEET).compress_size * 3
        declare_size(liar, SHEET, declared)
        return {"zip bomb (300 MB of spaces)": _refusal(bomb),
                "the same bomb declaring a 3:1 size": _refusal(liar)}


if __name__ == "__main__":
    print(json.dumps(timings()))
