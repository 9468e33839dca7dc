"""The ``kl-survey`` command: option parsing and error mapping only.

Each command lives in its own small module and calls library functions; nothing here
imports pandas, matplotlib or WeasyPrint, so ``--help`` stays instant.
"""

from __future__ import annotations

import importlib

import typer

from kl_survey import __version__
from kl_survey.cli import fastparams

fastparams.install()  # plain options without pydantic: 0.1-0.2 s off every run

HELP = """Analysér KL's spørgeskemaundersøgelser blandt kommunerne.

Læser eksporter fra SurveyXact, Microsoft Forms, Google Forms, LimeSurvey, Qualtrics,
SurveyMonkey og håndlavede regneark, og beregner andele, baser og svarprocent.

Eksempel: kl-survey analyze data/examples/kl-2025-05/responses.xlsx
"""

app = typer.Typer(
    name="kl-survey",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kl-survey {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Vis versionen og afslut."),
    debug: bool = typer.Option(False, "--debug",
                               help="Vis hele tracebacken ved fejl (til fejlrapporter)."),
) -> None:
    from kl_survey.cli import common

    common.DEBUG = debug or common.DEBUG


# Command modules register themselves on ``app``; order here is the order in --help.
_COMMANDS = ("analyze", "init", "validate", "report", "compare")
for _name in _COMMANDS:
    importlib.import_module(f"kl_survey.cli.{_name}")


def main() -> None:
    app()
