"""Route an analysis to the chosen format and destination (stdout or an atomic file)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from kl_survey.analysis import Analysis
from kl_survey.numbers import Lang
from kl_survey.output import atomic
from kl_survey.output.safe import visible_controls


def render_bytes(a: Analysis, fmt: str, lang: Lang) -> bytes:
    from kl_survey.output import results, tables

    if fmt == "json":  # exact text: JSON escapes control characters itself
        return results.to_json(a).encode("utf-8")
    a = visible_controls(a)
    if fmt == "csv":
        return tables.to_csv(a, lang)
    if fmt == "xlsx":
        return tables.to_xlsx(a, lang)
    if fmt == "markdown":
        return tables.to_markdown(a, lang).encode("utf-8")
    return _table_text(a, lang).encode("utf-8")


def _table_text(a: Analysis, lang: Lang) -> str:
    from rich.console import Console

    from kl_survey.output import terminal

    console = Console(record=True, width=100, force_terminal=False, file=io.StringIO())
    terminal.render(a, console, lang)
    return console.export_text()


def write(a: Analysis, fmt: str, output: Path | None, lang: Lang) -> None:
    if output is not None:
        atomic.write_bytes(output, render_bytes(a, fmt, lang))
        return
    if fmt == "table":
        from rich.console import Console

        from kl_survey.output import terminal

        terminal.render(visible_controls(a), Console(), lang)
        return
    data = render_bytes(a, fmt, lang)
    sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(
        data.decode("utf-8"))
    sys.stdout.flush()
