"""Machine-readable results: the JSON document and the flat rows behind CSV/xlsx/Markdown.

The JSON layout is a published contract (``kl-survey/analysis/1``, see README); CI
scripts diff it between rounds, so key order and content are fixed and nothing in it
depends on the machine or the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kl_survey.analysis import Analysis, QuestionResult
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang
from kl_survey.output import census_json, jsontext

SCHEMA = "kl-survey/analysis/1"


def to_dict(a: Analysis) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "source": {"file": a.source.file, "format": a.source.format, "sha256": a.source.sha256},
        "respondents": a.respondents,
        "partial_respondents": a.partial,
        "population": (
            {"unit": a.population.unit, "size": a.population.size} if a.population else None
        ),
        "response_rate": a.response_rate,
        "non_respondents": (
            [m.as_dict() for m in a.coverage.non_respondents] if a.coverage else []
        ),
        "questions": [_question(r) for r in a.questions],
    }
    if a.source.sheet:
        doc["source"]["sheet"] = a.source.sheet
    return doc


def _question(r: QuestionResult) -> dict[str, Any]:
    q = r.question
    out: dict[str, Any] = {
        "id": q.id,
        "number": q.number,
        "text": q.text,
        "type": q.type.value,
        "base": r.base,
        "answered": r.answered,
        "options": [_option(o) | census_json.option_extras(r.census, i)
                    for i, o in enumerate(r.options)],
        "yes": (
            {"labels": list(r.yes.labels), "count": r.yes.count, "share": r.yes.share}
            | census_json.yes_extras(r.census) if r.yes else None
        ),
    }
    if r.breakdown is not None:
        out["breakdown"] = census_json.breakdown(r.breakdown)
    if q.title:
        out["title"] = q.title
    if q.type is QType.NUMERIC:
        out["stats"] = vars(r.stats) if r.stats else None
    if r.grid is not None:
        from kl_survey.output.grid_results import grid_keys

        out.update(grid_keys(r))
    if q.type is QType.TEXT:  # Texts: jsontext writes them straight from Arrow
        out["answers"] = r.answers
    if r.other:
        out["other_answers"] = r.other
    return out


def _option(o: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"label": o.label, "count": o.count, "share": o.share}
    if o.excluded:
        d["excluded"] = True
    return d


def to_json(a: Analysis) -> str:
    return jsontext.dumps(to_dict(a))


def to_json_bytes(a: Analysis) -> bytes:
    """:func:`to_json` as UTF-8, made without the ``str`` in between."""
    return jsontext.dumps_bytes(to_dict(a))


@dataclass(frozen=True)
class Row:
    """One line of the flat table: a question's option, its yes total, a stat or an answer."""

    question: str
    number: int
    text: str
    kind: str  # "option" | "yes" | "stat" | "answer" | "other" | "cell" | "total" | "derived"
    label: str
    count: int | None
    share: float | None
    base: int
    value: float | None = None  # numeric statistics


def rows(a: Analysis, lang: Lang = "da") -> list[Row]:
    out: list[Row] = []
    for r in a.questions:
        q = r.question

        def row(kind: str, label: str, count: int | None = None, share: float | None = None,
                value: float | None = None, q: Any = q, r: QuestionResult = r) -> Row:
            return Row(q.id, q.number, q.text, kind, label, count, share, r.base, value)

        if r.grid is not None:
            from kl_survey.output.grid_results import flat

            out.extend(Row(q.id, q.number, q.text, kind, label, count, share, base, value)
                       for kind, label, count, share, base, value in flat(r, lang))
        for o in r.options:
            out.append(row("option", o.label, o.count, o.share))
        if r.yes and q.type is QType.SINGLE and len(r.yes.labels) > 1:
            out.append(row("yes", t("yes", lang), r.yes.count, r.yes.share))
        if r.stats:
            for key in ("n", "sum", "mean", "median", "q1", "q3", "min", "max"):
                out.append(row("stat", t(f"stat_{key}", lang), value=getattr(r.stats, key)))
        out.extend(row("answer", text) for text in r.answers)
        out.extend(row("other", text) for text in r.other)
    return out
