"""One xlsx sheet per grid question: the grid as one table, numbers as numbers.

The results sheet lists a grid flat, one line per row and option (or cell), for
filtering; these sheets show it the way a reader takes it in — rows x options with
shares (percent format over the exact fractions), or rows x months with "Samlet" and
"I alt", like Tabel 1 — with the note saying whom the totals cover.
"""

from __future__ import annotations

from typing import Any

from kl_survey.analysis import Analysis
from kl_survey.i18n import t
from kl_survey.numbers import Lang
from kl_survey.output.grid_view import cells


def add_grid_sheets(wb: Any, a: Analysis, lang: Lang, before: int) -> None:
    """A sheet named by the question id for every grid, inserted at ``before``."""
    from openpyxl.styles import Font

    from kl_survey.output.workbook import append_row

    for k, r in enumerate(x for x in a.questions if x.grid is not None):
        q = r.question
        ws = wb.create_sheet(q.id[:31], before + k)
        append_row(ws, [f"{t('question', lang)} {q.number}: {q.text}"])
        ws["A1"].font = Font(bold=True)
        table = cells(r, lang)
        append_row(ws, list(table.head))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for line, strong in zip(table.rows, table.strong, strict=True):
            append_row(ws, list(line))
            for j, cell in enumerate(ws[ws.max_row]):
                if table.percent[j] and isinstance(cell.value, float):
                    cell.number_format = "0.0%"
                if strong:
                    cell.font = Font(bold=True)
        for note in table.notes:
            append_row(ws, [note])
        ws.column_dimensions["A"].width = max(24, min(60, max(len(str(x[0]))
                                                           for x in table.rows) + 2))
        ws.freeze_panes = "B3"
