"""Shared CLI plumbing: error mapping, common options and the stderr console."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from kl_survey.errors import ExitCode, KlSurveyError

if TYPE_CHECKING:
    from kl_survey.readers.source import SourceOptions

DEBUG = bool(os.environ.get("KL_SURVEY_DEBUG"))

F = TypeVar("F", bound=Callable[..., Any])


class LangOpt(str, Enum):
    da = "da"
    en = "en"


LANG = typer.Option(LangOpt.da, "--lang", help="Sprog for output: da (standard) eller en.",
                    envvar="KL_SURVEY_LANG")
SHEET = typer.Option(None, "--sheet", help="Arket der skal læses (standard: det første med data).")
SOURCE = typer.Option(None, "--source",
                      help="Spørgeskemaværktøjet filen kommer fra; 'help' viser mulighederne "
                           "(standard: genkendes automatisk).")
COMPLETE_ONLY = typer.Option(False, "--complete-only",
                             help="Tæl kun fuldførte besvarelser (delvise udelades).")
MAX_SIZE = typer.Option(None, "--max-size", metavar="MB",
                        help="Største tilladte udpakkede størrelse af en xlsx-fil i MB "
                             "(værn mod zip-bomber; standard 3072).")
MAX_MEMORY = typer.Option(None, "--max-memory", metavar="MB",
                          help="Største anslåede hukommelsesforbrug ved læsning af en xlsx-fil "
                               "i MB (standard 3072).")
MAX_COLUMNS = typer.Option(None, "--max-columns", metavar="N",
                           help="Højeste antal kolonner i eksporten (standard 2000).")
MAX_CELL_LENGTH = typer.Option(None, "--max-cell-length", metavar="N",
                               help="Længste tilladte celle i tegn (standard 32767, Excels "
                                    "grænse).")
REPAIR_ENCODING = typer.Option(False, "--repair-encoding",
                               help="Læs tegn, der ikke er UTF-8, i en ellers UTF-8-kodet "
                                    "CSV-fil som Windows-1252 (hver rettet række giver en "
                                    "advarsel). Uden den afvises filen med rækkerne nævnt.")
MUNICIPALITY = typer.Option(None, "--municipality", metavar="NAVN|KODE",
                            help="Kun svar fra denne kommune: navn eller kode, fx København, "
                                 "101 eller 'Københavns Kommune'. Kan gentages.")


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> None:
    """Print one line to stderr and exit; the CLI's only way of reporting a fatal error."""
    typer.echo(f"kl-survey: fejl: {message}", err=True)
    raise typer.Exit(int(code))


def handle_errors(func: F) -> F:
    """Turn library errors into one stderr line and an exit code; --debug re-raises."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KlSurveyError as exc:
            if DEBUG:
                raise
            fail(exc.one_line(), exc.exit_code)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except MemoryError:
            if DEBUG:
                raise
            fail("Der var ikke hukommelse nok til at læse filen. Prøv en CSV-eksport "
                 "eller en maskine med mere hukommelse.", ExitCode.BAD_INPUT)
        except Exception as exc:  # a bug: still no traceback unless asked for
            if DEBUG:
                raise
            fail(f"Intern fejl ({type(exc).__name__}: {exc}). Kør igen med --debug og "
                 "send outputtet til udviklerne.", ExitCode.INTERNAL)
        return None

    return wrapper  # type: ignore[return-value]


def max_bytes(mb: int | None) -> int | None:
    return None if mb is None else positive(mb, "--max-size", " MB") * 1024 * 1024


def limits(max_memory: int | None, max_columns: int | None,
           max_cell_length: int | None) -> SourceOptions:
    """The source layer's limits as given on the command line (the rest: its defaults)."""
    from kl_survey.readers.source import limits as lim

    return lim.SourceOptions(
        max_memory=lim.DEFAULT_MAX_MEMORY if max_memory is None
        else positive(max_memory, "--max-memory", " MB") * 1024 * 1024,
        max_columns=lim.DEFAULT_MAX_COLUMNS if max_columns is None
        else positive(max_columns, "--max-columns"),
        max_cell_length=lim.DEFAULT_MAX_CELL_LENGTH if max_cell_length is None
        else positive(max_cell_length, "--max-cell-length"))


def positive(value: int, flag: str, unit: str = "") -> int:
    """A limit given on the command line: 0 or less is refused, never taken as the default."""
    if value <= 0:
        raise KlSurveyError(f"{flag} skal være et positivt tal{unit and ' i' + unit}, ikke {value}",
                            hint=f"Udelad {flag} for at bruge standardgrænsen")
    return int(value)


def source_help_requested(source: str | None) -> bool:
    """``--source help`` lists the readers instead of running."""
    if source != "help":
        return False
    from kl_survey.readers import readers

    for r in readers():
        typer.echo(f"{r.name:<14} {r.label}")
    return True

