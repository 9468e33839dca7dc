"""Route an analysis to the chosen format and destination (stdout or an atomic file)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.analysis import Analysis
from kl_survey.numbers import Lang
from kl_survey.output import atomic
from kl_survey.output.safe import visible_controls

if TYPE_CHECKING:
    from rich.console import Console

#: Draws a result as rich tables on the console it is given.
Show = Callable[["Console"], None]


#: the module that writes each format (the table goes through rich)
WRITERS = {"json": "results", "csv": "tables", "xlsx": "tables", "markdown": "tables",
           "table": "terminal"}


def prepare(fmt: str) -> None:
    """Import ``fmt``'s writer now. A command calls this while its export is still being
    read in the background, where the import costs nothing; after the analysis it is
    waited for (0.02 s for JSON)."""
    import_module(f"kl_survey.output.{WRITERS.get(fmt, 'terminal')}")


def render_bytes(a: Analysis, fmt: str, lang: Lang) -> bytes:
    if fmt == "json":  # exact text: JSON escapes control characters itself
        from kl_survey.output import results

        return results.to_json_bytes(a)
    from kl_survey.output import tables

    a = visible_controls(a)
    if fmt == "csv":
        return tables.to_csv(a, lang)
    if fmt == "xlsx":
        return tables.to_xlsx(a, lang)
    if fmt == "markdown":
        return tables.to_markdown(a, lang).encode("utf-8")
    return table_text(_show(a, lang))


def _show(a: Analysis, lang: Lang) -> Show:
    def show(console: Console) -> None:
        from kl_survey.output import terminal

        terminal.render(visible_controls(a), console, lang)

    return show


def table_text(show: Show, width: int = 100) -> bytes:
    """The table output as plain text, for ``-o file`` (no colours, a fixed width)."""
    from rich.console import Console

    console = Console(record=True, width=width, force_terminal=False, file=io.StringIO())
    show(console)
    return console.export_text().encode("utf-8")


def deliver(fmt: str, output: Path | None, render: Callable[[], bytes], show: Show) -> None:
    """To ``output`` atomically; else the table to the terminal, other formats as bytes."""
    if output is not None:
        atomic.write_bytes(output, render())
        return
    if fmt == "table":
        from kl_survey.output.console import StdoutConsole

        show(StdoutConsole())
        return
    data = render()
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data.decode("utf-8"))
    sys.stdout.flush()


def write(a: Analysis, fmt: str, output: Path | None, lang: Lang) -> None:
    deliver(fmt, output, lambda: render_bytes(a, fmt, lang), _show(a, lang))
