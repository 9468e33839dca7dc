"""Click's usage errors as one line in the user's language, like every other error.

Each error is recognised by its class (Click's public exception names, the same in Click
and in Typer's vendored copy) and described from its attributes: the parameter, the
option name, Click's suggestions, and the value from argv. Click's English message is
only read for the three free-text errors that have no attributes (an unknown command,
extra arguments, a missing command), and anything not recognised still comes out as one
line with the usage hint. ``tests/cli/test_usage.py`` triggers each kind.
"""

from __future__ import annotations

import difflib
import enum
import inspect
import os
import re
from collections.abc import Sequence
from typing import Any

from kl_survey.errors import ExitCode
from kl_survey.messages import Text, msg, render

_EXTRA = re.compile(r"unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", re.S)
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")


def is_usage_error(exc: BaseException) -> bool:
    return "UsageError" in _names(exc)


def show(exc: BaseException, argv: Sequence[str], group: Any = None) -> int:
    """Print the error (or, for a bare ``kl-survey``, the help) and return the exit code."""
    from kl_survey.cli import common

    if "NoArgsIsHelpError" in _names(exc):
        common.say(str(getattr(exc, "message", "")).rstrip(), force=True)
        return int(ExitCode.USAGE)
    message, hint = describe(exc, argv, group)
    common.error_line(message, hint)
    return int(getattr(exc, "exit_code", ExitCode.USAGE))


def describe(exc: BaseException, argv: Sequence[str], group: Any = None) -> tuple[str, Text]:
    """(message, hint) for a usage error."""
    names = _names(exc)
    ctx = getattr(exc, "ctx", None)
    hint = msg("click.see-help", command=_command_path(ctx, argv, group))
    if "NoSuchOption" in names:
        return _no_such_option(exc), hint
    if "MissingParameter" in names:
        return msg("click.missing", name=_display(getattr(exc, "param", None))), hint
    if "BadParameter" in names:
        return _bad_value(exc, ctx, argv), hint
    if "BadOptionUsage" in names:
        option = getattr(exc, "option_name", "")
        if "does not take" in str(getattr(exc, "message", "")):
            return msg("click.takes-no-value", option=option), hint
        return msg("click.needs-value", option=option), hint
    return _free_text(exc, ctx), hint


def _command_path(ctx: Any, argv: Sequence[str], group: Any) -> str:
    """``kl-survey analyze``: from the error's context, else the first command in argv."""
    if ctx is not None and ctx.parent is not None:
        return str(ctx.command_path)
    commands = getattr(group, "commands", {}) or {}
    name = next((arg for arg in argv if arg in commands), None)
    return f"kl-survey {name}" if name else "kl-survey"


def _names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def _no_such_option(exc: Any) -> Text:
    option = exc.option_name
    possible = sorted(getattr(exc, "possibilities", None) or [])
    if possible:
        return msg("click.no-such-option-suggest", option=option,
                   suggestions=_either(possible))
    return msg("click.no-such-option", option=option)


def _display(param: Any) -> str:
    """``FIL`` for an argument, ``--output/-o`` for an option."""
    if param is None:
        return "?"
    if param.param_type_name == "argument":
        return render(param.metavar) or param.name.upper()
    return "/".join(param.opts)


def _bad_value(exc: Any, ctx: Any, argv: Sequence[str]) -> Text:
    param = getattr(exc, "param", None)
    if param is None:
        return msg("click.bad-value-unknown", message=getattr(exc, "message", str(exc)))
    value = _raw_value(param, argv)
    expected = _expected(param, ctx)
    name = _display(param)
    if value is None:
        return msg("click.bad-value-no-value", name=name, expected=expected)
    return msg("click.bad-value", name=name, value=value, expected=expected)


def _raw_value(param: Any, argv: Sequence[str]) -> str | None:
    """What the user typed for ``param`` (the last occurrence), or its environment value."""
    found: str | None = None
    for i, arg in enumerate(argv):
        for opt in param.opts:
            if arg == opt and i + 1 < len(argv):
                found = argv[i + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                found = arg.partition("=")[2]
    if found is None and param.envvar:
        found = os.environ.get(param.envvar)
    return found


def _expected(param: Any, ctx: Any) -> Text:
    """What the parameter takes, from the command function's annotation."""
    annotation = _annotation(param, ctx)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return msg("click.expected-choice",
                   choices=_either([str(m.value) for m in annotation]))
    if annotation is int:
        return msg("click.expected-int")
    return msg("click.expected-other")


def _annotation(param: Any, ctx: Any) -> Any:
    callback = getattr(getattr(ctx, "command", None), "callback", None)
    if callback is None:
        return None
    try:
        parameter = inspect.signature(callback, eval_str=True).parameters.get(param.name)
    except (NameError, TypeError, ValueError):
        return None
    if parameter is None:
        return None
    annotation = parameter.annotation
    args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    return args[0] if len(args) == 1 else annotation


def _free_text(exc: Any, ctx: Any) -> Text:
    text = str(getattr(exc, "message", exc))
    extra = _EXTRA.search(text)
    if extra:
        return msg("click.extra-arguments", args=extra.group("args"))
    unknown = _NO_COMMAND.search(text)
    if unknown:
        commands = list(getattr(getattr(ctx, "command", None), "commands", {}) or [])
        close = difflib.get_close_matches(unknown.group("name"), commands, n=2)
        if close:
            return msg("click.no-such-command-suggest", name=unknown.group("name"),
                       suggestions=_either(close))
        return msg("click.no-such-command", name=unknown.group("name"),
                   commands=", ".join(commands))
    if "Missing command" in text:
        return msg("click.missing-command")
    return msg("click.usage-other", message=text)


def _either(items: Sequence[str]) -> Text | str:
    """``a, b eller c`` / ``a, b or c``."""
    if len(items) == 1:
        return items[0]
    return msg("click.either", first=", ".join(items[:-1]), last=items[-1])
