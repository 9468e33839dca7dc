"""THE chart style: palette, fonts, sizes and matplotlib settings, in one place.

A KL newsletter chart is quiet: one strong blue, grey for answers that are not findings,
no frame, no grid, no axis, the share printed at the end of each bar. Only blue and
grey are used for meaning, which reads the same for every kind of colour blindness;
stacked bars use a light-to-dark blue ramp, so order, not hue, carries the meaning.
"""

from __future__ import annotations

from typing import Any

# Colours -------------------------------------------------------------------------------
# Every bar colour reaches 3:1 against white (WCAG 1.4.11, graphics); text on a bar
# reaches 4.5:1 (1.4.3). tests/test_report_style.py checks both.
BLUE = "#14487F"  # KL-like dark blue for the bars (9.3:1)
GREY = "#858B92"  # "Ved ikke", "Andet", "Nej, ikke endnu" (3.4:1)
TEXT = "#1D2329"  # labels and shares
MUTED_TEXT = "#5B636B"  # footer: base note and source (6.1:1)
#: Stacked segments, strong to light; segments are parted by white lines, so each one
#: needs its 3:1 against white, and its printed share the ink in STACK_INK.
STACK = ("#0E3A6B", "#1F5A99", "#3A78B8", "#5B8DC4")
#: Bar tones as the report model names them (see structure.Bar.tone) → fill colour.
TONES = {"main": BLUE, "muted": GREY, "s1": STACK[0], "s2": STACK[1], "s3": STACK[2],
         "s4": STACK[3]}
#: The ink for a share printed on a segment of that tone.
STACK_INK = {"main": "white", "s1": "white", "s2": "white", "s3": "white", "s4": TEXT,
             "muted": TEXT}

# Fonts ---------------------------------------------------------------------------------
#: DejaVu Sans ships with matplotlib and has æøå, so PNGs look the same everywhere and
#: label widths are measured in the widest font we may be shown in.
FONT_FAMILY = ["DejaVu Sans"]
#: The SVG keeps text as text and names fallbacks a browser or Word will have.
SVG_FONT_STACK = "'DejaVu Sans', Arial, Helvetica, 'Liberation Sans', sans-serif"
LABEL_SIZE = 9.0  # pt: option labels
VALUE_SIZE = 9.0  # pt: the printed share
TITLE_SIZE = 10.5  # pt: the spec's short title
NOTE_SIZE = 7.5  # pt: base note and source
LINE_SPACING = 1.25  # multiples of the font size

# Geometry (inches) -------------------------------------------------------------------
WIDTH = 6.3  # 16 cm: the text width of an A4 newsletter page
MARGIN = 0.03  # outer padding on every side
MAX_LABEL_WIDTH = 2.7  # a label column wider than this wraps
MIN_LABEL_WIDTH = 0.5
LABEL_GAP = 0.08  # between label and bar
VALUE_ROOM = 0.62  # right of a 100% bar, for "100,0%"
BAR_HEIGHT = 0.22
ROW_GAP = 0.12  # vertical space between rows
TITLE_GAP = 0.12
NOTE_GAP = 0.14  # between the last bar and the footer
STACK_HEIGHT = 0.34  # the single stacked bar
LEGEND_ROW = 0.24
MIN_SEGMENT_FOR_LABEL = 0.12  # share a stacked segment needs to hold its label (also on a phone)

PNG_DPI = 300


def rc(salt: str) -> dict[str, Any]:
    """rcParams for one figure; ``salt`` keeps SVG ids unique per figure yet stable.

    ``svg.fonttype='none'`` keeps text as text (selectable, searchable, cheap for
    WeasyPrint); a fixed ``svg.hashsalt`` replaces matplotlib's random one so two runs
    give the same bytes; ``text.parse_math`` off so "$" in a label is just a dollar.
    """
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": f"kl-survey-{salt}",
        "svg.image_inline": True,
        "font.family": "sans-serif",
        "font.sans-serif": FONT_FAMILY,
        "font.size": LABEL_SIZE,
        "text.color": TEXT,
        "text.parse_math": False,
        "text.usetex": False,
        "axes.unicode_minus": False,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.edgecolor": "white",
        "savefig.transparent": False,
        "path.simplify": True,
        "pdf.fonttype": 42,
    }


def metadata(fmt: str, created: str | None) -> dict[str, Any]:
    """File metadata: no wall-clock date, ever; SOURCE_DATE_EPOCH's date when given.

    ``created`` is the W3C datetime the writer derived from SOURCE_DATE_EPOCH, or None
    (then the date is left out rather than invented).
    """
    if fmt == "svg":
        return {"Date": created, "Creator": "kl-survey"}
    if fmt == "png":
        meta: dict[str, Any] = {"Software": "kl-survey"}
        if created:
            meta["Creation Time"] = created
        return meta
    return {}
