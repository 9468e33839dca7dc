"""The 98 Danish municipalities, and turning whatever a survey export holds into one.

KL surveys go to every municipality, so the respondent's municipality drives response
rates and regional breakdowns. Exports spell it every way: a code (``"0101"``, or
``101.0`` after Excel), any case, with "Kommune", genitive ("Københavns Kommune"), old
("Århus") or ASCII ("Koebenhavn") spellings. All reduce to one normalised key, so a
lookup is one dict access. The register is package data (``resources/kommuner.csv``,
Danmarks Statistik's codes and names) so it can be corrected without code changes.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import numbers
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import pandas as pd

REGIONS: tuple[str, ...]
REGIONS = ("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland")

# Names people still write that are not the current official ones. Only unambiguous
# ones: each must point at exactly one municipality.
_ALIASES: dict[str, int] = {
    **dict.fromkeys(("Kgs. Lyngby", "Kongens Lyngby", "Lyngby"), 173),
    **dict.fromkeys(("Kbh", "Copenhagen"), 101),
    "Brønderslev-Dronninglund": 810,  # official name in 2007
    "Frederiksværk-Hundested": 260,  # official name 2007-2008, now Halsnæs
    "Nordfyn": 480,
    "Vesthimmerland": 820,
}
# Trailing words that say "municipality" rather than which one.
_SUFFIXES = frozenset({"kommune", "regionskommune"})
# Danish letters get their official ASCII transliteration, so "Aarhus"/"Århus" and
# "Koebenhavn"/"København" meet; Swedish/German umlauts follow the same pattern.
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"})
_NUMERIC = re.compile(r"0*(\d{1,3})(?:[.,]0*)?")
_CODE_AND_NAME = re.compile(r"0*(\d{3})\b[\s\-–:.]*(\D.*)")


@dataclass(frozen=True)
class Municipality:
    """One municipality: CPR/Danmarks Statistik code, short name, region."""

    code: int
    name: str
    region: str

    def as_dict(self) -> dict[str, object]:
        """Plain dict for JSON/CSV output, so callers need not know the dataclass."""
        return {"code": self.code, "name": self.name, "region": self.region}


@dataclass(frozen=True)
class Coverage:
    """Who answered versus who was asked (all 98), overall and per region."""

    respondents: int
    population: int
    response_rate: float
    non_respondents: tuple[Municipality, ...]
    by_region: tuple[tuple[str, int, int], ...]  # (region, answered, population)


@cache
def register() -> tuple[Municipality, ...]:
    """All 98 municipalities sorted by code, read once from the packaged CSV.

    ``importlib.resources`` rather than ``__file__`` so it works from wheels and zips.
    """
    text = (files("kl_survey.resources") / "kommuner.csv").read_text(encoding="utf-8")
    rows = [
        Municipality(int(row["code"]), row["name"].strip(), row["region"].strip())
        for row in csv.DictReader(io.StringIO(text))
    ]
    unknown = {m.region for m in rows} - set(REGIONS)
    if unknown:  # a typo in the data file must not silently create a sixth region
        raise ValueError(f"kommuner.csv: unknown region(s) {sorted(unknown)}")
    return tuple(sorted(rows, key=lambda m: m.code))


@cache
def _by_code() -> dict[int, Municipality]:
    return {m.code: m for m in register()}


def _key(text: str) -> str:
    """Lowercase ASCII key without separators or a trailing "Kommune".

    Case, accents, dashes, dots and spacing all vanish, so "Høje Taastrup",
    "HØJE-TAASTRUP KOMMUNE" and "Hoeje-Taastrup" are one key.
    """
    words = _ascii_words(text)
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return "".join(words)


def _ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", text)


def slug_text(text: str) -> str:
    """``"Høje-Taastrup"`` → ``"hoeje-taastrup"``: a file-name part that survives every
    file system and zip tool, with the official transliteration of æ, ø and å."""
    return "-".join(_ascii_words(text))


def slug(m: Municipality) -> str:
    """``101-koebenhavn``: the stem of a municipality's own report files."""
    return f"{m.code}-{slug_text(m.name)}"


@cache
def _index() -> dict[str, Municipality]:
    """Normalised name/alias key -> municipality; built once, checked for clashes."""
    index: dict[str, Municipality] = {}
    pairs = [(m.name, m) for m in register()]
    pairs += [(alias, by_code(code)) for alias, code in _ALIASES.items()]
    for text, m in pairs:
        key = _key(text)
        if index.setdefault(key, m) != m:
            raise ValueError(f"ambiguous key {key!r}: {index[key].name}/{m.name}")
    return index


def by_code(code: int) -> Municipality:
    """The municipality with this code; ``KeyError`` if none (e.g. 411 Christiansø)."""
    return _by_code()[int(code)]


@lru_cache(maxsize=1 << 16)
def _match_text(text: str) -> Municipality | None:
    stripped = text.strip()
    numeric = _NUMERIC.fullmatch(stripped)
    if numeric:
        return _by_code().get(int(numeric.group(1)))
    index = _index()
    key = _key(stripped)
    found = index.get(key)
    # Genitive ("Lemvigs Kommune") only when the bare word is unknown, so names that
    # really end in s (Frederikssund, Vesthimmerlands, Nordfyns) are never cut.
    if found is None and key.endswith("s"):
        found = index.get(key[:-1])
    if found is None:
        both = _CODE_AND_NAME.fullmatch(stripped)  # "101 København", "0101 - København"
        if both and _match_text(both.group(2)) == _by_code().get(int(both.group(1))):
            found = _by_code().get(int(both.group(1)))
    return found


def match(value: object) -> Municipality | None:
    """The municipality a cell means, or ``None`` for blanks and anything unrecognised."""
    if isinstance(value, str):
        return _match_text(value) if value.strip() else None
    if isinstance(value, bool):  # True == 1 must not become a code lookup
        return None
    if isinstance(value, numbers.Integral):
        return _by_code().get(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return _by_code().get(int(number))
    return None


def alias_of(value: str) -> Municipality | None:
    """The municipality ``value`` names by an old or informal name ("Lyngby", "Århus
    Kommune" is the official name spelt old-style and is not one), else ``None``: the
    answer is counted, but ``validate`` asks for the official name."""
    code = _ALIAS_KEYS.get(_key(str(value)))
    return by_code(code) if code is not None else None


_ALIAS_KEYS = {_key(alias): code for alias, code in _ALIASES.items()}


def suggest(value: str, limit: int = 3) -> list[Municipality]:
    """Close spellings, best first, for "mente du København (101)?" messages."""
    key = _key(str(value))
    if not key or limit <= 0:
        return []
    index = _index()
    close = difflib.get_close_matches(key, list(index), n=len(index), cutoff=0.6)
    return list(dict.fromkeys(index[c] for c in close))[:limit]  # dedupe aliases


def _blank(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _tally(values: Iterable[object], min_share: float | None = None) -> tuple[int, int]:
    """(matched, non-blank) counted per cell but matched per *unique* value.

    With ``min_share`` the count stops as soon as the column cannot reach it, which
    keeps free-text columns with 500 000 distinct answers cheap in ``detect_column``.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    try:
        counts = series.value_counts(dropna=True)
    except TypeError:  # unhashable cells (lists): never a municipality, still non-blank
        counts = series.map(lambda v: v if isinstance(v, Hashable) else repr(v))
        counts = counts.value_counts(dropna=True)
    items = [(v, int(n)) for v, n in counts.items() if not _blank(v)]
    total = sum(n for _, n in items)
    allowed = math.inf if min_share is None else (1.0 - min_share) * total
    matched = missed = 0
    for value, n in items:  # most frequent first, so hopeless columns fail fast
        if match(value) is None:
            missed += n
            if missed > allowed:
                break
        else:
            matched += n
    return matched, total


def _plausible(values: Sequence[object], min_share: float) -> bool:
    """Cheap rejection of big columns from a fixed-seed sample of 2 000 cells.

    A free-text column with 500 000 distinct answers would otherwise need 100 000
    lookups before the exact count gives up. A column really at ``min_share`` shows
    below ``min_share - 0.15`` in 200+ non-blank sampled cells with p < 1e-7.
    """
    if len(values) <= 5_000:
        return True
    sample = pd.Series(list(values), dtype=object).sample(n=2_000, random_state=0)
    cells = [v for v in sample if not _blank(v)]
    hits = sum(match(v) is not None for v in cells)
    return len(cells) < 200 or hits / len(cells) >= min_share - 0.15


def match_share(values: Iterable[object]) -> float:
    """Share of non-blank values that name a municipality (0.0 if all are blank)."""
    matched, total = _tally(values)
    return matched / total if total else 0.0


def detect_column(
    columns: Mapping[str, Sequence[object]], min_share: float = 0.8
) -> str | None:
    """Which column holds the municipality, so users need not say it.

    Highest share wins (must be >= ``min_share``); ties go to more matches, then to
    the first column. Columns with fewer than 3 non-blank values carry too little
    evidence and are ignored. Accepts a dict of lists or a DataFrame.
    """
    best: str | None = None
    best_score = (-1.0, -1)
    for name in columns:
        if not _plausible(columns[name], min_share):
            continue
        matched, total = _tally(columns[name], min_share)
        if total < 3:
            continue
        share = matched / total
        if share >= min_share and (share, matched) > best_score:
            best, best_score = name, (share, matched)
    return best


def coverage(codes: Iterable[int], among: Iterable[int] | None = None) -> Coverage:
    """Response coverage of distinct respondent codes against all 98 municipalities,
    or against the municipalities ``among`` (a survey limited to some of them).

    Unknown codes raise ``ValueError``: a silently dropped respondent would make the
    response rate look worse than it is.
    """
    answered = {int(code) for code in codes}
    unknown = sorted(answered - set(_by_code()))
    if unknown:
        raise ValueError(f"unknown municipality code(s): {unknown}")
    asked = None if among is None else {int(code) for code in among}
    everyone = tuple(m for m in register() if asked is None or m.code in asked)
    population = Counter(m.region for m in everyone)
    hits = Counter(m.region for m in everyone if m.code in answered)
    by_region = tuple((r, hits[r], population[r]) for r in REGIONS)
    return Coverage(
        respondents=len(answered),
        population=len(everyone),
        response_rate=len(answered) / len(everyone),
        non_respondents=tuple(m for m in everyone if m.code not in answered),
        by_region=by_region,
    )
