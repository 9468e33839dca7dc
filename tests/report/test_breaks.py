"""Choropleth classes: at most five, round limits, none empty, every value covered."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_survey.report.breaks import MAX_CLASSES, classify


def _round(x: float) -> bool:
    """At most two significant digits: 0, 3, 45, 0.25, 1200 but not 47.3."""
    if x == 0:
        return True
    digits = abs(x) / 10 ** (math.floor(math.log10(abs(x))) - 1)
    return abs(digits - round(digits)) < 1e-9


def _check(values: list[float]) -> None:
    found = classify(values)
    assert 1 <= found.count <= MAX_CLASSES
    members = [0] * found.count
    for raw in values:
        v = 0.0 if abs(raw) < 1e-12 else raw  # classify's documented float-dust rule
        i = found.index(v)
        low, high = found.bounds(i)
        assert low <= v <= high, (v, found)
        members[i] += 1
    assert all(members), found  # no empty class
    assert list(found.limits) == sorted(found.limits)


def test_skewed_counts_get_round_quantile_limits() -> None:
    values = [float(v) for v in np.random.default_rng(1).lognormal(3, 1, 98).round()]
    found = classify(values)
    assert found.limits == (0.0, 10.0, 20.0, 30.0, 40.0, 180.0)
    assert [found.label(i, "da") for i in range(found.count)] == [
        "0–9", "10–19", "20–29", "30–39", "40–180"]
    _check(values)


def test_shares_get_decimal_limits_in_danish() -> None:
    found = classify([0.02, 0.31, 0.45, 0.5, 0.77, 0.99])
    assert found.label(0, "da").startswith("0–0,")
    assert not found.integers


def test_few_distinct_counts_get_one_class_each() -> None:
    found = classify([0, 0, 0, 1, 1, 2])
    assert [found.label(i, "da") for i in range(found.count)] == ["0", "1", "2"]
    _check([0, 0, 0, 1, 1, 2])


def test_a_single_value_is_one_class() -> None:
    found = classify([5.5, 5.5])
    assert found.count == 1 and found.label(0, "da") == "5,5"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.integers(-1000, 100_000).map(float),
                          st.floats(-1e4, 1e6, allow_nan=False, allow_infinity=False)),
                min_size=1, max_size=120))
def test_any_numbers_are_covered_by_at_most_five_classes(values: list[float]) -> None:
    _check(values)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5000).map(float), min_size=6, max_size=98))
def test_counts_get_round_limits(values: list[float]) -> None:
    found = classify(values)
    if not found.points:
        assert all(_round(x) for x in found.limits[1:-1]), found
