"""Words and number formats for bounds, intervals and withheld shares, in one place.

The terminal table, Markdown, xlsx and the report all say "93,9%–96,9%", "–" and
"Færre end 5 besvarelser" the same way because they all call these functions. Bounds
are printed from their exact counts (rounded half up once, like every share); an
interval's ends are real numbers and are rounded half up from their exact binary value.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from kl_survey.census import CI_METHOD, Bounds, Interval, Uncertainty
from kl_survey.numbers import Lang, format_decimal, format_percent, round_half_up

if TYPE_CHECKING:
    from kl_survey.analysis import Analysis, QuestionResult
    from kl_survey.breakdown import Breakdown, Cell

WITHHELD = "–"

_TEXT: dict[str, dict[str, str]] = {
    "bounds": {"da": "Grænser", "en": "Bounds"},
    "ci": {"da": "95%-interval", "en": "95% interval"},
    "total": {"da": "I alt", "en": "Total"},
    "by": {"da": "fordelt på", "en": "by"},
    "method": {"da": "Wilson med endelighedskorrektion",
               "en": "Wilson with finite population correction"},
    "bounds_note": {
        "da": "Grænser: andelen blandt alle {N} {unit}, uanset hvad de, der ikke har svaret "
              "på spørgsmålet, ville have svaret.",
        "en": "Bounds: the share among all {N} {unit}, whatever those who did not answer "
              "the question would have answered."},
    "ci_note": {
        "da": "95%-interval: {method} ({code}); aldrig uden for grænserne.",
        "en": "95% interval: {method} ({code}); never outside the bounds."},
    "few": {"da": "Færre end {k} besvarelser.", "en": "Fewer than {k} responses."},
    "stability": {
        "da": "Kommunerne er offentlige myndigheder, så grænsen skal sikre stabile tal, "
              "ikke fortrolighed.",
        "en": "Municipalities are public bodies, so the threshold is about stable numbers, "
              "not privacy."},
    "privacy": {
        "da": "Grænsen beskytter de enkelte svarpersoners fortrolighed.",
        "en": "The threshold protects the privacy of individual respondents."},
    "secondary": {
        "da": "{groups} er også skjult (sekundær diskretionering), så {hidden} ikke kan "
              "regnes ud fra totalen.",
        "en": "{groups} is also withheld (secondary suppression), so {hidden} cannot be "
              "worked out from the total."},
    "explain": {
        "da": "Grænserne bygger ikke på nogen antagelse: de er simpel optælling. "
              "Intervallet antager, at de manglende svar ligner dem, der kom.",
        "en": "The bounds assume nothing: they are plain counting. The interval assumes "
              "that the missing answers resemble those received."},
    "method_heading": {"da": "Grænser og usikkerhed", "en": "Bounds and uncertainty"},
    "sentence": {
        "da": "Uanset hvad de {missing} {unit}, der ikke har svaret, ville have svaret, "
              "ligger andelen mellem {low} og {high}.",
        "en": "Whatever the {missing} {unit} who did not answer would have answered, the "
              "share lies between {low} and {high}."},
}


def text(key: str, lang: Lang = "da", **values: object) -> str:
    return _TEXT[key][lang].format(**values)


def bounds_text(b: Bounds, lang: Lang = "da") -> str:
    """``93,9%–96,9%``, each end rounded half up from its exact count."""
    return (f"{format_percent(b.low_count, b.denominator, lang)}"
            f"–{format_percent(b.high_count, b.denominator, lang)}")


def _pct(x: float, lang: Lang) -> str:
    return format_decimal(Decimal(round_half_up(Fraction(x) * 100, 1)), lang) + "%"


def ci_text(ci: Interval, lang: Lang = "da") -> str:
    return f"{_pct(ci.low, lang)}–{_pct(ci.high, lang)}"


def range_text(u: Uncertainty | None, key: str, lang: Lang = "da") -> str:
    """A share's ``bounds`` or ``ci`` as text; empty when it has none."""
    if u is None:
        return ""
    if key == "bounds":
        return bounds_text(u.bounds, lang) if u.bounds is not None else ""
    return ci_text(u.ci, lang) if u.ci is not None else ""


def cell_text(c: Cell, lang: Lang = "da", *, count: bool = True) -> str:
    """``60,7% (17)``; a withheld share is "–", with its count only if the spec allows."""
    if c.excluded:
        return ""
    if c.suppressed or c.share is None:
        return WITHHELD if c.count is None or not count else f"{WITHHELD} ({c.count})"
    pct = format_percent(c.count or 0, c.base, lang)
    return f"{pct} ({c.count})" if count else pct


def group_heading(label: str, base: int, lang: Lang = "da") -> str:
    """``Nordjylland (n=10)``: every group carries its own n."""
    from kl_survey.grouping import display
    from kl_survey.numbers import format_int

    return f"{display(label, lang)} (n={format_int(base, lang)})"


def breakdown_notes(b: Breakdown, lang: Lang = "da") -> list[str]:
    """The footnote under a breakdown: the "–" rule and why, and any secondary cell."""
    if not b.primary and not b.secondary:
        return []
    notes = [f"{WITHHELD} {text('few', lang, k=b.min_base)} {text(b.reason, lang)}"]
    if b.secondary:
        notes.append(text("secondary", lang, groups=_join(b.secondary, lang),
                          hidden=_join(b.primary, lang)))
    return notes


def _join(labels: tuple[str, ...], lang: Lang) -> str:
    from kl_survey.grouping import display

    labels = tuple(display(label, lang) for label in labels)
    if len(labels) <= 1:
        return "".join(labels)
    word = " og " if lang == "da" else " and "
    return ", ".join(labels[:-1]) + word + labels[-1]


def method_notes(a: Analysis, lang: Lang = "da") -> list[str]:
    """What the bounds and interval columns mean, once per output."""
    found = [r.census for r in a.questions if r.census is not None]
    if not found or a.population is None:
        return []
    first = found[0]
    has_bounds = any(u is not None and u.bounds is not None for u in (first.yes, *first.options))
    unit = a.population.unit
    notes = []
    if has_bounds:
        notes.append(text("bounds_note", lang, N=a.population.size, unit=_unit(unit, lang)))
    if any(u is not None and u.ci is not None for u in (first.yes, *first.options)):
        notes.append(text("ci_note", lang, method=text("method", lang), code=CI_METHOD))
    return notes


def key_sentence(a: Analysis, r: QuestionResult, lang: Lang = "da") -> str | None:
    """"Uanset hvad de 3 kommuner … ligger andelen mellem 93,9% og 96,9%", for a
    question's headline share, when its bounds are known."""
    u = r.census.yes if r.census is not None else None
    if u is None or u.bounds is None or r.census is None or not r.census.missing:
        return None
    b = u.bounds
    unit = _unit(a.population.unit if a.population else "", lang)
    return text("sentence", lang, missing=r.census.missing, unit=unit,
                low=format_percent(b.low_count, b.denominator, lang),
                high=format_percent(b.high_count, b.denominator, lang))


def _unit(unit: str, lang: Lang) -> str:
    if unit == "kommuner":
        return "kommuner" if lang == "da" else "municipalities"
    return unit


def range_columns(r: QuestionResult, lang: Lang = "da") -> list[tuple[str, list[str], str]]:
    """Extra columns for a question's table: (heading, one cell per option, yes cell).

    Only the columns asked for (``--bounds``, ``--ci``) and only where the question's
    population is known; an option left out of the base gets an empty cell.
    """
    found = r.census
    if found is None:
        return []
    out = []
    for key in ("bounds", "ci"):
        cells = [range_text(u, key, lang) for u in found.options]
        yes = range_text(found.yes, key, lang)
        if any(cells) or yes:
            out.append((text(key, lang), cells, yes))
    return out
