"""``kl-survey validate``: placeholder until the command lands."""

from __future__ import annotations

from kl_survey.cli import app
from kl_survey.cli.common import fail


@app.command(name="validate", epilog="Eksempel: kl-survey validate --help")
def validate() -> None:
    """Ikke implementeret endnu."""
    fail("Kommandoen 'validate' er ikke implementeret endnu.")
