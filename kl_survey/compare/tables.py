"""The comparison as CSV, xlsx and Markdown.

CSV and xlsx are for Excel users and scripts: one row per option, every round side by
side, unrounded shares and changes (the ``--lang`` CSV convention of ``analyze``).
Markdown is for people: the same cells as the terminal table, changes rounded once.
"""

from __future__ import annotations

import csv
import io

from kl_survey.compare import text
from kl_survey.compare.model import Cell, Comparison
from kl_survey.compare.results import FlatRow, rows
from kl_survey.i18n import t
from kl_survey.numbers import Lang
from kl_survey.output.atomic import normalise_zip
from kl_survey.output.safe import neutralise

_HEAD = {
    "da": ("id", "nummer", "spørgsmål", "række", "svarmulighed", "ændret formulering",
           "antal", "base", "andel", "ændring (pp)", "panel antal", "panel base",
           "panel andel", "ændring i panelet (pp)"),
    "en": ("id", "number", "question", "row", "option", "reworded", "count", "base", "share",
           "change (pp)", "panel count", "panel base", "panel share", "panel change (pp)"),
}


def header(c: Comparison, lang: Lang) -> list[str]:
    h = _HEAD[lang]
    per_round = [f"{word} {label}" for word in h[6:9] for label in c.labels]
    per_panel = [f"{word} {label}" for word in h[10:13] for label in c.labels]
    return [*h[:6], *per_round, h[9], *per_panel, h[13]]


def _cells(cells: tuple[Cell | None, ...]) -> list[object]:
    counts = [x.count if x else None for x in cells]
    bases = [x.base if x else None for x in cells]
    shares = [x.share if x else None for x in cells]
    return [*counts, *bases, *shares]


def _line(r: FlatRow, lang: Lang) -> list[object]:
    yes = {"da": "ja", "en": "yes"}[lang] if r.reworded else ""
    return [r.question, r.number, r.text, r.kind, r.label, yes, *_cells(r.rounds), r.change,
            *_cells(r.panel), r.panel_change]


def _num(x: float, lang: Lang) -> str:
    text_ = repr(float(x)) if not float(x).is_integer() else str(int(x))
    return text_.replace(".", ",") if lang == "da" else text_


def to_csv(c: Comparison, lang: Lang = "da") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    w.writerow(header(c, lang))
    for r in rows(c, t("yes", lang)):
        w.writerow([_num(x, lang) if isinstance(x, float) else neutralise(x)
                    if isinstance(x, str) else "" if x is None else x for x in _line(r, lang)])
    return (("\ufeff" if lang == "da" else "") + buf.getvalue()).encode("utf-8")


def to_xlsx(c: Comparison, lang: Lang = "da", epoch: int | None = None) -> bytes:
    """Real numbers: shares with a percent format, changes in points with one decimal;
    text as text cells, dated like results.xlsx (output/workbook.py)."""
    from openpyxl import Workbook

    from kl_survey.output.workbook import append_row, header_row, save

    if epoch is None:
        from kl_survey.output.epoch import source_epoch

        epoch = source_epoch()
    wb = Workbook()
    ws = wb.active
    ws.title = "Sammenligning" if lang == "da" else "Comparison"
    head = header(c, lang)
    widths = [8, 8, 50, 8, 40, 10] + [12] * (len(head) - 6)
    header_row(ws, head, tuple(widths))
    k = len(c.labels)
    share_cols = [7 + 2 * k + i for i in range(k)] + [8 + 5 * k + i for i in range(k)]
    change_cols = [7 + 3 * k, 8 + 6 * k]
    for r in rows(c, t("yes", lang)):
        append_row(ws, _line(r, lang))
        for col in share_cols:
            ws.cell(ws.max_row, col).number_format = "0.0%"
        for col in change_cols:
            ws.cell(ws.max_row, col).number_format = "+0.0;-0.0;0.0"
    ws.freeze_panes = "F2"
    ws.auto_filter.ref = ws.dimensions
    return normalise_zip(save(wb, epoch))


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def to_markdown(c: Comparison, lang: Lang = "da") -> str:
    summary = text.summary(c, lang)
    lines = [f"# {_md(summary[0])}", ""] + [f"- {_md(x)}" for x in summary[1:]] + [""]
    for q in c.questions:
        qt = text.question(c, q, lang)
        lines += [f"## {_md(qt.heading)}", ""]
        lines += [f"> {_md(note)}" for note in qt.notes]
        if qt.notes:
            lines.append("")
        if qt.rows:
            lines.append("| " + " | ".join(_md(h) for h in qt.head) + " |")
            lines.append("|---|" + "---:|" * (len(qt.head) - 1))
            for cells, strong in zip(qt.rows, qt.strong, strict=True):
                first = f"**{_md(cells[0])}**" if strong else _md(cells[0])
                lines.append("| " + " | ".join([first, *(_md(x) for x in cells[1:])]) + " |")
            lines.append("")
        lines += [_md(x) for x in qt.after]
        if qt.after:
            lines.append("")
    return "\n".join(lines)
