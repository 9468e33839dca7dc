"""What the report says about a compared question: the key sentence and the chart data."""

from __future__ import annotations

import pytest
from compare_examples import example_comparison, example_rounds

from kl_survey.compare import Comparison, compare
from kl_survey.compare.model import QuestionComparison
from kl_survey.report.compare_section import chart, key_sentence, largest_panel_change


@pytest.fixture
def comparison() -> Comparison:
    return example_comparison()


def _q(c: Comparison, qid: str) -> QuestionComparison:
    return next(x for x in c.questions if x.id == qid)


def test_the_key_sentence_names_the_largest_panel_change(comparison: Comparison) -> None:
    assert key_sentence(comparison, _q(comparison, "q1"), "da") == (
        "Den største ændring blandt de 94 kommuner, der har svaret i begge runder, er "
        "»Ja, helt i drift«: fra 63,8% til 78,7% (+14,9 procentpoint).")
    assert key_sentence(comparison, _q(comparison, "q1"), "en").startswith(
        "The largest change among the 94 municipalities that answered both rounds is "
        "“Ja, helt i drift”: from 63.8% to 78.7% (+14.9 percentage points).")


def test_a_reworded_question_says_so_in_its_key_sentence(comparison: Comparison) -> None:
    text = key_sentence(comparison, _q(comparison, "q2"), "da")
    assert "»Sundhed.dk«: fra 24,5% til 34,0% (+9,6 procentpoint)" in text
    assert text.endswith("Spørgsmålet er formuleret anderledes end i Maj 2025, så ændringen "
                         "kan skyldes formuleringen.")


def test_the_largest_change_is_by_size_and_ties_go_to_the_first(comparison: Comparison) -> None:
    q4 = _q(comparison, "q4")  # "læger" +8,5 and "Nej, ikke endnu" -8,5 in the panel
    row = largest_panel_change(q4, panel=True)
    assert row is not None and row.label == "Ja, til almen praktiserende læger"
    q5 = _q(comparison, "q5")  # over all respondents "Ja" moved most
    all_row = largest_panel_change(q5, panel=False)
    assert all_row is not None and all_row.label == "Ja"


def test_an_unchanged_question_says_so() -> None:
    may = example_rounds()[0]
    c = compare([may, may])
    assert key_sentence(c, c.questions[0], "da") == (
        "Svarene er uændrede fra Maj 2025 til Maj 2025 (2).")


def test_chart_rows_follow_the_latest_rounds_order(comparison: Comparison) -> None:
    ch = chart(comparison, _q(comparison, "q2"), "da", "Kilde: test")
    assert ch is not None
    assert [r.label for r in ch.rows] == ["Kommunens hjemmeside", "Aula", "Sociale medier",
                                          "Pjecer og plakater", "Sundhed.dk", "Andet, angiv"]
    assert ch.rows[0].texts == ("85,3%", "86,5%") and ch.rows[0].change == "+1,2 pp."
    assert ch.rounds == ("Maj 2025", "November 2025")
    assert ch.fig_id == "q02-compare" and ch.title == "Information til borgerne"
    assert ch.notes == ("Antal besvarelser: Maj 2025: 95, November 2025: 96 · Ændring i "
                        "procentpoint fra Maj 2025 til November 2025, alle besvarelser",
                        "Kilde: test")
    assert ch.alt.startswith("Vandrette søjlepar for spørgsmål 2, Maj 2025 og November 2025. "
                             "Kommunens hjemmeside: 85,3% / 86,5% (+1,2 pp.);")
