"""The comparison chart tested through its artists: bars, colours, texts, layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib
import pytest
from compare_examples import example_comparison
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex

from kl_survey.compare import Comparison
from kl_survey.report import compare_chart, style
from kl_survey.report.compare_section import CompareChart, PairRow, chart
from kl_survey.report.scale import for_labels


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


def test_one_bar_per_round_and_option_earlier_outlined_latest_filled(
        comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    fig = _draw(ch)
    (ax,) = fig.axes
    assert len(ax.patches) == 2 * len(ch.rows) == 8
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([v for r in ch.rows for v in r.lengths])  # type: ignore[misc]
    assert widths[:2] == pytest.approx([60 / 95, 75 / 96])  # the default scale: 100% = 1
    old, new = ax.patches[0], ax.patches[1]
    assert to_hex(old.get_facecolor()) == "#ffffff"
    assert to_hex(old.get_edgecolor()) == style.BLUE.lower()
    assert to_hex(new.get_facecolor()) == style.BLUE.lower()
    # within a pair the earlier round is on top (the y axis runs downwards)
    assert old.get_y() < new.get_y() and ax.get_ylim()[0] > ax.get_ylim()[1]


def test_residual_answers_are_grey_in_both_rounds(comparison: Comparison) -> None:
    ch = _chart(comparison, "q2")
    assert [r.label for r in ch.rows][-1] == "Andet, angiv" and ch.rows[-1].muted
    fig = _draw(ch)
    old, new = fig.axes[0].patches[-2:]
    assert to_hex(old.get_edgecolor()) == style.GREY.lower()
    assert to_hex(new.get_facecolor()) == style.GREY.lower()


def _contrast() -> Any:
    """tests/report/test_style.py's WCAG contrast ratio (a sibling test module)."""
    from paths import load

    return load(Path(__file__).with_name("test_style.py"), "kl_test_style").contrast


def test_every_colour_keeps_three_to_one_against_white() -> None:
    contrast = _contrast()
    ch = CompareChart("q01-compare", ("A", "B", "C"), (), None, (), "alt", "da")
    for muted in (False, True):
        for face, edge in compare_chart.look(ch, muted):
            assert contrast(edge, "#FFFFFF") >= 3.0
            assert face == "white" or contrast(face, "#FFFFFF") >= 3.0


def test_the_change_is_printed_beside_each_pair_under_its_label(
        comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    fig = _draw(ch)
    (ax,) = fig.axes
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "label"]
    changes = [t for t in ax.texts if t.get_gid() == "change"]
    values = [t for t in ax.texts if t.get_gid() == "value"]
    assert [t.get_text().replace("\n", " ") for t in labels] == [r.label for r in ch.rows]
    assert [t.get_text() for t in changes] == ["+15,0 pp.", "-13,9 pp.", "-1,1 pp.", "0,0 pp."]
    assert [t.get_text() for t in values] == ["63,2%", "78,1%", "33,7%", "19,8%", "2,1%",
                                              "1,0%", "1,1%", "1,0%"]
    bars_start = ax.patches[0].get_window_extent(renderer).x0
    for label, change, k in zip(labels, changes, range(4), strict=True):
        lab, chg = label.get_window_extent(renderer), change.get_window_extent(renderer)
        assert abs(lab.x1 - chg.x1) < 0.5 and chg.x1 < bars_start  # right-aligned, left of bars
        assert chg.y1 <= lab.y0 + 0.5  # the change is on the line below the label
        pair = [p.get_window_extent(renderer) for p in ax.patches[2 * k:2 * k + 2]]
        pair_centre = (min(b.y0 for b in pair) + max(b.y1 for b in pair)) / 2
        assert (lab.y1 + chg.y0) / 2 == pytest.approx(pair_centre, abs=4)  # beside the pair


def test_bars_sit_on_the_reports_one_scale(comparison: Comparison) -> None:
    """Bars start where every chart's bars start and 100% is the same length: the
    axes are the scale's track, whatever the labels of this chart."""
    scale = for_labels(["Kort", "En noget længere svarmulighed"])
    q = next(x for x in comparison.questions if x.id == "q1")
    ch = chart(comparison, q, "da", None, scale)
    assert ch is not None and ch.scale is scale
    assert ch.rows[0].lengths == (scale.length(60 / 95), scale.length(75 / 96))
    fig = _draw(ch)
    x0, _, w, _ = fig.axes[0].get_position().bounds
    assert x0 * style.WIDTH == pytest.approx(scale.bar_left)
    assert w * style.WIDTH == pytest.approx(scale.track)


def test_legend_names_the_rounds_and_nothing_is_cut(comparison: Comparison) -> None:
    ch = _chart(comparison, "q7")
    fig = _draw(ch)
    texts = [t.get_text() for t in fig.texts]
    assert {"Maj 2025", "November 2025"} <= set(texts)
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    every = [*fig.texts, *fig.axes[0].texts]
    for t in every:
        ext = t.get_window_extent(renderer)
        assert box.x0 - 0.5 <= ext.x0 and ext.x1 <= box.x1 + 0.5, t.get_text()
        assert box.y0 - 0.5 <= ext.y0 and ext.y1 <= box.y1 + 0.5, t.get_text()


def test_an_option_missing_in_a_round_has_no_bar() -> None:
    ch = CompareChart("q01-compare", ("Maj", "Nov"),
                      (PairRow("Ja", (0.5, 0.75), ("50,0%", "75,0%"), "+25,0 pp."),
                       PairRow("Nyt", (None, 0.25), ("–", "25,0%"), "–")),
                      None, ("n", "Kilde"), "alt", "da")
    fig = _draw(ch)
    assert [p.get_width() for p in fig.axes[0].patches] == [0.5, 0.75, 0.25]
    assert "–" in [t.get_text() for t in fig.axes[0].texts]


def test_three_rounds_two_outlines_and_the_latest_filled() -> None:
    ch = CompareChart("q01-compare", ("A", "B", "C"),
                      (PairRow("Ja", (0.2, 0.4, 0.6), ("20%", "40%", "60%"), "+40,0 pp."),),
                      "Titel", ("n",), "alt", "da")
    assert compare_chart.look(ch, False) == [("white", style.BLUE), ("white", style.BLUE),
                                             (style.BLUE, style.BLUE)]
    fig = _draw(ch)
    assert len(fig.axes[0].patches) == 3
    legend = [t.get_text() for t in fig.texts]
    assert legend[:1] == ["Titel"] and {"A", "B", "C"} <= set(legend)


def test_render_is_deterministic_and_accessible(comparison: Comparison) -> None:
    ch = _chart(comparison, "q1")
    one, two = compare_chart.render(ch), compare_chart.render(ch)
    assert one.svg == two.svg and one.png == two.png
    svg = one.svg.decode("utf-8")
    assert "<title>Vandrette søjlepar for spørgsmål 1, Maj 2025 og November 2025." in svg
    assert "+15,0 pp." in svg  # text kept as text
    assert one.png.startswith(b"\x89PNG")
