"""CPR numbers in free text: found, reported by row and column, and never printed.

Respondents write personal identification numbers into comment fields ("borgeren med
CPR 010203-1234 …"), and a newsletter or a shared spreadsheet must not carry them on.
A CPR number is six digits that form a date (DDMMYY), an optional hyphen or space, and
four digits. The modulus-11 check is not used: numbers issued since 2007 need not pass
it. The date test is what keeps ordinary numbers untouched: a phone number has eight
digits, an amount such as 1234567890 does not start with a valid day and month.

:func:`redact_survey` is applied once, where the export is loaded
(:func:`kl_survey.pipeline.load`), so the analysis, breakdowns, maps, comparisons and
per-municipality reports all see the same redacted labels and no renderer can print
a number; :func:`cpr_issues` is ``validate``'s warning, which looks before redaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from kl_survey import cores
from kl_survey.issues import Issue, Severity, Where
from kl_survey.model import QType, Question, Survey

REDACTED = "[CPR fjernet]"

#: DDMMYY-NNNN. No look-behind: that would stop ``re`` from skipping ahead to a digit
#: (4× slower on long free text); the character before is checked in :func:`_is_cpr`.
CPR = re.compile(r"([0-3][0-9])([01][0-9])([0-9]{2})[ \-\u2010\u2011\u2013]?[0-9]{4}(?![0-9])")
#: a superset without groups or look-arounds, so pandas can test a column with RE2. The
#: dashes are the characters themselves: an escape such as ``\u2010`` in the pattern
#: makes pandas fall back to Python's ``re``, a string at a time (4× slower).
_CANDIDATE = "[0-3][0-9][01][0-9]{3}[ \\-\u2010\u2011\u2013]?[0-9]{4}"
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 Feb: the year may be leap


def _is_cpr(m: re.Match[str]) -> bool:
    """Not the tail of a longer run of digits, and DDMMYY a real date."""
    if m.start() > 0 and m.string[m.start() - 1] in "0123456789":
        return False
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]):
        return False
    return not (month == 2 and day == 29 and year % 4)  # 00 is 1900 or 2000: leap


def has_cpr(text: str) -> bool:
    return any(_is_cpr(m) for m in CPR.finditer(text))


def redact(text: str) -> str:
    """``text`` with every CPR-shaped number replaced by ``[CPR fjernet]``."""
    return CPR.sub(lambda m: REDACTED if _is_cpr(m) else m.group(), text)


def redact_text(text: str) -> str:
    """A message that may quote an answer, without CPR numbers. A catalogue message
    (:class:`kl_survey.messages.Text`) is made again from redacted parameters, so it can
    still be rendered in the other language."""
    if not has_cpr(text):
        return text
    from kl_survey.messages import Text, language

    if isinstance(text, Text):
        params = {k: redact(v) if isinstance(v, str) else v for k, v in text.params.items()}
        return Text(text.key, params, language())
    return redact(text)


#: each free-text column's candidate rows, by ``id`` of the Series, with the Series kept
#: so its ``id`` cannot be reused while the memo lives (one :func:`scan`)
Memo = dict[int, tuple[pd.Series, np.ndarray]]


def scan(survey: Survey, *, redact: bool = True) -> tuple[list[Issue], Survey]:
    """:func:`cpr_issues` and (when ``redact``) :func:`redact_survey`, searching each
    free-text column for candidates once (the search is most of their cost: ~1 s at
    500 000 rows)."""
    memo: Memo = {}
    _search_all(survey, memo)
    issues = cpr_issues(survey, memo)
    return issues, (redact_survey(survey, memo) if redact else survey)


#: free-text cells below which a thread pool costs more than it saves
POOL_CELLS = 200_000


def _search_all(survey: Survey, memo: Memo) -> None:
    """Search the free-text columns of a big survey on two threads at once (RE2 in
    Arrow releases the GIL), filling ``memo`` for the warnings and the redaction."""
    columns = [values for q in survey.questions for _, values in _texts(survey, q)
               if not isinstance(values.dtype, pd.CategoricalDtype)
               and not pd.api.types.is_numeric_dtype(values.dtype)]
    if len(columns) < 2 or sum(map(len, columns)) < POOL_CELLS or not cores.spare():
        return
    from concurrent.futures import ThreadPoolExecutor

    unique = list({id(v): v for v in columns}.values())
    with ThreadPoolExecutor(2) as pool:
        found = list(pool.map(lambda v: _candidates(v, None), unique))
    for values, hits in zip(unique, found, strict=True):
        memo[id(values)] = (values, hits)


def _candidates(values: pd.Series, memo: Memo | None) -> np.ndarray:
    """Rows of a free-text column that hold a CPR-shaped run of digits."""
    seen = memo.get(id(values)) if memo is not None else None
    if seen is not None and seen[0] is values:
        return seen[1]
    if _no_six_digits(values):
        found = np.zeros(len(values), dtype=bool)
    else:
        found = values.astype("string").str.contains(_CANDIDATE, regex=True,
                                                     na=False).to_numpy(dtype=bool)
    if memo is not None:
        memo[id(values)] = (values, found)
    return found


#: bytes of a column's data screened at a time (the temporaries stay this small)
_SCREEN_BLOCK = 1 << 20


def _no_six_digits(values: pd.Series) -> bool:
    """Whether an Arrow-backed column's text holds no run of six ASCII digits, the start
    every candidate needs: told from the bytes of its data in one pass (2 ms for
    100 000 comments, against 11 ms for the regex), so only a column with such a run is
    searched value by value. A run may straddle two values or lie outside a slice; that
    only sends the column on to the search."""
    from kl_survey.readers.infer.cells import arrow_strings

    arr = arrow_strings(values)
    if arr is None:
        return False
    for chunk in arr.chunks:
        data = chunk.buffers()[2]
        if data is None:
            continue
        view = np.frombuffer(data, dtype=np.uint8)
        for start in range(0, len(view), _SCREEN_BLOCK):  # blocks overlap by five bytes
            block = view[start:start + _SCREEN_BLOCK + 5]
            digits = np.flatnonzero(block - np.uint8(48) < 10)
            if len(digits) >= 6 and (digits[5:] - digits[:-5] == 5).any():
                return False
    return True


def redact_survey(survey: Survey, memo: Memo | None = None) -> Survey:
    """The survey with CPR numbers gone from every free text and label.

    Two labels that become one (two numbers typed as answers) are merged, so counts stay
    whole. Columns without a candidate are passed on as they are, not copied.
    """
    kinds = {q.id: q.type for q in survey.questions}
    answers = {qid: _redact_data(data, kinds.get(qid), memo)
               for qid, data in survey.answers.items()}
    return replace(
        survey, questions=tuple(_redact_question(q) for q in survey.questions),
        answers=answers,
        other_text={k: _redact_series(v, memo) for k, v in survey.other_text.items()},
        unparsed={k: _redact_data(v, None, memo) for k, v in survey.unparsed.items()},
    )


def _labels(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(redact(str(x)) for x in labels))


def _redact_question(q: Question) -> Question:
    base = replace(q.base, exclude=_labels(q.base.exclude))
    if q.base.filter is not None:
        base = replace(base, filter=replace(q.base.filter, options=_labels(q.base.filter.options)))
    return replace(
        q, text=redact(q.text), options=_labels(q.options),
        yes=None if q.yes is None else _labels(q.yes), dont_know=_labels(q.dont_know),
        base=base, title=None if q.title is None else redact(q.title),
        note=None if q.note is None else redact(q.note),
    )


def _redact_data(data: pd.Series | pd.DataFrame, kind: QType | None,
                 memo: Memo | None = None) -> pd.Series | pd.DataFrame:
    if isinstance(data, pd.Series):
        return _redact_series(data, memo)
    if kind is not QType.MULTI:  # a grid: one Categorical (or number) column per row
        before = {c: data[c] for c in data.columns}
        after = {c: _redact_series(v) for c, v in before.items()}
        if all(after[c] is before[c] for c in before):
            return data
        return pd.DataFrame(after, index=data.index)
    labels = [str(c) for c in data.columns]  # multi-select: one column per option
    new = [redact(c) for c in labels]
    if new == labels:
        return data
    ticked = data.to_numpy(dtype=bool)
    out = {label: ticked[:, [i for i, n in enumerate(new) if n == label]].any(axis=1)
           for label in dict.fromkeys(new)}
    return pd.DataFrame(out, index=data.index)


def _redact_series(values: pd.Series, memo: Memo | None = None) -> pd.Series:
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in values.cat.categories]
        new = [redact(c) for c in cats]
        if new == cats:
            return values
        final = list(dict.fromkeys(new))
        lookup = np.array([final.index(n) for n in new] + [-1], dtype=np.int64)
        codes = values.cat.codes.to_numpy()
        cat = pd.Categorical.from_codes(lookup[np.where(codes >= 0, codes, len(cats))],
                                        categories=pd.Index(final))
        return pd.Series(cat, index=values.index, name=values.name)
    if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        return values
    hit = _candidates(values, memo)
    if not hit.any():
        return values
    out = values.copy()
    out[hit] = [redact(str(v)) for v in values[hit]]
    return out


# ---------------------------------------------------------------- validate


def cpr_issues(survey: Survey, memo: Memo | None = None) -> list[Issue]:
    """One warning per column whose free text holds CPR numbers, with the rows.

    Free text is text answers, "Andet" text, option labels (typed answers read as a
    single or multiple choice) and answers that could not be read as numbers.
    """
    issues = []
    for q in survey.questions:
        for column, values in _texts(survey, q):
            rows = _rows_with_cpr(survey, values, memo)
            if rows:
                issues.append(_issue(survey, q, column, rows))
        data = survey.answers.get(q.id)
        if isinstance(data, pd.DataFrame) and q.type is QType.MULTI:  # typed answers
            ticked = data[[c for c in data.columns if has_cpr(str(c))]]
            mask = ticked.to_numpy(dtype=bool).any(axis=1)
            if mask.any():
                rows = [int(r) for r in survey.respondents["row"].to_numpy()[mask]]
                issues.append(_issue(survey, q, q.columns[0] if q.columns else None, rows))
    return issues


def _texts(survey: Survey, q: Question) -> list[tuple[str | None, pd.Series]]:
    column = q.columns[0] if q.columns else None
    out: list[tuple[str | None, pd.Series]] = []
    data = survey.answers.get(q.id)
    if isinstance(data, pd.Series) and not pd.api.types.is_numeric_dtype(data.dtype):
        out.append((column, data))
    for store in (survey.other_text, survey.unparsed):
        extra = store.get(q.id)
        if isinstance(extra, pd.DataFrame):  # a numeric grid's unread cells
            out += [(str(c), extra[c]) for c in extra.columns]
        elif extra is not None:
            out.append((q.columns[-1] if q.columns else None, extra))
    return out


def _rows_with_cpr(survey: Survey, values: pd.Series, memo: Memo | None) -> list[int]:
    if isinstance(values.dtype, pd.CategoricalDtype):  # test each option label once
        hit = {c for c in values.cat.categories if has_cpr(str(c))}
        mask = values.isin(list(hit)).to_numpy(dtype=bool) if hit else None
    else:  # (a Categorical made text would cost a string per row: 3 s on 500 000 rows)
        candidates = _candidates(values, memo)
        mask = candidates.copy()
        for i in candidates.nonzero()[0]:
            mask[i] = has_cpr(str(values.iloc[i]))
    if mask is None or not mask.any():
        return []
    return [int(r) for r in survey.respondents["row"].to_numpy()[mask]]


def _issue(survey: Survey, q: Question, column: str | None, rows: list[int]) -> Issue:
    from kl_survey.messages import msg, plural

    shown: str = ", ".join(str(r) for r in rows[:10])
    if len(rows) > 10:
        shown = msg("issue.cpr-rows-more", rows=shown, more=len(rows) - 10)
    where = Where(file=survey.source.file, sheet=survey.source.sheet, row=rows[0],
                  column=column, question=q.id)
    message = msg("issue.cpr-in-text", number=q.number, qid=q.id,
                  rows=plural(len(rows), "issue.cpr-rows", rows=shown))
    return Issue(Severity.WARNING, "cpr-in-text", message, where, message.hint())
