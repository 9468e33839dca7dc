"""Where the tests find the repository's example and the shared real exports.

The real exports live beside the checkout (``../shared/real-exports``), never in it;
a machine that has them elsewhere keeps them under ``/work/shared``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DATA = TESTS / "data"
EXAMPLE_DIR = ROOT / "data" / "examples" / "kl-2025-05"
EXAMPLE = EXAMPLE_DIR / "responses.xlsx"
#: The same survey asked again in November 2025 (issue 12: kl-survey compare).
EXAMPLE_NOV_DIR = ROOT / "data" / "examples" / "kl-2025-11"
#: KL's follow-up on the first quarter: Tabel 1 as a numeric grid, a Likert grid (issue 16).
EXAMPLE_Q1_DIR = ROOT / "data" / "examples" / "kl-2025-q1-aktivitet"
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()),
              Path("/nonexistent/shared"))
REAL_EXPORTS = SHARED / "real-exports"


def load(path: Path, name: str) -> ModuleType:
    """A script by path, imported once as ``name``: the examples' generate.py (several
    share that file name), fixture makers and helper scripts beside the tests."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
