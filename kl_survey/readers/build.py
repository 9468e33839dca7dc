"""Shared building blocks for readers: label cleaning, tick parsing, and SurveyBuilder.

Every survey tool spells "chosen" differently (``X``, ``1``, ``Valgt``, the option text)
and pads labels with stray spaces and newlines. Normalising that here, once, is what
lets the same survey give the same numbers whichever tool exported it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kl_survey import municipalities as mun
from kl_survey.model import (
    Population,
    QType,
    Question,
    SourceInfo,
    Survey,
    is_dont_know,
)
from kl_survey.readers import columns
from kl_survey.readers.columns import arrow_strings

_WS = re.compile(r"\s+")
# Python's \s (str.isspace) spelt out for RE2, because RE2's own \s misses \v, \x1c-\x1f,
# NBSP and the Unicode spaces; pyarrow then cleans a column in C++, not cell by cell.
_NON_SPACE_WS = (r"\x{9}-\x{d}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}"
                 r"\x{2029}\x{202f}\x{205f}\x{3000}")
_WS_RUN = f"[ {_NON_SPACE_WS}]+"
# A cell :func:`clean_label` would change: a whitespace character other than the space,
# a double space, or a space at either end. Matching is cheaper than replacing, and
# most columns are clean already (and get cleaned again by later steps).
_DIRTY = f"^ | $|  |[{_NON_SPACE_WS}]"

TICK_YES = frozenset({"x", "1", "ja", "valgt", "y", "yes", "true", "sand", "checked", "1.0"})
TICK_NO = frozenset({"", "0", "nej", "ikke valgt", "n", "no", "false", "falsk", "unchecked",
                     "0.0", "not selected", "-"})


def clean_label(value: object) -> str:
    """Strip and fold all whitespace (newlines, NBSP, tabs) to single spaces."""
    return _WS.sub(" ", str(value).replace("\u00a0", " ")).strip()


def clean_series(s: pd.Series) -> pd.Series:
    """Vectorised :func:`clean_label` that keeps NA and turns blank cells into NA."""
    s = s.astype("str") if s.dtype == object else s
    arr = arrow_strings(s)
    if arr is None:  # not Arrow-backed: pandas' (per-cell) regex path
        out = s.str.replace(r"\s+", " ", regex=True).str.strip()
        return out.mask(out == "")
    memo = columns.entry(s, arr)  # readers clean a column several times: do it once
    if memo.cleaned is None:
        memo.cleaned = _clean_arrow(arr, columns.factorize(s)[1])
    out = pd.Series(memo.cleaned, dtype=s.dtype, index=s.index, name=s.name)
    if memo.cleaned is not arr:  # cleaning is idempotent
        columns.entry(out, memo.cleaned).cleaned = memo.cleaned
    return out


def _clean_arrow(arr: pa.ChunkedArray, uniques: pd.Index) -> pa.ChunkedArray:
    """One C++ pass, and only when a distinct value needs it (most columns are clean)."""
    distinct = uniques.array.__arrow_array__()
    if pc.any(pc.match_substring_regex(distinct, _DIRTY)).as_py():
        arr = pc.utf8_trim(pc.replace_substring_regex(arr, _WS_RUN, " "), " ")
    elif not pc.any(pc.equal(distinct, "")).as_py():
        return arr
    blank = pc.equal(arr, "")
    if pc.any(blank).as_py():
        arr = pc.if_else(blank, pa.scalar(None, arr.type), arr)
    return arr


def tick_values(s: pd.Series, option: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Interpret one multi-select column: ``(chosen: bool Series, other_text: str Series)``.

    A cell is chosen when it holds a yes-token or the option's own text; any other
    non-blank text that is not a no-token counts as chosen too and is kept as the
    free text written under that option ("Andet, angiv: ...").
    """
    cleaned = clean_series(s)
    codes, uniques = columns.factorize(cleaned)  # decide per distinct value, spread by code
    low = pd.Series(uniques, dtype=cleaned.dtype).str.lower()
    is_no = np.append(low.isin(list(TICK_NO)).to_numpy(dtype=bool), True)  # NA (-1): no
    is_yes = low.isin(list(TICK_YES))
    if option is not None:
        is_yes = is_yes | (low == option.lower())
    is_yes = np.append(is_yes.to_numpy(dtype=bool), False)
    chosen = ~is_no[codes]
    written = chosen & ~is_yes[codes]
    arr = arrow_strings(cleaned)
    if written.any() or arr is None:
        other = cleaned.where(written)
    else:  # plain ticks: no free text (and no masked copy of a 500 000-row column)
        other = pd.Series(pa.nulls(len(cleaned), arr.type), dtype=cleaned.dtype,
                          index=cleaned.index, name=cleaned.name)
    return pd.Series(chosen, index=cleaned.index, name=cleaned.name), other


def tick_frame(columns: list[tuple[pd.Series, str]]) -> tuple[pd.DataFrame, pd.Series]:
    """One multi-select question from its per-option columns: ``(chosen, other_text)``.

    ``columns`` pairs each option's raw column with the option label; free text written
    in any option's cell (the "Andet, angiv" column) becomes the respondent's other text.
    """
    chosen: dict[str, pd.Series] = {}
    other: pd.Series | None = None
    for values, option in columns:
        chosen[option], text = tick_values(values, option)
        if other is None:
            other = text
        elif text.notna().any():
            other = other.fillna(text)
    assert other is not None, "a multi-select question has at least one option column"
    return pd.DataFrame(chosen), other


def sha256_of(path: Path) -> str:
    """Content hash for the JSON ``source``; a folder hashes its files in name order."""
    h = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for f in files:
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


_ORDER_HEAD = ("ja", "yes")
_ORDER_TAIL_NO = ("nej", "no")
_ORDER_LAST = ("andet", "other", "ved ikke", "don't know", "ønsker ikke")


def _rank(label: str) -> int:
    low = label.lower()
    if is_dont_know(label) or low.startswith(_ORDER_LAST[2:]):
        return 4
    if low.startswith(_ORDER_LAST[:2]):
        return 3
    if low.split(",")[0].split(" ")[0] in _ORDER_TAIL_NO:
        return 2
    if low.split(",")[0].split(" ")[0] in _ORDER_HEAD:
        return 0
    return 1


def order_options(labels: list[str], counts: dict[str, int] | None = None) -> tuple[str, ...]:
    """Order inferred options as a questionnaire would: Ja…, others, Nej…, Andet, Ved ikke.

    Used only when the source carries no option order (hand-built sheets); within a
    group the most frequent option comes first (ties keep first appearance), which is
    how a newsletter orders a nominal question. Numeric codes sort by value. A spec
    file fixes the order for good.
    """
    try:
        return tuple(sorted(labels, key=float))
    except ValueError:
        freq = counts or {}
        return tuple(sorted(labels, key=lambda o: (_rank(o), -freq.get(o, 0))))


def dont_know_options(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(o for o in options if is_dont_know(o))


@dataclass
class SurveyBuilder:
    """Collects questions column-wise and produces a frozen :class:`Survey`.

    ``rows`` are the source row numbers of candidate respondents; rows with no answer
    to any question are dropped at :meth:`build` (distributed but never answered).
    """

    source: SourceInfo
    rows: list[int]
    questions: list[Question] = field(default_factory=list)
    answers: dict[str, pd.Series | pd.DataFrame] = field(default_factory=dict)
    other_text: dict[str, pd.Series] = field(default_factory=dict)
    unparsed: dict[str, pd.Series] = field(default_factory=dict)
    municipality_raw: pd.Series | None = None
    complete: pd.Series | None = None
    respondent_id: pd.Series | None = None
    notes: list[str] = field(default_factory=list)
    title: str | None = None

    @property
    def n(self) -> int:
        return len(self.rows)

    def _index(self) -> pd.RangeIndex:
        return pd.RangeIndex(self.n)

    def add_single(self, q: Question, values: pd.Series,
                   options: tuple[str, ...] | None = None) -> None:
        """``values`` are labels (NA = no answer); unknown labels are appended as options."""
        vals = clean_series(values.reset_index(drop=True))
        codes, uniques = columns.factorize(vals)  # labels in order of appearance
        seen = [str(v) for v in uniques]
        counts = np.bincount(codes[codes >= 0], minlength=len(seen)).tolist()
        opts = (tuple(options) if options is not None
                else order_options(seen, dict(zip(seen, counts, strict=True))))
        extra = [v for v in seen if v not in opts]
        opts = opts + tuple(extra)
        position = {o: i for i, o in enumerate(opts)}
        remap = np.array([position[v] for v in seen] + [-1], dtype=np.int64)  # NA: -1 → -1
        cat = pd.Categorical.from_codes(remap[codes], dtype=pd.CategoricalDtype(list(opts)))
        self._add(q, QType.SINGLE, opts, pd.Series(cat, index=self._index()))

    def add_multi(self, q: Question, chosen: pd.DataFrame,
                  other: pd.Series | None = None) -> None:
        """``chosen`` is a bool frame with one column per option, in option order."""
        frame = chosen.reset_index(drop=True).astype(bool)
        frame.index = self._index()
        self._add(q, QType.MULTI, tuple(str(c) for c in frame.columns), frame)
        if other is not None and other.notna().any():
            self.other_text[q.id] = other.reset_index(drop=True)

    def add_numeric(self, q: Question, values: pd.Series) -> None:
        from kl_survey.numbers import parse_number

        vals = clean_series(values.reset_index(drop=True))
        # Parse each distinct text once (an age column has ~80), then spread by code.
        codes, uniques = columns.factorize(vals)
        distinct = pd.Series(uniques, dtype=vals.dtype, name=vals.name)
        if (codes < 0).any():  # NA as one more distinct value, as to_numeric sees it
            codes = np.where(codes < 0, len(distinct), codes)
            distinct = pd.concat([distinct, pd.Series([None], dtype=vals.dtype, name=vals.name)],
                                 ignore_index=True)
        num = pd.to_numeric(distinct, errors="coerce")
        bad = num.isna() & distinct.notna()
        if bad.any():  # Danish "1.234,5" and friends: parse the leftovers one by one
            num[bad] = [parse_number(str(v)) for v in distinct[bad]]
            still = (num.isna() & distinct.notna()).to_numpy()[codes]
            if still.any():  # kept so validate can quote what was written
                self.unparsed[q.id] = vals.where(still)
        num = num.take(codes).astype("Float64").set_axis(self._index())
        self._add(q, QType.NUMERIC, (), num)

    def add_text(self, q: Question, values: pd.Series) -> None:
        self._add(q, QType.TEXT, (), clean_series(values.reset_index(drop=True)))

    def add_other(self, qid: str, values: pd.Series) -> None:
        self.other_text[qid] = clean_series(values.reset_index(drop=True))

    def _add(self, q: Question, qtype: QType, options: tuple[str, ...],
             data: pd.Series | pd.DataFrame) -> None:
        from dataclasses import replace

        dk = q.dont_know or dont_know_options(options)
        self.questions.append(replace(q, type=qtype, options=options, dont_know=dk))
        self.answers[q.id] = data

    def _answered_any(self) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        for data in self.answers.values():
            if isinstance(data, pd.DataFrame):
                mask |= data.to_numpy(dtype=bool).any(axis=1)
            else:
                mask |= data.notna().to_numpy()
        return mask

    def build(self, *, drop_unanswered: bool = True, complete_only: bool = False) -> Survey:
        resp = pd.DataFrame({"row": np.asarray(self.rows, dtype=np.int64)})
        resp["complete"] = (self.complete.reset_index(drop=True).astype(bool).to_numpy()
                            if self.complete is not None else True)
        if self.respondent_id is not None:
            resp["id"] = clean_series(self.respondent_id.reset_index(drop=True))
        population = None
        if self.municipality_raw is not None:
            raw = clean_series(self.municipality_raw.reset_index(drop=True))
            resp["municipality_raw"] = raw
            resp["municipality"] = _codes(raw)
            population = Population("kommuner", len(mun.register()))
        keep = self._answered_any() if drop_unanswered else np.ones(self.n, dtype=bool)
        dropped = int((~keep).sum())
        if complete_only:
            keep &= resp["complete"].to_numpy(dtype=bool)
        notes = list(self.notes)
        if dropped:
            notes.append(f"{dropped} rækker uden svar er ikke talt med som besvarelser.")
        return Survey(
            source=self.source,
            questions=tuple(self.questions),
            respondents=resp[keep].reset_index(drop=True),
            answers={k: _take(v, keep) for k, v in self.answers.items()},
            other_text={k: _take(v, keep) for k, v in self.other_text.items()},
            unparsed={k: _take(v, keep) for k, v in self.unparsed.items()},
            population=population,
            title=self.title,
            notes=tuple(notes),
        )


def _take(data: pd.Series | pd.DataFrame, keep: np.ndarray) -> pd.Series | pd.DataFrame:
    out = data[keep]
    return out.reset_index(drop=True)


def _codes(raw: pd.Series) -> pd.Series:
    """Municipality codes for the raw values, matching each distinct value once."""
    codes, uniques = columns.factorize(raw)
    found = [mun.match(v) for v in uniques]
    lookup = pd.array([m.code if m else pd.NA for m in found] + [pd.NA], dtype="Int64")
    return pd.Series(lookup.take(codes), index=raw.index, name=raw.name)  # -1 (NA) → last

