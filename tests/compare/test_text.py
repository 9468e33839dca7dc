"""What the table and Markdown print: every change rounded once from the exact value."""

from __future__ import annotations

from fractions import Fraction

from kl_survey.compare import Comparison, text
from kl_survey.compare.model import Cell
from kl_survey.numbers import format_percent, format_pp


def _exact(a: Cell | None, b: Cell | None) -> Fraction:
    assert a is not None and b is not None
    return 100 * (Fraction(b.count, b.base) - Fraction(a.count, a.base))


def test_every_printed_change_is_the_exact_change_rounded_once(comparison: Comparison) -> None:
    differs = 0
    for q in comparison.questions:
        qt = text.question(comparison, q, "da")
        rows = [*q.options, *([q.yes] if q.yes and len(qt.rows) > len(q.options) else [])]
        assert len(rows) == len(qt.rows)
        for row, cells in zip(rows, qt.rows, strict=True):
            a, b = row.rounds
            assert cells[1:3] == (format_percent(a.count, a.base),  # type: ignore[union-attr]
                                  format_percent(b.count, b.base))  # type: ignore[union-attr]
            assert cells[3] == format_pp(_exact(a, b))
            assert cells[4] == format_pp(_exact(*row.panel))
            # the difference of the two printed shares is not always the printed change
            shown = [Fraction(x.rstrip("%").replace(",", ".")) for x in cells[1:3]]
            if format_pp(shown[1] - shown[0]) != cells[3]:
                differs += 1
    assert differs > 0


def test_the_heading_the_columns_and_the_notes(comparison: Comparison) -> None:
    q1, q2 = comparison.questions[:2]
    qt = text.question(comparison, q1, "da")
    assert qt.heading == "Spørgsmål 1: Er tilbuddet i drift?"
    assert qt.head == ("Svarmulighed", "Maj 2025\nn=95", "November 2025\nn=96",
                       "Ændring\nalle", "Ændring\npanel n=94")
    assert qt.rows[-1][0] == "Ja i alt" and qt.strong[-1]
    assert qt.after[0].startswith("Skift i panelet (Maj 2025 → November 2025): 14 »Ja, "
                                  "delvist i drift« → »Ja, helt i drift«")
    notes = text.question(comparison, q2, "da").notes
    assert notes[0].startswith("Formuleringen er ændret")
    assert notes[-1] == "Flere svar muligt"


def test_summary_names_the_panel_and_the_one_round_questions(comparison: Comparison) -> None:
    lines = text.summary(comparison, "en")
    assert lines[0] == "Comparison: Maj 2025 → November 2025"
    assert "New in November 2025: Vallensbæk (187), Lemvig (665)" in lines
    assert "Dropped out in November 2025: Ærø (492)" in lines
    assert any(x.startswith("Only in Maj 2025: question 8 (q8)") for x in lines)


def test_p_values_print_with_three_decimals() -> None:
    assert text.p_value(0.0703125, "da") == "0,070"
    assert text.p_value(0.0625, "da") == "0,063"  # half up, once
    assert text.p_value(0.0004, "en") == "< 0.001"
    assert text.p_value(1.0, "da") == "1,000"
