"""Charts tested through their artists (bars, labels, texts), not pixels."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

import matplotlib
import pytest
from matplotlib.colors import to_hex

from kl_survey.pipeline import run
from kl_survey.report import charts, scale, structure, style
from kl_survey.report.structure import Bar, ChartData

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"


@pytest.fixture(scope="module")
def model() -> structure.ReportModel:
    return structure.build(run(EXAMPLE)[0], "da")


def _chart(model: structure.ReportModel, n: int) -> ChartData:
    chart = model.sections[n - 1].chart
    assert chart is not None
    return chart


def _draw(chart: ChartData):  # type: ignore[no-untyped-def]
    rc: Any = style.rc(chart.fig_id)
    with matplotlib.rc_context(rc):
        return charts.draw(chart)


def _simple(labels: list[str], kind: str = "bars", title: str | None = None) -> ChartData:
    n = len(labels)
    tones = iter(("s1", "s2", "s3", "s4"))
    bars = tuple(Bar(lb, 1 / n, f"{100 / n:.1f}%".replace(".", ","), muted=lb == "Ved ikke",
                     tone=("muted" if lb == "Ved ikke" else next(tones)) if kind == "stacked"
                     else "")
                 for lb in labels)
    return ChartData("q01", kind, bars, title, ("Antal besvarelser: 10", "Kilde: test"),
                     "Alt-tekst", "da", scale.for_labels(labels))


def test_one_bar_per_option_in_display_order(model: structure.ReportModel) -> None:
    chart = _chart(model, 7)
    fig = _draw(chart)
    (ax,) = fig.axes
    assert len(ax.patches) == len(chart.bars) == 6
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == [b.label for b in chart.bars]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([b.length for b in chart.bars])
    # Top of the chart is the first bar: the y axis runs downwards.
    ys = [p.get_y() for p in ax.patches]
    assert ys == sorted(ys)
    assert ax.get_ylim()[0] > ax.get_ylim()[1]


def test_percentages_printed_at_the_end_of_each_bar(model: structure.ReportModel) -> None:
    chart = _chart(model, 2)
    (ax,) = _draw(chart).axes
    texts = [t.get_text() for t in ax.texts]
    assert texts == [b.text for b in chart.bars]
    assert texts[:3] == ["85,3%", "60,0%", "46,3%"]
    for annotation, bar in zip(ax.texts, chart.bars, strict=True):
        assert annotation.xy[0] == pytest.approx(bar.length)  # type: ignore[attr-defined]
        assert annotation.get_ha() == "left"


def test_no_frame_grid_or_x_axis(model: structure.ReportModel) -> None:
    (ax,) = _draw(_chart(model, 1)).axes
    assert not any(s.get_visible() for s in ax.spines.values())
    assert not ax.xaxis.get_visible()
    assert not any(line.get_visible() for line in [*ax.get_xgridlines(), *ax.get_ygridlines()])
    assert not ax.patch.get_visible()


def _inch_per_point(fig, chart: ChartData) -> list[float]:  # type: ignore[no-untyped-def]
    """Drawn width in inches of one percentage point of each bar, from the artists."""
    (ax,) = fig.axes
    axes_inches = ax.get_position().width * fig.get_figwidth()
    x0, x1 = ax.get_xlim()
    return [patch.get_width() / (x1 - x0) * axes_inches / (bar.value * 100)
            for patch, bar in zip(ax.patches, chart.bars, strict=True) if bar.value > 0]


def test_one_scale_for_every_chart(model: structure.ReportModel) -> None:
    """Issue 14.1: 1 pp is equally long in every chart, and every chart has the same
    label column, so Q8's 46,3% is never longer than Q7's 78,9%."""
    per_point: list[float] = []
    lefts = set()
    for sec in model.sections:
        assert sec.chart is not None and sec.chart.scale is model.scale
        fig = _draw(sec.chart)
        per_point += _inch_per_point(fig, sec.chart)
        lefts.add(round(fig.axes[0].get_position().x0 * fig.get_figwidth(), 6))
    assert len(per_point) > 30
    assert max(per_point) - min(per_point) < 1e-12
    assert per_point[0] == pytest.approx(model.scale.inch_per_point)
    assert len(lefts) == 1
    q7, q8 = _draw(_chart(model, 7)).axes[0], _draw(_chart(model, 8)).axes[0]
    assert q8.patches[0].get_width() < q7.patches[0].get_width()  # 46,3% < 78,9%


def test_muted_bars_are_grey_and_others_blue(model: structure.ReportModel) -> None:
    chart = _chart(model, 7)
    (ax,) = _draw(chart).axes
    colours = [to_hex(p.get_facecolor()).upper() for p in ax.patches]
    assert colours == [style.GREY.upper() if b.muted else style.BLUE.upper()
                       for b in chart.bars]


def test_labels_wrap_never_truncate_and_the_figure_grows() -> None:
    long = ("BUP tilbyder faglig rådgivning om konkrete behandlingsforløb, når det "
            "efterspørges af tilbuddet og af de kommunale medarbejdere")
    short_fig = _draw(_simple(["Ja", "Nej"]))
    long_fig = _draw(_simple([long, "Nej"]))
    (ax,) = long_fig.axes
    text = ax.get_yticklabels()[0].get_text()
    assert text.count("\n") >= 2
    assert text.replace("\n", " ") == long
    for line in text.split("\n"):
        assert charts.text_width(line, style.LABEL_SIZE) <= style.MAX_LABEL_WIDTH + 1e-9
    assert long_fig.get_figheight() > short_fig.get_figheight()
    assert long_fig.get_figwidth() == short_fig.get_figwidth() == style.WIDTH


def test_labels_stay_inside_the_figure(model: structure.ReportModel) -> None:
    """Measured after drawing: no label, share or note crosses the figure edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for n in (1, 7):
        fig = _draw(_chart(model, n))
        fig.set_dpi(style.PNG_DPI)  # measured as the PNG draws it
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        width, height = fig.bbox.width, fig.bbox.height
        ax = fig.axes[0]
        for artist in [*ax.get_yticklabels(), *ax.texts, *fig.texts]:
            box = artist.get_window_extent(renderer)
            assert box.x0 >= -0.5 and box.x1 <= width + 0.5, artist.get_text()
            assert box.y0 >= -0.5 and box.y1 <= height + 0.5, artist.get_text()
        labels = sorted((t.get_window_extent(renderer) for t in ax.get_yticklabels()),
                        key=lambda b: b.y0)
        for lower, upper in itertools.pairwise(labels):
            assert lower.y1 <= upper.y0 + 0.5  # wrapped labels never overlap


def test_word_longer_than_a_line_is_split_not_cut() -> None:
    word = "Børne-og-ungepsykiatrien-" * 6
    lines = charts.wrap(word, 1.5, style.LABEL_SIZE)
    assert len(lines) > 1
    assert "".join(lines) == word


def test_stacked_bar_has_one_segment_per_option_and_a_legend() -> None:
    chart = _simple(["Ja", "Nej", "Ved ikke"], kind="stacked", title="Kort titel")
    fig = _draw(chart)
    (ax,) = fig.axes
    assert len(ax.patches) == 3
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)
    segment_texts = [t.get_text() for t in ax.texts]
    assert segment_texts == [b.text for b in chart.bars]
    fig_texts = [t.get_text() for t in fig.texts]
    assert "Kort titel" in fig_texts
    for bar in chart.bars:
        assert f"{bar.label} ({bar.text})" in fig_texts
    colours = [to_hex(p.get_facecolor()).upper() for p in ax.patches]
    assert colours[-1] == style.GREY.upper()
    assert colours[0] != colours[1]


def test_footer_holds_base_note_and_source(model: structure.ReportModel) -> None:
    fig = _draw(_chart(model, 2))
    footer = "\n".join(t.get_text() for t in fig.texts)
    assert "Antal besvarelser: 95 · Flere svar muligt" in footer
    assert "responses.xlsx" not in footer  # the file name is internal (issue 14.4)


def test_svg_keeps_text_as_text_with_title_and_unique_ids(
        model: structure.ReportModel) -> None:
    a = charts.render(_chart(model, 1))
    b = charts.render(_chart(model, 2))
    svg = a.svg.decode("utf-8")
    assert "<text" in svg and "<path d=\"M" in svg
    assert "Ja, helt i drift" in svg and "63,2%" in svg
    assert style.SVG_FONT_STACK in svg
    assert re.search(r"<svg\b[^>]*>\s*<title>Vandret søjlediagram for spørgsmål 1\.", svg)
    assert svg.count("<title>") == 1
    ids_a = set(re.findall(r'id="([^"]+)"', svg))
    ids_b = set(re.findall(r'id="([^"]+)"', b.svg.decode("utf-8")))
    assert ids_a and not ids_a & ids_b
    assert all(i.startswith("q01-") for i in ids_a)
    for ref in re.findall(r'url\(#([^)]+)\)', svg):
        assert ref in ids_a


def test_render_is_deterministic_and_png_is_300_dpi(model: structure.ReportModel) -> None:
    from PIL import Image

    chart = _chart(model, 7)
    first, second = charts.render(chart), charts.render(chart)
    assert first.svg == second.svg
    assert first.png == second.png
    image = Image.open(io.BytesIO(first.png))
    assert image.size[0] == round(style.WIDTH * style.PNG_DPI)
    dpi = image.info.get("dpi")
    assert dpi is not None and round(dpi[0]) == style.PNG_DPI
    assert b"<dc:date>" not in first.svg


def test_created_date_goes_into_svg_and_png(model: structure.ReportModel) -> None:
    r = charts.render(_chart(model, 1), created="2025-06-01T00:00:00Z")
    assert b"<dc:date>2025-06-01T00:00:00Z</dc:date>" in r.svg
    assert b"2025-06-01T00:00:00Z" in r.png


def test_hostile_and_special_labels() -> None:
    chart = _simple(["<script>alert(1)</script>", "Pris $5 eller $6", "Æble & øl på Ålborg"])
    svg = charts.render(chart).svg.decode("utf-8")
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "Pris $5 eller $6" in svg  # a dollar is not mathtext
    assert "Æble &amp; øl på Ålborg" in svg
    (ax,) = _draw(chart).axes
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "Pris $5 eller $6"
