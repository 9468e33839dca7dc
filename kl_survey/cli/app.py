"""The command classes behind ``kl-survey``: help, usage and errors in the user's language.

Typer ≥ 0.26 runs on its own vendored copy of Click, which has dropped Click's gettext
calls, so Click's texts ("Usage:", "Show this message and exit.", "Missing argument")
cannot be translated with a message catalogue. Patching them would break silently on
the next upgrade. Instead kl-survey owns the places where Click's text reaches the user,
through Click's public, documented extension points:

- help: :meth:`format_usage`, :meth:`format_options`, :meth:`get_help_option`,
  :meth:`get_short_help_str` and the group's command list are written here, from our
  catalogue (``click.*`` keys); help texts that are :class:`~kl_survey.messages.Text`
  are rendered again in the chosen language;
- errors: :meth:`KlGroup.main` runs Click with ``standalone_mode=False`` and turns each
  usage error into one line from its type and attributes (:mod:`kl_survey.cli.usage`).

The language is known before Click parses anything: ``--lang`` is looked up in argv
(and ``KL_SURVEY_LANG``), because a usage error can happen before the option is parsed.
``tests/cli/test_app.py`` fails on any English word in Danish help or errors, so a Typer
upgrade that changes this shows up in CI, not in front of a user.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from kl_survey.messages import Text, entries, msg, render, reset_language, set_language

#: The order of a survey round; commands not listed follow in registration order.
ROUND_ORDER = ("init", "validate", "analyze", "report", "compare")
PROG = "kl-survey"


def requested_language(args: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """``--lang X``/``--lang=X`` (the last one wins), else ``KL_SURVEY_LANG``, else da."""
    lang = (os.environ if env is None else env).get("KL_SURVEY_LANG", "")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in ("da", "en") else "da"


#: options every command takes; also accepted before the command (``kl-survey --lang en
#: analyze FILE``, as httpie and uv take theirs), where :func:`hoist_command_options`
#: moves them after it
COMMAND_OPTIONS = ("--lang", "-q", "--quiet")


def hoist_command_options(args: Sequence[str], commands: Collection[str]) -> list[str]:
    """argv with ``--lang X``/``--lang=X``/``-q``/``--quiet`` moved from before the
    command name to just after it, where Click parses them as the command's options.

    Not a group option: Typer coerces a group option through pydantic (~0.2 s) on every
    ``kl-survey CMD --help``. Without a command (``kl-survey --lang en --help``) they
    are dropped: :func:`requested_language` has already read the language from argv.
    """
    args = list(args)
    moved: list[str] = []
    before: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--" or arg in commands:
            break
        if arg == "--lang" and i + 1 < len(args):
            moved += args[i:i + 2]
            i += 2
            continue
        if arg in COMMAND_OPTIONS or arg.startswith("--lang="):
            moved.append(arg)
        else:
            before.append(arg)
        i += 1
    if i < len(args) and args[i] in commands:
        return [*before, args[i], *moved, *args[i + 1:]]
    return [*before, *args[i:]]


class _Localized:
    """Help written by kl-survey, in the current language, from Click's public hooks."""

    help: str | None
    epilog: str | None
    short_help: str | None
    options_metavar: str | None
    params: list[Any]

    def localize(self) -> None:
        """Render every catalogue text on this command again in the current language."""
        for attr in ("help", "epilog", "short_help", "options_metavar"):
            setattr(self, attr, again(getattr(self, attr)))
        for param in self.params:
            param.help = again(param.help)
            param.metavar = again(param.metavar)
            if "--install-completion" in param.opts:
                param.help = msg("click.install-completion")
            elif "--show-completion" in param.opts:
                param.help = msg("click.show-completion")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            _false_by_default(option)
            option.help = msg("click.help-option")
            if not getattr(option.callback, "kl_wrapped", False):
                option.callback = _guarded(option.callback)
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The whole first sentence, never cut: the command list wraps it instead."""
        self.localize()
        text = self.short_help or (self.help or "").strip().split("\n\n")[0]
        return " ".join(text.split())

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        self.localize()
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=msg("click.usage"))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces: list[str] = [msg("click.options-metavar")]
        for param in self.params:
            if param.param_type_name == "argument":
                pieces.append(again(param.metavar) or param.name.upper())
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.localize()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                arguments.append((again(param.metavar) or param.name.upper(),
                                  _help_column(param)))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append((record[0], _help_column(param)))
        if arguments:
            with formatter.section(msg("click.arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(msg("click.options")):
                formatter.write_dl(options)


def again(value: str | None) -> str | None:
    """A help text or metavar in the current language.

    Typer passes help texts through ``inspect.cleandoc``, which turns a catalogue
    :class:`Text` into a plain string, so the text is looked up again by its words.
    Texts that are not in the catalogue are left as they are.
    """
    if value is None or isinstance(value, Text):
        return render(value)
    key = _help_keys().get(inspect.cleandoc(value))
    return msg(key) if key else value


@functools.cache
def _help_keys() -> dict[str, str]:
    index = {}
    for area in ("help", "metavar", "click"):
        for key, pair in entries(area).items():
            if "{" not in pair[0]:
                index.update({inspect.cleandoc(text): key for text in pair})
    return index


def _help_column(param: Any) -> str:
    text = again(param.help) or ""
    if param.required:
        text = f"{text}  [{msg('click.required')}]".strip()
    return text


class KlCommand(_Localized, TyperCommand):
    """Every ``kl-survey`` command (made by :meth:`KlTyper.command`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parse, after handing the command line as Click splits it to
        :func:`kl_survey.cli.paths.read_ahead_raw` when the command reads an export:
        Typer's coercion, which comes next, imports pydantic (0.15 s), and calamine can
        parse the export meanwhile. The split is Click's own parser, run on a copy."""
        if not ctx.resilient_parsing and _reads_export(self):
            try:
                values, _, _ = self.make_parser(ctx).parse_args(args=list(args))
            except Exception:  # a usage error: the parse below reports it
                values = None
            if values:
                from kl_survey.cli import paths

                paths.read_ahead_raw(values)
        return super().parse_args(ctx, args)


def _reads_export(command: Any) -> bool:
    """A command with an export argument and the reading options (analyze, report...)."""
    from kl_survey.cli.common import READING

    names = {p.name for p in command.params}
    return "file" in names and set(READING.options) <= names


class KlGroup(_Localized, TyperGroup):
    """The ``kl-survey`` group: round order, localized help, and errors as one line."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [msg("click.options-metavar"), msg("click.command-metavar")]

    def list_commands(self, ctx: Any) -> list[str]:
        names = list(self.commands)
        return [n for n in ROUND_ORDER if n in names] + [n for n in names
                                                         if n not in ROUND_ORDER]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands[name]
            if not command.hidden:
                rows.append((name, command.get_short_help_str()))
        if rows:
            with formatter.section(msg("click.commands")):
                formatter.write_dl(rows)

    def localize(self) -> None:
        super().localize()
        for param in self.params:
            if "--install-completion" in param.opts:
                _wrap_install(param)
            _false_by_default(param)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        """Click's main, with our own error lines and exit codes (README: exit codes)."""
        from kl_survey.cli import common

        argv = list(sys.argv[1:] if args is None else args)
        token = set_language(requested_language(argv))
        argv = hoist_command_options(argv, self.commands)
        try:
            self.localize()
            try:
                rv = super().main(argv, prog_name or PROG, complete_var,
                                  standalone_mode=False,
                                  windows_expand_args=windows_expand_args, **extra)
            except Exception as exc:
                from kl_survey.cli import usage

                if standalone_mode and usage.is_usage_error(exc):
                    sys.exit(usage.show(exc, argv, self))
                if standalone_mode and isinstance(exc, typer.Abort):
                    common.say(msg("cli.aborted"), force=True)
                    sys.exit(1)
                raise
            if not standalone_mode:
                return rv
            sys.exit(rv if isinstance(rv, int) else 0)
        finally:
            common.reset()
            reset_language(token)


def _false_by_default(param: Any) -> None:
    """Typer declares its help and completion flags with default None, and a None goes
    through its pydantic coercion (importing pydantic, ~0.2 s) on every run, even for
    ``kl-survey analyze --help``; a bool is taken as it is. ``tests/test_startup.py``."""
    if getattr(param, "is_flag", False) and param.default is None:
        param.default = False


def _guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Help printed into a closed pipe exits 141 (Typer itself would exit 1)."""
    from kl_survey.cli import common

    def guarded(ctx: Any, param: Any, value: Any) -> Any:
        with common.pipe_guard():
            return callback(ctx, param, value)

    guarded.kl_wrapped = True  # type: ignore[attr-defined]
    return guarded


def _wrap_install(param: Any) -> None:
    """Typer's ``--install-completion`` reports in English; say it in our language.

    ``typer.completion.install`` does the work; if a future Typer drops it, the
    original callback (English) runs instead.
    """
    import typer.completion

    original: Callable[..., Any] | None = param.callback
    install = getattr(typer.completion, "install", None)
    if original is None or install is None or getattr(original, "kl_wrapped", False):
        return

    def callback(ctx: Any, parameter: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing:
            return value
        shell, path = install(shell=value) if isinstance(value, str) else install()
        typer.echo(msg("click.completion-installed", shell=shell, path=path))
        raise typer.Exit(0)

    callback.kl_wrapped = True  # type: ignore[attr-defined]
    param.callback = callback


class KlTyper(typer.Typer):
    """``typer.Typer`` whose commands are :class:`KlCommand` unless told otherwise."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Any:
        return super().command(name, cls=cls or KlCommand, **kwargs)
