"""Profiles: the distinct answers, their counts, and numbers read in Danish and English."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kl_survey.readers.infer import Column, clean_label
from kl_survey.readers.infer.cells import RE2_SPACE
from kl_survey.readers.infer.profile import (
    _DIGIT_RE2,
    Profile,
    is_date,
    is_number,
    parse_numbers,
)


def test_counts_come_from_distinct_values_and_blanks_are_no_answers() -> None:
    col = Column.of(0, "Q", pd.Series(["Ja", None, " Ja", "Nej", "", "Ja\n"], dtype="str"))
    p = Profile.of(col)
    assert p.values == ("Ja", "Nej") and p.counts.tolist() == [3, 1]
    assert (p.answers, p.distinct, p.singletons) == (4, 2, 1)


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12,5", 12.5), ("40 %", 40.0),
    ("-3", -3.0), ("nan", None), ("inf", None), ("tolv", None), ("ca. 3", None),
])
def test_numbers_in_danish_and_english(text: str, value: float | None) -> None:
    got = parse_numbers([text])[0]
    assert (np.isnan(got) and value is None) or got == value


def test_shares_are_of_respondents_not_of_distinct_values() -> None:
    p = Profile.from_counts({"1": 8, "2": 1, "Ved ikke": 1})
    assert p.at_least(0.9, is_number) and not p.at_least(0.91, is_number)
    assert p.integers


def test_at_least_stops_once_the_misses_decide() -> None:
    p = Profile.from_counts({f"svar {i}": 1 for i in range(50_000)})
    seen: list[int] = []

    def test(values: list[str]) -> np.ndarray:
        seen.append(len(values))
        return is_number(values)

    assert not p.at_least(0.9, test)
    assert sum(seen) == 6_000  # just past the 10 % that may miss, not all 50 000


@pytest.mark.parametrize("dtype", ["str", object])
def test_a_column_profile_reads_only_the_answers_a_rule_tests(dtype: object) -> None:
    """A free-text column is told apart without its distinct answers made Python strings
    (all 30 000 of them); what the rules see is what the column's answers say."""
    cells = [f"svar {i % 30_000}" if i % 7 else "12" for i in range(60_000)]
    col = Column.of(0, "Q", pd.Series(cells, dtype=dtype))
    p = Profile.of(col)
    same = Profile.from_counts(dict(zip(col.distinct(), col.counts.tolist(), strict=True)))
    fresh = Profile.of(Column.of(0, "Q", pd.Series(cells, dtype=dtype)))
    for share, test in [(0.9, is_number), (0.1, is_number), (0.9, is_date)]:
        assert fresh.at_least(share, test) == same.at_least(share, test)
    assert "values" not in fresh.__dict__ and "_distinct" not in fresh.column.__dict__
    assert (fresh.distinct, fresh.answers, fresh.singletons) == (
        same.distinct, same.answers, same.singletons)
    assert fresh.values == p.values == same.values


def test_a_columns_picked_values_are_its_distinct_values() -> None:
    for values in (pd.Series(["b", None, "a", " b", 3, "c"], dtype="str"),
                   pd.Series(["b", None, "a", " b", 3, "c"], dtype=object)):
        col = Column.of(0, "Q", values)
        positions = np.array([2, 0, 1, 0])
        want = [col.distinct()[i] for i in positions]
        assert Column.of(0, "Q", col.raw).pick(positions) == want == col.pick(positions)


def test_pooled_profiles_add_counts() -> None:
    a, b = Profile.from_counts({"Enig": 3, "Uenig": 1}), Profile.from_counts({"Uenig": 2})
    assert Profile.pooled([a, b]).as_dict() == {"Enig": 3, "Uenig": 3}


def test_dates_and_times_as_tools_write_them() -> None:
    p = Profile.from_counts({"2025-05-19": 2, "19.05.2025": 1, "5/19/2025 9:07 AM": 1,
                             "2025/05/19 9:07:00 AM CEST": 1, "2025-05-19T09:07:00Z": 1,
                             "12:30": 1})
    assert is_date(list(p.values)).all()
    assert not is_date(["2025", "Ja", "12,5"]).any()


def test_short_and_long_lists_read_numbers_alike() -> None:
    """Short lists are parsed in Python, long ones through pandas: same numbers."""
    words = ["12", "1.234,5", "1,234.5", "12,5", "40 %", "-3", "nan", "inf", "tolv", "ca. 3",
             "1e3", "0,5", " 7 ", "1_000", "+4", "3.", ".5", "1.000.000", "Ja", "",
             "Infinity", "-inf", "NaN", "e", "١٢", "１２"]  # no digit: never a number
    values = [words[i % len(words)] for i in range(400)]
    long = parse_numbers(values)
    short = np.array([parse_numbers([v])[0] for v in values])
    assert np.array_equal(long, short, equal_nan=True)


# ------------------------------------------------------------ RE2 spellings

def _code_points() -> list[str]:
    return [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def fullmatch(values: list[str], pattern: str) -> list[bool]:
    """Which values RE2 (pyarrow) matches whole with ``pattern``."""
    anchored = f"^(?:{pattern})$"
    return pc.match_substring_regex(pa.array(values, pa.large_string()), anchored).to_pylist()


def test_re2_spells_pythons_whitespace_and_digits_for_every_code_point() -> None:
    """``\\s`` exactly; ``\\d`` but for the digits Unicode 15 added (Kawi, Nag Mundari),
    which RE2's tables know and Python 3.11's do not: the digit screen of
    :func:`parse_numbers` never drops a value ``float`` would read."""
    chars = _code_points()
    spaces = fullmatch(chars, RE2_SPACE)
    digits = fullmatch(chars, _DIGIT_RE2)
    assert [c for c, hit in zip(chars, spaces, strict=True)
            if hit != bool(re.fullmatch(r"\s", c))] == []
    differ = {ord(c) for c, hit in zip(chars, digits, strict=True)
              if hit != bool(re.fullmatch(r"\d", c))}
    newer = {*range(0x11F50, 0x11F5A), *range(0x1E4F0, 0x1E4FA)}
    assert differ <= newer


_PIECES = st.sampled_from(["1", "9", "0", "٣", "12", "2025", "-", "/", ".", ",", ":", " ",
                           "\u00a0", "\u202f", "\t", "%", "+", "AM", "pm", "T", "Z",
                           "CEST", "a", "ø", "\n"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), min_size=300, max_size=300))
@example(["2025.٣" + "12", "٣,5", "1.٣٣٣,5"] + ["1"] * 297)  # float() reads "٣"
def test_long_lists_read_numbers_as_short_ones_do(raw: list[str]) -> None:
    """Over 256 values the numbers are screened in RE2; each value alone goes through
    Python. Profiles hold cleaned values (no space at either end, one space between
    words)."""
    values = [clean_label(v) for v in raw]
    whole = parse_numbers(values)
    alone = np.array([parse_numbers([v])[0] for v in values])
    assert np.array_equal(whole, alone, equal_nan=True)
