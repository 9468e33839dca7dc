"""Months as column labels: recognised in Danish and English, named in Danish."""

from __future__ import annotations

import pytest

from kl_survey.periods import column_name, month_name, month_of, months, period_name


@pytest.mark.parametrize(("label", "month"), [
    ("Januar", 1), ("jan.", 1), ("March", 3), ("marts", 3), ("2025-03", 3), ("Maj 2025", 5),
    ("Dec", 12), ("Uge 3", None), ("2025-13", None), ("SUF", None)])
def test_month_of(label: str, month: int | None) -> None:
    assert month_of(label) == month


def test_period_names_for_sentences() -> None:
    assert period_name(["Januar", "Februar", "Marts"]) == "1. kvartal"
    assert period_name(["Oktober", "November", "December"]) == "4. kvartal"
    assert period_name(["Jan", "Feb", "Mar"], "en") == "Q1"
    assert period_name([f"2025-{m:02d}" for m in range(1, 7)]) == "første halvår"
    assert period_name(["Januar", "Marts"]) is None
    assert months(["Januar", "SUF"]) is None


def test_months_are_named_in_danish_in_lower_case() -> None:
    assert [month_name(m) for m in (1, 3, 5)] == ["januar", "marts", "maj"]
    assert column_name("MARTS") == "marts" and column_name("March", "en") == "March"
    assert column_name("Uge 3") == "Uge 3"
