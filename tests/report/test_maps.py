"""Maps tested through their artists: one patch per municipality, in its answer's colour."""

from __future__ import annotations

import io
from typing import Any

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_hex

from kl_survey import municipalities as mun
from kl_survey.analysis import QuestionResult, analyse
from kl_survey.by_municipality import Placed, placed
from kl_survey.model import QType, Question, Survey
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report import geo, mapmodel, maps, palette
from kl_survey.report.mapmodel import MapData

from paths import EXAMPLE, EXAMPLE_DIR

NON_RESPONDENTS = {187, 665, 825}  # Vallensbæk, Lemvig, Læsø


@pytest.fixture(scope="module")
def example() -> Survey:
    return load(EXAMPLE, LoadOptions(spec=EXAMPLE_DIR / "survey.toml")).survey


def _q1_map(survey: Survey) -> MapData:
    r = analyse(survey).questions[0]
    return mapmodel.build(r, placed(survey, "q1"), "da", "Kilde: test")


def _draw(m: MapData) -> Any:
    with matplotlib.rc_context(maps.rc(m)):
        return maps.draw(m)


def _patches(fig: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for ax in fig.axes:
        for artist in ax.get_children():
            gid = artist.get_gid()
            if gid and gid.startswith("k"):
                assert gid not in found, f"{gid} drawn twice"
                found[gid] = artist
    return found


def _numeric_map() -> tuple[MapData, dict[int, float]]:
    rng = np.random.default_rng(7)
    values = {m.code: float(round(rng.lognormal(3.2, 0.8))) for m in mun.register()
              if m.code not in NON_RESPONDENTS}
    q = Question("q9", 9, "Antal henvendelser", QType.NUMERIC, title="Henvendelser")
    r = QuestionResult(q, base=len(values), answered=len(values))
    return mapmodel.build(r, Placed("q9", tuple(sorted(values.items()))), "da", "Kilde"), values


def test_q1_colours_each_municipality_by_its_own_answer(example: Survey) -> None:
    """The expected colour comes from the export's rows, not from the map model."""
    fig = _draw(_q1_map(example))
    patches = _patches(fig)
    q1 = example.question("q1")
    ramp = palette.categorical(len(q1.options))
    expected: dict[int, str] = {}
    for code, answer in zip(example.respondents["municipality"], example.answers["q1"],
                            strict=True):
        expected[int(code)] = ramp[q1.options.index(answer)]
    assert len(expected) == 95
    for code, colour in expected.items():
        patch = patches[f"k{code}"]
        assert to_hex(patch.get_facecolor()) == colour.lower(), code
        assert not patch.get_hatch()
    for code in NON_RESPONDENTS:
        patch = patches[f"k{code}"]
        assert to_hex(patch.get_facecolor()) == "#ffffff"
        assert patch.get_hatch() == palette.HATCH


def test_every_code_has_exactly_one_patch_on_the_map(example: Survey) -> None:
    patches = _patches(_draw(_q1_map(example)))
    main = sorted(int(g[1:]) for g in patches if g[1:].isdigit())
    assert main == [m.code for m in mun.register()]
    assert len(main) == 98


def test_bornholm_sits_in_its_box_at_the_upper_right(example: Survey) -> None:
    fig = _draw(_q1_map(example))
    (ax,) = [a for a in fig.axes if a.get_gid() != "zoom-box"]
    box = next(a for a in ax.get_children() if a.get_gid() == "bornholm-box")
    bx0, by0 = box.get_x(), box.get_y()
    bx1, by1 = bx0 + box.get_width(), by0 + box.get_height()
    verts = _patches(fig)[f"k{geo.BORNHOLM}"].get_path().vertices
    assert verts[:, 0].min() > bx0 and verts[:, 0].max() < bx1
    assert verts[:, 1].min() > by0 and verts[:, 1].max() < by1
    _, x1 = ax.get_xlim()
    _, y1 = ax.get_ylim()
    assert bx1 == pytest.approx(x1) and by1 == pytest.approx(y1)  # the upper right corner
    mainland = geo.bounds(geo.mainland_codes())
    rest = np.concatenate([p.get_path().vertices for g, p in _patches(fig).items()
                           if g[1:].isdigit() and g != f"k{geo.BORNHOLM}"])
    inside = ((rest[:, 0] > bx0) & (rest[:, 0] < bx1) & (rest[:, 1] > by0) & (rest[:, 1] < by1))
    assert not inside.any()  # the box covers no other land
    assert mainland[2] < x1


@pytest.mark.parametrize("code", [101, 147, 155])
def test_koebenhavn_frederiksberg_and_dragoer_are_visible_in_the_enlarged_box(
        example: Survey, code: int) -> None:
    fig = _draw(_q1_map(example))
    zoom = next(a for a in fig.axes if a.get_gid() == "zoom-box")
    patch = next(p for p in zoom.get_children() if p.get_gid() == f"k{code}-zoom")
    verts = patch.get_path().vertices
    x0, x1 = zoom.get_xlim()
    y0, y1 = zoom.get_ylim()
    assert x0 < verts[:, 0].min() and verts[:, 0].max() < x1
    assert y0 < verts[:, 1].min() and verts[:, 1].max() < y1
    fig.canvas.draw()  # on paper (16 cm wide): at least 3 mm across in the enlarged box
    ext = patch.get_window_extent()
    assert min(ext.width, ext.height) / fig.dpi * 25.4 > 3
    main = _patches(fig)[f"k{code}"]
    assert to_hex(patch.get_facecolor()) == to_hex(main.get_facecolor())


def test_nothing_but_the_map_no_axes_or_frame(example: Survey) -> None:
    fig = _draw(_q1_map(example))
    ax = fig.axes[0]
    assert not any(s.get_visible() for s in ax.spines.values())
    assert not ax.get_xticks().size and not ax.get_yticks().size
    assert not ax.patch.get_visible()
    texts = [t.get_text() for t in fig.texts]
    assert any(t.endswith(geo.ATTRIBUTION) for t in texts)
    assert "Ikke besvaret (3)" in texts
    assert "Ja, helt i drift (60)" in texts


def test_legend_swatches_match_the_patches(example: Survey) -> None:
    m = _q1_map(example)
    fig = _draw(m)
    swatches = [a for a in fig.artists if a.get_gid() == "legend-swatch"]
    assert [to_hex(s.get_facecolor()) for s in swatches] == [c.colour.lower()
                                                             for c in m.classes]
    assert swatches[-1].get_hatch() == palette.HATCH


def test_alt_text_counts_every_answer_and_names_the_non_respondents(example: Survey) -> None:
    alt = _q1_map(example).alt
    assert "Ja, helt i drift: 60 kommuner" in alt
    assert "Nej: 1 kommune;" in alt
    assert "Ikke besvaret: 3 kommuner (Vallensbæk, Lemvig og Læsø)" in alt


def test_dont_know_and_other_are_grey(example: Survey) -> None:
    r = analyse(example).questions[4]  # q5: Ja / Nej, men i dialog / Nej / Ved ikke
    m = mapmodel.build(r, placed(example, "q5"), "da", "Kilde")
    by_label = {c.label: c for c in m.classes}
    assert by_label["Ved ikke"].colour == palette.NEUTRAL
    assert by_label["Ved ikke"].count == 3
    assert by_label["Ja"].colour != palette.NEUTRAL


def test_numeric_choropleth_has_at_most_five_classes_covering_every_value() -> None:
    m, values = _numeric_map()
    real = [c for c in m.classes if not c.hatched]
    assert 2 <= len(real) <= 5
    limits = []
    for cls in real:
        low, _, high = cls.label.partition("–")
        limits.append((float(low), float(high or low)))
    fig = _draw(m)
    patches = _patches(fig)
    for code, value in values.items():
        cls = m.class_of(code)
        low, high = limits[real.index(cls)]
        assert low <= value <= high
        assert to_hex(patches[f"k{code}"].get_facecolor()) == cls.colour.lower()
    assert limits[0][0] <= min(values.values()) and max(values.values()) <= limits[-1][1]
    lightness = [palette.lightness(c.colour) for c in real]
    assert lightness == sorted(lightness, reverse=True)  # a sequential palette
    assert m.classes[-1].hatched and m.classes[-1].count == 3


def test_a_limited_survey_leaves_the_others_blank_not_unanswered(example: Survey) -> None:
    """With --municipality the rest of the country was not part of the count: white
    with an outline and "Ikke med i opgørelsen", not hatched as non-respondents."""
    from kl_survey.by_municipality import only, resolve

    part = only(example, resolve(["København", "Vallensbæk"]))  # Vallensbæk did not answer
    m = mapmodel.build(analyse(part).questions[0], placed(part, "q1"), "da", None)
    by_label = {c.label: c for c in m.classes}
    assert by_label["Ikke besvaret"].count == 1
    assert by_label["Ikke med i opgørelsen"].count == 96
    assert m.class_of(187).hatched and m.class_of(751).blank
    patch = _patches(_draw(m))["k751"]
    assert to_hex(patch.get_facecolor()) == "#ffffff" and not patch.get_hatch()
    assert "Ikke besvaret: 1 kommune (Vallensbæk); Ikke med i opgørelsen: 96 kommuner" in m.alt
    assert m.notes[-1] == geo.ATTRIBUTION and len(m.notes) == 2  # no credit line: none


def test_render_writes_svg_with_prefixed_ids_and_a_png(example: Survey) -> None:
    out = maps.render(_q1_map(example))
    svg = out.svg.decode()
    assert out.fig_id == "q01-kort"
    assert 'id="q01-kort-k101"' in svg
    assert "<title>Danmarkskort over kommunernes svar" in svg
    assert geo.ATTRIBUTION in svg
    assert out.png.startswith(b"\x89PNG")
    from PIL import Image

    with Image.open(io.BytesIO(out.png)) as img:
        assert img.width == round(6.3 * 300)


def test_same_map_same_bytes(example: Survey) -> None:
    m = _q1_map(example)
    assert maps.render(m).svg == maps.render(m).svg
