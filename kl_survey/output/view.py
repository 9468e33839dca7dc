"""What ``analyze`` shows as a table, as plain strings: one source for the terminal
table (:mod:`.terminal`) and the Markdown output (:mod:`.tables`), so the two can never
show different things (a "Ja i alt" row in one and not the other)."""

from __future__ import annotations

from dataclasses import dataclass

from kl_survey.analysis import Analysis, QuestionResult
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_number, format_percent
from kl_survey.output import census_text

STATS = ("n", "sum", "mean", "median", "q1", "q3", "min", "max")


@dataclass(frozen=True)
class Summary:
    line: str  # "Respondenter: 95 · Population: 98 kommuner · Svarprocent: 96,9%"
    non_respondents: str | None  # "Har ikke svaret: Vallensbæk (187), …"
    notes: tuple[str, ...]


@dataclass(frozen=True)
class QuestionView:
    title: str  # "Spørgsmål 2: Hvordan … (n=95) · Flere svar muligt"
    head: tuple[str, ...]  # column headings
    rows: tuple[tuple[str, ...], ...]
    strong: tuple[bool, ...]  # per row: the "Ja i alt" total
    notes: tuple[str, ...] = ()  # under the table (a grid: whom its totals cover)


def summary(a: Analysis, lang: Lang = "da") -> Summary:
    """Respondents, population, response rate and who did not answer, always with n."""
    parts = [f"{t('respondents', lang)}: {format_int(a.respondents, lang)}"]
    if a.partial:
        parts[0] += f" ({t('partial', lang)} {format_int(a.partial, lang)})"
    if a.population:
        one = a.population.size == 1
        unit = (t("municipality" if one else "municipalities", lang)
                if a.population.unit == "kommuner" else a.population.unit)
        parts.append(f"{t('population', lang)}: {format_int(a.population.size, lang)} {unit}")
        parts.append(f"{t('response_rate', lang)}: "
                     f"{format_percent(a.respondents, a.population.size, lang)}")
    missing = None
    if a.coverage and a.coverage.non_respondents:
        names = ", ".join(f"{m.name} ({m.code})" for m in a.coverage.non_respondents)
        missing = f"{t('non_respondents', lang)}: {names}"
    # what the --bounds/--ci columns mean, once per output
    return Summary(" · ".join(parts), missing,
                   (*a.notes, *census_text.method_notes(a, lang)))


def question(r: QuestionResult, lang: Lang = "da") -> QuestionView:
    q = r.question
    title = f"{t('question', lang)} {q.number}: {q.text} (n={format_int(r.base, lang)})"
    if q.type is QType.MULTI:
        title += f" · {t('multi', lang)}"
    if r.grid is not None:
        from kl_survey.output.grid_view import view

        g = view(r, lang)
        return QuestionView(title, g.head, tuple(tuple(str(c) for c in row) for row in g.rows),
                            g.strong, g.notes)
    rows: tuple[tuple[str, ...], ...]
    if q.type is QType.NUMERIC:
        stats = r.stats
        rows = tuple((t(f"stat_{key}", lang), format_number(getattr(stats, key), lang))
                     for key in STATS) if stats else ()
        return QuestionView(title, (t("value", lang), ""), rows, (False,) * len(rows))
    if q.type is QType.TEXT:
        rows = tuple((text,) for text in r.answers)
        return QuestionView(title, (t("answers", lang),), rows, (False,) * len(rows))
    table: list[tuple[str, ...]] = []
    for o in r.options:
        pct = t("excluded", lang) if o.excluded else format_percent(o.count, o.base, lang)
        table.append((o.label, format_int(o.count, lang), pct))
    strong = [False] * len(table)
    ranges = census_text.range_columns(r, lang)  # --bounds / --ci, beside each share
    table = [(*row, *(cells[i] for _, cells, _ in ranges)) for i, row in enumerate(table)]
    if r.yes and len(r.yes.labels) > 1:
        table.append((t("yes", lang), format_int(r.yes.count, lang),
                      format_percent(r.yes.count, r.yes.base, lang),
                      *(yes for _, _, yes in ranges)))
        strong.append(True)
    head = (t("option", lang), t("count", lang), t("share", lang),
            *(heading for heading, _, _ in ranges))
    return QuestionView(title, head, tuple(table), tuple(strong))
