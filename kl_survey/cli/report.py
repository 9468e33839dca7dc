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
MAPS = typer.Option(None, "--maps", metavar="q1,q5",
                    help="Spørgsmål der også vises på et Danmarkskort (et svar eller et tal "
                    "pr. kommune), fx q1,q5; kortene kommer også i figures/qNN-kort.*.")
PER_MUNICIPALITY = typer.Option(False, "--per-municipality",
                                help="Skriv også en kort rapport til hver kommune, der har "
                                "svaret: MAPPE/kommuner/101-koebenhavn.pdf og .html, med "
                                "kommunens svar ved siden af regionens og landets.")


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
    maps: str | None = MAPS,
    per_municipality: bool = PER_MUNICIPALITY,
    municipality: list[str] | None = MUNICIPALITY,
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
    SOURCE_DATE_EPOCH sætter datoen i PDF og SVG. Med --municipality handler rapporten
    kun om de valgte kommuner; med --per-municipality får hver (valgt) kommune sin egen
    rapport, altid sammenlignet med hele landet.
    """
    if source_help_requested(source):
        return
    from kl_survey import by_municipality
    from kl_survey.analysis import analyse
    from kl_survey.errors import KlSurveyError
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report import parse_formats, write_report
    from kl_survey.report.mapmodel import wanted as map_ids

    wanted = parse_formats(formats)
    options = LoadOptions(sheet=sheet, source=source, spec=spec, complete_only=complete_only,
                          max_bytes=max_bytes(max_size), repair_encoding=repair_encoding,
                          limits=limits(max_memory, max_columns, max_cell_length))
    loaded = load(file, options)
    survey = everyone = loaded.survey
    chosen = by_municipality.resolve(municipality) if municipality else None
    if chosen:
        if compare is not None:  # the earlier round would not be limited alike
            raise KlSurveyError("--municipality kan endnu ikke bruges sammen med --compare",
                                hint="Lav sammenligningen for alle kommuner, eller brug "
                                "kl-survey analyze --municipality på hver runde")
        survey = by_municipality.only(everyone, chosen)
    comparison = None
    if compare is not None:
        comparison = _comparison(compare, file, spec, survey, options)
    from kl_survey.cli.analyze import print_issues
    from kl_survey.extras import extend

    analysis, found = extend(analyse(survey), survey,
                             ex.extras(by, groups, min_base, bounds, ci), loaded.spec)
    print_issues(found)
    extra = [q.strip() for q in (maps or "").split(",") if q.strip()]
    placed = [by_municipality.placed(survey, qid) for qid in map_ids(survey, extra)]
    written = write_report(analysis, output, lang=lang.value, title=title,
                           formats=wanted, colophon=colophon, comparison=comparison,
                           maps=placed)
    count = len(written.files)
    if per_municipality:
        from kl_survey.report.feedback_writer import write_per_municipality

        count += len(write_per_municipality(everyone, output, lang=lang.value, title=title,
                                            formats=wanted, chosen=chosen).files)
    typer.echo(f"Skrev {count} filer i {written.out_dir}")


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
