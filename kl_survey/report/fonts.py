"""Embed the chart font in the stand-alone ``figures/qNN.svg`` files.

Charts keep their text as text (``svg.fonttype='none'``: selectable, searchable, small),
so a figure opened on a machine without DejaVu Sans would fall back to another font and
its labels could overrun the bars. Each stand-alone SVG therefore carries DejaVu Sans
(regular and bold), subset to the characters the report's figures use, as a WOFF data
URI. The inline charts in the HTML and PDF do not need it: the page's CSS and
WeasyPrint's own font embedding cover those.
"""

from __future__ import annotations

import base64
import html
import io
import re
from functools import cache
from pathlib import Path

_TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")
_STYLE_OPEN = re.compile(r'<style type="text/css">')
_FACES = (("DejaVuSans.ttf", "normal"), ("DejaVuSans-Bold.ttf", "bold"))


def svg_text(svg: str) -> str:
    """Every character drawn as text in an SVG (what the subset must cover)."""
    return "".join(html.unescape(m) for m in _TEXT.findall(svg))


@cache
def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _subset(font_file: str, text: str) -> bytes:
    from fontTools import subset

    opts = subset.Options()
    opts.flavor = "woff"  # zlib: deterministic, and faster to write than WOFF2's brotli
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = ["kern", "liga"]
    opts.drop_tables = [*opts.drop_tables, "FFTM"]  # FontForge's timestamp table
    font = subset.load_font(str(_font_dir() / font_file), opts)
    subsetter = subset.Subsetter(opts)
    subsetter.populate(text=text + " %,.0123456789")
    subsetter.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, opts)
    return buf.getvalue()


def font_face_css(text: str) -> str:
    """``@font-face`` rules for DejaVu Sans regular and bold covering ``text``."""
    rules = []
    for font_file, weight in _FACES:
        data = base64.b64encode(_subset(font_file, text)).decode("ascii")
        rules.append(f"@font-face{{font-family:'DejaVu Sans';font-weight:{weight};"
                     f"src:url(data:font/woff;base64,{data}) format('woff')}}")
    return "".join(rules)


def embed(svg: str, css: str) -> str:
    """Put the ``@font-face`` rules at the top of the SVG's own stylesheet."""
    return _STYLE_OPEN.sub(lambda m: m.group(0) + css, svg, count=1)
