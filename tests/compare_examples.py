"""The two bundled rounds (issue 12), loaded and compared once per test session.

Plain cached functions, so tests in several folders share one load; each folder's
tests wrap them in fixtures (tests/compare/conftest.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import ModuleType

from kl_survey.compare import Comparison, Round, compare
from kl_survey.compare.rounds import load_rounds

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR, load


def generator(folder: Path, name: str) -> ModuleType:
    """An example's generate.py by path (both are called generate.py)."""
    return load(folder / "generate.py", name)


@cache
def example_rounds() -> tuple[Round, ...]:
    """May and November as round folders, each with its survey.toml."""
    return tuple(load_rounds([EXAMPLE_DIR, EXAMPLE_NOV_DIR]))


@cache
def example_comparison() -> Comparison:
    return compare(example_rounds(), test=True)


@cache
def bare_comparison() -> Comparison:
    """The same two exports read without their specs."""
    return compare(load_rounds([EXAMPLE_DIR / "responses.xlsx",
                                EXAMPLE_NOV_DIR / "responses.xlsx"]))
