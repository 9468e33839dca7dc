"""Which column names the respondent's municipality.

A header such as ``Kommune``, ``Kommunenavn``, ``Kommunekode`` or ``Municipality`` names
it, whatever its values: misspelt or unknown names are then reported by ``validate``
instead of the column being read as a question. Without such a header, the column
whose values are at least :data:`MIN_SHARE` municipality names or codes is it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from kl_survey import municipalities as mun
from kl_survey.readers.infer.cells import Column
from kl_survey.vocabulary import is_municipality_header

MIN_SHARE = 0.8
#: Fewer non-blank values than this carry too little evidence for the content rule.
MIN_VALUES = 3


def find_municipality(columns: Sequence[Column],
                      names: Sequence[Iterable[str]] | None = None) -> Column | None:
    """The municipality column among ``columns``; ``names`` gives each column's names
    when a tool knows more than its header cell (a LimeSurvey code and text)."""
    labels = names if names is not None else [(c.header,) for c in columns]
    for column, label in zip(columns, labels, strict=True):
        if any(is_municipality_header(n) for n in label):
            return column
    best: Column | None = None
    best_score = (0.0, 0)
    for column in columns:  # highest share wins, then more matches, then the first
        score = _score(column)
        if score is not None and score > best_score:
            best, best_score = column, score
    return best


def _score(column: Column) -> tuple[float, int] | None:
    """(share of values naming a municipality, how many), counted per row but matched
    per distinct value; None when the column cannot reach :data:`MIN_SHARE`.

    Distinct values are tried most frequent first, and the count stops as soon as the
    misses alone rule the column out, so a free-text column stays cheap.
    """
    counts = column.counts
    total = int(counts.sum())
    if total < MIN_VALUES or not _plausible(column):
        return None
    allowed = (1.0 - MIN_SHARE) * total + 1e-9  # 1 miss in 5 is exactly 80 %
    uniques = column.uniques
    matched = missed = 0
    for i in counts.argsort(kind="stable")[::-1].tolist():
        n = int(counts[i])
        if mun.match(uniques[i]) is None:
            missed += n
            if missed > allowed:
                return None
        else:
            matched += n
    share = matched / total
    return (share, matched) if share >= MIN_SHARE - 1e-9 else None


def _plausible(column: Column) -> bool:
    """Cheap rejection of a big column from a fixed-seed sample of 2 000 answers.

    A free-text column with 500 000 distinct answers would otherwise need 100 000
    lookups before the exact count gives up. A column really at :data:`MIN_SHARE` shows
    below ``MIN_SHARE - 0.15`` in 200+ sampled answers with p < 1e-7.
    """
    if len(column.uniques) <= 5_000:
        return True
    codes = column.codes[column.codes >= 0]
    sample = np.random.default_rng(0).choice(codes, size=min(2_000, len(codes)), replace=False)
    uniques = column.uniques
    hits = sum(mun.match(uniques[int(k)]) is not None for k in sample.tolist())
    return hits / len(sample) >= MIN_SHARE - 0.15
