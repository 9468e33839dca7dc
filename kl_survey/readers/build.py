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

from kl_survey import municipalities as mun
from kl_survey.model import (
    Population,
    Question,
    QType,
    SourceInfo,
    Survey,
    is_dont_know,
)

_WS = re.compile(r"\s+")

TICK_YES = frozenset({"x", "1", "ja", "valgt", "y", "yes", "true", "sand", "checked", "1.0"})
TICK_NO = frozenset({"", "0", "nej", "ikke valgt", "n", "no", "false", "falsk", "unchecked",
                     "0.0", "not selected", "-"})


def clean_label(value: object) -> str:
    """Strip and fold all whitespace (newlines, NBSP, tabs) to single spaces."""
    return _WS.sub(" ", str(value).replace("\u00a0", " ")).strip()


def clean_series(s: pd.Series) -> pd.Series:
    """Vectorised :func:`clean_label` that keeps NA and turns blank cells into NA."""
    s = s.astype("str") if s.dtype == object else s
    out = s.str.replace(r"\s+", " ", regex=True).str.strip()
    return out.mask(out == "")


def tick_values(s: pd.Series, option: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Interpret one multi-select column: ``(chosen: bool Series, other_text: str Series)``.

    A cell is chosen when it holds a yes-token or the option's own text; any other
    non-blank text that is not a no-token counts as chosen too and is kept as the
    free text written under that option ("Andet, angiv: ...").
    """
    cleaned = clean_series(s)
    low = cleaned.str.lower()
    is_no = low.isna() | low.isin(list(TICK_NO))
    is_yes = low.isin(list(TICK_YES))
    if option is not None:
        is_yes = is_yes | (low == option.lower())
    chosen = ~is_no
    other = cleaned.where(chosen & ~is_yes)
    return chosen.fillna(False).astype(bool), other


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
        counts = vals.value_counts(sort=False)
        seen = [str(v) for v in pd.unique(vals.dropna())]
        opts = (tuple(options) if options is not None
                else order_options(seen, {str(k): int(v) for k, v in counts.items()}))
        extra = [v for v in seen if v not in opts]
        opts = opts + tuple(extra)
        cat = pd.Series(pd.Categorical(vals, categories=list(opts)), index=self._index())
        self._add(q, QType.SINGLE, opts, cat)

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
        num = pd.to_numeric(vals, errors="coerce")
        bad = num.isna() & vals.notna()
        if bad.any():  # Danish "1.234,5" and friends: parse the leftovers one by one
            num[bad] = [parse_number(str(v)) for v in vals[bad]]
        self._add(q, QType.NUMERIC, (), num.astype("Float64").set_axis(self._index()))

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
            population=population,
            title=self.title,
            notes=tuple(notes),
        )


def _take(data: pd.Series | pd.DataFrame, keep: np.ndarray) -> pd.Series | pd.DataFrame:
    out = data[keep]
    return out.reset_index(drop=True)


def _codes(raw: pd.Series) -> pd.Series:
    """Municipality codes for the raw values, matching each distinct value once."""
    lookup = {}
    for v in pd.unique(raw.dropna()):
        m = mun.match(v)
        lookup[v] = m.code if m else pd.NA
    return raw.map(lookup).astype("Int64")

