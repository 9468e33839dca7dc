"""``kl-survey analyze``: shares per question as a table, JSON, CSV, xlsx or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kl_survey.cli import app
from kl_survey.cli import extras as ex
from kl_survey.cli.common import (
    COMPLETE_ONLY,
    LANG,
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_MEMORY,
    MAX_SIZE,
    MUNICIPALITY,
    REPAIR_ENCODING,
    SHEET,
    SOURCE,
    LangOpt,
    handle_errors,
    limits,
    max_bytes,
    source_help_requested,
)

if TYPE_CHECKING:
    from kl_survey.issues import Issue


class Dedupe(StrEnum):
    first = "first"
    last = "last"
    most_complete = "most-complete"


SPEC = typer.Option(None, "--spec", help="Spec-fil (survey.toml) med rundens beslutninger; "
                    "lav en med kl-survey init.")
STRICT = typer.Option(False, "--strict",
                      help="Gør uoverensstemmelser mellem spec og data (og andre advarsler) "
                      "til fejl.")
DEDUPE = typer.Option(None, "--dedupe",
                      help="Kommuner der har svaret flere gange: behold første, sidste eller "
                      "mest udfyldte besvarelse (standard: behold alle og advar).")


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
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
    spec: Path | None = SPEC,
    strict: bool = STRICT,
    dedupe: Dedupe | None = DEDUPE,
    by: str | None = ex.BY,
    groups: Path | None = ex.GROUPS,
    min_base: int | None = ex.MIN_BASE,
    bounds: bool = ex.BOUNDS_ANALYZE,
    ci: bool = ex.CI,
    municipality: list[str] | None = MUNICIPALITY,
) -> None:
    """Beregn antal og andele for hvert spørgsmål i en eksport.

    Basen (n) står ved hvert spørgsmål; flervalgsandele er ud af respondenter, ikke
    ud af afkrydsninger, og "Ved ikke" tæller med i basen, medmindre spec-filen (--spec)
    siger andet. Uoverensstemmelser mellem spec og data vises som advarsler på stderr.
    """
    if source_help_requested(source):
        return
    from kl_survey.cli.common import fail
    from kl_survey.output import emit
    from kl_survey.pipeline import LoadOptions, run

    if fmt is Format.xlsx and output is None:
        fail("xlsx skal skrives til en fil. Angiv -o resultater.xlsx")
    analysis, loaded = run(file, LoadOptions(sheet=sheet, source=source,
                                             complete_only=complete_only,
                                             max_bytes=max_bytes(max_size), spec=spec,
                                             repair_encoding=repair_encoding,
                                             limits=limits(max_memory, max_columns,
                                                           max_cell_length),
                                             strict=strict,
                                             dedupe=dedupe.value if dedupe else None,
                                             municipalities=tuple(municipality or ())))
    from kl_survey.extras import extend

    analysis, found = extend(analysis, loaded.survey,
                             ex.extras(by, groups, min_base, bounds, ci), loaded.spec)
    print_issues((*loaded.issues, *found))
    emit.write(analysis, fmt.value, output, lang.value)


def print_issues(issues: Sequence[Issue]) -> None:
    """Warnings (and --dedupe's choices) from loading: one Danish line each on stderr."""
    from kl_survey.issues import Severity
    from kl_survey.validate import one_line

    words = {Severity.ERROR: "fejl", Severity.WARNING: "advarsel", Severity.INFO: "info"}
    for issue in issues:
        typer.echo(f"kl-survey: {words[issue.severity]}: {one_line(issue)}", err=True)
