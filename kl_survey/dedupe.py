"""Municipalities that answered twice: find them, say what differs, keep one on request.

A second answer from the same municipality usually means a colleague re-submitted
after the first had already gone in. Counting both inflates every share, but which
one is right is a human decision, so without ``--dedupe`` they are reported and kept;
``first``, ``last`` or ``most-complete`` keep exactly one, and say which.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.grid import answered, is_tick_frame
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import Text, join, msg
from kl_survey.model import Dedupe, Survey

STRATEGIES = tuple(d.value for d in Dedupe)


@dataclass(frozen=True)
class Duplicate:
    code: int
    positions: tuple[int, ...]  # respondent positions (index into survey.respondents)
    rows: tuple[int, ...]  # source rows, for messages
    differs: tuple[str, ...]  # ids of questions whose answers differ between the rows


def name_of(code: int) -> str:
    try:
        return f"{mun.by_code(code).name} ({code})"
    except KeyError:
        return str(code)


def one_answer_per_municipality(codes: pd.Series) -> bool:
    """Whether the municipality is the respondent (KL's rounds) rather than a background
    variable (a citizen survey with many respondents per municipality).

    Only in the first case is a second answer from the same municipality a mistake; we
    take it as the first case unless most municipalities that answered did so more than
    once.
    """
    counts = codes.dropna().value_counts()
    return bool(len(counts)) and bool((counts > 1).sum() * 2 <= len(counts))


def find_duplicates(survey: Survey) -> list[Duplicate]:
    """Every municipality code that occurs more than once, in order of first row."""
    codes = survey.respondents.get("municipality")
    if codes is None or not one_answer_per_municipality(codes):
        return []
    known = codes.dropna()
    dup = known[known.duplicated(keep=False)]
    if dup.empty:
        return []
    # One vectorised pass per question for all groups at once: a citizen survey has
    # thousands of respondents per municipality, so per-cell lookups took minutes.
    positions = dup.index.to_numpy()
    group, uniques = pd.factorize(dup)  # groups in order of first row
    differs = _differs(survey, positions, group, len(uniques))
    source_rows = survey.respondents["row"].to_numpy()
    out = []
    for g, code in enumerate(uniques):
        pos = positions[group == g]
        out.append(Duplicate(int(code), tuple(pos.tolist()),
                             tuple(int(r) for r in source_rows[pos].tolist()), differs[g]))
    return out


def _differs(survey: Survey, positions: np.ndarray, group: np.ndarray,
             n_groups: int) -> list[tuple[str, ...]]:
    """Per group, the ids of questions whose answers are not all the same."""
    flags = []
    for q in survey.questions:
        data = survey.answers[q.id]
        if isinstance(data, pd.DataFrame) and not is_tick_frame(data):  # a grid's cells
            block = np.column_stack([pd.factorize(data.iloc[positions, j].astype("string"))[0]
                                     for j in range(data.shape[1])])
            key = np.unique(block, axis=0, return_inverse=True)[1].reshape(-1)
        elif isinstance(data, pd.DataFrame):
            key = _row_keys(data.iloc[positions].to_numpy(dtype=bool))
        elif isinstance(data.dtype, pd.CategoricalDtype):  # categories are distinct labels
            key = data.cat.codes.to_numpy()[positions].astype(np.int64)
        else:  # answers compare as text, NA as its own value
            vals = data.iloc[positions]
            codes, uniques = pd.factorize(vals)
            text = pd.factorize(pd.Series([str(u) for u in uniques.tolist()], dtype=object))[0]
            key = np.where(codes >= 0, np.append(text, -1)[codes], -1)
            if vals.dtype.kind == "f":  # 0.0 and -0.0 hash alike but print differently
                key = key * 2 + np.signbit(vals.to_numpy(dtype=float, na_value=np.nan))
        key = key - key.min()  # (group, answer) as one int, then hashed
        width = int(key.max()) + 1
        pairs = pd.unique(group.astype(np.int64) * width + key)
        flags.append(np.bincount(pairs // width, minlength=n_groups) > 1)
    return [tuple(q.id for q, f in zip(survey.questions, flags, strict=True) if f[g])
            for g in range(n_groups)]


def _row_keys(block: np.ndarray) -> np.ndarray:
    """Equal ids for equal rows of a bool matrix (the ticks read as a binary number)."""
    if block.shape[1] > 62:
        return np.unique(block, axis=0, return_inverse=True)[1].reshape(-1)
    return block.astype(np.int64) @ (1 << np.arange(block.shape[1], dtype=np.int64))


def answered_counts(survey: Survey) -> np.ndarray:
    """How many questions each respondent answered (multi-select: ticked anything)."""
    n = np.zeros(survey.n, dtype=np.int64)
    for data in survey.answers.values():
        n += answered(data)
    return n


def subset(survey: Survey, keep: np.ndarray) -> Survey:
    """The survey with only the ``keep`` respondents, every per-respondent store aligned."""
    return replace(
        survey,
        respondents=survey.respondents[keep].reset_index(drop=True),
        answers={k: v[keep].reset_index(drop=True) for k, v in survey.answers.items()},
        other_text={k: v[keep].reset_index(drop=True) for k, v in survey.other_text.items()},
        unparsed={k: v[keep].reset_index(drop=True) for k, v in survey.unparsed.items()},
    )


def describe(survey: Survey, d: Duplicate) -> Text:
    rows = join([str(r) for r in d.rows])
    if d.differs:
        qs = ", ".join(d.differs[:8]) + (" …" if len(d.differs) > 8 else "")
        what = msg("issue.municipality-duplicate.differs", questions=qs)
    else:
        what = msg("issue.municipality-duplicate.same")
    return msg("issue.municipality-duplicate", name=name_of(d.code), n=len(d.rows), rows=rows,
               what=what)


def duplicate_issues(survey: Survey, severity: Severity) -> list[Issue]:
    return [
        Issue(severity, "municipality-duplicate", message,
              Where(file=survey.source.file, sheet=survey.source.sheet, row=d.rows[0],
                    municipality=name_of(d.code)), message.hint())
        for d in find_duplicates(survey)
        for message in [describe(survey, d)]
    ]


def resolve(survey: Survey, strategy: Dedupe | str | None) -> tuple[Survey, list[Issue]]:
    """Without a strategy: warn and keep all; with one: keep one answer per municipality."""
    if strategy is None:
        return survey, duplicate_issues(survey, Severity.WARNING)
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown dedupe strategy {strategy!r}")
    rule = Dedupe(strategy)
    dups = find_duplicates(survey)
    if not dups:
        return survey, []
    keep = np.ones(survey.n, dtype=bool)
    counts = answered_counts(survey) if rule is Dedupe.MOST_COMPLETE else None
    issues = []
    for d in dups:
        chosen = _choose(d, rule, counts)
        for p in d.positions:
            keep[p] = p == chosen
        kept_row = int(survey.respondents["row"].iloc[chosen])
        issues.append(Issue(
            Severity.INFO, "municipality-deduplicated",
            msg("issue.municipality-deduplicated", duplicate=describe(survey, d),
                row=kept_row, rule=rule.value),
            Where(file=survey.source.file, sheet=survey.source.sheet, row=kept_row,
                  municipality=name_of(d.code)),
        ))
    return subset(survey, keep), issues


def _choose(d: Duplicate, strategy: Dedupe, counts: np.ndarray | None) -> int:
    """first/last by source row; most-complete by answers, ties to the later row
    (a re-submission is usually the correction)."""
    by_row = sorted(zip(d.rows, d.positions, strict=True))
    if strategy is Dedupe.FIRST:
        return by_row[0][1]
    if strategy is Dedupe.LAST:
        return by_row[-1][1]
    assert counts is not None
    return max(by_row, key=lambda rp: (counts[rp[1]], rp[0]))[1]
