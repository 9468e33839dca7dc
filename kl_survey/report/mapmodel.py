"""From a question's answers by municipality to a frozen :class:`MapData`.

Like :mod:`kl_survey.report.structure` for the bar charts, everything a map prints is
decided here, as strings and colours: which class each municipality is in, the legend
(with counts), the footer lines with the attribution, and the alt text that names every
non-respondent. :mod:`kl_survey.report.maps` only draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kl_survey import municipalities as mun
from kl_survey.analysis import QuestionResult
from kl_survey.by_municipality import Placed
from kl_survey.errors import KlSurveyError
from kl_survey.messages import msg
from kl_survey.model import QType, Question, Survey
from kl_survey.numbers import Lang, format_int
from kl_survey.report import palette
from kl_survey.report.breaks import classify
from kl_survey.report.geo import ATTRIBUTION
from kl_survey.report.order import is_dont_know_option, is_other
from kl_survey.report.strings import join_list, s


@dataclass(frozen=True)
class MapClass:
    label: str  # "Ja, helt i drift" or "10–19"
    colour: str
    count: int  # municipalities in the class
    hatched: bool = False  # "Ikke besvaret": white with grey hatching
    blank: bool = False  # "Ikke med i opgørelsen" (--municipality): white, grey outline

    def legend(self, lang: Lang) -> str:
        return f"{self.label} ({format_int(self.count, lang)})"


@dataclass(frozen=True)
class MapData:
    fig_id: str  # "q01-kort": file stem and SVG id prefix
    kind: str  # "categorical" | "choropleth"
    title: str | None
    classes: tuple[MapClass, ...]  # legend order; "Ikke besvaret" last
    fill: tuple[tuple[int, int], ...]  # (municipality code, class index) for all 98
    notes: tuple[str, ...]  # footer lines; the attribution is always the last
    alt: str
    lang: Lang

    def class_of(self, code: int) -> MapClass:
        return self.classes[dict(self.fill)[code]]


def fig_id(q: Question, row: str | None = None, column: str | None = None) -> str:
    """``q01-kort``; a grid row's map ``q03-r2-kort``, a numeric grid cell's
    ``q01-r1-k2-kort`` (1-based, as the rows and columns stand in the spec)."""
    part = f"-r{q.rows.index(row) + 1}" if row is not None else ""
    if row is not None and column is not None:
        part += f"-k{q.grid_columns.index(column) + 1}"
    return f"q{q.number:02d}{part}-kort"


def split_refs(text: str, survey: Survey) -> list[str]:
    """``--maps "q1,q3:Fysiske rammer"`` → the maps asked for. Commas separate them,
    but a row label may hold one: after a row, a piece that starts with no question id
    belongs to that row's label."""
    ids = {q.id for q in survey.questions}
    out: list[str] = []
    for piece in text.split(","):
        if out and ":" in out[-1] and piece.partition(":")[0].strip() not in ids:
            out[-1] += "," + piece
        else:
            out.append(piece)
    return [x.strip() for x in out if x.strip()]


def wanted(survey: Survey, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The maps to draw, in questionnaire order: ``chart = "map"`` in the spec,
    ``[report] maps`` and ``--maps``, each a question id or a grid row named as the
    spec's derived rates name one (``q3:Fysiske rammer``). An unknown id is an error
    naming the known ones; :func:`kl_survey.by_municipality.placed` checks the rows."""
    asked = [_tidy(x) for x in (*survey.meta.maps, *extra)]
    visible = [q for q in survey.questions if not q.hidden]
    position = {q.id: i for i, q in enumerate(visible)}
    unknown = [x for x in asked if _qid(x) not in position]
    if unknown:
        raise KlSurveyError(msg("maps.unknown-question", ids=", ".join(unknown),
                                known=", ".join(q.id for q in visible)))
    chosen = dict.fromkeys([*asked, *(q.id for q in visible if q.chart == "map")])
    return tuple(sorted(chosen, key=lambda x: position[_qid(x)]))


def _qid(ref: str) -> str:
    return ref.partition(":")[0]


def _tidy(ref: str) -> str:
    """``" q3 : Fysiske rammer"`` → ``"q3:Fysiske rammer"``."""
    qid, sep, rest = ref.partition(":")
    return f"{qid.strip()}{sep}{rest.strip()}"


def _count(n: int, lang: Lang) -> str:
    return s("map_one_municipality", lang) if n == 1 else s("map_n_municipalities", lang,
                                                           n=format_int(n, lang))


def build(r: QuestionResult, where: Placed, lang: Lang, source: str | None) -> MapData:
    """The map of one single-choice or numeric question; ``source`` is the credit line
    printed above the attribution (None: no credit line, as under the charts)."""
    q = r.question
    answers = where.as_dict()
    everyone = [m.code for m in mun.register()]
    row = _row_label(q, where, lang)
    if q.type in (QType.NUMERIC, QType.NUMERIC_GRID):
        classes, index = _choropleth(answers, lang)
        kind = "choropleth"
    else:
        classes, index = _categorical(q, answers)
        kind = "categorical"
    outside = [c for c in everyone if where.asked and c not in where.asked]
    missing = [c for c in everyone if c not in answers and c not in outside]
    classes.append(MapClass(s("map_not_answered", lang), palette.MISSING_FACE, len(missing),
                            hatched=True))
    for c in missing:
        index[c] = len(classes) - 1
    if outside:
        classes.append(MapClass(s("map_not_asked", lang), palette.MISSING_FACE, len(outside),
                                blank=True))
        for c in outside:
            index[c] = len(classes) - 1
    fill = tuple((c, index[c]) for c in everyone)
    notes = [s("map_base", lang, n=format_int(len(answers), lang))]
    if where.disagree:
        key = "disagree_numeric" if kind == "choropleth" else "disagree"
        notes[0] += " · " + s(f"map_{key}", lang, n=format_int(len(where.disagree), lang))
    if where.row is not None and where.column is None and len(q.grid_columns) > 1:
        notes.append(s(f"map_total_{q.totals}", lang,
                       columns=join_list(list(q.grid_columns), lang)))
    title = f"{q.title or q.text} – {row}" if row else q.title
    return MapData(
        fig_id=fig_id(q, where.row, where.column), kind=kind, title=title,
        classes=tuple(classes), fill=fill,
        notes=(*notes, *([source] if source else []), ATTRIBUTION),
        alt=_alt(q, row, kind, classes, missing, len(outside), lang), lang=lang,
    )


def _row_label(q: Question, where: Placed, lang: Lang) -> str | None:
    """"Fysiske rammer"; a numeric grid's "Antal henvendelser, samlet" (the row's total
    over several columns) or "Antal henvendelser, Januar" (one cell)."""
    if where.row is None:
        return None
    if where.column is not None:
        return f"{where.row}, {where.column}"
    if len(q.grid_columns) > 1:
        return s("map_row_total", lang, row=where.row)
    return where.row


def _categorical(q: Question, answers: dict[int, str | float]
                 ) -> tuple[list[MapClass], dict[int, int]]:
    """One class per option in questionnaire order; "Ved ikke"/"Andet" grey."""
    grey = [is_other(o) or is_dont_know_option(q, o) for o in q.options]
    ramp = iter(palette.categorical(sum(not g for g in grey)))
    position = {o: i for i, o in enumerate(q.options)}
    counts = [0] * len(q.options)
    for answer in answers.values():
        counts[position[str(answer)]] += 1
    classes = [MapClass(o, palette.NEUTRAL if g else next(ramp), n)
               for o, g, n in zip(q.options, grey, counts, strict=True)]
    return classes, {code: position[str(a)] for code, a in answers.items()}


def _choropleth(answers: dict[int, str | float], lang: Lang
                ) -> tuple[list[MapClass], dict[int, int]]:
    if not answers:
        return [], {}
    values = {code: float(v) for code, v in answers.items()}
    found = classify(list(values.values()))
    colours = palette.sequential(found.count)
    index = {code: found.index(v) for code, v in values.items()}
    counts = [sum(1 for i in index.values() if i == k) for k in range(found.count)]
    classes = [MapClass(found.label(k, lang), colours[k], counts[k])
               for k in range(found.count)]
    return classes, index


def _alt(q: Question, row: str | None, kind: str, classes: list[MapClass], missing: list[int],
         outside: int, lang: Lang) -> str:
    """Every class with its count, and the non-respondents by name."""
    real = [c for c in classes if not (c.hatched or c.blank)]
    of = "_row" if row else ""
    if kind == "choropleth":
        head = s(f"map_alt_choropleth{of}", lang, n=q.number, k=len(real), row=row)
    else:
        head = s(f"map_alt_categorical{of}", lang, n=q.number, row=row)
    items = [f"{c.label}: {_count(c.count, lang)}" for c in real]
    names = [mun.by_code(code).name for code in missing]
    tail = f"{s('map_not_answered', lang)}: {_count(len(missing), lang)}"
    if names:
        tail += f" ({join_list(names, lang)})"
    if outside:
        tail += f"; {s('map_not_asked', lang)}: {_count(outside, lang)}"
    return f"{head} {'; '.join([*items, tail])}."
