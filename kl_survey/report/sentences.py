"""The key sentence and the alt text, written from the counts like KL's newsletters do.

"96,8% af de adspurgte kommuner svarer ja ..." is what an editor types under every
chart; generating it from the same integers as the chart means the text can never
disagree with the figure. Every number goes through :mod:`kl_survey.numbers`.
"""

from __future__ import annotations

import re

from kl_survey.analysis import Analysis, OptionCount, QuestionResult
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_number, format_percent
from kl_survey.report.order import residual_rank
from kl_survey.report.strings import join_list, quote, s

_YES_PREFIX = re.compile(r"^\s*(ja|yes)\b[\s,.:;–-]*", re.IGNORECASE)
TOP_N = 3


def who(a: Analysis, lang: Lang) -> str:
    """Those who took part: "de deltagende kommuner" when the population is the
    municipalities, else a neutral "respondenterne". Never "de adspurgte": that would
    be the invited, and no share in the report is out of them."""
    if a.population is not None and a.population.unit == "kommuner":
        return s("who_kommuner", lang)
    return s("who_other", lang)


def key_sentence(a: Analysis, r: QuestionResult, lang: Lang) -> str:
    q = r.question
    if r.grid is not None:
        from kl_survey.report import grid_sentences

        return grid_sentences.key_sentence(r, lang)
    if q.type is QType.TEXT:
        return s("text_sentence", lang, n=format_int(len(r.answers), lang))
    if q.type is QType.NUMERIC:
        if r.stats is None:
            return s("nobody", lang)
        return s("numeric_sentence", lang, mean=format_number(r.stats.mean, lang),
                 median=format_number(r.stats.median, lang), n=format_int(r.stats.n, lang))
    if r.base <= 0:
        return s("nobody", lang)
    parts: list[str] = []
    if r.yes is not None:
        parts.append(_yes_sentence(a, r, lang))
    if q.type is QType.MULTI:
        parts.append(_top_sentence(r, lang))
    elif r.yes is None:
        parts.append(_largest_sentence(a, r, lang))
    return " ".join(p for p in parts if p)


def _yes_sentence(a: Analysis, r: QuestionResult, lang: Lang) -> str:
    assert r.yes is not None
    pct = format_percent(r.yes.count, r.yes.base, lang)
    if not is_plain_yes(r):
        # A spec chose e.g. "Formaliseret samarbejde" as the yes answer: name it, since
        # "svarer ja (Formaliseret …)" reads as if the question were a yes/no question.
        label = " / ".join(r.yes.labels)
        return s("largest_sentence", lang, pct=pct, who=who(a, lang), label=label)
    return s("yes_sentence", lang, pct=pct, who=who(a, lang), detail=yes_detail(r, lang))


def is_plain_yes(r: QuestionResult) -> bool:
    """The yes answers all begin with "Ja"/"Yes" (else the spec chose e.g. a named option)."""
    return r.yes is not None and all(_YES_PREFIX.match(label) for label in r.yes.labels)


def yes_detail(r: QuestionResult, lang: Lang) -> str:
    """" (helt i drift eller delvist i drift)": what the yes answers say beyond "Ja"."""
    if r.yes is None or r.question.type is not QType.SINGLE:
        return ""
    rests = [_YES_PREFIX.sub("", label).strip() for label in r.yes.labels]
    rests = [x for x in rests if x]
    return f" ({join_list(rests, lang, 'or')})" if rests else ""


def top_options(r: QuestionResult) -> list[OptionCount]:
    """Substantive options by count, largest first ("Andet"/"Nej"/"Ved ikke" only when
    nothing else was chosen)."""
    shown = [o for o in r.options if not o.excluded and o.count > 0]
    main = [o for o in shown if residual_rank(r.question, o.label) is None] or shown
    return sorted(main, key=lambda o: -o.count)


def _top_sentence(r: QuestionResult, lang: Lang) -> str:
    top = top_options(r)[:TOP_N]
    if not top:
        return s("nobody", lang)
    items = [f"{quote(o.label, lang)} ({format_percent(o.count, o.base, lang)})" for o in top]
    key = "top_one" if len(items) == 1 else "top_sentence"
    return s(key, lang, items=join_list(items, lang))


def _largest_sentence(a: Analysis, r: QuestionResult, lang: Lang) -> str:
    shown = [o for o in r.options if not o.excluded]
    if not shown:
        return s("nobody", lang)
    best = max(o.count for o in shown)
    tied = [o for o in shown if o.count == best]
    pct = format_percent(best, tied[0].base, lang)
    if len(tied) == 1:
        return s("largest_sentence", lang, pct=pct, who=who(a, lang), label=tied[0].label)
    items = join_list([quote(o.label, lang) for o in tied], lang)
    return s("tied_sentence", lang, pct=pct, items=items)


def alt_text(r: QuestionResult, kind: str, bars: tuple[OptionCount, ...], lang: Lang) -> str:
    """What a screen reader says instead of the chart: every bar with its share. The
    base and the other notes are not repeated: they are visible text under the chart."""
    head = s("alt_stacked" if kind == "stacked" else "alt_bars", lang, n=r.question.number)
    items = "; ".join(f"{o.label}: {format_percent(o.count, o.base, lang)}" for o in bars)
    return f"{head} {items}." if items else head
