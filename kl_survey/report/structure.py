"""From :class:`~kl_survey.analysis.Analysis` to a frozen :class:`ReportModel`.

Everything the report prints is decided here, once, as formatted strings: headings, key
sentences, bar order, percent labels, alt texts, base notes and table cells. The chart,
HTML and PDF renderers only lay these out, so the three can never disagree about a
number or a word.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kl_survey import __version__
from kl_survey.analysis import Analysis, OptionCount, QuestionResult
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_long_date, format_number, format_percent
from kl_survey.output.safe import visible_controls
from kl_survey.report import order, style
from kl_survey.report.chartdata import DEFAULT_SCALE, Bar, ChartData
from kl_survey.report.highlights import highlights
from kl_survey.report.parts import AppendixGroup, Fact, ReportModel, Section, Table, TableRow
from kl_survey.report.scale import BarScale
from kl_survey.report.scale import for_labels as scale_for_labels
from kl_survey.report.sentences import alt_text, key_sentence
from kl_survey.report.strings import join_list, quote, s

if TYPE_CHECKING:
    from kl_survey.compare.model import Comparison
    from kl_survey.report.grid_section import GridSection

#: the report's parts, defined in :mod:`.parts` and :mod:`.chartdata`, still importable here
__all__ = ["DEFAULT_SCALE", "AppendixGroup", "Bar", "ChartData", "Fact", "ReportModel",
           "Section", "Table", "TableRow", "bar_scale", "build"]


def build(a: Analysis, lang: Lang = "da", *, title: str | None = None,
          created: str | None = None, colophon: bool = False,
          comparison: Comparison | None = None) -> ReportModel:
    """The whole report as data; ``created`` comes from SOURCE_DATE_EPOCH (see writer).

    The bar scale is settled first, from every label of every bar chart, and handed to
    each chart; ``colophon`` adds the file names and version (internal, off by default).
    ``comparison`` (``report --compare``, its last round being ``a``) adds to each
    question the change since the earlier rounds, on the same scale.
    """
    from kl_survey.report import breakdown_view

    a = visible_controls(a)
    source = a.meta.credit
    scale = bar_scale(a, comparison, lang)
    sections = tuple(_section(a, r, lang, source, scale) for r in a.questions)
    census_heading, census_notes = breakdown_view.method_notes(a, lang)
    extra_facts: tuple[Fact, ...] = ()
    if comparison is not None:
        from kl_survey.report import compare_section

        comparison = visible_controls(comparison)
        added = compare_section.sections(comparison, lang, source, scale)
        sections = tuple(replace(sec, compare=added.get(r.question.id))
                         for sec, r in zip(sections, a.questions, strict=True))
        extra_facts = compare_section.facts(comparison, lang)
    return ReportModel(
        lang=lang,
        title=title or a.meta.title or a.title or s("default_title", lang),
        kicker=_kicker(a, lang),
        lede=_lede(a, lang),
        highlights_heading=s("highlights", lang),
        highlights=highlights(a, lang),
        scale=scale,
        method_heading=s("method", lang),
        facts=(*_facts(a, lang), *extra_facts),
        bases_heading=s("m_bases", lang),
        bases_text=_bases_text(a, lang),
        sections=sections,
        appendix_heading=s("appendix", lang),
        appendix_intro=s("appendix_intro_cpr" if a.meta.cpr_redacted else "appendix_intro",
                         lang),
        appendix=_appendix(a, lang),
        source_line=source,
        colophon_heading=s("colophon", lang),
        colophon=_colophon(a, lang) if colophon else (),
        table_summary=s("table_summary", lang),
        page_word=s("page", lang),
        of_word=s("of", lang),
        created=created,
        census_heading=census_heading,
        census_notes=census_notes,
    )


def _unit(a: Analysis, lang: Lang, n: int = 2) -> str:
    """The population's unit, in the singular for ``n == 1`` (``--municipality København``)."""
    unit = a.population.unit if a.population else "respondenter"
    if unit == "kommuner":
        return s("unit_kommune" if n == 1 else "unit_kommuner", lang)
    if unit == "respondenter":
        return s("unit_respondent" if n == 1 else "unit_respondents", lang)
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
        rate = format_percent(a.respondents, a.population.size, lang)
        if a.population.size == 1:
            return s("lede_one", lang, r=r, unit=_unit(a, lang, 1), rate=rate)
        return s("lede_population", lang, r=r, p=format_int(a.population.size, lang),
                 unit=_unit(a, lang), rate=rate)
    return s("lede_plain", lang, r=f"{r} {_unit(a, lang, a.respondents)}")


def _facts(a: Analysis, lang: Lang) -> tuple[Fact, ...]:
    """Inviterede (the population) and Deltagende (the respondents): the two terms the
    whole report uses."""
    answered = f"{format_int(a.respondents, lang)} {_unit(a, lang, a.respondents)}"
    if a.partial:
        answered += f" ({s('m_partial', lang, k=format_int(a.partial, lang))})"
    facts = []
    if a.population and a.population.size:
        facts.append(Fact(s("m_population", lang),
                          f"{format_int(a.population.size, lang)} "
                          f"{_unit(a, lang, a.population.size)}"))
    facts.append(Fact(s("m_respondents", lang), answered))
    if a.population and a.population.size:
        facts.append(Fact(s("m_rate", lang),
                          format_percent(a.respondents, a.population.size, lang)))
    if a.coverage is not None:
        missing = [m.name for m in a.coverage.non_respondents]
        facts.append(Fact(s("m_missing", lang),
                          join_list(missing, lang) if missing else s("m_none_missing", lang)))
    return tuple(facts)


def _colophon(a: Analysis, lang: Lang) -> tuple[str, ...]:
    """Provenance for the analyst, not the reader: the export's name and our version."""
    data = (s("m_sheet", lang, file=a.source.file, sheet=a.source.sheet) if a.source.sheet
            else a.source.file)
    return (s("c_data", lang, data=data),
            s("made_with", lang, version=__version__, file=a.source.file))


def bar_scale(a: Analysis, comparison: Comparison | None = None,
              lang: Lang = "da") -> BarScale:
    """The one scale, from the labels of every question drawn as bars (and of every
    comparison chart, whose label column also holds the changes, and every breakdown's
    groups)."""
    from kl_survey.report.breakdown_view import scale_labels

    labels = [o.label for r in a.questions if order.chart_kind(r.question) == "bars"
              for o in order.display_order(r)]
    changes: list[str] = []
    if comparison is not None:
        from kl_survey.report.compare_section import scale_texts

        more, changes = scale_texts(comparison, lang)
        labels += more
    from kl_survey.report.grid_section import scale_labels as grid_labels

    return scale_for_labels([*labels, *scale_labels(a, lang), *grid_labels(a)], bold=changes)


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


def _order_note(r: QuestionResult, lang: Lang) -> str | None:
    """Why a grey bar sits below a shorter one: stated under every sorted chart."""
    if not order.is_sorted(r.question):
        return None
    why = {0: "why_other", 1: "why_no", 2: "why_dont_know"}
    items = []
    for o in order.display_order(r):
        rank = order.residual_rank(r.question, o.label)
        if rank is not None and order.is_muted(r.question, o.label):
            items.append(f"{quote(o.label, lang)} ({s(why[rank], lang)})")
    return s("order_note", lang, items=join_list(items, lang)) if items else None


def _section(a: Analysis, r: QuestionResult, lang: Lang, source: str | None,
             scale: BarScale) -> Section:
    q = r.question
    heading = s("heading", lang, n=q.number, text=q.text)
    notes = _notes(a, r, lang)
    if q.type is QType.TEXT:
        notes = ()
    chart = _chart(r, lang, notes, source, scale)
    if chart is not None and (why := _order_note(r, lang)):
        notes = (*notes, why)
        chart = replace(chart, notes=_footer(notes, source))
    from kl_survey.report import breakdown_view

    return Section(
        number=q.number,
        anchor=f"q{q.number:02d}",
        heading=heading,
        key_sentence=key_sentence(a, r, lang),
        notes=notes,
        chart=chart,
        table=_table(r, lang),
        breakdown=breakdown_view.section(r, scale, lang, source),
        bounds=breakdown_view.bounds_sentence(a, r, lang),
        grid=_grid(r, scale, lang, _footer(notes, source)) if r.grid is not None else None,
    )


def _grid(r: QuestionResult, scale: BarScale, lang: Lang,
          footer: tuple[str, ...]) -> GridSection:
    from kl_survey.report import grid_section

    return grid_section.section(r, scale, lang, footer)


def _footer(notes: tuple[str, ...], source: str | None) -> tuple[str, ...]:
    return (" · ".join(notes), source) if source else (" · ".join(notes),)


def _bars(r: QuestionResult, kind: str, lang: Lang, scale: BarScale) -> tuple[Bar, ...]:
    q = r.question
    shown = order.display_order(r)
    ramp = iter(("s1", "s2", "s3", "s4"))
    bars = []
    for o in shown:
        value, muted = o.share or 0.0, order.is_muted(q, o.label)
        text = format_percent(o.count, o.base, lang)
        if kind == "stacked":
            tone = "muted" if muted else next(ramp, "s4")
            bars.append(Bar(o.label, value, text, muted, value, tone,
                            inside=value >= style.MIN_SEGMENT_FOR_LABEL))
        else:
            bars.append(Bar(o.label, value, text, muted, scale.length(value)))
    return tuple(bars)


def _chart(r: QuestionResult, lang: Lang, notes: tuple[str, ...], source: str | None,
           scale: BarScale) -> ChartData | None:
    q = r.question
    kind = order.chart_kind(q)
    if kind is None or not r.options:
        return None
    return ChartData(
        fig_id=f"q{q.number:02d}",
        kind=kind,
        bars=_bars(r, kind, lang, scale),
        title=q.title,
        notes=_footer(notes, source),
        alt=alt_text(r, kind, order.display_order(r), lang),
        lang=lang,
        scale=scale,
    )


def _option_row(o: OptionCount, lang: Lang) -> TableRow:
    share = t("excluded", lang) if o.excluded else format_percent(o.count, o.base, lang)
    return TableRow((o.label, format_int(o.count, lang), share), muted=o.excluded)


def _table(r: QuestionResult, lang: Lang) -> Table | None:
    """The figures behind the chart, in the chart's order (excluded options last)."""
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
    options = [*order.display_order(r), *(o for o in r.options if o.excluded)]
    rows = [_option_row(o, lang) for o in options]
    if r.yes is not None and q.type is QType.SINGLE and len(r.yes.labels) > 1:
        rows.append(TableRow((t("yes", lang), format_int(r.yes.count, lang),
                              format_percent(r.yes.count, r.yes.base, lang)), strong=True))
    base_row = TableRow((t("base", lang) + " (n)", format_int(r.base, lang), ""))
    rows.append(base_row)
    head = (t("option", lang), t("count", lang), t("share", lang))
    from kl_survey.report.breakdown_view import with_ranges

    return with_ranges(Table(caption, head, tuple(rows)), r, lang)  # --bounds / --ci


def _appendix(a: Analysis, lang: Lang) -> tuple[AppendixGroup, ...]:
    groups: list[AppendixGroup] = []
    for r in a.questions:
        q = r.question
        heading = s("heading", lang, n=q.number, text=q.text)
        if q.type is QType.TEXT and r.answers:
            groups.append(AppendixGroup(heading, r.answers.items))
        if r.other:
            label = next((o for o in q.options if order.is_other(o)), s("other_generic", lang))
            groups.append(AppendixGroup(
                s("appendix_other", lang, heading=heading, label=label), r.other.items))
    return tuple(groups)
