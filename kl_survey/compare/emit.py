"""Route a comparison to the chosen format and to stdout or an atomic file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from kl_survey.compare.model import Comparison
from kl_survey.numbers import Lang
from kl_survey.output import atomic


def render_bytes(c: Comparison, fmt: str, lang: Lang) -> bytes:
    from kl_survey.compare import results, tables

    if fmt == "json":
        return results.to_json(c).encode("utf-8")
    if fmt == "csv":
        return tables.to_csv(c, lang)
    if fmt == "xlsx":
        return tables.to_xlsx(c, lang)
    if fmt == "markdown":
        return tables.to_markdown(c, lang).encode("utf-8")
    return table_text(c, lang).encode("utf-8")


def table_text(c: Comparison, lang: Lang, width: int = 120) -> str:
    from rich.console import Console

    from kl_survey.compare import terminal

    console = Console(record=True, width=width, force_terminal=False, file=io.StringIO())
    terminal.render(c, console, lang)
    return console.export_text()


def write(c: Comparison, fmt: str, output: Path | None, lang: Lang) -> None:
    if output is not None:
        atomic.write_bytes(output, render_bytes(c, fmt, lang))
        return
    if fmt == "table":
        from rich.console import Console

        from kl_survey.compare import terminal

        terminal.render(c, Console(), lang)
        return
    data = render_bytes(c, fmt, lang)
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data.decode("utf-8"))
    sys.stdout.flush()
