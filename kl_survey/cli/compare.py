"""``kl-survey compare``: two or more rounds of a survey, matched question by question."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer

from kl_survey import collector
from kl_survey.cli import app
from kl_survey.cli.analyze import DEDUPE, FORMAT, OUTPUT, Dedupe
from kl_survey.cli.app import KlCommand
from kl_survey.cli.common import READING, STRICT, VOICE, Reading, Voice, handle_errors, warn
from kl_survey.errors import KlSurveyError
from kl_survey.messages import msg
from kl_survey.output.formats import Format

ROUNDS = typer.Argument(..., metavar=msg("metavar.rounds"), show_default=False,
                        help=msg("help.argument.rounds"), readable=False)
SPECS = typer.Option([], "--spec", metavar="SPEC.TOML", help=msg("help.option.spec-compare"),
                     show_default=False, readable=False)
LABELS = typer.Option([], "--label", metavar=msg("metavar.label"),
                      help=msg("help.option.label"), show_default=False)
TEST = typer.Option(False, "--test", help=msg("help.option.test"), show_default=False)


_RAW = "kl_survey.compare.args"


class RoundsCommand(KlCommand):
    """Keeps the command line as typed, so each ``--spec`` goes to the export before it.

    Click collects a repeated option into one list and forgets where each came from;
    ``OLD --spec old.toml NEW`` must still give old.toml to OLD and nothing to NEW.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[_RAW] = list(args)
        result: list[str] = super().parse_args(ctx, args)
        return result


def attach_specs(args: Sequence[str], value_options: Iterable[str],
                 spec_option: str = "--spec") -> list[Path | None]:
    """One entry per round argument: the ``--spec`` typed after it, else ``None``."""
    takes_value = set(value_options)
    specs: list[Path | None] = []
    i, positional = 0, False
    while i < len(args):
        token = args[i]
        i += 1
        if positional or token == "-" or not token.startswith("-"):
            specs.append(None)
            continue
        if token == "--":
            positional = True
            continue
        name, eq, value = token.partition("=")
        if not eq and name not in takes_value and name[:2] in takes_value:
            name, value, eq = name[:2], token[2:], "="  # -fjson
        if name in takes_value and not eq:
            value, i = args[i] if i < len(args) else "", i + 1
        if name != spec_option:
            continue
        if not specs or specs[-1] is not None:
            key = "cli.compare-spec-first" if not specs else "cli.compare-spec-twice"
            raise KlSurveyError(msg(key, spec=value))
        specs[-1] = Path(value)
    return specs


def _specs(ctx: typer.Context, rounds: int) -> list[Path | None]:
    takes_value = [o for p in ctx.command.get_params(ctx)
                   if p.param_type_name == "option" and not getattr(p, "is_flag", False)
                   for o in (*p.opts, *p.secondary_opts)]
    specs = attach_specs(ctx.meta.get(_RAW, []), takes_value)
    if len(specs) != rounds:  # the command line was not what Click parsed: be safe
        raise KlSurveyError(msg("cli.compare-spec-unclear"))
    return specs


@app.command(name="compare", help=msg("help.compare"), epilog=msg("help.compare.epilog"),
             cls=RoundsCommand)
@handle_errors
@READING.without("sheet", "source")  # each round is read on its own
@VOICE
def compare(
    ctx: typer.Context,
    rounds: list[Path] = ROUNDS,
    spec: list[Path] = SPECS,
    label: list[str] = LABELS,
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
    test: bool = TEST,
    strict: bool = STRICT,
    dedupe: Dedupe | None = DEDUPE,
    *,
    reading: Reading,
    voice: Voice,
) -> None:
    """Load the rounds, compare them, write; the help text is in the catalogue."""
    from kl_survey.cli import paths
    from kl_survey.cli.common import fail
    from kl_survey.compare import compare as run_compare
    from kl_survey.compare.emit import write
    from kl_survey.compare.rounds import load_rounds
    from kl_survey.pipeline import raise_on_warnings

    collector.release()  # imports done: collect as usual from here
    output = None if paths.is_stdin(output) else output
    if fmt is Format.xlsx and output is None:
        fail(msg("cli.compare-xlsx-needs-output"))
    specs = _specs(ctx, len(rounds)) if spec else []
    paths.check_output(output, [*rounds, *spec])
    options = reading.load_options(strict=strict, dedupe=dedupe.value if dedupe else None)
    loaded = load_rounds(rounds, specs=specs, labels=label, options=options)
    comparison = run_compare(loaded, test=test)
    if strict:
        raise_on_warnings(comparison.issues)
    warn(comparison.issues)
    write(comparison, fmt.value, output, voice.language)
