"""The municipality register and the matcher that maps messy export values onto it."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kl_survey.municipalities import (
    REGIONS,
    Municipality,
    by_code,
    coverage,
    detect_column,
    match,
    match_share,
    register,
    suggest,
)


def test_register_has_all_98_with_unique_codes_and_names() -> None:
    reg = register()
    assert len(reg) == 98
    assert len({m.code for m in reg}) == 98
    assert len({m.name for m in reg}) == 98
    assert [m.code for m in reg] == sorted(m.code for m in reg)
    assert register() is reg  # loaded once


def test_region_counts() -> None:
    counts = Counter(m.region for m in register())
    assert counts == {
        "Hovedstaden": 29,
        "Sjælland": 17,
        "Syddanmark": 22,
        "Midtjylland": 19,
        "Nordjylland": 11,
    }
    assert REGIONS == (
        "Hovedstaden",
        "Sjælland",
        "Syddanmark",
        "Midtjylland",
        "Nordjylland",
    )


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [
        (101, "København", "Hovedstaden"),
        (147, "Frederiksberg", "Hovedstaden"),
        (169, "Høje-Taastrup", "Hovedstaden"),
        (187, "Vallensbæk", "Hovedstaden"),
        (253, "Greve", "Sjælland"),
        (400, "Bornholm", "Hovedstaden"),
        (480, "Nordfyns", "Syddanmark"),
        (563, "Fanø", "Syddanmark"),
        (615, "Horsens", "Midtjylland"),
        (621, "Kolding", "Syddanmark"),
        (630, "Vejle", "Syddanmark"),
        (665, "Lemvig", "Midtjylland"),
        (751, "Aarhus", "Midtjylland"),
        (773, "Morsø", "Nordjylland"),
        (787, "Thisted", "Nordjylland"),
        (820, "Vesthimmerlands", "Nordjylland"),
        (825, "Læsø", "Nordjylland"),
        (840, "Rebild", "Nordjylland"),
        (846, "Mariagerfjord", "Nordjylland"),
        (851, "Aalborg", "Nordjylland"),
    ],
)
def test_known_entries(code: int, name: str, region: str) -> None:
    assert by_code(code) == Municipality(code, name, region)


def test_by_code_unknown_and_as_dict() -> None:
    with pytest.raises(KeyError):
        by_code(411)  # Christiansø is not a municipality
    assert by_code(665).as_dict() == {
        "code": 665,
        "name": "Lemvig",
        "region": "Midtjylland",
    }


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (101, 101),
        ("101", 101),
        ("0101", 101),
        (101.0, 101),
        ("101.0", 101),
        (" 665 ", 665),
        ("  københavn ", 101),
        ("KØBENHAVN", 101),
        ("Koebenhavn", 101),
        ("Københavns Kommune", 101),
        ("Frederiksberg Kommune", 147),
        ("Bornholms Regionskommune", 400),
        ("Bornholm Regionskommune", 400),
        ("Lemvigs Kommune", 665),
        ("Frederikssund", 250),
        ("Frederikssund Kommune", 250),
        ("Vesthimmerlands Kommune", 820),
        ("Vesthimmerland", 820),
        ("Nordfyns Kommune", 480),
        ("Aarhus", 751),
        ("Århus", 751),
        ("Aarhus Kommune", 751),
        ("Aalborg", 851),
        ("Ålborg", 851),
        ("Høje-Taastrup", 169),
        ("Høje Taastrup", 169),
        ("Hoeje-Taastrup", 169),
        ("Lyngby-Taarbæk", 173),
        ("Lyngby Taarbæk", 173),
        ("Kgs. Lyngby", 173),
        ("Brønderslev-Dronninglund", 810),
        ("Faaborg-Midtfyn", 430),
        ("Fåborg-Midtfyn", 430),
        ("Ringkøbing Skjern Kommune", 760),
        ("Ikast-Brande", 756),
        ("AEROE", 492),
        ("101 København", 101),
    ],
)
def test_match_variants(value: object, code: int) -> None:
    found = match(value)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        float("nan"),
        pd.NA,
        True,
        411,
        "411",
        101.5,
        "Christiansø",
        "Ja",
        "Nej",
        "Kommune",
        "Region Hovedstaden",
        "Frederikssun",
        "101 Frederiksberg",
        [101],
        0,
    ],
)
def test_match_unknown(value: object) -> None:
    assert match(value) is None


def test_suggest() -> None:
    assert suggest("Kobenhavn")[0].code == 101
    assert suggest("Hjøring")[0].name == "Hjørring"
    assert len(suggest("Kobenhavn", limit=1)) == 1
    assert suggest("") == []
    assert suggest("zzzzzzzzzz") == []


def test_match_share_ignores_blanks() -> None:
    assert match_share(
        ["101", "Lemvig", "", None, "Ja", float("nan")]
    ) == pytest.approx(2 / 3)
    assert match_share([None, ""]) == 0.0


def test_detect_column_among_decoys() -> None:
    names = [m.name for m in register()]
    data = {
        "Svar-ID": list(range(1, 99)),
        "Har I en strategi?": ["Ja", "Nej"] * 49,
        "Kommentar": ["Vi arbejder på det"] * 90 + ["Lemvig"] * 8,
        "Kommune": [*names[:95], "Ukendt", "", None],
    }
    assert detect_column(data) == "Kommune"
    assert detect_column(pd.DataFrame(data)) == "Kommune"
    assert detect_column({"a": ["Ja", "Nej", "Ja"]}) is None
    assert detect_column({"few": ["101", "147", None, ""]}) is None  # < 3 non-blank


def test_detect_column_ties_prefer_more_matches_then_first() -> None:
    data = {
        "codes": [101, 147, 151],
        "names": ["Lemvig", "Aarhus", "Aalborg", "Odense"],
    }
    assert detect_column(data) == "names"
    assert (
        detect_column({"x": ["101", "147", "151"], "y": ["Lemvig", "Odense", "Skive"]})
        == "x"
    )


def test_detect_column_large_frame_finds_code_column() -> None:
    n = 500_000
    frame = pd.DataFrame(
        {
            "fritekst": [f"svar nummer {i}" for i in range(n)],
            "kode": [m.code for m in register()] * (n // 98) + [101] * (n % 98),
        }
    )
    assert detect_column(frame) == "kode"


def test_coverage() -> None:
    all_codes = [m.code for m in register()]
    missing = [851, 101, 665]
    answered = [c for c in all_codes if c not in missing]
    cov = coverage(answered + answered[:10])  # duplicates count once
    assert cov.respondents == 95
    assert cov.population == 98
    assert math.isclose(cov.response_rate, 95 / 98)
    assert [m.code for m in cov.non_respondents] == [101, 665, 851]
    assert [r for r, _, _ in cov.by_region] == list(REGIONS)
    assert sum(a for _, a, _ in cov.by_region) == 95
    assert sum(p for _, _, p in cov.by_region) == 98
    assert {r: a for r, a, _ in cov.by_region}["Nordjylland"] == 10
    with pytest.raises(ValueError):
        coverage([101, 411])


_suffix = st.sampled_from(["", " Kommune", " kommune", " KOMMUNE", "  Kommune "])


@given(
    m=st.sampled_from(register()),
    flips=st.lists(st.booleans(), min_size=30, max_size=30),
    left=st.sampled_from(["", " ", "  ", "\t"]),
    right=st.sampled_from(["", " ", "\n"]),
    suffix=_suffix,
)
def test_property_case_whitespace_suffix_variants_match(
    m: Municipality, flips: list[bool], left: str, right: str, suffix: str
) -> None:
    name = "".join(
        c.upper() if f else c.lower() for c, f in zip(m.name, flips * 2, strict=False)
    )
    assert match(f"{left}{name}{suffix}{right}") == m
