"""``kl-survey init``: write the spec file inference would use, for a person to edit."""

from __future__ import annotations

from pathlib import Path

import typer

from kl_survey import collector
from kl_survey.cli import app
from kl_survey.cli.common import (
    FILE,
    READING,
    VOICE,
    Reading,
    Voice,
    handle_errors,
    output_option,
    say,
)
from kl_survey.messages import msg

OUTPUT = output_option("help.option.output-init", "metavar.spec")
FORCE = typer.Option(False, "--force", help=msg("help.option.force"), show_default=False)


@app.command(name="init", help=msg("help.init"), epilog=msg("help.init.epilog"))
@handle_errors
@READING
@VOICE
def init(
    file: Path = FILE,
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    *,
    reading: Reading,
    voice: Voice,
) -> None:
    """Never overwrites a spec without --force, nor the export even with it."""
    from kl_survey.cli import paths

    paths.read_ahead(file, reading)  # before the imports below: they overlap
    from kl_survey.errors import KlSurveyError
    from kl_survey.output import atomic
    from kl_survey.pipeline import load
    from kl_survey.spec_write import spec_text

    collector.release()  # imports done: collect as usual from here
    if output is None and paths.is_stdin(file):
        raise KlSurveyError(msg("cli.init-stdin-needs-output"), file="stdin")
    target = output if output is not None else file.parent / "survey.toml"
    to_stdout = paths.is_stdin(target)
    paths.check_output(target, [file])
    if not to_stdout and target.exists() and not force:
        raise KlSurveyError(msg("cli.spec-exists"), file=target)
    with paths.export(file, reading.max_bytes) as path:
        survey = load(path, reading.load_options()).survey
    text = spec_text(survey, spec_name="survey.toml" if to_stdout else target.name,
                     sheet=reading.sheet)
    if to_stdout:
        typer.echo(text, nl=False)
        return
    atomic.write_text(target, text)
    say(msg("cli.wrote-spec", target=str(target), n=len(survey.questions), file=str(file)))
