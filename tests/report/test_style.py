"""Issue 14.7: every bar colour reaches 3:1 against white, text on a bar 4.5:1, and the
page's CSS uses the same colours as the figures."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from kl_survey.report import style


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _ink(name: str) -> str:
    return {"white": "#FFFFFF"}.get(name, name)


def test_grey_reaches_three_to_one() -> None:
    assert contrast("#A9AEB4", "#FFFFFF") == pytest.approx(2.23, abs=0.01)  # the old grey
    assert contrast(style.GREY, "#FFFFFF") >= 3.0


@pytest.mark.parametrize("tone", sorted(style.TONES))
def test_every_bar_tone_against_white_and_its_ink(tone: str) -> None:
    fill = style.TONES[tone]
    assert contrast(fill, "#FFFFFF") >= 3.0, tone
    assert contrast(fill, _ink(style.STACK_INK[tone])) >= 4.5, tone


def test_css_uses_the_figure_colours() -> None:
    css = (files("kl_survey.resources") / "templates" / "report.css").read_text("utf-8")
    assert f"--grey: {style.GREY};" in css and f"--blue: {style.BLUE};" in css
    for tone in ("s1", "s2", "s3", "s4"):
        rule = re.search(rf"\.tone-{tone} \{{ background: (#[0-9A-Fa-f]{{6}})", css)
        assert rule is not None and rule.group(1).upper() == style.TONES[tone].upper()
    for text in re.findall(r"color: (#[0-9A-Fa-f]{6})", css):
        assert contrast(text, "#FFFFFF") >= 4.5 or text.upper() == "#FFFFFF", text
