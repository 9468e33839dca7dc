"""``kl-survey report``'s process around the report itself (kl_survey/cli/report.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from paths import EXAMPLE

SCRIPT = textwrap.dedent("""
    import atexit, gc, sys
    from kl_survey.cli import main

    if __name__ == "__main__":
        # registered before the command's own exit function, so it runs after it
        atexit.register(lambda: print("frozen:", gc.get_freeze_count() > 0))
        sys.argv = ["kl-survey", "report", sys.argv[1], "--formats", "json", "-o", sys.argv[2]]
        main()
""")


def test_the_exit_skips_the_last_collections(tmp_path: Path) -> None:
    """Its final garbage collections cost 0.25-0.5 s after the last file was written."""
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(EXAMPLE), str(tmp_path / "r")],
                          capture_output=True, text=True, check=True)
    assert "frozen: True" in done.stdout
    assert (tmp_path / "r" / "results.json").is_file()
