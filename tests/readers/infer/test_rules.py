"""The rules in words, at their edges (see the module text of ``infer/rules.py``)."""

from __future__ import annotations

from kl_survey.readers.infer import rules
from kl_survey.readers.infer.profile import Profile


def _p(counts: dict[str, int]) -> Profile:
    return Profile.from_counts(counts)


def test_too_many_options_is_open_however_often_each_is_given() -> None:
    assert rules.is_open(_p({f"o{i}": 100 for i in range(rules.MAX_OPTIONS + 1)}))
    assert not rules.is_open(_p({f"o{i}": 100 for i in range(rules.MAX_OPTIONS)}))


def test_half_the_answers_distinct_is_open() -> None:
    assert rules.is_open(_p({f"o{i}": 1 if i < 5 else 2 for i in range(10)}))  # 10 of 15
    assert not rules.is_open(_p({f"o{i}": 3 for i in range(10)}))  # 10 of 30


def test_a_third_of_one_off_answers_is_open_even_when_some_repeat() -> None:
    """Good-Turing: "Virginia" 21 times does not make birthplaces a list."""
    counts = {"Virginia": 21, "Maryland": 5, "United States": 5, "virginia": 4, "VA": 3}
    counts.update({f"Place {i}": 1 for i in range(16)})  # 16 of 54 answers are one-offs
    p = _p(counts)
    assert p.distinct < rules.OPEN_RATIO * p.answers
    assert p.singletons >= rules.OPEN_UNSEEN * p.answers
    assert rules.is_open(p)


def test_nothing_repeated_is_open_and_thin_evidence_otherwise_stays_a_list() -> None:
    assert rules.is_open(_p({"Vi mangler psykologer": 1}))
    assert not rules.is_open(_p({"Ja": 2, "Nej": 1, "Ved ikke": 1}))  # 3 distinct: too few
    assert not rules.is_open(_p({}))


def test_scale_numbers_and_dates() -> None:
    assert rules.is_scale(_p({str(k): 5 for k in range(0, 11)}))  # 0-10
    assert not rules.is_scale(_p({str(k): 5 for k in range(0, 12)}))  # 12 points: numbers
    assert not rules.is_scale(_p({"1,5": 3, "2": 3}))  # decimals are quantities
    assert rules.is_numbers(_p({"1": 9, "Ved ikke": 1}))
    assert not rules.is_numbers(_p({"1": 8, "Ved ikke": 2}))
    assert rules.is_dates(_p({"2025-05-19": 3}))


def test_shared_share_asks_what_the_other_columns_also_hold() -> None:
    own = _p({"Enig": 3, "Mit eget svar": 1})
    total = {"Enig": 10, "Uenig": 4, "Mit eget svar": 1}
    assert rules.shared_share(own, total) == 0.75
