"""``kl-survey analyze``: shares per question as a table, JSON, CSV, xlsx or Markdown."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kl_survey.cli import app
from kl_survey.cli.common import (
    COMPLETE_ONLY,
    LANG,
    MAX_SIZE,
    SHEET,
    SOURCE,
    LangOpt,
    handle_errors,
    max_bytes,
    source_help_requested,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    markdown = "markdown"


@app.command(
    epilog="Eksempel: kl-survey analyze data/examples/kl-2025-05/responses.xlsx "
    "--format json -o resultater.json",
)
@handle_errors
def analyze(
    file: Path = typer.Argument(..., help="Eksporten: xlsx, xls eller csv (eller en "
                                "SurveyXact-mappe med dataset/labels/structure.csv).",
                                show_default=False),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Outputformat."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Skriv til denne fil i stedet for stdout "
                                       "(krævet for xlsx)."),
    sheet: str | None = SHEET,
    lang: LangOpt = LANG,
    source: str | None = SOURCE,
    complete_only: bool = COMPLETE_ONLY,
    max_size: int | None = MAX_SIZE,
) -> None:
    """Beregn antal og andele for hvert spørgsmål i en eksport.

    Basen (n) står ved hvert spørgsmål; flervalgsandele er ud af respondenter, ikke
    ud af afkrydsninger, og "Ved ikke" tæller med i basen.
    """
    if source_help_requested(source):
        return
    from kl_survey.cli.common import fail
    from kl_survey.output import emit
    from kl_survey.pipeline import LoadOptions, run

    if fmt is Format.xlsx and output is None:
        fail("xlsx skal skrives til en fil. Angiv -o resultater.xlsx")
    analysis, _ = run(file, LoadOptions(sheet=sheet, source=source,
                                        complete_only=complete_only,
                                        max_bytes=max_bytes(max_size)))
    emit.write(analysis, fmt.value, output, lang.value)
