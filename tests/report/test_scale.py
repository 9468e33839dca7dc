"""The one bar scale (issue 14.1): geometry that every bar chart of a report shares."""

from __future__ import annotations

import pytest

from kl_survey.report import scale, style


def test_label_column_fits_the_widest_label_within_limits() -> None:
    short = scale.for_labels(["Ja", "Nej"])
    assert short.label_width == style.MIN_LABEL_WIDTH
    mid = scale.for_labels(["Ja", "Fælles konferencer"])
    assert mid.label_width == pytest.approx(
        scale.text_width("Fælles konferencer") * scale.RENDER_SLACK, abs=1e-4)
    assert mid.label_width >= scale.text_width("Fælles konferencer")
    long = scale.for_labels(["BUP tilbyder faglig rådgivning om konkrete behandlingsforløb"])
    assert long.label_width == style.MAX_LABEL_WIDTH


def test_geometry_adds_up_and_lengths_are_clamped() -> None:
    s = scale.BarScale(2.0)
    assert s.bar_left + s.track + style.VALUE_ROOM + style.MARGIN == pytest.approx(style.WIDTH)
    assert s.inch_per_point == pytest.approx(s.track / 100)
    assert (s.length(0.5), s.length(-0.1), s.length(1.2)) == (0.5, 0.0, 1.0)
    assert 0 < s.label_fraction < 1


def test_measuring_needs_no_matplotlib_import() -> None:
    import subprocess
    import sys

    code = ("import sys; from kl_survey.report import scale; scale.for_labels(['Ja']); "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
