"""The default ``analyze`` output: one rich table per question, Danish by default."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kl_survey.analysis import Analysis, QuestionResult
from kl_survey.i18n import t
from kl_survey.model import QType
from kl_survey.numbers import Lang, format_int, format_number, format_percent


def summary(a: Analysis, lang: Lang = "da") -> Text:
    """Respondents, population, response rate and who did not answer, always with n."""
    parts = [f"{t('respondents', lang)}: {format_int(a.respondents, lang)}"]
    if a.partial:
        parts[0] += f" ({t('partial', lang)} {format_int(a.partial, lang)})"
    if a.population:
        unit = t("municipalities", lang) if a.population.unit == "kommuner" else a.population.unit
        parts.append(f"{t('population', lang)}: {format_int(a.population.size, lang)} {unit}")
        parts.append(f"{t('response_rate', lang)}: "
                     f"{format_percent(a.respondents, a.population.size, lang)}")
    text = Text(" · ".join(parts), style="bold")
    if a.coverage and a.coverage.non_respondents:
        names = ", ".join(f"{m.name} ({m.code})" for m in a.coverage.non_respondents)
        text.append(f"\n{t('non_respondents', lang)}: {names}", style="")
    for note in a.notes:
        text.append(f"\n{note}", style="dim")
    return text


def question_block(r: QuestionResult, lang: Lang = "da") -> Group:
    """The heading on its own line (a table title would wrap to the table's width)."""
    q = r.question
    title = f"{t('question', lang)} {q.number}: {q.text} (n={format_int(r.base, lang)})"
    if q.type is QType.MULTI:
        title += f" · {t('multi', lang)}"
    return Group(Text(title, style="bold"), question_table(r, lang))


def question_table(r: QuestionResult, lang: Lang = "da") -> Table:
    q = r.question
    table = Table(expand=False)
    if q.type is QType.NUMERIC:
        table.add_column(t("value", lang))
        table.add_column("", justify="right")
        if r.stats:
            for key in ("n", "sum", "mean", "median", "min", "max"):
                table.add_row(t(f"stat_{key}", lang), format_number(getattr(r.stats, key), lang))
        return table
    if q.type is QType.TEXT:
        table.add_column(t("answers", lang))
        for text in r.answers:
            table.add_row(Text(text))
        return table
    table.add_column(t("option", lang))
    table.add_column(t("count", lang), justify="right")
    table.add_column(t("share", lang), justify="right")
    for o in r.options:
        pct = t("excluded", lang) if o.excluded else format_percent(o.count, o.base, lang)
        table.add_row(Text(o.label), format_int(o.count, lang), pct)
    if r.yes and len(r.yes.labels) > 1:
        table.add_row(Text(t("yes", lang), style="bold"), format_int(r.yes.count, lang),
                      format_percent(r.yes.count, r.yes.base, lang), end_section=False)
    return table


def render(a: Analysis, console: Console, lang: Lang = "da") -> None:
    console.print(Group(summary(a, lang), ""))
    for r in a.questions:
        console.print(question_block(r, lang))
        console.print()
