from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kl_survey.numbers import (
    format_int,
    format_long_date,
    format_percent,
    parse_number,
    percent_value,
    round_half_up,
)


@pytest.mark.parametrize(
    ("count", "base", "da", "en"),
    [
        (1, 16, "6,3%", "6.3%"),  # 6.25 → half up, not half even
        (1, 8, "12,5%", "12.5%"),
        (92, 95, "96,8%", "96.8%"),
        (57, 95, "60,0%", "60.0%"),
        (0, 95, "0,0%", "0.0%"),
        (95, 95, "100,0%", "100.0%"),
        (3, 16, "18,8%", "18.8%"),  # 18.75
        (12, 92, "13,0%", "13.0%"),
    ],
)
def test_format_percent_rounds_half_up_from_counts(count: int, base: int, da: str, en: str) -> None:
    assert format_percent(count, base, "da") == da
    assert format_percent(count, base, "en") == en


def test_empty_base_prints_dash() -> None:
    assert format_percent(0, 0) == "–"
    assert percent_value(0, 0) is None


def test_round_half_up_is_exact() -> None:
    assert round_half_up(Fraction(625, 100)) == Decimal("6.3")
    assert round_half_up(Fraction(5, 2), 0) == Decimal("3")
    assert round_half_up(Fraction(1, 3), 2) == Decimal("0.33")


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percent_matches_decimal_half_up(count: int, base: int) -> None:
    from decimal import ROUND_HALF_UP, localcontext

    with localcontext() as ctx:
        ctx.prec = 50
        exact = (Decimal(100 * count) / Decimal(base)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert percent_value(count, base) == exact


def test_thousands_and_dates_are_danish() -> None:
    from datetime import date

    assert format_int(1234567) == "1.234.567"
    assert format_int(1234567, "en") == "1,234,567"
    assert format_long_date(date(2025, 5, 1)) == "1. maj 2025"
    assert format_long_date(date(2026, 11, 26)) == "26. november 2026"


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12,5", 12.5), ("1234", 1234.0),
     ("1.234", 1234.0), ("0.5", 0.5), (" 7 ", 7.0), ("1 234", 1234.0), ("-3,25", -3.25),
     ("abc", None), ("", None)],
)
def test_parse_number_accepts_danish_and_english(text: str, value: float | None) -> None:
    assert parse_number(text) == value
