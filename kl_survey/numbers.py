"""Exact shares and locale-aware formatting.

Published percentages must match what a statistician computes by hand: round half up
from the integer counts, never from a float (1 of 16 is 6,25% → 6,3%, which float
rounding and Babel's default half-even would both print as 6,2%).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Lang = Literal["da", "en"]

_LOCALE = {"da": "da_DK", "en": "en_GB"}


def share(count: int, base: int) -> float:
    """Unrounded fraction for machine outputs; 0.0 for an empty base."""
    return count / base if base else 0.0


def round_half_up(value: Fraction, decimals: int = 1) -> Decimal:
    """Round an exact fraction half up (away from zero for the non-negative values we have)."""
    scale = 10**decimals
    scaled = value * scale
    units = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    return Decimal(units).scaleb(-decimals)


def percent_value(count: int, base: int, decimals: int = 1) -> Decimal | None:
    """Percentage of ``count`` out of ``base``, exactly rounded; ``None`` when base is 0."""
    if base <= 0:
        return None
    return round_half_up(Fraction(100 * count, base), decimals)


def format_decimal(value: Decimal | float | int, lang: Lang = "da", decimals: int = 1) -> str:
    from babel.numbers import format_decimal as _fmt

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(_fmt(Decimal(str(value)), format=pattern, locale=_LOCALE[lang]))


def format_percent(count: int, base: int, lang: Lang = "da", decimals: int = 1) -> str:
    """``96,8%`` in Danish, ``96.8%`` in English; an en dash when the base is empty.

    No space before % because that is how KL's newsletters print it.
    """
    value = percent_value(count, base, decimals)
    if value is None:
        return "–"
    return format_decimal(value, lang, decimals) + "%"


def format_int(n: int, lang: Lang = "da") -> str:
    from babel.numbers import format_decimal as _fmt

    return str(_fmt(n, format="#,##0", locale=_LOCALE[lang]))


def format_number(x: float, lang: Lang = "da", max_decimals: int = 2) -> str:
    """A statistic such as a mean: thousands separators, up to ``max_decimals`` decimals."""
    from babel.numbers import format_decimal as _fmt

    d = round_half_up(Fraction(Decimal(repr(float(x)))), max_decimals)
    pattern = "#,##0." + "#" * max_decimals if max_decimals else "#,##0"
    return str(_fmt(d, format=pattern, locale=_LOCALE[lang]))


def format_long_date(d: date, lang: Lang = "da") -> str:
    """``26. november 2026`` — Danish month names come from Babel's CLDR data."""
    from babel.dates import format_date

    return str(format_date(d, format="long", locale=_LOCALE[lang]))


_GROUPED = {".": re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$"),
            ",": re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+$")}


def parse_number(text: str) -> float | None:
    """Parse ``1.234,5`` (Danish), ``1,234.5`` (English), ``1234`` or ``12,5``.

    A lone separator followed by exactly three digits is ambiguous; we read it as a
    thousands separator only when it is a dot, since Danish exports write decimals
    with a comma. Thousands separators must group by three, so a date such as
    ``15.01.2025`` is no number (it would otherwise read as 15 012 025).
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    if s.endswith("%"):
        s = s[:-1]
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        thousands, decimal = (".", ",") if s.rfind(",") > s.rfind(".") else (",", ".")
        whole, _, frac = s.rpartition(decimal)
        if thousands in whole and not _GROUPED[thousands].match(whole):
            return None
        s = whole.replace(thousands, "") + "." + frac
    elif has_comma:
        if s.count(",") == 1:
            s = s.replace(",", ".")
        elif _GROUPED[","].match(s):
            s = s.replace(",", "")
        else:
            return None
    elif has_dot and s.count(".") > 1:
        if not _GROUPED["."].match(s):
            return None
        s = s.replace(".", "")
    elif has_dot:
        head, _, tail = s.partition(".")
        if len(tail) == 3 and head.lstrip("-+").isdigit() and head.lstrip("-+") != "0":
            s = head + tail
    try:
        return float(s)
    except ValueError:
        return None


def parse_approximate(text: str) -> float | None:
    """``ca. 20`` → 20.0: a number with a word saying it is approximate (see
    :data:`kl_survey.vocabulary.APPROXIMATE`); ``None`` for anything else. The caller
    counts the number and reports it as approximate, never silently."""
    from kl_survey.vocabulary import strip_approximate

    rest = strip_approximate(text)
    return parse_number(rest) if rest is not None else None


def round_change(value: Fraction, decimals: int = 1) -> Decimal:
    """A signed change rounded once, half away from zero: +3,25 and -3,25 both to 3,3."""
    magnitude = round_half_up(abs(value), decimals)
    return -magnitude if value < 0 else magnitude


def format_pp(value: Fraction | None, lang: Lang = "da", *, long: bool = False) -> str:
    """A change in percentage points, rounded once from the exact value.

    ``+3,2 pp.`` in tables, ``+3,2 procentpoint`` in text (``long``); a change that
    rounds to zero prints as ``0,0`` without a sign; an en dash when there is none.
    """
    if value is None:
        return "–"
    d = round_change(value)
    unit = {("da", False): "pp.", ("da", True): "procentpoint",
            ("en", False): "pp", ("en", True): "percentage points"}[(lang, long)]
    sign = "+" if d > 0 else "-" if d < 0 else ""
    return f"{sign}{format_decimal(abs(d), lang)} {unit}"
