"""Grids: when the rows of a header group are one question (issue 16).

A group that is not ticks is an array: rows asked together under one stem. The typeset
has typed each row, on the answers it shares with the other rows
(:func:`~.typeset.infer_group`); from those verdicts this module decides whether the
rows are one grid question:

* **grid** — two or more rows answered from one closed list of options, typed on the
  options they share: a Likert battery, Google's ``Q [Row]``, a SurveyMonkey or
  Qualtrics matrix, SurveyXact matrix variables;
* **numeric grid** — two or more rows of numbers. When every row label splits into a
  row and a column (``Antal henvendelser - Januar``, LimeSurvey's ``SQ001_SQ002``)
  and the pairs fill a rectangle, the grid is rows x columns; when the labels are
  months they are the columns of one row named by the question; otherwise each row
  holds one number (the SUF/SOF/BUF split).

A row that speaks words of its own (free text under "Other") is no part of the grid
and stays a question of its own; a row nobody answered stays with the grid. Ticks
never get here: a checkbox question beside a grid is still a multi-select.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kl_survey.model import QType
from kl_survey.periods import months
from kl_survey.readers.infer.typeset import Verdict

#: How a tool writes "row, column" in a numeric grid's cell label; None: not a pair.
Split = Callable[[str], "tuple[str, str] | None"]
#: Rows a grid needs (with answers): one row alone is an ordinary question.
MIN_ROWS = 2


def dash_split(label: str) -> tuple[str, str] | None:
    """``"Antal henvendelser - Januar"`` → ``("Antal henvendelser", "Januar")``: the last
    " - " parts the column (Qualtrics, generic sheets, SurveyMonkey)."""
    head, sep, tail = label.rpartition(" - ")
    head, tail = head.strip(), tail.strip()
    return (head, tail) if sep and head and tail else None


@dataclass(frozen=True)
class GridPlan:
    """The group members that form one grid, in grid order, and its labels."""

    qtype: QType  # GRID or NUMERIC_GRID
    members: tuple[int, ...]  # positions in the group; numeric grids row by row
    rows: tuple[str, ...]
    columns: tuple[str, ...]  # numeric grids' column labels; () = one number per row
    rule: str


def find_grid(labels: Sequence[str], verdicts: Sequence[Verdict], text: str,
              split: Split = dash_split) -> GridPlan | None:
    """The grid among a group's rows (see the module text), or None."""
    empty = [i for i, v in enumerate(verdicts) if v.rule == "empty"]
    numbers = [i for i, v in enumerate(verdicts) if v.qtype is QType.NUMERIC]
    # beside rows of numbers, a cell of small whole numbers (0-2) is a count too
    codes = [i for i, v in enumerate(verdicts) if v.rule == "scale"] if numbers else []
    numbers = sorted(numbers + codes)
    choice = [i for i, v in enumerate(verdicts) if v.qtype is QType.SINGLE and v.pooled
              and v.rule != "empty" and i not in codes]
    if len(choice) >= MIN_ROWS and len(choice) >= len(numbers):
        members = tuple(sorted(choice + empty))
        return GridPlan(QType.GRID, members, tuple(labels[i] for i in members), (),
                        "rows answered from one list of options")
    if len(numbers) >= MIN_ROWS:
        return numeric_layout([labels[i] for i in sorted(numbers + empty)],
                              sorted(numbers + empty), text, split)
    return None


def numeric_layout(labels: Sequence[str], members: Sequence[int], text: str,
                   split: Split = dash_split) -> GridPlan:
    """Rows x columns when the labels are pairs filling a rectangle; one row over the
    columns when they are months; else one number per row."""
    pairs = [split(label) for label in labels]
    if all(p is not None for p in pairs):
        found = [p for p in pairs if p is not None]
        rows = tuple(dict.fromkeys(r for r, _ in found))
        cols = tuple(dict.fromkeys(c for _, c in found))
        if len(cols) >= MIN_ROWS and len(set(found)) == len(found) == len(rows) * len(cols):
            where = {p: m for p, m in zip(found, members, strict=True)}
            ordered = tuple(where[(r, c)] for r in rows for c in cols)
            return GridPlan(QType.NUMERIC_GRID, ordered, rows, cols, "rows x columns")
    if months(labels) is not None:
        return GridPlan(QType.NUMERIC_GRID, tuple(members), (text,), tuple(labels),
                        "one row over months")
    return GridPlan(QType.NUMERIC_GRID, tuple(members), tuple(labels), (),
                    "one number per row")
