"""The frozen parts of a report page: what :mod:`.structure` decides and the HTML, PDF,
breakdown, comparison and grid modules lay out.

Data only, so those modules import these types without the code that builds them
(which reads the analysis). A chart's own parts (``Bar``, ``ChartData``) live in
:mod:`.chartdata`, which the figure worker unpickles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kl_survey.numbers import Lang
from kl_survey.report.chartdata import ChartData
from kl_survey.report.highlights import Highlight
from kl_survey.report.scale import BarScale

if TYPE_CHECKING:
    from kl_survey.report.breakdown_view import BreakdownSection
    from kl_survey.report.compare_section import CompareSection
    from kl_survey.report.grid_section import GridSection


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    strong: bool = False  # the "Ja i alt" total
    muted: bool = False  # an option left out of the base


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Section:
    number: int
    anchor: str
    heading: str
    key_sentence: str
    notes: tuple[str, ...]  # base note, "Flere svar muligt", filter/exclusion notes
    chart: ChartData | None
    table: Table | None
    compare: CompareSection | None = None  # report --compare: the change since then
    #: --by: the question by group (report/breakdown_view.py); --bounds: its sentence
    breakdown: BreakdownSection | None = None
    bounds: str | None = None
    grid: GridSection | None = None  # grids: the Likert chart, or Tabel 1 and Figur 1


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class AppendixGroup:
    heading: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class ReportModel:
    lang: Lang
    title: str
    kicker: str
    lede: str
    highlights_heading: str
    highlights: tuple[Highlight, ...]
    scale: BarScale
    method_heading: str
    facts: tuple[Fact, ...]
    bases_heading: str
    bases_text: str
    sections: tuple[Section, ...]
    appendix_heading: str
    appendix_intro: str
    appendix: tuple[AppendixGroup, ...]
    source_line: str | None  # the spec's credit line under each figure
    colophon_heading: str
    colophon: tuple[str, ...]  # file names and version: only with --colophon
    table_summary: str
    page_word: str
    of_word: str
    created: str | None = None  # W3C datetime for the PDF/HTML metadata, or None
    census_heading: str = ""  # the method box on --bounds/--ci (breakdown_view.py)
    census_notes: tuple[str, ...] = ()
