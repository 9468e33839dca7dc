"""The references every target is a ratio to, and the pre-change build to compare against.

Each floor is the least any tool must do for the same input, run as its own child
process like the case it is paired with:

- ``import pandas``: what every analysing command pays before it reads a byte;
- the fastexcel parse: ``fastexcel.read_excel(path).load_sheet(0, header_row=None,
  dtypes="string", eager=True)``, the calamine parse of every cell as text that our
  reader asks for (a typed parse would null the cells that do not fit the guessed type);
- the pyarrow read: ``pyarrow.csv.read_csv`` of the CSV with its ``;`` delimiter and
  Arrow's own type inference;
- "today's report": the same command run by the code of :data:`BASELINE`, the last
  commit before issue 15's changes, exported once with ``git archive`` into
  ``benches/out/`` and run from there (its folder comes first on ``sys.path``).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

#: main before issue 15 (round two of performance): "today's" code for every before/after.
BASELINE = "918fca02ecfec6f217bba3d7f7bf0ace119111ee"


@dataclass(frozen=True)
class Cmd:
    """A child process: argv, working folder and extra environment."""

    argv: tuple[str, ...]
    cwd: Path = ROOT
    env: dict[str, str] = field(default_factory=dict)


def python(code: str, *args: object) -> Cmd:
    return Cmd((sys.executable, "-c", code, *map(str, args)))


IMPORT_PANDAS = python("import pandas")
#: not a target's floor but what the analysing commands cannot run without: pandas,
#: pyarrow and fastexcel, and a Typer command parsing one option (Typer 0.29 coerces
#: every option through a pydantic TypeAdapter, and imports pydantic's schema machinery
#: for the first one)
IMPORT_NEEDED = python("import sys, pandas, pyarrow, fastexcel, typer\n"
                       "def main(x: str = typer.Option('a')) -> None: pass\n"
                       "sys.argv = ['x', '--x', 'b']\n"
                       "typer.run(main)\n")


def fastexcel_parse(path: Path) -> Cmd:
    return python("import sys, fastexcel\n"
                  "fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=None, "
                  "dtypes='string', eager=True)\n", path)


def pyarrow_read(path: Path) -> Cmd:
    return python("import sys, pyarrow.csv as c\n"
                  "c.read_csv(sys.argv[1], parse_options=c.ParseOptions(delimiter=';'))\n", path)


def baseline_tree(rev: str = BASELINE) -> Path:
    """The package as it was at ``rev``, exported once into benches/out/baseline-REV/."""
    tree = OUT / f"baseline-{rev[:10]}"
    if not (tree / "kl_survey" / "__init__.py").exists():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", rev, "kl_survey"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def baseline(*args: object, rev: str = BASELINE) -> Cmd:
    """``kl-survey ARGS`` run by the code of ``rev`` (its folder is the working folder,
    so ``python -m kl_survey`` imports that copy before the installed one)."""
    return Cmd((sys.executable, "-m", "kl_survey", *map(str, args)), cwd=baseline_tree(rev))
