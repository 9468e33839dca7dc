"""Flat outputs: CSV and xlsx from :func:`results.rows`, Markdown from :mod:`.view`.

CSV follows the ``--lang`` convention: Danish is ``;``-separated with decimal commas
and a BOM so Excel opens æøå correctly; English is plain comma CSV. Each share is given
twice, and the header says which is which: the published percentage, rounded once and
half up from the counts (``andel_pct_afrundet`` = ``63,2``), and the exact fraction
(``andel_brøk_præcis`` = ``0,631578947368421``) for anyone who computes further.
"""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal
from typing import Any

from kl_survey.analysis import Analysis
from kl_survey.numbers import Lang, percent_value
from kl_survey.output.atomic import normalise_zip
from kl_survey.output.results import Row, rows
from kl_survey.output.safe import neutralise

_HEADER = {
    "da": ["id", "nummer", "spørgsmål", "række", "svarmulighed", "antal",
           "andel_pct_afrundet", "andel_brøk_præcis", "base", "værdi"],
    "en": ["id", "number", "question", "row", "option", "count",
           "share_pct_rounded", "share_fraction_exact", "base", "value"],
}
#: What each row is, in the output's language (results.Row.kind is the internal name).
KINDS = {
    "da": {"option": "svarmulighed", "yes": "ja i alt", "stat": "nøgletal",
           "answer": "fritekst", "other": "andet-tekst", "cell": "celle (sum)",
           "total": "total (sum)", "derived": "afledt tal"},
    "en": {"option": "option", "yes": "yes total", "stat": "statistic",
           "answer": "free text", "other": "other text", "cell": "cell (sum)",
           "total": "total (sum)", "derived": "derived rate"},
}
FREE_TEXT = ("answer", "other")


def _header(lang: Lang) -> list[str]:
    return list(_HEADER[lang])


def _num(x: float | None, lang: Lang) -> str:
    if x is None:
        return ""
    text = repr(float(x)) if not float(x).is_integer() else str(int(x))
    return text.replace(".", ",") if lang == "da" else text


def rounded_pct(r: Row) -> Decimal | None:
    """The published percentage: from the integer counts, rounded once, half up."""
    if r.share is None or r.count is None:
        return None
    return percent_value(r.count, r.base)  # every share in a question is out of its base


def _cells(r: Row, lang: Lang) -> list[Any]:
    return [r.question, r.number, r.text, KINDS[lang][r.kind], r.label, r.count,
            rounded_pct(r), r.share, r.base, r.value]


def _csv_cell(c: Any, lang: Lang) -> object:
    if isinstance(c, Decimal):
        return _decimal_text(c, lang)
    if isinstance(c, float):
        return _num(c, lang)
    if isinstance(c, str):
        return neutralise(c)
    return "" if c is None else c


def _decimal_text(d: Decimal, lang: Lang) -> str:
    """``63,2`` / ``63.2``: no thousands separator, so every reader parses it."""
    text = f"{d:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def to_csv(a: Analysis, lang: Lang = "da") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    w.writerow(_header(lang))
    for r in rows(a, lang):
        w.writerow([_csv_cell(c, lang) for c in _cells(r, lang)])
    prefix = "\ufeff" if lang == "da" else ""
    return (prefix + buf.getvalue()).encode("utf-8")


def _md_escape(text: str) -> str:
    """Free text is shown, never interpreted: HTML is escaped as the report's page does
    (a Markdown viewer renders raw ``<script>``), and the characters that start Markdown
    markup inside a line (links, emphasis, code, table pipes) are backslash-escaped."""
    text = html.escape(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    return _MD_SPECIAL.sub(r"\\\g<0>", text)


# What can start markup inside a line: code, emphasis, links/images, table cells,
# strikethrough. "<" and "&" are already entities.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~]")


def to_markdown(a: Analysis, lang: Lang = "da") -> str:
    """Everything the terminal table shows (:mod:`.view`), as GitHub Markdown."""
    from kl_survey.output import view

    s = view.summary(a, lang)
    lines = [f"**{_md_escape(s.line)}**", ""]
    if s.non_respondents:
        lines += [_md_escape(s.non_respondents), ""]
    lines += [*(f"*{_md_escape(n)}*" for n in s.notes), *([""] if s.notes else [])]
    for r in a.questions:
        v = view.question(r, lang)
        lines += [f"## {_md_escape(v.title)}", ""]
        if v.rows:
            lines.append("| " + " | ".join(_md_escape(h) or " " for h in v.head) + " |")
            lines.append("|" + "|".join(["---", *(["---:"] * (len(v.head) - 1))]) + "|")
            for cells, strong in zip(v.rows, v.strong, strict=True):
                out = [_md_escape(c) for c in cells]
                if strong:
                    out = [f"**{c}**" for c in out]
                lines.append("| " + " | ".join(out) + " |")
            lines.append("")
        lines += [*(f"*{_md_escape(n)}*" for n in v.notes), *([""] if v.notes else [])]
        if r.breakdown is not None:  # --by
            from kl_survey.output.breakdown_tables import markdown

            lines += markdown(r, lang)
    return "\n".join(lines)


def to_xlsx(a: Analysis, lang: Lang = "da") -> bytes:
    from kl_survey.output.workbook import workbook

    return normalise_zip(workbook(a, lang))
