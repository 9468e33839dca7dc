"""Coerce kl-survey's plain option values without pydantic.

Typer (0.29) coerces every command-line value through a pydantic ``TypeAdapter``:
importing pydantic and building the adapters takes about 0.2 s, a fifth of a whole
``analyze`` run on a 95-row survey. kl-survey's options are plain (str, Path, int,
bool, Enum), so :func:`install` coerces those here with typer's own helpers. Any
other annotation, and any value that does not coerce cleanly, goes to typer's
pydantic path, so results and error messages stay typer's. If typer's internals
change, :func:`install` does nothing and typer works as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

_INT = re.compile(r"[+-]?[0-9]+")


#: Typer minor series whose private ``build_runtime_param`` this was written and tested
#: against; any other version keeps Typer's own (slower, always correct) path.
TESTED_TYPER = ("0.29.",)


def install() -> bool:
    """Route plain parameters to the fast coercion; True if installed."""
    import typer

    if not typer.__version__.startswith(TESTED_TYPER):
        return False
    try:
        from typer import _param_types, core
        from typer._coercion import RuntimeParam
    except ImportError:
        return False
    original = getattr(core, "build_runtime_param", None)
    needed = ("coerce_cli_choice", "coerce_cli_path", "choice_coercion_annotation")
    if original is None or not all(hasattr(_param_types, n) for n in needed):
        return False
    if getattr(original, "kl_fast", False):
        return True
    typer_build: Callable[[Any], Any] = original

    @dataclass(frozen=True)
    class FastParam(RuntimeParam):
        kind: str = ""
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            done, result = _coerce(self.kind, self.annotation, self.parameter_info, value,
                                   param, ctx, _param_types)
            if done:
                return result
            return typer_build(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: Any) -> Any:
        kind = _kind(descriptor)
        if kind is None:
            return typer_build(descriptor)
        return FastParam(parameter_info=descriptor.parameter_info,
                         annotation=descriptor.annotation, kind=kind, descriptor=descriptor)

    build.kl_fast = True  # type: ignore[attr-defined]
    build.original = original  # type: ignore[attr-defined]
    core.build_runtime_param = build
    return True


def _kind(descriptor: Any) -> str | None:
    """Which fast coercion fits, or None for typer's own."""
    info, ann = descriptor.parameter_info, descriptor.annotation
    if descriptor.file_annotation is not None or getattr(info, "parser", None) is not None:
        return None
    if isinstance(ann, type) and issubclass(ann, Enum):
        return "choice"
    if ann is int:
        return "int" if info.min is None and info.max is None else None
    if ann in (bool, str):
        return ann.__name__
    if isinstance(ann, type) and issubclass(ann, Path) and getattr(info, "path_type", None) is None:
        return "path"
    if ann == list[str]:  # a repeatable option such as --municipality
        return "strlist"
    return None


def _coerce(kind: str, ann: Any, info: Any, value: Any, param: Any, ctx: Any,
            types: Any) -> tuple[bool, Any]:
    """(True, result) when the value coerces here; (False, None) to defer to typer."""
    if kind == "str" and isinstance(value, str):
        return True, value
    if kind == "bool" and isinstance(value, bool):
        return True, value
    if kind == "int" and isinstance(value, str) and _INT.fullmatch(value):
        return True, int(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return True, value
    if kind == "choice":
        choices, case_sensitive = types.choice_coercion_annotation(ann, info)
        try:
            return True, types.coerce_cli_choice(value, choices=choices,
                                                 case_sensitive=case_sensitive, ctx=ctx)
        except ValueError:
            return False, None
    if kind == "strlist" and isinstance(value, (list, tuple)) and all(
            isinstance(v, str) for v in value):
        return True, list(value)
    if kind == "path" and isinstance(value, (str, Path)):
        path = value if isinstance(value, ann) else ann(value)
        return True, types.coerce_cli_path(path, info, path_type=ann, param=param, ctx=ctx)
    return False, None
