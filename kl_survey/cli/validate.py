"""``kl-survey validate``: check an export (and its spec) before anything is published."""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path

import typer

from kl_survey.cli import app
from kl_survey.cli.common import (
    COMPLETE_ONLY,
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_MEMORY,
    MAX_SIZE,
    REPAIR_ENCODING,
    SHEET,
    SOURCE,
    handle_errors,
    limits,
    max_bytes,
    source_help_requested,
)


class Format(StrEnum):
    table = "table"
    json = "json"


FILE = typer.Argument(..., help="Eksporten der skal tjekkes.", show_default=False)
FORMAT = typer.Option(Format.table, "--format", "-f",
                      help="table (til mennesker) eller json (stabilt format til CI).")
OUTPUT = typer.Option(None, "--output", "-o", help="Skriv rapporten til denne fil.")
SPEC = typer.Option(None, "--spec", help="Spec-fil (survey.toml); tjekker også at spec og "
                    "data passer sammen.")
STRICT = typer.Option(False, "--strict", help="Advarsler tæller også som fejl (exit 1).")


@app.command(
    name="validate",
    epilog="Eksempel: kl-survey validate data/examples/kl-2025-05/responses.xlsx "
    "--spec data/examples/kl-2025-05/survey.toml --strict",
)
@handle_errors
def validate(
    file: Path = FILE,
    spec: Path | None = SPEC,
    fmt: Format = FORMAT,
    strict: bool = STRICT,
    output: Path | None = OUTPUT,
    sheet: str | None = SHEET,
    source: str | None = SOURCE,
    complete_only: bool = COMPLETE_ONLY,
    max_size: int | None = MAX_SIZE,
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
) -> None:
    """Tjek en eksport for fejl før noget offentliggøres.

    Finder ukendte og stavede kommunenavne (med forslag), kommuner der har svaret to
    gange, svar uden for populationen, svar der ikke står i spec-filen, tomme spørgsmål,
    tal der ikke kan læses og delvise besvarelser, og viser svarprocenten pr. region.
    Exit 0 når alt er i orden, 1 ved fejl (med --strict også ved advarsler), 2 når filen
    eller spec-filen ikke kan bruges.
    """
    if source_help_requested(source):
        return
    from kl_survey import validate as v
    from kl_survey.errors import ExitCode
    from kl_survey.pipeline import LoadOptions

    result = v.validate_file(file, LoadOptions(sheet=sheet, source=source, spec=spec,
                                               complete_only=complete_only,
                                               max_bytes=max_bytes(max_size),
                                               repair_encoding=repair_encoding,
                                               limits=limits(max_memory, max_columns,
                                                             max_cell_length)))
    _emit(result, fmt, output, strict)
    if result.failed(strict):
        raise typer.Exit(int(ExitCode.VALIDATION_FAILED))


def _emit(result: object, fmt: Format, output: Path | None, strict: bool) -> None:
    from kl_survey import validate as v
    from kl_survey.output import atomic

    assert isinstance(result, v.Validation)
    if fmt is Format.json:
        text = v.to_json(result, strict)
        if output is None:
            typer.echo(text, nl=False)
        else:
            atomic.write_text(output, text)
        return
    from rich.console import Console

    if output is None:
        v.render_table(result, Console(), strict)
        return
    console = Console(record=True, width=120, force_terminal=False, file=io.StringIO())
    v.render_table(result, console, strict)
    atomic.write_text(output, console.export_text())
