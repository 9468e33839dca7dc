"""Start-up cost: the commands people run constantly must not import the report stack.

Each case runs the real CLI in a fresh interpreter and inspects ``sys.modules`` at
exit, because an import that sneaks in anywhere (a top-level import in a reader, an
eager helper) only shows up in a clean process.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
REPORT_STACK = ("matplotlib", "weasyprint", "jinja2")


def _modules_after(args: list[str]) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Top-level packages imported by ``kl-survey *args``; the run's output on the side."""
    code = (
        "import sys\n"
        "from kl_survey.cli import main\n"
        f"sys.argv = ['kl-survey', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})),"
        " file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:]), proc


def test_help_imports_neither_pandas_nor_the_report_stack() -> None:
    modules, proc = _modules_after(["--help"])
    assert "analyze" in proc.stdout
    assert not modules & {*REPORT_STACK, "pandas", "pyarrow", "fastexcel"}, modules


def test_analyze_json_on_the_example_imports_no_report_stack() -> None:
    modules, proc = _modules_after(["analyze", str(EXAMPLE), "--format", "json"])
    doc = json.loads(proc.stdout)
    assert doc["respondents"] == 95
    assert "pandas" in modules  # the probe really ran the analysis
    assert not modules & set(REPORT_STACK), modules & set(REPORT_STACK)


def test_help_skips_pydantic() -> None:
    """Typer coerces option values through pydantic (~0.2 s to import), so a command run
    pays for it; --help coerces nothing and must not (issue 9 dropped the patch that
    kept pydantic out of plain runs, see benches/README.md)."""
    modules, proc = _modules_after(["--help"])
    assert proc.returncode == 0, proc.stderr
    assert "pydantic" not in modules


@pytest.mark.parametrize("args", [["report", "--help"], ["validate", "--help"],
                                  ["analyze", "--help"], ["init", "--help"]])
def test_command_help_stays_light(args: list[str]) -> None:
    modules, proc = _modules_after(args)
    assert proc.returncode == 0, proc.stderr
    assert not modules & {*REPORT_STACK, "pandas", "pydantic"}, modules
