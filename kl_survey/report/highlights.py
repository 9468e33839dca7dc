"""The "Hovedresultater" box that opens the report: one line per question.

An editor's readers skim the box and stop; every line therefore carries its number
first (the yes share, else the most chosen answer's share, else the mean) and then
what it counts, in the question's short title when the spec gives one. Free-text
questions have no number and no line.
"""

from __future__ import annotations

from dataclasses import dataclass

from kl_survey.analysis import Analysis, QuestionResult
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_number, format_percent
from kl_survey.report.sentences import is_plain_yes, top_options, yes_detail
from kl_survey.report.strings import s


@dataclass(frozen=True)
class Highlight:
    """One line of the box: the headline number and what it counts."""

    value: str
    text: str
    anchor: str  # the question's section id, e.g. "q01"


def highlights(a: Analysis, lang: Lang) -> tuple[Highlight, ...]:
    return tuple(h for r in a.questions if (h := _line(r, lang)) is not None)


def _join(title: str, what: str) -> str:
    """"Tilbuddet i drift: ja"; after a question mark a new sentence, "Er tilbuddet i
    drift? Ja", since a short title is not always given."""
    if title.rstrip().endswith("?"):
        return f"{title.rstrip()} {what[:1].upper()}{what[1:]}"
    return f"{title}: {what}"


def _line(r: QuestionResult, lang: Lang) -> Highlight | None:
    q = r.question
    title = q.title or q.text
    anchor = f"q{q.number:02d}"
    if r.grid is not None:
        from kl_survey.report.grid_sentences import highlight

        found = highlight(r, lang)
        return Highlight(found[0], found[1], anchor) if found else None
    if q.type is QType.NUMERIC:
        if r.stats is None:
            return None
        return Highlight(format_number(r.stats.mean, lang), _join(title, s("hl_mean", lang)),
                         anchor)
    if q.type is QType.TEXT or r.base <= 0:
        return None
    if r.yes is not None:
        value = format_percent(r.yes.count, r.yes.base, lang)
        if is_plain_yes(r):
            what = s("hl_yes", lang, detail=yes_detail(r, lang))
        else:
            what = s("hl_label", lang, label=" / ".join(r.yes.labels))
        return Highlight(value, _join(title, what), anchor)
    top = top_options(r)
    if not top:
        return None
    best = top[0]
    key = "hl_top" if q.type is QType.MULTI else "hl_label"
    return Highlight(format_percent(best.count, best.base, lang),
                     _join(title, s(key, lang, label=best.label)), anchor)
