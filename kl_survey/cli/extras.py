"""Options shared by ``analyze`` and ``report`` for breakdowns, bounds and intervals.

Declared once so both commands spell and explain them the same way; the library call
is :func:`kl_survey.extras.extend`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from kl_survey.extras import Extras

BY = typer.Option(None, "--by", metavar="GRUPPERING",
                  help="Opdel hvert spørgsmål i grupper: region, et enkeltvalgsspørgsmåls id "
                  "(fx q1) eller en kolonne i --groups-filen.")
GROUPS = typer.Option(None, "--groups", metavar="FIL",
                      help="CSV eller xlsx, der knytter kommuner (navn eller kode) til grupper; "
                      "--by er kolonnen med grupperne.")
# no min=1 here: a ranged int goes through Typer's pydantic path (0.2 s of start-up)
MIN_BASE = typer.Option(None, "--min-base", metavar="N",
                        help="Andele i en gruppe med færre besvarelser vises som »–« "
                        "(standard: [analysis] min_base i spec-filen, ellers 5).")
CI = typer.Option(False, "--ci",
                  help="Vis et 95%-interval for andelen i populationen (Wilson med "
                  "endelighedskorrektion).")
BOUNDS_ANALYZE = typer.Option(False, "--bounds",
                              help="Vis grænserne for andelen blandt hele populationen, "
                              "uanset hvad de, der ikke har svaret, ville have svaret.")
BOUNDS_REPORT = typer.Option(True, "--bounds/--no-bounds",
                             help="Vis grænserne for andelen blandt hele populationen i "
                             "metodeboksen og ved hvert spørgsmål.")


def extras(by: str | None, groups: Path | None, min_base: int | None, bounds: bool,
           ci: bool) -> Extras:
    """The options as one library value; ``--groups`` without ``--by`` is a usage error."""
    from kl_survey.cli.common import fail
    from kl_survey.extras import Extras

    if groups is not None and not by:
        fail("--groups kræver --by KOLONNE, der siger hvilken kolonne i filen der er "
             "grupperne")
    if min_base is not None and min_base < 1:
        fail(f"--min-base skal være mindst 1, fik {min_base}")
    return Extras(by=by, groups=groups, min_base=min_base, bounds=bounds, ci=ci)
