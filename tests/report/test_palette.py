"""Map colours are told apart by lightness: in greyscale and with red-green blindness."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from kl_survey.report import palette

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
PROTAN = np.array([[0.152286, 1.052583, -0.204868],
                   [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]])
DEUTAN = np.array([[0.367322, 0.860646, -0.227968],
                   [0.280085, 0.672501, 0.047413],
                   [-0.011820, 0.042940, 0.968881]])
MIN_STEP = 10.0  # L*: two greys this far apart are reliably told apart


def _simulate(hex_colour: str, matrix: np.ndarray) -> str:
    linear = np.clip(matrix @ np.array(palette._linear(hex_colour)), 0, 1)
    encoded = [palette._encode(float(c)) for c in linear]
    return "#" + "".join(f"{round(c * 255):02X}" for c in encoded)


def _min_gap(colours: list[str]) -> float:
    values = [palette.lightness(c) for c in colours]
    return min((abs(a - b) for a, b in itertools.combinations(values, 2)), default=100.0)


def test_lightness_of_black_grey_and_white() -> None:
    assert palette.lightness("#000000") == pytest.approx(0, abs=0.01)
    assert palette.lightness("#FFFFFF") == pytest.approx(100, abs=0.01)
    assert palette.lightness("#777777") == pytest.approx(50.0, abs=0.5)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_answer_classes_and_the_grey_differ_in_lightness(n: int) -> None:
    colours = [*palette.categorical(n), palette.NEUTRAL]
    assert _min_gap(colours) >= MIN_STEP
    lightness = [palette.lightness(c) for c in palette.categorical(n)]
    assert lightness == sorted(lightness)  # the first option is the darkest


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_choropleth_classes_get_darker_with_the_value(n: int) -> None:
    colours = palette.sequential(n)
    lightness = [palette.lightness(c) for c in colours]
    assert lightness == sorted(lightness, reverse=True)
    assert _min_gap(colours) >= MIN_STEP


@pytest.mark.parametrize("matrix", [PROTAN, DEUTAN], ids=["protanopia", "deuteranopia"])
@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_classes_stay_apart_for_red_green_colour_blindness(matrix: np.ndarray, n: int) -> None:
    for colours in ([*palette.categorical(n), palette.NEUTRAL], palette.sequential(n)):
        assert _min_gap([_simulate(c, matrix) for c in colours]) >= MIN_STEP


def test_non_respondents_are_white_with_a_visible_hatch() -> None:
    assert palette.MISSING_FACE.upper() == "#FFFFFF"
    assert palette.lightness(palette.MISSING_HATCH) < 70
    assert palette.HATCH
