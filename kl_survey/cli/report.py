"""``kl-survey report``: the newsletter report as HTML, PDF, figures and result tables."""

from __future__ import annotations

from dataclasses import replace
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
    from kl_survey.compare.model import Comparison
    from kl_survey.model import Survey
    from kl_survey.pipeline import LoadOptions

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
COMPARE = typer.Option(None, "--compare", metavar="OLD",
                       help="Sammenlign med en tidligere runde: en rundemappe med responses.* "
                       "og survey.toml (eller en eksport). Hvert spørgsmål får udviklingen "
                       "siden da: søjlepar og den største ændring blandt kommunerne i begge "
                       "runder.")
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
    compare: Path | None = COMPARE,
    sheet: str | None = SHEET,
    lang: LangOpt = LANG,
    source: str | None = SOURCE,
    complete_only: bool = COMPLETE_ONLY,
    max_size: int | None = MAX_SIZE,
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
    by: str | None = ex.BY,
    groups: Path | None = ex.GROUPS,
    min_base: int | None = ex.MIN_BASE,
    bounds: bool = ex.BOUNDS_REPORT,
    ci: bool = ex.CI,
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
    options = LoadOptions(sheet=sheet, source=source, spec=spec, complete_only=complete_only,
                          max_bytes=max_bytes(max_size), repair_encoding=repair_encoding,
                          limits=limits(max_memory, max_columns, max_cell_length))
    loaded = load(file, options)
    comparison = None
    if compare is not None:
        comparison = _comparison(compare, file, spec, loaded.survey, options)
    from kl_survey.cli.analyze import print_issues
    from kl_survey.extras import extend

    analysis, found = extend(analyse(loaded.survey), loaded.survey,
                             ex.extras(by, groups, min_base, bounds, ci), loaded.spec)
    print_issues(found)
    written = write_report(analysis, output, lang=lang.value, title=title,
                           formats=wanted, colophon=colophon, comparison=comparison)
    typer.echo(f"Skrev {len(written.files)} filer i {written.out_dir}")


def _comparison(old: Path, file: Path, spec: Path | None, survey: Survey,
                options: LoadOptions) -> Comparison:
    """The earlier round (read on its own: another tool, sheet or spec) against this one;
    a reworded question is a warning on stderr, as in ``kl-survey compare``."""
    from kl_survey.cli.analyze import print_issues
    from kl_survey.compare import compare
    from kl_survey.compare.rounds import RoundSource, as_round, load_round

    # the same reading limits; its own sheet, tool and spec
    earlier = load_round(old, options=replace(options, sheet=None, source=None, spec=None))
    now = as_round(survey, RoundSource(file, file, spec, False))
    comparison = compare([earlier, now])
    print_issues([i for i in comparison.issues if i.code.startswith("compare-")])
    return comparison
