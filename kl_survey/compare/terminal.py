"""The default ``compare`` output: the summary, then one rich table per question."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kl_survey.compare import text
from kl_survey.compare.model import Comparison
from kl_survey.numbers import Lang


def _table(qt: text.QuestionText) -> Table:
    table = Table(expand=False)
    table.add_column(qt.head[0], min_width=20, ratio=1)
    for title in qt.head[1:]:
        table.add_column(title, justify="right", no_wrap=True)
    for cells, strong in zip(qt.rows, qt.strong, strict=True):
        table.add_row(Text(cells[0], style="bold" if strong else ""), *cells[1:])
    return table


def render(c: Comparison, console: Console, lang: Lang = "da") -> None:
    lines = text.summary(c, lang)
    head = Text(lines[0], style="bold")
    for line in lines[1:]:
        head.append("\n" + line)
    console.print(head)
    console.print()
    for q in c.questions:
        qt = text.question(c, q, lang)
        parts: list[Text | Table] = [Text(qt.heading, style="bold")]
        parts += [Text(note, style="yellow" if q.wording_changed and i <= len(q.present)
                       else "dim") for i, note in enumerate(qt.notes)]
        if qt.rows:
            parts.append(_table(qt))
        parts += [Text(line) for line in qt.after]
        console.print(Group(*parts))
        console.print()
