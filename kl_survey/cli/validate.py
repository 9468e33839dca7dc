"""``kl-survey validate``: check an export (and its spec) before anything is published."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kl_survey import collector
from kl_survey.cli import app
from kl_survey.cli.common import (
    FILE,
    READING,
    SPEC,
    VOICE,
    Reading,
    Voice,
    fail,
    handle_errors,
    output_option,
)
from kl_survey.messages import msg
from kl_survey.output.formats import VALIDATE_FORMATS, Format

if TYPE_CHECKING:
    from kl_survey.validate import Validation

FORMAT = typer.Option(Format.table, "--format", "-f", metavar="FORMAT",
                      help=msg("help.option.format-validate"), show_default=False)
OUTPUT = output_option("help.option.output-validate")
STRICT = typer.Option(False, "--strict", help=msg("help.option.strict-validate"),
                      show_default=False)


@app.command(name="validate", help=msg("help.validate"), epilog=msg("help.validate.epilog"))
@handle_errors
@READING
@VOICE
def validate(
    file: Path = FILE,
    spec: Path | None = SPEC,
    fmt: Format = FORMAT,
    strict: bool = STRICT,
    output: Path | None = OUTPUT,
    *,
    reading: Reading,
    voice: Voice,
) -> None:
    """Exit 0 approved, 1 errors (or warnings with --strict), 2 unusable input."""
    from kl_survey.cli import paths

    paths.read_ahead(file, reading, spec)  # before the imports below: they overlap
    from kl_survey import validate as v
    from kl_survey.errors import ExitCode

    collector.release()  # imports done: collect as usual from here
    if fmt not in VALIDATE_FORMATS:
        fail(msg("cli.validate-format", format=fmt.value))
    output = None if paths.is_stdin(output) else output
    paths.check_output(output, [file, spec])
    with paths.export(file, reading.max_bytes) as path:
        result = v.validate_file(path, reading.load_options(spec=spec))
    _emit(result, fmt, output, strict)
    if result.failed(strict):
        raise typer.Exit(int(ExitCode.VALIDATION_FAILED))


def _emit(result: Validation, fmt: Format, output: Path | None, strict: bool) -> None:
    from kl_survey import validate as v
    from kl_survey.output import atomic

    if fmt is Format.json:
        text = v.to_json(result, strict)
        if output is None:
            typer.echo(text, nl=False)
        else:
            atomic.write_text(output, text)
        return
    from rich.console import Console

    from kl_survey.output.console import StdoutConsole

    if output is None:
        v.render_table(result, StdoutConsole(), strict)
        return
    console = Console(record=True, width=120, force_terminal=False, file=io.StringIO())
    v.render_table(result, console, strict)
    atomic.write_text(output, console.export_text())
