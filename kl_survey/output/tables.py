"""Flat outputs: CSV, xlsx and Markdown, all built from :func:`results.rows`.

CSV follows the ``--lang`` convention: Danish is ``;``-separated with decimal commas
and a BOM so Excel opens æøå correctly; English is plain comma CSV.
"""

from __future__ import annotations

import csv
import io

from kl_survey.analysis import Analysis
from kl_survey.i18n import t
from kl_survey.numbers import Lang, format_int, format_percent
from kl_survey.output.atomic import normalise_zip
from kl_survey.output.results import Row, rows
from kl_survey.output.safe import neutralise


def _header(lang: Lang) -> list[str]:
    if lang == "da":
        return ["id", "nummer", "spørgsmål", "række", "svarmulighed", "antal", "andel",
                "base", "værdi"]
    return ["id", "number", "question", "row", "option", "count", "share", "base", "value"]


def _num(x: float | None, lang: Lang) -> str:
    if x is None:
        return ""
    text = repr(float(x)) if not float(x).is_integer() else str(int(x))
    return text.replace(".", ",") if lang == "da" else text


def _cells(r: Row) -> list[object]:
    return [r.question, r.number, r.text, r.kind, r.label, r.count, r.share, r.base, r.value]


def to_csv(a: Analysis, lang: Lang = "da") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    w.writerow(_header(lang))
    for r in rows(a, lang):
        cells = _cells(r)
        w.writerow([
            _num(c, lang) if isinstance(c, float) else neutralise(c) if isinstance(c, str)
            else "" if c is None else c
            for c in cells
        ])
    prefix = "\ufeff" if lang == "da" else ""
    return (prefix + buf.getvalue()).encode("utf-8")


def to_xlsx(a: Analysis, lang: Lang = "da") -> bytes:
    """Real numbers with a percent format and a frozen header, so Excel can sort and sum."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Resultater" if lang == "da" else "Results"
    ws.append(_header(lang))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows(a, lang):
        ws.append([neutralise(c) if isinstance(c, str) else c for c in _cells(r)])
        ws.cell(ws.max_row, 7).number_format = "0.0%"
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHI", (8, 8, 60, 8, 50, 8, 9, 7, 10), strict=True):
        ws.column_dimensions[col].width = width
    _fix_properties(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def _fix_properties(wb: object) -> None:
    from datetime import datetime

    props = wb.properties  # type: ignore[attr-defined]
    stamp = datetime(2000, 1, 1)
    props.created = stamp
    props.modified = stamp
    props.creator = "kl-survey"
    props.lastModifiedBy = "kl-survey"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(a: Analysis, lang: Lang = "da") -> str:
    lines: list[str] = []
    for r in a.questions:
        q = r.question
        lines.append(f"## {t('question', lang)} {q.number}: {_md_escape(q.text)} "
                     f"(n={format_int(r.base, lang)})")
        lines.append("")
        if r.options:
            lines.append(f"| {t('option', lang)} | {t('count', lang)} | {t('share', lang)} |")
            lines.append("|---|---:|---:|")
            for o in r.options:
                pct = t("excluded", lang) if o.excluded else format_percent(o.count, o.base, lang)
                lines.append(f"| {_md_escape(o.label)} | {o.count} | {pct} |")
        for text in r.answers:
            lines.append(f"- {_md_escape(text)}")
        if r.stats:
            s = r.stats
            lines.append(f"| {t('stat_n', lang)} | {t('stat_mean', lang)} | "
                         f"{t('stat_median', lang)} | {t('stat_min', lang)} | "
                         f"{t('stat_max', lang)} |")
            lines.append("|---:|---:|---:|---:|---:|")
            lines.append(f"| {s.n} | {_num(s.mean, lang)} | {_num(s.median, lang)} | "
                         f"{_num(s.min, lang)} | {_num(s.max, lang)} |")
        lines.append("")
    return "\n".join(lines)
