"""``kl-survey report``: placeholder until the command lands."""

from __future__ import annotations

from kl_survey.cli import app
from kl_survey.cli.common import fail


@app.command(name="report", epilog="Eksempel: kl-survey report --help")
def report() -> None:
    """Ikke implementeret endnu."""
    fail("Kommandoen 'report' er ikke implementeret endnu.")
