"""Write a report folder: report.html, report.pdf, figures/qNN.{png,svg}, results.{xlsx,json}.

The folder is built beside the target and swapped in whole
(:func:`kl_survey.output.atomic.replace_folder`), so an interrupted run never leaves half
a report or a mix of two runs, and nothing depends on the clock: the only date embedded
is SOURCE_DATE_EPOCH's, when set. Two runs on the same input give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey import progress
from kl_survey.analysis import Analysis
from kl_survey.by_municipality import Placed
from kl_survey.errors import KlSurveyError
from kl_survey.messages import msg
from kl_survey.numbers import Lang
from kl_survey.output import atomic
from kl_survey.output.epoch import created_stamp, source_epoch
from kl_survey.report import figures, structure

if TYPE_CHECKING:
    from kl_survey.compare.model import Comparison

FORMATS = ("html", "pdf", "png", "svg", "xlsx", "json")
FIGURES = "figures"


@dataclass(frozen=True)
class Written:
    out_dir: Path
    files: tuple[Path, ...]


def parse_formats(text: str | None) -> tuple[str, ...]:
    """``"html,pdf"`` → ``("html", "pdf")`` in canonical order; ``None``/empty = all."""
    if not text or not text.strip():
        return FORMATS
    wanted = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise KlSurveyError(msg("report.unknown-format", formats=", ".join(unknown),
                                choices=",".join(FORMATS)))
    return tuple(f for f in FORMATS if f in wanted)


def write_report(a: Analysis, out_dir: Path, *, lang: Lang = "da", title: str | None = None,
                 formats: Iterable[str] = FORMATS, colophon: bool = False,
                 comparison: Comparison | None = None,
                 maps: Sequence[Placed] = (),
                 also: Callable[[Path], Written] | None = None) -> Written:
    """Build the report model once and write every requested format from it;
    ``colophon`` prints the export's name and our version at the end of the report.

    With ``comparison`` (whose last round is ``a``) every question also shows the change
    since the earlier rounds, figures/qNN-compare.* are drawn, and comparison.json and
    comparison.xlsx sit beside results.*. ``maps`` (answers by municipality) become maps
    of Denmark in their questions' sections and figures/qNN-kort.png/.svg.

    The files are written into a new folder beside ``out_dir`` that then replaces it
    whole, so the folder never mixes two runs (a previous run's q05–q08 figures do not
    survive a run with four questions) and a killed run leaves the old report intact.
    ``also`` writes more of the same run into that folder before the swap (the
    per-municipality reports), so they belong to the set too.
    """
    wanted = tuple(f for f in FORMATS if f in set(formats))
    out_dir = Path(out_dir)
    with atomic.replace_folder(out_dir, is_report_file) as tmp:
        names = _write_all(a, tmp, lang=lang, title=title, wanted=wanted,
                           colophon=colophon, comparison=comparison, maps=maps)
        if also is not None:
            names += [p.relative_to(tmp).as_posix() for p in also(tmp).files]
    return Written(out_dir, tuple(out_dir / n for n in names))


#: Everything a report run writes (paths relative to the report folder), and the
#: temporary files of older versions' killed runs: a folder holding only these is a
#: previous report, which a new run may replace. Extend it with any new output.
REPORT_FILES = re.compile(r"report\.(html|pdf)|(results|comparison)\.(xlsx|json)"
                          # qNN, -compare, -kort, -rN-kort, and -<grouping> of --by/--groups
                          r"|figures/q\d+(-[^/.]+)?\.(png|svg)"
                          r"|kommuner/\d+-[a-z0-9-]+\.(html|pdf)"
                          r"|((figures|kommuner)/)?\.[^/]+\.tmp")


def is_report_file(rel: Path) -> bool:
    return REPORT_FILES.fullmatch(rel.as_posix()) is not None


def _write_all(a: Analysis, out_dir: Path, *, lang: Lang, title: str | None,
               wanted: tuple[str, ...], colophon: bool, comparison: Comparison | None,
               maps: Sequence[Placed]) -> list[str]:
    epoch = source_epoch()
    created = created_stamp()
    model = structure.build(a, lang, title=title, created=created,
                            colophon=colophon or a.meta.colophon, comparison=comparison)
    written: list[str] = []

    def put(name: str, data: bytes) -> None:
        atomic.write_bytes(out_dir / name, data)
        written.append(name)

    drawing = figures.Drawing(model, created, wanted)  # in the worker, while the PDF is printed
    inline = drawing.inline()
    map_svgs: dict[str, tuple[str, str]] = {}
    if maps and {"html", "pdf", "png", "svg"} & set(wanted):
        from kl_survey.report.maps_writer import draw_maps

        map_svgs = draw_maps(a, maps, lang, created, wanted, put)
    page = ""
    if "html" in wanted or "pdf" in wanted:
        from kl_survey.report import html

        page = html.render(model, map_svgs, inline)
        if "html" in wanted:
            put("report.html", page.encode("utf-8"))
    if "pdf" not in wanted:
        tables = _tables(a, wanted, lang, comparison)
    else:
        from kl_survey.report import pdf

        with progress.stage(msg("report.making-pdf")):
            printing = pdf.WORKER.submit(pdf.render, page, epoch)  # printed in its worker,
            tables = _tables(a, wanted, lang, comparison)  # while the tables are made here
            put("report.pdf", pdf.WORKER.result(printing, pdf.render, page, epoch))
    drawing.write(put)
    for name, data in tables:
        put(name, data)
    return written


def _tables(a: Analysis, wanted: tuple[str, ...], lang: Lang,
            comparison: Comparison | None) -> list[tuple[str, bytes]]:
    """results.xlsx/.json (and comparison.*), made while the workers print and draw."""
    if "xlsx" not in wanted and "json" not in wanted:
        return []
    from kl_survey.output.emit import render_bytes

    tables = []
    for fmt in ("xlsx", "json"):
        if fmt in wanted:
            tables.append((f"results.{fmt}", render_bytes(a, fmt, lang)))
            if comparison is not None:
                from kl_survey.compare import emit

                tables.append((f"comparison.{fmt}", emit.render_bytes(comparison, fmt, lang)))
    return tables
