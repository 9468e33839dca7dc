"""Route a comparison to the chosen format and to stdout or an atomic file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.compare.model import Comparison
from kl_survey.numbers import Lang
from kl_survey.output.emit import Show, deliver, table_text
from kl_survey.output.safe import visible_controls

if TYPE_CHECKING:
    from rich.console import Console


def render_bytes(c: Comparison, fmt: str, lang: Lang) -> bytes:
    from kl_survey.compare import results, tables

    if fmt == "json":  # exact text: JSON escapes control characters itself
        return results.to_json(c).encode("utf-8")
    c = visible_controls(c)
    if fmt == "csv":
        return tables.to_csv(c, lang)
    if fmt == "xlsx":
        return tables.to_xlsx(c, lang)
    if fmt == "markdown":
        return tables.to_markdown(c, lang).encode("utf-8")
    return table_text(_show(c, lang), width=120)


def _show(c: Comparison, lang: Lang) -> Show:
    def show(console: Console) -> None:
        from kl_survey.compare import terminal

        terminal.render(visible_controls(c), console, lang)

    return show


def write(c: Comparison, fmt: str, output: Path | None, lang: Lang) -> None:
    deliver(fmt, output, lambda: render_bytes(c, fmt, lang), _show(c, lang))
