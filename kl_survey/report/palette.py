"""Map colours that survive a greyscale printer and red-green colour blindness.

A map class must be told apart by lightness alone: hue is what deuteranopes and
protanopes lose, and what a black-and-white print drops. So every palette here is one
blue hue (the house blue of :mod:`kl_survey.report.style`, drifting towards cyan as it
lightens, like ColorBrewer's "Blues") stepped evenly in CIE L*, the perceptual lightness
scale. Five classes sit 14 L* apart, well above the ~10 L* at which two greys are
reliably told apart. "Ved ikke"/"Andet" take a neutral light grey lighter than every
blue, and non-respondents are white with grey hatching, so the pattern, not a colour,
marks them.

Colours are computed (CIE LCh → sRGB, D65) rather than typed in, so a question with any
number of answers gets an evenly spaced palette; tests check the spacing.
"""

from __future__ import annotations

import math

#: Light grey (L* 90) for "Ved ikke" and "Andet": answers that are not findings.
NEUTRAL = "#E2E2E2"
#: Non-respondents: white face, hatched in this grey, outlined in the same grey.
MISSING_FACE = "#FFFFFF"
MISSING_HATCH = "#8E959C"
HATCH = "////"
#: Municipality borders between coloured areas.
BORDER = "#FFFFFF"

_DARK, _LIGHT = 22.0, 78.0  # L* range of the categorical ramp (darkest answer first)
_SEQ_LIGHT, _SEQ_DARK = 91.0, 28.0  # L* range of the choropleth ramp (low values light)
_HUE_DARK, _HUE_LIGHT = -82.0, -110.0  # CIELAB hue angle (degrees) at L* 22 and L* 90
_WHITE = (0.95047, 1.0, 1.08883)  # D65 reference white


def _lab_to_hex(lightness: float, a: float, b: float) -> str:
    fy = (lightness + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def inverse(t: float) -> float:
        return t**3 if t**3 > 0.008856 else (t - 16 / 116) / 7.787

    x, y, z = (w * inverse(f) for w, f in zip(_WHITE, (fx, fy, fz), strict=True))
    linear = (3.2406 * x - 1.5372 * y - 0.4986 * z,
              -0.9689 * x + 1.8758 * y + 0.0415 * z,
              0.0557 * x - 0.2040 * y + 1.0570 * z)
    return "#" + "".join(f"{round(_encode(c) * 255):02X}" for c in linear)


def _encode(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def blue(lightness: float) -> str:
    """The house blue at CIE lightness ``lightness``: chroma tapers as it lightens."""
    t = (lightness - 22.0) / 68.0
    hue = math.radians(_HUE_DARK + (_HUE_LIGHT - _HUE_DARK) * t)
    chroma = max(38.0 - 0.42 * max(0.0, lightness - 35.0), 8.0)
    return _lab_to_hex(lightness, chroma * math.cos(hue), chroma * math.sin(hue))


def _steps(n: int, first: float, last: float) -> list[float]:
    if n <= 1:
        return [(first + last) / 2] if n == 1 else []
    return [first + (last - first) * i / (n - 1) for i in range(n)]


def categorical(n: int) -> list[str]:
    """``n`` answer colours, darkest first: questionnaire order carries the meaning
    ("Ja, helt" darkest, "Nej" lightest), as in the stacked bars."""
    if n == 1:
        return [blue(38.0)]
    if n == 2:
        return [blue(30.0), blue(62.0)]
    return [blue(x) for x in _steps(n, _DARK, _LIGHT)]


def sequential(n: int) -> list[str]:
    """``n`` choropleth colours, lowest class lightest."""
    if n == 1:
        return [blue(45.0)]
    return [blue(x) for x in _steps(n, _SEQ_LIGHT, _SEQ_DARK)]


def _linear(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out[0], out[1], out[2]


def lightness(hex_colour: str) -> float:
    """CIE L* (0 black … 100 white) of an sRGB colour: what a greyscale print keeps."""
    r, g, b = _linear(hex_colour)
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y
