"""A report is the same bytes whether its PDF and figures are made by worker processes
or, with ``KL_SURVEY_WORKERS=0``, in the one process (kl_survey/report/writer.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import EXAMPLE

SPEC = EXAMPLE.with_name("survey.toml")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_workers_or_not_every_file_is_the_same(tmp_path: Path) -> None:
    """Through the command, which starts both workers before it reads the export."""
    trees = []
    for workers in ("0", "2"):
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env["KL_SURVEY_WORKERS"] = workers
        out = tmp_path / f"workers-{workers}"
        subprocess.run([sys.executable, "-m", "kl_survey", "report", str(EXAMPLE), "--spec",
                        str(SPEC), "-o", str(out)], check=True, env=env,
                       capture_output=True)
        trees.append(_tree(out))
    assert sorted(trees[0]) == sorted(trees[1])
    assert "report.pdf" in trees[0] and "results.xlsx" in trees[0]
    assert trees[0] == trees[1]
