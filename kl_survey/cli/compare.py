"""``kl-survey compare``: two or more rounds of a survey, matched question by question."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand

from kl_survey.cli import app
from kl_survey.cli.analyze import DEDUPE, STRICT, Dedupe, Format, print_issues
from kl_survey.cli.common import (
    COMPLETE_ONLY,
    LANG,
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_MEMORY,
    MAX_SIZE,
    REPAIR_ENCODING,
    LangOpt,
    handle_errors,
    limits,
    max_bytes,
)
from kl_survey.errors import KlSurveyError

EPILOG = ("Eksempel: kl-survey compare data/examples/kl-2025-05 data/examples/kl-2025-11 "
          "(rundemapper med responses.xlsx og survey.toml), eller kl-survey compare "
          "maj.xlsx --spec maj.toml nov.xlsx --spec nov.toml --test")

ROUNDS = typer.Argument(..., metavar="OLD NEW [MORE]...", show_default=False,
                        help="Runderne, ældste først: eksporter (xlsx, xls, csv, "
                        "SurveyXact-mapper) eller rundemapper med responses.* og survey.toml.")
SPECS = typer.Option([], "--spec", metavar="SURVEY.TOML",
                     help="Spec-fil til eksporten lige før den: OLD --spec old.toml NEW "
                     "--spec new.toml (rundemapper har deres egen survey.toml).")
LABELS = typer.Option([], "--label", help="Rundens navn i output, én pr. runde i rækkefølge "
                      "(standard: survey.round fra spec-filen, ellers filnavnet).")
TEST = typer.Option(False, "--test", help="Tilføj en eksakt McNemar-test på panelet for "
                    "hvert enkeltvalgsspørgsmål med ja-svar.")


_RAW = "kl_survey.compare.args"


class RoundsCommand(TyperCommand):
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
            where = "før den første runde" if not specs else "efter en runde, der har én"
            raise KlSurveyError(f"--spec {value} står {where}",
                                hint="Skriv --spec lige efter den eksport, den hører til: "
                                "OLD --spec old.toml NEW --spec new.toml")
        specs[-1] = Path(value)
    return specs


def _specs(ctx: typer.Context, rounds: int) -> list[Path | None]:
    takes_value = [o for p in ctx.command.get_params(ctx)
                   if p.param_type_name == "option" and not getattr(p, "is_flag", False)
                   for o in (*p.opts, *p.secondary_opts)]
    specs = attach_specs(ctx.meta.get(_RAW, []), takes_value)
    if len(specs) != rounds:  # the command line was not what Click parsed: be safe
        raise KlSurveyError("Kan ikke se, hvilken runde hver --spec hører til",
                            hint="Brug rundemapper med survey.toml")
    return specs


@app.command(name="compare", epilog=EPILOG, cls=RoundsCommand)
@handle_errors
def compare(
    ctx: typer.Context,
    rounds: list[Path] = ROUNDS,
    spec: list[Path] = SPECS,
    label: list[str] = LABELS,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Outputformat."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Skriv til denne fil i stedet for stdout "
                                       "(krævet for xlsx)."),
    test: bool = TEST,
    lang: LangOpt = LANG,
    complete_only: bool = COMPLETE_ONLY,
    max_size: int | None = MAX_SIZE,
    repair_encoding: bool = REPAIR_ENCODING,
    max_memory: int | None = MAX_MEMORY,
    max_columns: int | None = MAX_COLUMNS,
    max_cell_length: int | None = MAX_CELL_LENGTH,
    strict: bool = STRICT,
    dedupe: Dedupe | None = DEDUPE,
) -> None:
    """Sammenlign runder af samme undersøgelse: ændringer i procentpoint.

    Spørgsmålene parres på spec-id, ellers på ens tekst, ellers på nummer med næsten
    samme tekst; en ændret formulering giver en advarsel. Hver ændring vises for alle
    besvarelser og for panelet: de kommuner, der har svaret på spørgsmålet i begge
    runder. Ændringer regnes fra de præcise andele og afrundes én gang.
    """
    from kl_survey.cli.common import fail
    from kl_survey.compare import compare as run_compare
    from kl_survey.compare.emit import write
    from kl_survey.compare.rounds import load_rounds
    from kl_survey.pipeline import LoadOptions, raise_on_warnings

    if fmt is Format.xlsx and output is None:
        fail("xlsx skal skrives til en fil. Angiv -o sammenligning.xlsx")
    options = LoadOptions(complete_only=complete_only, max_bytes=max_bytes(max_size),
                          repair_encoding=repair_encoding,
                          limits=limits(max_memory, max_columns, max_cell_length),
                          strict=strict, dedupe=dedupe.value if dedupe else None)
    specs = _specs(ctx, len(rounds)) if spec else []
    loaded = load_rounds(rounds, specs=specs, labels=label, options=options)
    comparison = run_compare(loaded, test=test)
    if strict:
        raise_on_warnings(comparison.issues)
    print_issues(comparison.issues)
    write(comparison, fmt.value, output, lang.value)
