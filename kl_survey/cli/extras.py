"""Options shared by ``analyze`` and ``report`` for breakdowns, bounds and intervals.

Declared once, as bundles (see :mod:`kl_survey.cli.common`), so both commands spell and
explain them the same way and hand the library one :class:`~kl_survey.extras.Extras`
(:func:`kl_survey.extras.extend`). The two bundles differ only in ``--bounds``: off by
default in ``analyze``, on in the report's method box.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kl_survey.cli.common import Bundle
from kl_survey.messages import msg

if TYPE_CHECKING:
    from kl_survey.extras import Extras

BY = typer.Option(None, "--by", metavar=msg("metavar.grouping"), help=msg("help.option.by"),
                  show_default=False)
GROUPS = typer.Option(None, "--groups", metavar=msg("metavar.file"),
                      help=msg("help.option.groups"), show_default=False, readable=False)
# no min=1 here: a ranged int goes through Typer's pydantic path (0.2 s of start-up)
MIN_BASE = typer.Option(None, "--min-base", metavar="N", help=msg("help.option.min-base"),
                        show_default=False)
CI = typer.Option(False, "--ci", help=msg("help.option.ci"), show_default=False)
BOUNDS_ANALYZE = typer.Option(False, "--bounds", help=msg("help.option.bounds-analyze"),
                              show_default=False)
BOUNDS_REPORT = typer.Option(True, "--bounds/--no-bounds", help=msg("help.option.bounds-report"),
                             show_default=False)


def extras(by: str | None = None, groups: Path | None = None, min_base: int | None = None,
           bounds: bool = False, ci: bool = False) -> Extras:
    """The options as one library value; ``--groups`` without ``--by`` is a usage error."""
    from kl_survey.cli.common import fail
    from kl_survey.extras import Extras

    if groups is not None and not by:
        fail(msg("cli.groups-needs-by"))
    if min_base is not None and min_base < 1:
        fail(msg("cli.min-base", value=min_base))
    return Extras(by=by, groups=groups, min_base=min_base, bounds=bounds, ci=ci)


def _bundle(bounds: object) -> Bundle:
    return Bundle("extras", extras, {
        "by": (str | None, BY),
        "groups": (Path | None, GROUPS),
        "min_base": (int | None, MIN_BASE),
        "bounds": (bool, bounds),
        "ci": (bool, CI),
    })


ANALYZE = _bundle(BOUNDS_ANALYZE)  # --by --groups --min-base --bounds --ci -> extras: Extras
REPORT = _bundle(BOUNDS_REPORT)  # the same, with --bounds/--no-bounds on by default
