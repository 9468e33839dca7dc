"""``kl-survey report``: the newsletter report as HTML, PDF, figures and result tables."""

from __future__ import annotations

from pathlib import Path

import typer

from kl_survey.cli import app
from kl_survey.cli.common import (
    COMPLETE_ONLY,
    LANG,
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_MEMORY,
    MAX_SIZE,
    REPAIR_ENCODING,
    SHEET,
    SOURCE,
    LangOpt,
    handle_errors,
    limits,
    max_bytes,
    source_help_requested,
)

EPILOG = (
    "Eksempel: kl-survey report data/examples/kl-2025-05/responses.xlsx "
    "-o reports/kl-2025-05 --title 'Lettilgængeligt tilbud, maj 2025'"
)


FILE = typer.Argument(..., help="Eksporten: xlsx, xls eller csv (eller en SurveyXact-mappe "
                      "med dataset/labels/structure.csv).", show_default=False)
OUTPUT = typer.Option(..., "--output", "-o", metavar="MAPPE",
                      help="Mappen rapporten skrives i, fx reports/kl-2025-05/ (oprettes om "
                      "nødvendigt; filer af samme navn overskrives).", show_default=False)
SPEC = typer.Option(None, "--spec", metavar="SURVEY.TOML",
                    help="Spec-fil med titel, runde, kilde-linje, korte titler og diagramtype "
                    "pr. spørgsmål.")
TITLE = typer.Option(None, "--title", help="Rapportens titel (standard: titlen fra "
                     "spec-filen, ellers en neutral titel).")
FORMATS = typer.Option("html,pdf,png,svg,xlsx,json", "--formats", metavar="LISTE",
                       help="Kommasepareret liste over det, der skal skrives: html "
                       "(report.html), pdf (report.pdf), png og svg (figures/qNN.*), xlsx og "
                       "json (results.*).")
COLOPHON = typer.Option(False, "--colophon",
                        help="Skriv eksportens filnavn og kl-surveys version sidst i rapporten "
                        "(også med spec-filens [report] colophon = true). Ellers står de kun i "
                        "results.json og results.xlsx.")


@app.command(name="report", epilog=EPILOG)
@handle_errors
def report(
    file: Path = FILE,
    output: Path = OUTPUT,
    spec: Path | None = SPEC,
    title: str | None = TITLE,
    formats: str = FORMATS,
    colophon: bool = COLOPHON,
    sheet: str | None = SHEET,
    lang: LangOpt = LANG,
    source: str | None = SOURCE,
    complete_only: bool = COMPLETE_ONLY,
    max_size: int | None = MAX_SIZE,
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
) -> None:
    """Lav nyhedsbrevsrapporten: HTML, PDF, figurer (PNG 300 dpi og SVG) og resultattabeller.

    Hvert spørgsmål får overskrift, en nøglesætning ud fra tallene, et diagram med
    andele og antal besvarelser, og en tabel. Samme input giver byte-identiske filer;
    SOURCE_DATE_EPOCH sætter datoen i PDF og SVG.
    """
    if source_help_requested(source):
        return
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report import parse_formats, write_report

    wanted = parse_formats(formats)
    loaded = load(file, LoadOptions(sheet=sheet, source=source, spec=spec,
                                    complete_only=complete_only,
                                    max_bytes=max_bytes(max_size),
                                    repair_encoding=repair_encoding,
                                    limits=limits(max_memory, max_columns,
                                                  max_cell_length)))
    written = write_report(analyse(loaded.survey), output, lang=lang.value, title=title,
                           formats=wanted, colophon=colophon)
    typer.echo(f"Skrev {len(written.files)} filer i {written.out_dir}")
