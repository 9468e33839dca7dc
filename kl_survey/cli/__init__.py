"""The ``kl-survey`` command: option parsing and error mapping only.

Each command lives in its own small module and calls library functions; nothing here
imports pandas, matplotlib or WeasyPrint, so ``--help`` stays instant. Help, usage and
errors (Click's included) follow ``--lang``; see :mod:`kl_survey.cli.app`.
"""

from __future__ import annotations

import importlib
import importlib.util

import typer

from kl_survey import __version__, collector, natives
from kl_survey.cli import common
from kl_survey.cli.app import PROG, ROUND_ORDER, KlGroup, KlTyper
from kl_survey.messages import msg

app = KlTyper(
    name=PROG,
    cls=KlGroup,
    help=msg("help.main"),
    epilog=msg("help.main.epilog"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        with common.pipe_guard():
            typer.echo(f"kl-survey {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help=msg("help.option.version"), show_default=False),
    debug: bool = typer.Option(False, "--debug", help=msg("help.option.debug"),
                               show_default=False),
) -> None:
    """Only flags here: Typer imports pydantic (~0.2 s) to coerce any other option, and
    this callback's options are processed for every ``kl-survey CMD --help``. --lang and
    -q belong to the commands; given before the command, ``KlGroup.main`` moves them
    after it (:func:`~kl_survey.cli.app.hoist_command_options`)."""
    common.DEBUG = debug or common.DEBUG


# Command modules register themselves on ``app``, in the order of a round; a command
# whose module is not there (yet) is skipped, so the list may name it ahead of time.
for _name in ROUND_ORDER:
    if importlib.util.find_spec(f"kl_survey.cli.{_name}") is not None:
        importlib.import_module(f"kl_survey.cli.{_name}")


def main() -> None:
    """The console script: the app, with the native libraries settled before pandas loads
    them (:mod:`kl_survey.natives`), and the collector held while the command imports and
    skipped at exit (:mod:`kl_survey.collector`)."""
    natives.settle()
    collector.skip_at_exit()
    collector.hold()
    app()


def run() -> None:
    """What the ``kl-survey`` script and ``python -m kl_survey`` run (after
    :mod:`kl_survey.console` has started opening a big workbook): :func:`main`, then the
    end of the process without the interpreter's teardown, keeping the command's exit
    status (:func:`kl_survey.collector.leave_quickly`). Code that calls :func:`main`
    itself gets the usual ``SystemExit``."""
    collector.leave_quickly()
    try:
        main()
    except SystemExit as done:
        collector.ending(done.code)
        raise
