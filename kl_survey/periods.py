"""Months as column labels: recognised in any case or language, named in Danish.

A numeric grid's columns are often months ("Januar", "Feb", "2025-03"). Knowing that
lets the reader take ``Henvendelser - Januar/Februar/Marts`` as one row over three
months, and the report say "fra 32 i januar til 102 i marts" and "i 1. kvartal" and
name its axis ticks in Danish. Names come from Babel's CLDR data (Danish and English,
wide and abbreviated), loaded on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kl_survey.numbers import Lang

_LOCALES = {"da": "da_DK", "en": "en_GB"}
_ISO_MONTH = re.compile(r"^(?:\d{4})[-/.](\d{1,2})$")


@cache
def _lookup() -> dict[str, int]:
    from babel.dates import get_month_names

    out: dict[str, int] = {}
    for locale in _LOCALES.values():
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                out[name.casefold().rstrip(".")] = int(number)
    return out


def month_of(label: str) -> int | None:
    """``"Januar"``, ``"jan."``, ``"March"``, ``"2025-03"`` → 1, 1, 3, 3; else None.

    A trailing year is allowed ("Januar 2025")."""
    text = label.strip().casefold().rstrip(".")
    m = _ISO_MONTH.match(text)
    if m:
        month = int(m.group(1))
        return month if 1 <= month <= 12 else None
    words = text.split()
    if len(words) == 2 and words[1].isdigit() and len(words[1]) == 4:
        text = words[0].rstrip(".")
    return _lookup().get(text)


def months(labels: Sequence[str]) -> list[int] | None:
    """The month of every label, or None when any label is no month."""
    found = [month_of(x) for x in labels]
    return None if not found or any(m is None for m in found) else [m for m in found if m]


def month_name(month: int, lang: Lang = "da") -> str:
    """Lower-case in Danish (``marts``), capitalised in English (``March``)."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale=_LOCALES[lang])[month])


def period_name(labels: Sequence[str], lang: Lang = "da") -> str | None:
    """``"1. kvartal"`` for January–March, ``"første halvår"`` for January–June, else
    None: what a sentence like "I alt 198 henvendelser i 1. kvartal" needs."""
    found = months(labels)
    if found is None:
        return None
    quarter = (found[0] - 1) // 3
    if found == [3 * quarter + 1, 3 * quarter + 2, 3 * quarter + 3]:
        return f"{quarter + 1}. kvartal" if lang == "da" else f"Q{quarter + 1}"
    if found in ([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]):
        first = found[0] == 1
        if lang == "da":
            return "første halvår" if first else "andet halvår"
        return "the first half of the year" if first else "the second half of the year"
    if found == list(range(1, 13)):
        return "hele året" if lang == "da" else "the whole year"
    return None


def column_name(label: str, lang: Lang = "da") -> str:
    """A column label as a sentence names it: a month in the report's language and case
    ("i marts"), anything else as written."""
    month = month_of(label)
    return month_name(month, lang) if month is not None else label
