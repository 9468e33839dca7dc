"""``kl-survey init``: write the spec file inference would use, for a person to edit."""

from __future__ import annotations

from pathlib import Path

import typer

from kl_survey.cli import app
from kl_survey.cli.common import (
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

FILE = typer.Argument(..., help="Eksporten specifikationen skrives ud fra.", show_default=False)
OUTPUT = typer.Option(None, "--output", "-o",
                      help="Hvor specifikationen skrives; '-' skriver til stdout "
                      "(standard: survey.toml ved siden af eksporten).")
FORCE = typer.Option(False, "--force", help="Overskriv en eksisterende spec-fil.")


@app.command(
    name="init",
    epilog="Eksempel: kl-survey init data/examples/kl-2025-05/responses.xlsx "
    "-o data/examples/kl-2025-05/survey.toml",
)
@handle_errors
def init(
    file: Path = FILE,
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    sheet: str | None = SHEET,
    source: str | None = SOURCE,
    max_size: int | None = MAX_SIZE,
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
) -> None:
    """Skriv en kommenteret spec-fil (survey.toml) med alt det, kl-survey har udledt.

    Filen beskriver runden (titel, runde, dato, kildelinje), kommunekolonnen og for hvert
    spørgsmål: svarmuligheder i rækkefølge, hvad der tæller som "ja", "Ved ikke"-svar,
    basen og korte titler. Ret den, og brug den med analyze --spec og validate --spec.
    En eksisterende spec-fil overskrives kun med --force.
    """
    if source_help_requested(source):
        return
    from kl_survey.errors import KlSurveyError
    from kl_survey.output import atomic
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.spec_write import spec_text

    target = output if output is not None else file.parent / "survey.toml"
    to_stdout = str(target) == "-"
    if not to_stdout and target.exists() and not force:
        raise KlSurveyError("Spec-filen findes allerede og overskrives ikke", file=target,
                            hint="Brug --force for at overskrive den, eller vælg en anden "
                            "fil med -o")
    survey = load(file, LoadOptions(sheet=sheet, source=source,
                                    max_bytes=max_bytes(max_size),
                                    repair_encoding=repair_encoding,
                                    limits=limits(max_memory, max_columns,
                                                  max_cell_length))).survey
    text = spec_text(survey, spec_name="survey.toml" if to_stdout else target.name,
                     sheet=sheet)
    if to_stdout:
        typer.echo(text, nl=False)
        return
    atomic.write_text(target, text)
    typer.echo(f"Skrev {target} ({len(survey.questions)} spørgsmål). Ret den, og kør: "
               f"kl-survey analyze {file} --spec {target}", err=True)
