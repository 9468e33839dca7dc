"""The breakdown chart through its matplotlib artists: bars, labels, n, "–", scale."""

from __future__ import annotations

from typing import Any

import matplotlib
import pytest
from matplotlib.colors import to_hex

from kl_survey.extras import Extras, extend
from kl_survey.pipeline import LoadOptions, run
from kl_survey.report import breakdown_chart as bc
from kl_survey.report import style
from kl_survey.report.scale import BarScale

from paths import EXAMPLE, EXAMPLE_DIR

CREDIT = "Kilde: KL's rundspørge blandt kommunerne, maj 2025"


def _Scale(label_width: float = 1.9) -> BarScale:
    return BarScale(label_width)


@pytest.fixture(scope="module")
def analysis() -> Any:
    a, loaded = run(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml"))
    return extend(a, loaded.survey, Extras(by="region", min_base=11), loaded.spec)[0]


def _draw(chart: bc.BreakdownChart):  # type: ignore[no-untyped-def]
    rc: Any = style.rc(chart.fig_id)
    with matplotlib.rc_context(rc):
        return bc.draw(chart)


def _labels(ax: Any) -> list[str]:
    return [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]


def _texts(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_three_options_are_grouped_bars_with_every_n(analysis: Any) -> None:
    q8 = analysis.questions[7]
    chart = bc.build(q8, _Scale(), muted=frozenset({"Ved ikke"}), credit=CREDIT)
    assert chart.kind == "grouped" and chart.fig_id == "q08-region"
    fig = _draw(chart)
    (ax,) = fig.axes
    assert _labels(ax) == ["Hovedstaden (n=28)", "Sjælland (n=17)", "Syddanmark (n=22)",
                           "Midtjylland (n=18)", "Nordjylland (n=10)", "I alt (n=95)"]
    # 3 bars for each of the 4 shown rows; the 2 withheld rows (Nordjylland under 11,
    # Sjælland as the secondary cell) have none, just "–"
    assert len(ax.patches) == 3 * 4
    assert _texts(ax).count("–") == 2
    widths = [p.get_width() for p in ax.patches]
    total = q8.options
    assert widths[-3:] == pytest.approx([o.count / o.base for o in total])
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert to_hex(style.GREY) in colours  # "Ved ikke" is grey
    legend = [t.get_text() for t in fig.texts if t.get_text() in ("Ja", "Nej", "Ved ikke")]
    assert legend == ["Ja", "Nej", "Ved ikke"]
    assert any("Færre end 11 besvarelser" in t.get_text() for t in fig.texts)
    assert ax.get_yticklabels()[-1].get_fontweight() == "bold"


def test_more_than_three_options_are_small_multiples(analysis: Any) -> None:
    q1 = analysis.questions[0]
    chart = bc.build(q1, _Scale())
    assert chart.kind == "multiples"
    fig = _draw(chart)
    assert len(fig.axes) == 4  # one panel per option
    def bold(size: float) -> list[str]:
        return [t.get_text() for t in fig.texts
                if t.get_fontweight() == "bold" and t.get_fontsize() == size]

    assert bold(style.TITLE_SIZE) == ["Tilbuddet i drift · fordelt på region"]
    assert bold(style.LABEL_SIZE) == [o.label for o in q1.options]  # the panels' titles
    first = fig.axes[0]
    assert _labels(first)[-1] == "I alt (n=95)"
    assert [p.get_width() for p in first.patches] == pytest.approx(
        [17 / 28, 14 / 22, 12 / 18, 60 / 95])  # Sjælland and Nordjylland withheld
    assert _texts(first) == ["60,7%", "–", "63,6%", "66,7%", "–", "63,2%"]


def test_every_panel_uses_the_reports_one_scale(analysis: Any) -> None:
    scale = _Scale(2.3)
    fig = _draw(bc.build(analysis.questions[1], scale))
    inches = fig.get_size_inches()[0]
    for ax in fig.axes:
        x0, _, w, _ = ax.get_position().bounds
        assert x0 * inches == pytest.approx(scale.bar_left)
        assert w * inches == pytest.approx(scale.track)
        assert ax.get_xlim() == (0.0, 1.0)


def test_alt_text_names_every_group_and_value(analysis: Any) -> None:
    chart = bc.build(analysis.questions[7], _Scale())
    assert chart.alt.startswith("Samarbejder I med civilsamfundsaktører om børn og unge, "
                                "som ikke er i målgruppen for behandling i det "
                                "lettilgængelige tilbud? · fordelt på region. Hovedstaden")
    assert "Nordjylland (n=10): Ja –, Nej –, Ved ikke –" in chart.alt
    assert "I alt (n=95): Ja 46,3%" in chart.alt
