"""``kl-survey report``: the newsletter report as HTML, PDF, figures and result tables."""

from __future__ import annotations

from dataclasses import replace
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
    VOICE,
    Reading,
    Voice,
    handle_errors,
    output_option,
    say,
    warn,
)
from kl_survey.messages import msg, plural

if TYPE_CHECKING:
    from kl_survey.compare.model import Comparison
    from kl_survey.extras import Extras
    from kl_survey.model import Survey
    from kl_survey.pipeline import LoadOptions

OUTPUT = output_option("help.option.output-report", "metavar.folder", required=True)
TITLE = typer.Option(None, "--title", metavar=msg("metavar.title"),
                     help=msg("help.option.title"), show_default=False)
FORMATS = typer.Option("html,pdf,png,svg,xlsx,json", "--formats", metavar=msg("metavar.list"),
                       help=msg("help.option.formats"), show_default=False)
COLOPHON = typer.Option(False, "--colophon", help=msg("help.option.colophon"),
                        show_default=False)
COMPARE = typer.Option(None, "--compare", metavar=msg("metavar.earlier"),
                       help=msg("help.option.compare"), show_default=False, readable=False)
MAPS = typer.Option(None, "--maps", metavar=msg("metavar.questions"),
                    help=msg("help.option.maps"), show_default=False)
PER_MUNICIPALITY = typer.Option(False, "--per-municipality",
                                help=msg("help.option.per-municipality"), show_default=False)


@app.command(name="report", help=msg("help.report"), epilog=msg("help.report.epilog"))
@handle_errors
@READING
@ex.REPORT
@VOICE
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
    keep_cpr: bool = KEEP_CPR,
    *,
    reading: Reading,
    extras: Extras,
    voice: Voice,
) -> None:
    """Load, analyse, and hand the analysis to :func:`kl_survey.report.write_report`."""
    from kl_survey.cli import paths

    paths.read_ahead(file, reading, spec)  # before the imports below: they overlap
    # workers import WeasyPrint and matplotlib meanwhile (formats are checked below)
    if "pdf" in formats.lower():
        from kl_survey.report import pdf

        pdf.start()
    if "png" in formats.lower() or "svg" in formats.lower():
        from kl_survey.report import figures

        figures.start()
    from kl_survey import by_municipality
    from kl_survey.analysis import analyse
    from kl_survey.errors import KlSurveyError
    from kl_survey.pipeline import load
    from kl_survey.report import parse_formats, write_report
    from kl_survey.report.mapmodel import split_refs
    from kl_survey.report.mapmodel import wanted as map_ids

    collector.release()  # imports done: collect as usual from here
    wanted = parse_formats(formats)
    paths.check_report_folder(output, [file, spec, compare, extras.groups])
    chosen = by_municipality.resolve(municipality) if municipality else None
    if chosen and compare is not None:  # the earlier round would not be limited alike
        raise KlSurveyError(msg("cli.municipality-with-compare"))
    options = reading.load_options(spec=spec, keep_cpr=keep_cpr)
    with paths.export(file, reading.max_bytes) as path:
        loaded = load(path, options)
        survey = everyone = loaded.survey
        if chosen:
            survey = by_municipality.only(everyone, chosen)
        comparison = None
        if compare is not None:
            comparison = _comparison(compare, path, spec, survey, options)
    from kl_survey.extras import extend

    analysis, found = extend(analyse(survey), survey, extras, loaded.spec)
    if not (extras.by or extras.ci):  # bounds are the report's default, not a request
        found = tuple(i for i in found if i.code != "extras-skip-grids")
    warn((*loaded.issues, *found))
    extra = split_refs(maps or "", survey)
    placed = [by_municipality.placed(survey, ref) for ref in map_ids(survey, extra)]
    also = None
    if per_municipality:  # into the same folder, swapped in with the report
        from functools import partial

        from kl_survey.report.feedback_writer import write_per_municipality

        also = partial(write_per_municipality, everyone, lang=voice.language, title=title,
                       formats=wanted, chosen=chosen)
    written = write_report(analysis, output, lang=voice.language, title=title,
                           formats=wanted, colophon=colophon, comparison=comparison,
                           maps=placed, also=also)
    say(plural(len(written.files), "cli.wrote-files", folder=str(written.out_dir)))


def _comparison(old: Path, file: Path, spec: Path | None, survey: Survey,
                options: LoadOptions) -> Comparison:
    """The earlier round (read on its own: another tool, sheet or spec) against this one;
    a reworded question is a warning on stderr, as in ``kl-survey compare``."""
    from kl_survey.compare import compare
    from kl_survey.compare.rounds import RoundSource, as_round, load_round

    # the same reading limits; its own sheet, tool and spec
    earlier = load_round(old, options=replace(options, sheet=None, source=None, spec=None))
    now = as_round(survey, RoundSource(file, file, spec, False))
    comparison = compare([earlier, now])
    warn([i for i in comparison.issues if i.code.startswith("compare-")])
    return comparison
