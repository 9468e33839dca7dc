"""``kl-survey init``: placeholder until the command lands."""

from __future__ import annotations

from kl_survey.cli import app
from kl_survey.cli.common import fail


@app.command(name="init", epilog="Eksempel: kl-survey init --help")
def init() -> None:
    """Ikke implementeret endnu."""
    fail("Kommandoen 'init' er ikke implementeret endnu.")
