"""One municipality's feedback report as data: its answers against region and country.

Every municipality asks "how do we compare?". The report for municipality M holds, per
question, M's own answer, the share of M's region and of the whole country giving each
answer, and M's own free text. Shares of the country and of each region are computed
once (:class:`Benchmarks`) and shared by all 95 reports; only M's own answers are read
per report.

Privacy by construction: free text is only ever taken from M's own analysis
(``own.questions[i].answers`` / ``.other``). The country and region analyses
contribute counts and nothing else, so another municipality's text cannot reach M's
report whatever the template does.
"""

from __future__ import annotations

from dataclasses import dataclass

from kl_survey import municipalities as mun
from kl_survey.analysis import Analysis, QuestionResult, analyse
from kl_survey.by_municipality import only
from kl_survey.model import QType, Survey
from kl_survey.numbers import Lang, format_int, format_number, format_percent
from kl_survey.report import order
from kl_survey.report.feedback_bars import PairChart, PairRow, country_label
from kl_survey.report.strings import join_list, quote, s


@dataclass(frozen=True)
class Benchmarks:
    """The shared part of all reports: the country's and each region's analysis."""

    country: Analysis
    regions: dict[str, Analysis]


def benchmarks(survey: Survey) -> Benchmarks:
    """Analyse the whole survey and each region's respondents once."""
    regions = {}
    for region in mun.REGIONS:
        members = [m for m in mun.register() if m.region == region]
        regions[region] = analyse(only(survey, members))
    return Benchmarks(analyse(survey), regions)


@dataclass(frozen=True)
class FeedbackSection:
    number: int
    anchor: str
    heading: str
    lines: tuple[str, ...]  # "Jeres svar: …", then the comparison sentences
    chart: str | None  # key of the shared chart: the PairChart's fig_id
    marked: tuple[int, ...]  # rows of that chart to mark "Jeres svar"
    alt: str
    notes: str
    texts: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, own free texts)


@dataclass(frozen=True)
class FeedbackModel:
    lang: Lang
    code: int
    name: str
    region: str
    title: str  # "København"
    kicker: str
    lede: str
    coverage: str
    sections: tuple[FeedbackSection, ...]
    footer: str
    created: str | None


def pair_chart(country: QuestionResult, region: QuestionResult, region_name: str,
               lang: Lang) -> PairChart | None:
    """The shared chart of one question for one region (None: no options to draw)."""
    q = country.question
    if q.type not in (QType.SINGLE, QType.MULTI) or not country.options:
        return None
    by_label = {o.label: o for o in region.options}
    rows = []
    for o in order.display_order(country):
        r = by_label[o.label]
        rows.append(PairRow(o.label, o.share or 0.0, format_percent(o.count, o.base, lang),
                            r.share or 0.0, format_percent(r.count, r.base, lang),
                            muted=order.is_muted(q, o.label)))
    return PairChart(chart_id(q.number, region_name), tuple(rows),
                     country_label(format_int(country.base, lang), lang),
                     f"{s('fb_region', lang, region=region_name)} "
                     f"(n = {format_int(region.base, lang)})", lang)


def chart_id(number: int, region: str) -> str:
    return f"q{number:02d}-{mun.slug_text(region)}"


def build(m: mun.Municipality, own: Analysis, comp: Benchmarks, lang: Lang, *,
          title: str, created: str | None = None) -> FeedbackModel:
    """The report for ``m``; ``own`` is the analysis of ``m``'s respondents only."""
    region = comp.regions[m.region]
    cov = comp.country.coverage
    reg_cov = region.coverage
    coverage = ""
    if cov is not None and reg_cov is not None:
        coverage = s("fb_coverage", lang, r=format_int(cov.respondents, lang),
                      p=format_int(cov.population, lang), rr=format_int(reg_cov.respondents,
                                                                          lang),
                      rp=format_int(reg_cov.population, lang), region=m.region)
    sections = tuple(
        _section(c, r, o, m.region, lang)
        for c, r, o in zip(comp.country.questions, region.questions, own.questions,
                           strict=True))
    return FeedbackModel(
        lang=lang, code=m.code, name=m.name, region=m.region, title=m.name,
        kicker=s("fb_kicker", lang) + (f" · {comp.country.meta.round}"
                                     if comp.country.meta.round else ""),
        lede=s("fb_lede", lang, title=title, region=m.region), coverage=coverage,
        sections=sections,
        footer=s("fb_footer", lang, file=comp.country.source.file)
        + (" " + s("fb_several", lang, k=own.respondents) if own.respondents > 1 else ""),
        created=created)


def _section(country: QuestionResult, region: QuestionResult, own: QuestionResult,
             region_name: str, lang: Lang) -> FeedbackSection:
    q = country.question
    heading = s("heading", lang, n=q.number, text=q.text)
    texts: list[tuple[str, tuple[str, ...]]] = []
    if own.other:  # the municipality's own "Andet" text, never anybody else's
        label = next((o for o in q.options if order.is_other(o)), s("other_generic", lang))
        texts.append((s("fb_other", lang, label=label), own.other.items))
    if q.type is QType.TEXT:
        if own.answers:
            texts.append((s("fb_text", lang), own.answers.items))
        return FeedbackSection(q.number, f"q{q.number:02d}", heading,
                               () if own.answers else (s("fb_none", lang),), None, (), "", "",
                               tuple(texts))
    if q.type is QType.NUMERIC:
        return FeedbackSection(q.number, f"q{q.number:02d}", heading,
                               (_numeric_line(country, region, own, region_name, lang),),
                               None, (), "", _notes(country, region, region_name, lang),
                               tuple(texts))
    if country.grid is not None:  # a grid: the own answers row by row, beside the country's
        from kl_survey.report.grid_sentences import feedback_lines

        return FeedbackSection(q.number, f"q{q.number:02d}", heading,
                               feedback_lines(country, own, lang), None, (), "",
                               _notes(country, region, region_name, lang), tuple(texts))
    shown = [o.label for o in order.display_order(country)]
    chosen = [o.label for o in own.options if o.count > 0 and o.label in shown]
    marked = tuple(shown.index(label) for label in chosen)
    lines = [_yours(chosen, lang)]
    by_label_c = {o.label: o for o in country.options}
    by_label_r = {o.label: o for o in region.options}
    for label in chosen if q.type is QType.SINGLE else ():  # multi: the chart says it
        c, r = by_label_c[label], by_label_r[label]
        lines.append(s("fb_compare", lang, answer=quote(label, lang),
                        country=format_percent(c.count, c.base, lang),
                        region=format_percent(r.count, r.base, lang), name=region_name))
    items = "; ".join(
        f"{label}: {format_percent(by_label_c[label].count, by_label_c[label].base, lang)}"
        f" / {format_percent(by_label_r[label].count, by_label_r[label].base, lang)}"
        for label in shown)
    alt = s("fb_alt", lang, n=q.number, region=region_name, items=items, yours=lines[0])
    return FeedbackSection(q.number, f"q{q.number:02d}", heading, tuple(lines),
                           chart_id(q.number, region_name), marked, alt,
                           _notes(country, region, region_name, lang), tuple(texts))


def _yours(chosen: list[str], lang: Lang) -> str:
    if not chosen:
        return s("fb_none", lang)
    answer = join_list([quote(label, lang) for label in chosen], lang)
    return s("fb_yours_one" if len(chosen) == 1 else "fb_yours_many", lang, answer=answer)


def _numeric_line(country: QuestionResult, region: QuestionResult, own: QuestionResult,
                  region_name: str, lang: Lang) -> str:
    if own.stats is None:
        return s("fb_none", lang)

    def median(r: QuestionResult) -> str:
        return format_number(r.stats.median, lang) if r.stats else "–"

    return s("fb_numeric", lang, value=format_number(own.stats.mean, lang),
              country=median(country), region=median(region), name=region_name)


def _notes(country: QuestionResult, region: QuestionResult, region_name: str,
           lang: Lang) -> str:
    base = s("n_answers", lang, n=format_int(country.base, lang))
    note = f"{base} · {s('fb_region', lang, region=region_name)}: n = "
    note += format_int(region.base, lang)
    if country.question.type is QType.MULTI:
        note += " · " + s("multi", lang)
    return note
