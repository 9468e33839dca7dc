"""The default ``analyze`` output: one rich table per question, Danish by default.

The content comes from :mod:`.view`, which the Markdown output shares.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kl_survey.analysis import Analysis, QuestionResult
from kl_survey.model import QType
from kl_survey.numbers import Lang
from kl_survey.output import view


def summary(a: Analysis, lang: Lang = "da") -> Text:
    """Respondents, population, response rate and who did not answer, always with n."""
    s = view.summary(a, lang)
    text = Text(s.line, style="bold")
    if s.non_respondents:
        text.append(f"\n{s.non_respondents}", style="")
    for note in s.notes:
        text.append(f"\n{note}", style="dim")
    return text


def question_block(r: QuestionResult, lang: Lang = "da") -> Group:
    """The heading on its own line (a table title would wrap to the table's width)."""
    v = view.question(r, lang)
    notes = [Text(note, style="dim") for note in v.notes]
    return Group(Text(v.title, style="bold"), question_table(r, lang), *notes)


def question_table(r: QuestionResult, lang: Lang = "da") -> Table:
    v = view.question(r, lang)
    wide = len(v.head) > 4  # a grid: no inner rules, so rows x options fit 80 columns
    table = Table(expand=False, box=box.SIMPLE_HEAD if wide else box.HEAVY_HEAD,
                  padding=(0, 0, 0, 1) if wide else (0, 1))
    longest = max((len(row[0]) for row in v.rows), default=0)
    shares = wide and r.question.type is QType.GRID  # shares fit 7 characters: wrap headings
    for i, head in enumerate(v.head):
        table.add_column(head, justify="left" if i == 0 else "right",
                         min_width=min(longest, 18) if i == 0 and wide else None,
                         max_width=6 if i > 0 and shares else None)
    for cells, strong in zip(v.rows, v.strong, strict=True):
        style = "bold" if strong else ""
        table.add_row(Text(cells[0], style=style), *(Text(c, style=style) for c in cells[1:]))
    return table


def render(a: Analysis, console: Console, lang: Lang = "da") -> None:
    console.print(Group(summary(a, lang), ""))
    for r in a.questions:
        console.print(question_block(r, lang))
        console.print()
        if r.breakdown is not None:  # --by
            from kl_survey.output.breakdown_tables import rich_block

            console.print(rich_block(r, lang))
            console.print()
