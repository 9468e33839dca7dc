"""The per-municipality bars: laid out once, a municipality's rows marked by class."""

from __future__ import annotations

import re

from kl_survey.report.feedback_bars import PairChart, PairRow, country_label, layout, mark

ROWS = (PairRow("Ja", 0.632, "63,2%", 0.607, "60,7%"),
        PairRow("Nej <b>", 0.337, "33,7%", 0.357, "35,7%"),
        PairRow("Ved ikke", 0.031, "3,1%", 0.036, "3,6%", muted=True))
CHART = PairChart("q01-hovedstaden", ROWS, country_label("95", "da"),
                  "Region Hovedstaden (n = 28)", "da")


def _items(html: str) -> list[str]:
    return re.findall(r"<li [^>]*>.*?</li>", html)


def test_bars_are_as_long_as_the_shares() -> None:
    html = mark(layout(CHART), ())
    widths = re.findall(r'class="pair-bar (country|region)" style="width:([0-9.]+)%"', html)
    assert widths == [("country", "63.20"), ("region", "60.70"), ("country", "33.70"),
                      ("region", "35.70"), ("country", "3.10"), ("region", "3.60")]
    assert "Hele landet (n = 95)" in html and "Region Hovedstaden (n = 28)" in html


def test_marked_rows_get_the_outline_class_and_the_words_jeres_svar() -> None:
    items = _items(mark(layout(CHART), (1,)))
    assert 'class="pair-row yours"' in items[1] and "◀ Jeres svar" in items[1]
    assert all("yours" not in item and "Jeres svar" not in item
               for i, item in enumerate(items) if i != 1)
    assert 'class="pair-row muted"' in items[2]


def test_labels_are_escaped_and_shared_rows_are_not_changed_by_marking() -> None:
    laid = layout(CHART)
    before = laid.rows
    html = mark(laid, (0, 2))
    assert "Nej &lt;b&gt;" in html and "<b>" not in html
    assert laid.rows == before
    assert html.count("Jeres svar") == 2
