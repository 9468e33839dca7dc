"""Stand-alone figures carry their font; inline charts rely on the page."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kl_survey.pipeline import run
from kl_survey.report import fonts
from kl_survey.report.writer import write_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
_FACE = re.compile(r"font-weight:(\w+);src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(run(EXAMPLE)[0], out, formats=("html", "svg"))
    return out


def test_standalone_svg_embeds_regular_and_bold_covering_every_character(report: Path) -> None:
    svg = (report / "figures" / "q07.svg").read_text(encoding="utf-8")
    faces = dict(_FACE.findall(svg))
    assert set(faces) == {"normal", "bold"}
    needed = {ord(c) for c in fonts.svg_text(svg) if not c.isspace()}
    assert {ord(c) for c in "æøå"} & needed  # Q7's labels have Danish letters
    for data in faces.values():
        cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
        assert needed <= set(cmap), sorted(chr(c) for c in needed - set(cmap))


def test_text_stays_text_and_inline_charts_do_not_repeat_the_font(report: Path) -> None:
    svg = (report / "figures" / "q01.svg").read_text(encoding="utf-8")
    assert "<text" in svg and "Ja, helt i drift" in svg
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "@font-face" not in page


def test_embedding_is_deterministic() -> None:
    assert fonts.font_face_css("Søjle æøå 12,5%") == fonts.font_face_css("Søjle æøå 12,5%")
