"""``kl-survey analyze``: shares per question as a table, JSON, CSV, xlsx or Markdown."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kl_survey import collector
from kl_survey.cli import app
from kl_survey.cli import extras as ex
from kl_survey.cli.common import (
    FILE,
    KEEP_CPR,
    MUNICIPALITY,
    READING,
    SPEC,
    STRICT,
    VOICE,
    Reading,
    Voice,
    fail,
    handle_errors,
    output_option,
    warn,
)
from kl_survey.messages import msg
from kl_survey.output.formats import Format

if TYPE_CHECKING:
    from kl_survey.extras import Extras


class Dedupe(StrEnum):
    """--dedupe's choices: kl_survey.model.Dedupe's values (that module imports pandas,
    which --help must not; tests/cli/test_common.py keeps the two equal)."""

    first = "first"
    last = "last"
    most_complete = "most-complete"


FORMAT = typer.Option(Format.table, "--format", "-f", metavar="FORMAT",
                      help=msg("help.option.format-analyze"), show_default=False)
OUTPUT = output_option("help.option.output-analyze")
DEDUPE = typer.Option(None, "--dedupe", metavar=msg("metavar.rule"),
                      help=msg("help.option.dedupe"), show_default=False)


@app.command(name="analyze", help=msg("help.analyze"), epilog=msg("help.analyze.epilog"))
@handle_errors
@READING
@ex.ANALYZE
@VOICE
def analyze(
    file: Path = FILE,
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
    spec: Path | None = SPEC,
    strict: bool = STRICT,
    dedupe: Dedupe | None = DEDUPE,
    municipality: list[str] | None = MUNICIPALITY,
    keep_cpr: bool = KEEP_CPR,
    *,
    reading: Reading,
    extras: Extras,
    voice: Voice,
) -> None:
    """Parse, call :func:`kl_survey.pipeline.run`, write; the help text is in the catalogue."""
    from kl_survey.cli import paths

    paths.read_ahead(file, reading, spec)  # before the imports below: they overlap
    from kl_survey.output import emit
    from kl_survey.pipeline import run

    collector.release()  # imports done: collect as usual from here
    output = None if paths.is_stdin(output) else output
    if fmt is Format.xlsx and output is None:
        fail(msg("cli.xlsx-needs-output"))
    if fmt is Format.csv and extras.wanted:  # one flat table: refuse, never drop them
        fail(msg("cli.csv-no-extras"))
    paths.check_output(output, [file, spec, extras.groups])
    emit.prepare(fmt.value)
    with paths.export(file, reading.max_bytes) as path:
        analysis, loaded = run(path, reading.load_options(
            spec=spec, strict=strict, dedupe=dedupe.value if dedupe else None,
            municipalities=tuple(municipality or ()), keep_cpr=keep_cpr))
    from kl_survey.extras import extend

    analysis, found = extend(analysis, loaded.survey, extras, loaded.spec)
    warn((*loaded.issues, *found))
    emit.write(analysis, fmt.value, output, voice.language)
