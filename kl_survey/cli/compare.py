"""``kl-survey compare``: two or more rounds of a survey, matched question by question."""

from __future__ import annotations

from pathlib import Path

import typer

from kl_survey.cli import app
from kl_survey.cli.analyze import DEDUPE, STRICT, Dedupe, Format, print_issues
from kl_survey.cli.common import COMPLETE_ONLY, LANG, MAX_SIZE, LangOpt, handle_errors, max_bytes

EPILOG = ("Eksempel: kl-survey compare data/examples/kl-2025-05 data/examples/kl-2025-11 "
          "(rundemapper med responses.xlsx og survey.toml), eller kl-survey compare "
          "maj.xlsx --spec maj.toml nov.xlsx --spec nov.toml --test")

ROUNDS = typer.Argument(..., metavar="OLD NEW [MORE]...", show_default=False,
                        help="Runderne, ældste først: eksporter (xlsx, xls, csv, "
                        "SurveyXact-mapper) eller rundemapper med responses.* og survey.toml.")
SPECS = typer.Option([], "--spec", metavar="SURVEY.TOML",
                     help="Spec-fil pr. eksportfil, i samme rækkefølge som filerne "
                     "(rundemapper har deres egen survey.toml).")
LABELS = typer.Option([], "--label", help="Rundens navn i output, én pr. runde i rækkefølge "
                      "(standard: survey.round fra spec-filen, ellers filnavnet).")
TEST = typer.Option(False, "--test", help="Tilføj en eksakt McNemar-test på panelet for "
                    "hvert enkeltvalgsspørgsmål med ja-svar.")


@app.command(name="compare", epilog=EPILOG)
@handle_errors
def compare(
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
                          strict=strict, dedupe=dedupe.value if dedupe else None)
    loaded = load_rounds(rounds, specs=spec, labels=label, options=options)
    comparison = run_compare(loaded, test=test)
    if strict:
        raise_on_warnings(comparison.issues)
    print_issues(comparison.issues)
    write(comparison, fmt.value, output, lang.value)
