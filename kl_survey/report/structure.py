"""From :class:`~kl_survey.analysis.Analysis` to a frozen :class:`ReportModel`.

Everything the report prints is decided here, once, as formatted strings: headings, key
sentences, bar order, percent labels, alt texts, base notes and table cells. The chart,
HTML and PDF renderers only lay these out, so the three can never disagree about a
number or a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kl_survey import __version__
from kl_survey.analysis import Analysis, OptionCount, QuestionResult
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_long_date, format_number, format_percent
from kl_survey.report import order
from kl_survey.report.sentences import alt_text, key_sentence
from kl_survey.report.strings import join_list, s


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # bar length as a fraction of 100%
    text: str  # the printed share, e.g. "96,8%"
    muted: bool = False  # grey: "Andet", "Ved ikke", "Nej, ikke endnu"


@dataclass(frozen=True)
class ChartData:
    fig_id: str  # "q01": file stem and HTML id prefix
    kind: str  # "bars" | "stacked"
    bars: tuple[Bar, ...]  # display order, top to bottom (left to right when stacked)
    title: str | None  # the spec's short title, drawn above the bars
    notes: tuple[str, ...]  # footer lines: base note, then the source line
    alt: str
    lang: Lang


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    strong: bool = False  # the "Ja i alt" total
    muted: bool = False  # an option left out of the base


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Section:
    number: int
    anchor: str
    heading: str
    key_sentence: str
    notes: tuple[str, ...]  # base note, "Flere svar muligt", filter/exclusion notes
    chart: ChartData | None
    table: Table | None


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class AppendixGroup:
    heading: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class ReportModel:
    lang: Lang
    title: str
    kicker: str
    lede: str
    method_heading: str
    facts: tuple[Fact, ...]
    bases_heading: str
    bases_text: str
    sections: tuple[Section, ...]
    appendix_heading: str
    appendix_intro: str
    appendix: tuple[AppendixGroup, ...]
    source_line: str
    footer: str
    table_summary: str
    page_word: str
    of_word: str
    created: str | None = None  # W3C datetime for the PDF/HTML metadata, or None


def build(a: Analysis, lang: Lang = "da", *, title: str | None = None,
          created: str | None = None) -> ReportModel:
    """The whole report as data; ``created`` comes from SOURCE_DATE_EPOCH (see writer)."""
    source = a.meta.credit or s("source", lang, file=a.source.file)
    sections = tuple(_section(a, r, lang, source) for r in a.questions)
    return ReportModel(
        lang=lang,
        title=title or a.meta.title or a.title or s("default_title", lang),
        kicker=_kicker(a, lang),
        lede=_lede(a, lang),
        method_heading=s("method", lang),
        facts=_facts(a, lang),
        bases_heading=s("m_bases", lang),
        bases_text=_bases_text(a, lang),
        sections=sections,
        appendix_heading=s("appendix", lang),
        appendix_intro=s("appendix_intro", lang),
        appendix=_appendix(a, lang),
        source_line=source,
        footer=s("made_with", lang, version=__version__, file=a.source.file),
        table_summary=s("table_summary", lang),
        page_word=s("page", lang),
        of_word=s("of", lang),
        created=created,
    )


def _unit(a: Analysis, lang: Lang) -> str:
    unit = a.population.unit if a.population else "respondenter"
    if unit == "kommuner":
        return s("unit_kommuner", lang)
    if unit == "respondenter":
        return s("unit_respondents", lang)
    return unit


def _kicker(a: Analysis, lang: Lang) -> str:
    parts = [s("kicker", lang)]
    if a.meta.round:
        parts.append(a.meta.round)
    elif a.meta.date:
        try:
            parts.append(format_long_date(date.fromisoformat(a.meta.date), lang))
        except ValueError:
            parts.append(a.meta.date)
    return " · ".join(parts)


def _lede(a: Analysis, lang: Lang) -> str:
    r = format_int(a.respondents, lang)
    if a.population and a.population.size:
        return s("lede_population", lang, r=r, p=format_int(a.population.size, lang),
                 unit=_unit(a, lang), rate=format_percent(a.respondents, a.population.size,
                                                          lang))
    return s("lede_plain", lang, r=f"{r} {_unit(a, lang)}")


def _facts(a: Analysis, lang: Lang) -> tuple[Fact, ...]:
    answered = format_int(a.respondents, lang)
    if a.partial:
        answered += f" ({s('m_partial', lang, k=format_int(a.partial, lang))})"
    facts = [Fact(s("m_respondents", lang), answered)]
    if a.population and a.population.size:
        facts.append(Fact(s("m_population", lang),
                          f"{format_int(a.population.size, lang)} {_unit(a, lang)}"))
        facts.append(Fact(s("m_rate", lang),
                          format_percent(a.respondents, a.population.size, lang)))
    if a.coverage is not None:
        missing = [m.name for m in a.coverage.non_respondents]
        facts.append(Fact(s("m_missing", lang),
                          join_list(missing, lang) if missing else s("m_none_missing", lang)))
    data = (s("m_sheet", lang, file=a.source.file, sheet=a.source.sheet) if a.source.sheet
            else a.source.file)
    facts.append(Fact(s("m_source", lang), data))
    return tuple(facts)


def _bases_text(a: Analysis, lang: Lang) -> str:
    exceptions: list[str] = []
    for r in a.questions:
        rule, n = r.question.base, r.question.number
        if rule.kind == "exclude" and rule.exclude:
            exceptions.append(s("exc_exclude", lang, n=n, labels=", ".join(rule.exclude)))
        elif rule.kind == "respondents":
            exceptions.append(s("exc_everyone", lang, n=n))
        if rule.filter is not None:
            exceptions.append(s("exc_filter", lang, n=n))
    text = s("bases_text", lang)
    if exceptions:
        text += " " + s("bases_exceptions", lang, items="; ".join(exceptions))
    return text


def _notes(a: Analysis, r: QuestionResult, lang: Lang) -> tuple[str, ...]:
    q = r.question
    rule = q.base
    if rule.kind == "respondents":
        notes = [s("n_everyone", lang, n=format_int(r.base, lang))]
    else:
        notes = [s("n_answers", lang, n=format_int(r.base, lang))]
    excluded = [o for o in r.options if o.excluded]
    if excluded:
        k = sum(o.count for o in excluded)
        notes.append(s("n_excluded", lang, k=format_int(k, lang),
                       labels=", ".join(o.label for o in excluded)))
    if rule.filter is not None:
        numbers = {x.question.id: x.question.number for x in a.questions}
        notes.append(s("filtered", lang, labels=", ".join(rule.filter.options),
                       n=numbers.get(rule.filter.question, rule.filter.question)))
    if q.type is QType.MULTI:
        notes.append(s("multi", lang))
    if q.note:
        notes.append(q.note)
    return tuple(notes)


def _section(a: Analysis, r: QuestionResult, lang: Lang, source: str) -> Section:
    q = r.question
    heading = s("heading", lang, n=q.number, text=q.text)
    notes = _notes(a, r, lang)
    if q.type is QType.TEXT:
        notes = ()
    return Section(
        number=q.number,
        anchor=f"q{q.number:02d}",
        heading=heading,
        key_sentence=key_sentence(a, r, lang),
        notes=notes,
        chart=_chart(r, lang, notes, source),
        table=_table(r, lang),
    )


def _chart(r: QuestionResult, lang: Lang, notes: tuple[str, ...],
           source: str) -> ChartData | None:
    q = r.question
    kind = order.chart_kind(q)
    if kind is None or not r.options:
        return None
    shown = order.display_order(r)
    bars = tuple(
        Bar(o.label, o.share or 0.0, format_percent(o.count, o.base, lang),
            muted=order.is_muted(q, o.label))
        for o in shown
    )
    footer = (" · ".join(notes), source)
    return ChartData(
        fig_id=f"q{q.number:02d}",
        kind=kind,
        bars=bars,
        title=q.title,
        notes=footer,
        alt=alt_text(r, kind, shown, notes[0], lang),
        lang=lang,
    )


def _option_row(o: OptionCount, lang: Lang) -> TableRow:
    share = t("excluded", lang) if o.excluded else format_percent(o.count, o.base, lang)
    return TableRow((o.label, format_int(o.count, lang), share), muted=o.excluded)


def _table(r: QuestionResult, lang: Lang) -> Table | None:
    q = r.question
    caption = s("table_caption", lang, n=q.number)
    if q.type is QType.NUMERIC:
        if r.stats is None:
            return None
        stats = tuple(
            TableRow((t(f"stat_{key}", lang), format_number(getattr(r.stats, key), lang)))
            for key in ("n", "mean", "median", "min", "max", "sum")
        )
        return Table(caption, ("", t("value", lang)), stats)
    if q.type is QType.TEXT or not r.options:
        return None
    rows = [_option_row(o, lang) for o in r.options]
    if r.yes is not None and q.type is QType.SINGLE and len(r.yes.labels) > 1:
        rows.append(TableRow((t("yes", lang), format_int(r.yes.count, lang),
                              format_percent(r.yes.count, r.yes.base, lang)), strong=True))
    base_row = TableRow((t("base", lang) + " (n)", format_int(r.base, lang), ""))
    rows.append(base_row)
    head = (t("option", lang), t("count", lang), t("share", lang))
    return Table(caption, head, tuple(rows))


def _appendix(a: Analysis, lang: Lang) -> tuple[AppendixGroup, ...]:
    groups: list[AppendixGroup] = []
    for r in a.questions:
        q = r.question
        heading = s("heading", lang, n=q.number, text=q.text)
        if q.type is QType.TEXT and r.answers:
            groups.append(AppendixGroup(heading, r.answers))
        if r.other:
            label = next((o for o in q.options if order.is_other(o)), s("other_generic", lang))
            groups.append(AppendixGroup(
                s("appendix_other", lang, heading=heading, label=label), r.other))
    return tuple(groups)
