"""Fixtures for the bundled May and November rounds (see tests/compare_examples.py)."""

from __future__ import annotations

from types import ModuleType

import pytest
from compare_examples import bare_comparison, example_comparison, example_rounds, generator

from kl_survey.compare import Comparison, Round

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR


@pytest.fixture
def rounds() -> list[Round]:
    return list(example_rounds())


@pytest.fixture
def comparison() -> Comparison:
    return example_comparison()


@pytest.fixture
def bare() -> Comparison:
    return bare_comparison()


@pytest.fixture(scope="session")
def may_gen() -> ModuleType:
    return generator(EXAMPLE_DIR, "kl_test_generate_2025_05")


@pytest.fixture(scope="session")
def nov_gen() -> ModuleType:
    return generator(EXAMPLE_NOV_DIR, "kl_test_generate_2025_11")
