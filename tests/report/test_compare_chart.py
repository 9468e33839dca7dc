"""The comparison chart tested through its artists: bars, colours, texts, layout."""

from __future__ import annotations

from typing import Any

import matplotlib
import pytest
from compare_examples import example_comparison
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex

from kl_survey.compare import Comparison
from kl_survey.report import compare_chart, style
from kl_survey.report.compare_section import CompareChart, PairRow, chart


@pytest.fixture
def comparison() -> Comparison:
    return example_comparison()


def _chart(c: Comparison, qid: str) -> CompareChart:
    q = next(x for x in c.questions if x.id == qid)
    made = chart(c, q, "da", "Kilde: test")
    assert made is not None
    return made


def _draw(ch: CompareChart) -> Any:
    rc: Any = style.rc(ch.fig_id)
    with matplotlib.rc_context(rc):
        fig = compare_chart.draw(ch)
        FigureCanvasAgg(fig).draw()
    return fig


def test_one_bar_per_round_and_option_with_the_latest_dark(comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    fig = _draw(ch)
    (ax,) = fig.axes
    assert len(ax.patches) == 2 * len(ch.rows) == 8
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([v for r in ch.rows for v in r.values])  # type: ignore[misc]
    assert widths[:2] == pytest.approx([60 / 95, 75 / 96])
    assert [to_hex(p.get_facecolor()) for p in ax.patches[:2]] == [
        compare_chart.EARLIER[0].lower(), style.BLUE.lower()]
    # within a pair the earlier round is on top (the y axis runs downwards)
    old, new = ax.patches[0], ax.patches[1]
    assert old.get_y() < new.get_y() and ax.get_ylim()[0] > ax.get_ylim()[1]


def test_residual_answers_are_grey_in_both_rounds(comparison: Comparison) -> None:
    ch = _chart(comparison, "q2")
    assert [r.label for r in ch.rows][-1] == "Andet, angiv" and ch.rows[-1].muted
    fig = _draw(ch)
    colours = [to_hex(p.get_facecolor()) for p in fig.axes[0].patches[-2:]]
    assert colours == [compare_chart.EARLIER_GREY[0].lower(), style.GREY.lower()]


def test_the_change_is_printed_beside_each_pair_in_one_column(comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    fig = _draw(ch)
    changes = [t for t in fig.axes[0].texts if t.get_gid() == "change"]
    assert [t.get_text() for t in changes] == ["+15,0 pp.", "-13,9 pp.", "-1,1 pp.", "0,0 pp."]
    assert [t.get_text() for t in changes] == [r.change for r in ch.rows]
    renderer = fig.canvas.get_renderer()
    rights = {round(t.get_window_extent(renderer).x1, 1) for t in changes}
    assert len(rights) == 1  # right-aligned in one column
    values = [t for t in fig.axes[0].texts if t.get_gid() != "change"]
    assert [t.get_text() for t in values] == ["63,2%", "78,1%", "33,7%", "19,8%", "2,1%",
                                              "1,0%", "1,1%", "1,0%"]
    right_of_values = max(t.get_window_extent(renderer).x1 for t in values)
    assert right_of_values < min(t.get_window_extent(renderer).x0 for t in changes)


def test_legend_names_the_rounds_and_nothing_is_cut(comparison: Comparison) -> None:
    ch = _chart(comparison, "q7")
    fig = _draw(ch)
    texts = [t.get_text() for t in fig.texts]
    assert {"Maj 2025", "November 2025", "Ændring"} <= set(texts)
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    every = [*fig.texts, *fig.axes[0].texts, *fig.axes[0].get_yticklabels()]
    for t in every:
        ext = t.get_window_extent(renderer)
        assert box.x0 - 0.5 <= ext.x0 and ext.x1 <= box.x1 + 0.5, t.get_text()
        assert box.y0 - 0.5 <= ext.y0 and ext.y1 <= box.y1 + 0.5, t.get_text()


def test_an_option_missing_in_a_round_has_no_bar() -> None:
    ch = CompareChart("q01-compare", ("Maj", "Nov"),
                      (PairRow("Ja", (0.5, 0.75), ("50,0%", "75,0%"), "+25,0 pp."),
                       PairRow("Nyt", (None, 0.25), ("–", "25,0%"), "–")),
                      "Ændring", None, ("n", "Kilde"), "alt", "da")
    fig = _draw(ch)
    assert [p.get_width() for p in fig.axes[0].patches] == [0.5, 0.75, 0.25]
    assert "–" in [t.get_text() for t in fig.axes[0].texts]


def test_three_rounds_get_lighter_the_older_they_are() -> None:
    ch = CompareChart("q01-compare", ("A", "B", "C"),
                      (PairRow("Ja", (0.2, 0.4, 0.6), ("20%", "40%", "60%"), "+40,0 pp."),),
                      "Ændring", "Titel", ("n",), "alt", "da")
    assert compare_chart.colours(ch, False) == [compare_chart.EARLIER[1],
                                                compare_chart.EARLIER[0], style.BLUE]
    fig = _draw(ch)
    assert len(fig.axes[0].patches) == 3


def test_render_is_deterministic_and_accessible(comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    one, two = compare_chart.render(ch), compare_chart.render(ch)
    assert one.svg == two.svg and one.png == two.png
    svg = one.svg.decode("utf-8")
    assert "<title>Vandrette søjlepar for spørgsmål 1, Maj 2025 og November 2025." in svg
    assert "+15,0 pp." in svg  # text kept as text
    assert one.png.startswith(b"\x89PNG")
