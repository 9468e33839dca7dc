"""The two bundled rounds (issue 12), loaded and compared once per test session.

Plain cached functions, so tests in several folders share one load; each folder's
tests wrap them in fixtures (tests/compare/conftest.py).
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from kl_survey.compare import Comparison, Round, compare
from kl_survey.compare.rounds import load_rounds

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR


def generator(folder: Path, name: str) -> ModuleType:
    """An example's generate.py by path (both are called generate.py)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, folder / "generate.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


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
