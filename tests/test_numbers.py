from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kl_survey.numbers import (
    format_int,
    format_long_date,
    format_percent,
    format_pp,
    parse_number,
    percent_value,
    round_change,
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


@pytest.mark.parametrize(
    ("value", "table", "text", "en"),
    [
        (Fraction(13, 4), "+3,3 pp.", "+3,3 procentpoint", "+3.3 pp"),  # 3.25: half up
        (Fraction(-13, 4), "-3,3 pp.", "-3,3 procentpoint", "-3.3 pp"),  # same size down
        (Fraction(16, 5), "+3,2 pp.", "+3,2 procentpoint", "+3.2 pp"),
        (Fraction(1, 25), "0,0 pp.", "0,0 procentpoint", "0.0 pp"),  # no sign on a zero
        (Fraction(-1, 25), "0,0 pp.", "0,0 procentpoint", "0.0 pp"),
        (Fraction(0), "0,0 pp.", "0,0 procentpoint", "0.0 pp"),
        (None, "–", "–", "–"),
    ],
)
def test_format_pp_rounds_a_change_once_the_danish_way(value: Fraction | None, table: str,
                                                        text: str, en: str) -> None:
    assert format_pp(value) == table
    assert format_pp(value, long=True) == text
    assert format_pp(value, "en") == en


def test_a_change_is_rounded_from_the_exact_value_not_from_rounded_shares() -> None:
    # 60 of 95 (63,2%) to 75 of 96 (78,1%): the rounded shares differ by 14,9, the
    # shares by 14,967… points, which rounds to 15,0.
    exact = 100 * (Fraction(75, 96) - Fraction(60, 95))
    assert format_pp(exact) == "+15,0 pp."
    rounded = percent_value(75, 96)
    before = percent_value(60, 95)
    assert rounded is not None and before is not None and rounded - before == Decimal("14.9")


@given(st.fractions(min_value=-100, max_value=100))
def test_round_change_is_symmetric_around_zero(value: Fraction) -> None:
    assert round_change(-value) == -round_change(value)
    assert abs(round_change(value) - Decimal(value.numerator) / Decimal(value.denominator)) \
        <= Decimal("0.05")


@pytest.mark.parametrize("text", ["15.01.2025", "1.2.2025", "12-15", "—", "2025-01-15",
                                  "1,2,3", "12.34.5"])
def test_dates_ranges_and_dashes_are_no_numbers(text: str) -> None:
    """Issue 16: a date in a number cell was read as 15012025; now nothing is guessed."""
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "value"), [("ca. 20", 20.0), ("ca 20", 20.0),
                                             ("cirka 1.200", 1200.0), ("omkring 12,5", 12.5),
                                             ("~7", 7.0), ("ca.", None), ("cafe 2", None),
                                             ("20", None)])
def test_estimates_are_read_as_their_number(text: str, value: float | None) -> None:
    from kl_survey.numbers import parse_approximate

    assert parse_approximate(text) == value
