"""Shared CLI plumbing: option bundles, error mapping, and the one way to print.

Adding an option (a note for everyone who adds one)
---------------------------------------------------
Options that several commands share are declared once, here, as a *bundle*: a frozen
dataclass with one field per option, plus a decorator that adds the options to a command
and hands the command a single value, the way sqlite-utils bundles
``@load_extension_option`` and ``@output_options``::

    @app.command(name="report", epilog=msg("help.report.epilog"))
    @handle_errors
    @READING        # --sheet --source --complete-only --max-size  -> reading: Reading
    @VOICE          # --lang -q/--quiet                            -> voice: Voice
    def report(file: Path = FILE, ..., *, reading: Reading, voice: Voice) -> None:
        load(path, reading.load_options(spec=spec))

To give every reading command a new option (``--keep-cpr``), add a field to
:class:`Reading`, its ``typer.Option`` to ``READING`` and the field to
:meth:`Reading.load_options`; nothing else changes (``--repair-encoding`` and the
``--max-*`` limits came in that way). An option only one command has stays
a plain parameter in that command's module. In both cases:

- help texts and metavars come from the catalogue, so they follow ``--lang``:
  ``help=msg("help.option.keep-cpr")`` with the Danish and English text in
  ``kl_survey/messages/help.py``; metavars are ``msg("metavar.file")`` (FIL), MAPPE,
  SPEC.TOML, … never Typer's ``<path>``;
- say the default in the help text ("(standard: table)") and keep ``show_default=False``;
- Path options take ``readable=False``: the command checks paths itself and says what is
  wrong in one line (Typer's own check prints three English lines);
- print through :func:`say` (status, silenced by ``-q``), :func:`warn` and :func:`fail`.
"""

from __future__ import annotations

import errno
import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast

import typer

from kl_survey.errors import ExitCode, KlSurveyError
from kl_survey.messages import Lang, exists, language, msg, set_language

if TYPE_CHECKING:
    from kl_survey.issues import Issue
    from kl_survey.pipeline import LoadOptions
    from kl_survey.readers.source import SourceOptions

DEBUG = bool(os.environ.get("KL_SURVEY_DEBUG"))
QUIET = False
_ALIASES: dict[str, str] = {}  # temporary paths shown by another name ("stdin")
_SAVED_FILTERS: list[tuple[Any, ...]] = []  # warning filters to restore after -q

F = TypeVar("F", bound=Callable[..., Any])
MB = 1024 * 1024


class LangOpt(str, Enum):
    da = "da"
    en = "en"


# ------------------------------------------------------------------ bundles


@dataclass(frozen=True)
class Bundle:
    """Options declared once, added to a command by decorating it, passed as one value.

    ``options`` maps each field of ``make`` to its (annotation, ``typer.Option``). The
    command declares a keyword-only parameter called ``name``; the decorator swaps it for
    the options in the signature Typer reads, and builds the value on each call.
    ``before`` may act on the value first and return False to skip the command.
    """

    name: str
    make: Callable[..., Any]
    options: Mapping[str, tuple[Any, Any]]
    before: Callable[[Any], bool] | None = None

    def __call__(self, func: F) -> F:
        signature = inspect.signature(func)
        kept = [_resolved(p, func) for p in signature.parameters.values() if p.name != self.name]
        added = [inspect.Parameter(field, inspect.Parameter.KEYWORD_ONLY, default=option,
                                   annotation=annotation)
                 for field, (annotation, option) in self.options.items()]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            value = self.make(**{field: kwargs.pop(field) for field in self.options})
            if self.before is not None and not self.before(value):
                return None
            return func(*args, **kwargs, **{self.name: value})

        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=_ordered([*kept, *added]))
        wrapper.__annotations__ = {k: v for k, v in func.__annotations__.items()
                                   if k != self.name}
        return wrapper  # type: ignore[return-value]

    def without(self, *fields: str) -> Bundle:
        """The bundle minus some options (their fields keep the dataclass defaults)."""
        kept = {k: v for k, v in self.options.items() if k not in fields}
        return Bundle(self.name, self.make, kept, self.before)


def _resolved(param: inspect.Parameter, func: Callable[..., Any]) -> inspect.Parameter:
    """The parameter with its annotation evaluated, where that works: a bundle's own
    class may be imported for type checking only, which must not stop the others."""
    if not isinstance(param.annotation, str):
        return param
    try:
        value = eval(param.annotation, getattr(inspect.unwrap(func), "__globals__", {}))
    except Exception:  # left as text; Typer resolves it through get_type_hints
        return param
    return param.replace(annotation=value)


def _ordered(params: list[inspect.Parameter]) -> list[inspect.Parameter]:
    """Positional parameters first, keyword-only after: a valid signature again."""
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [p for p in params if p.kind in kinds] + [p for p in params if p.kind not in kinds]


@dataclass(frozen=True)
class Reading:
    """How an export is read: ``--sheet``, ``--source``, ``--complete-only``,
    ``--repair-encoding`` and the limits ``--max-size``, ``--max-memory``,
    ``--max-columns``, ``--max-cell-length``."""

    sheet: str | None = None
    source: str | None = None
    complete_only: bool = False
    repair_encoding: bool = False
    max_size: int | None = None
    max_memory: int | None = None
    max_columns: int | None = None
    max_cell_length: int | None = None

    @property
    def max_bytes(self) -> int | None:
        return None if self.max_size is None else positive(self.max_size, "--max-size", "MB") * MB

    def limits(self) -> SourceOptions:
        """The source layer's limits as given on the command line (the rest: its defaults)."""
        from kl_survey.readers.source import limits as lim

        return lim.SourceOptions(
            max_memory=lim.DEFAULT_MAX_MEMORY if self.max_memory is None
            else positive(self.max_memory, "--max-memory", "MB") * MB,
            max_columns=lim.DEFAULT_MAX_COLUMNS if self.max_columns is None
            else positive(self.max_columns, "--max-columns"),
            max_cell_length=lim.DEFAULT_MAX_CELL_LENGTH if self.max_cell_length is None
            else positive(self.max_cell_length, "--max-cell-length"))

    def load_options(self, **more: Any) -> LoadOptions:
        """The library's :class:`~kl_survey.pipeline.LoadOptions` (``more``: spec, strict…)."""
        from kl_survey.pipeline import LoadOptions

        return LoadOptions(sheet=self.sheet, source=self.source,
                           complete_only=self.complete_only, max_bytes=self.max_bytes,
                           repair_encoding=self.repair_encoding, limits=self.limits(),
                           **more)


def positive(value: int, flag: str, unit: str = "") -> int:
    """A limit given on the command line: 0 or less is refused, never taken as the default."""
    if value <= 0:
        key = "cli.not-positive-unit" if unit else "cli.not-positive"
        raise KlSurveyError(msg(key, flag=flag, unit=unit, value=value))
    return int(value)


def _list_sources(reading: Reading) -> bool:
    """``--source help`` lists the readers instead of running the command."""
    if reading.source != "help":
        return True
    from kl_survey.readers import readers

    for r in readers():  # a reader's label in the current language, when the catalogue has it
        label = msg(key) if exists(key := f"read.reader.{r.name}") else r.label
        typer.echo(f"{r.name:<14} {label}")
    return False


@dataclass(frozen=True)
class Voice:
    """How the command talks: ``--lang`` and ``-q/--quiet``."""

    lang: LangOpt | None = None
    quiet: bool = False

    @property
    def language(self) -> Lang:
        """The language of this run's output: the last --lang given, or KL_SURVEY_LANG."""
        return language()


def _speak(voice: Voice) -> bool:
    """Set the language (errors included) and quietness for the rest of the run.

    ``--lang`` left out keeps what ``KlGroup.main`` read from ``KL_SURVEY_LANG``.
    """
    global QUIET
    from kl_survey import progress

    if voice.lang is not None:
        set_language(voice.lang.value)
    if voice.quiet and not QUIET:
        import warnings

        QUIET = True
        progress.silence(True)
        _SAVED_FILTERS[:] = [tuple(warnings.filters)]
        warnings.simplefilter("ignore")
    return True


READING = Bundle("reading", Reading, {
    "sheet": (str | None, typer.Option(None, "--sheet", metavar=msg("metavar.sheet"),
                                       help=msg("help.option.sheet"), show_default=False)),
    "source": (str | None, typer.Option(None, "--source", metavar=msg("metavar.source"),
                                        help=msg("help.option.source"), show_default=False)),
    "complete_only": (bool, typer.Option(False, "--complete-only",
                                         help=msg("help.option.complete-only"),
                                         show_default=False)),
    "repair_encoding": (bool, typer.Option(False, "--repair-encoding",
                                           help=msg("help.option.repair-encoding"),
                                           show_default=False)),
    "max_size": (int | None, typer.Option(None, "--max-size", metavar="MB",
                                          help=msg("help.option.max-size"),
                                          show_default=False)),
    "max_memory": (int | None, typer.Option(None, "--max-memory", metavar="MB",
                                            help=msg("help.option.max-memory"),
                                            show_default=False)),
    "max_columns": (int | None, typer.Option(None, "--max-columns", metavar="N",
                                             help=msg("help.option.max-columns"),
                                             show_default=False)),
    "max_cell_length": (int | None, typer.Option(None, "--max-cell-length", metavar="N",
                                                 help=msg("help.option.max-cell-length"),
                                                 show_default=False)),
}, before=_list_sources)

VOICE = Bundle("voice", Voice, {
    "lang": (LangOpt | None, typer.Option(None, "--lang", envvar="KL_SURVEY_LANG",
                                   metavar=msg("metavar.lang"), help=msg("help.option.lang"),
                                   show_default=False, show_envvar=False)),
    "quiet": (bool, typer.Option(False, "--quiet", "-q", help=msg("help.option.quiet"),
                                 show_default=False)),
}, before=_speak)

# Single options several commands use.
SPEC = typer.Option(None, "--spec", metavar="SPEC.TOML", help=msg("help.option.spec"),
                    show_default=False, readable=False)
STRICT = typer.Option(False, "--strict", help=msg("help.option.strict"), show_default=False)
MUNICIPALITY = typer.Option(None, "--municipality", metavar=msg("metavar.municipality"),
                            help=msg("help.option.municipality"), show_default=False)
KEEP_CPR = typer.Option(False, "--keep-cpr", help=msg("help.option.keep-cpr"),
                        show_default=False)


FILE = typer.Argument(..., metavar=msg("metavar.file"), help=msg("help.argument.export"),
                      show_default=False, readable=False)  # an export, or - for stdin


def output_option(help_key: str, metavar_key: str = "metavar.file", *,
                  required: bool = False) -> Any:
    return typer.Option(... if required else None, "--output", "-o",
                        metavar=msg(metavar_key), help=msg(help_key), show_default=False,
                        readable=False)


# ------------------------------------------------------------------ printing


def _shown(text: str) -> str:
    for path, name in _ALIASES.items():
        text = text.replace(path, name)
    return text


def say(text: str, *, force: bool = False) -> None:
    """A status line on stderr ("Skrev 20 filer …"); ``-q`` silences it."""
    if force or not QUIET:
        typer.echo(_shown(text), err=True)


def error_line(message: str, hint: str | None = None) -> None:
    """``kl-survey: fejl: message. hint.`` on stderr; never silenced."""
    from kl_survey.messages import one_line

    typer.echo(_shown(f"kl-survey: {msg('cli.error')}: {one_line('', message, hint)}"),
               err=True)


def warn(issues: tuple[Issue, ...] | list[Issue]) -> None:
    """Warnings (and --dedupe's choices) from loading: one line each on stderr; -q
    silences them, except errors."""
    from kl_survey.issues import Severity

    words = {Severity.ERROR: "cli.error", Severity.WARNING: "cli.warning",
             Severity.INFO: "cli.info"}
    for issue in issues:
        if QUIET and issue.severity is not Severity.ERROR:
            continue
        typer.echo(_shown(f"kl-survey: {msg(words[issue.severity])}: {issue.one_line()}"),
                   err=True)


def alias(path: Path, name: str) -> None:
    _ALIASES[str(path)] = name


def reset() -> None:
    """Forget one run's state (CliRunner runs many in one process)."""
    global QUIET, DEBUG
    from kl_survey import progress

    QUIET = False
    DEBUG = bool(os.environ.get("KL_SURVEY_DEBUG"))
    progress.silence(False)
    _ALIASES.clear()
    ahead = sys.modules.get("kl_survey.readers.source.ahead")
    if ahead is not None:  # a read the run started but never took
        ahead.forget()
    if _SAVED_FILTERS:
        import warnings

        cast("list[Any]", warnings.filters)[:] = list(_SAVED_FILTERS.pop())


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT, hint: str | None = None) -> None:
    """Print one line to stderr and exit; the CLI's only way of reporting a fatal error."""
    error_line(message, hint)
    raise typer.Exit(int(code))


def handle_errors(func: F) -> F:
    """Turn library errors into one stderr line and an exit code; --debug re-raises.

    A closed stdout (``| head -1``) is not an error of the run: exit 141 quietly, the
    code a shell gives a process killed by SIGPIPE, so it never looks like validate's 1.
    """

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
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                _internal(exc)
            broken_pipe()
        except MemoryError:
            if DEBUG:
                raise
            fail(msg("cli.out-of-memory"), ExitCode.BAD_INPUT)
        except Exception as exc:  # a bug: still no traceback unless asked for
            _internal(exc)
        return None

    return wrapper  # type: ignore[return-value]


def _internal(exc: Exception) -> None:
    if DEBUG:
        raise exc
    fail(msg("cli.internal", kind=type(exc).__name__, detail=str(exc)), ExitCode.INTERNAL)


def broken_pipe() -> NoReturn:
    """Whoever read stdout has gone: exit 141 without a word.

    stdout is pointed at /dev/null first, so the interpreter's final flush cannot fail
    again and print "Exception ignored … BrokenPipeError".
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # CliRunner's stdout has no fileno
        pass
    raise typer.Exit(int(ExitCode.BROKEN_PIPE))


@contextmanager
def pipe_guard() -> Iterator[None]:
    """For output written outside a command (--help, --version): a closed pipe is 141."""
    try:
        yield
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        broken_pipe()
