"""Where in ``survey.toml`` a mistake is: ``file:line`` for every spec error.

tomllib keeps no positions, so a pydantic ``loc`` such as ``("question", 2, "base")`` is
turned back into a line by scanning the text. Shared by reading (:mod:`kl_survey.spec`),
the cross-checks (:mod:`kl_survey.spec_checks`) and applying a spec to data, which finds
mistakes only the export can reveal (a municipality column that is not there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kl_survey.errors import SpecError
from kl_survey.messages import Text, msg

Loc = tuple[str | int, ...]


def loc_text(loc: Loc) -> str:
    """``("question", 2, "base")`` → ``question[3].base`` (tables counted from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def value_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f"'{v}'"
    if isinstance(v, dict):
        return msg("spec.value.table")
    if isinstance(v, list):
        return msg("spec.value.list")
    return str(v)


def spec_error(text: str, name: str, loc: Loc, message: str,
               hint: str | None = None) -> SpecError:
    """``name:line`` and ``key: message``; the hint defaults to the message's own."""
    line = find_line(text, loc)
    where = f"{name}:{line}" if line else name
    if hint is None and isinstance(message, Text):
        hint = message.hint()
    return SpecError(msg("spec.at", key=loc_text(loc), message=message) if loc else message,
                     file=where, hint=hint)



_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def find_line(text: str, loc: Loc) -> int | None:
    """The 1-based line a pydantic ``loc`` refers to, by scanning the TOML text.

    tomllib keeps no positions, so: find the table (``[survey]`` or the n'th
    ``[[question]]``), then the ``key =`` line inside it; fall back to the table header.
    """
    lines = text.splitlines()
    if not loc:
        return None
    start, end = _table_span(lines, loc)
    keys = [p for p in loc[_table_depth(loc):] if isinstance(p, str)]
    if not keys:
        return start + 1 if start >= 0 else None
    found = _key_line(lines, start + 1, end, keys[0])
    if found is not None:
        return found + 1
    return start + 1 if start >= 0 else None


def _table_depth(loc: Loc) -> int:
    if loc[0] == "question" and len(loc) > 1 and isinstance(loc[1], int):
        return 2
    if loc[0] in ("survey", "respondents", "analysis", "report") and len(loc) > 1:
        return 1
    return 0


def _table_span(lines: Sequence[str], loc: Loc) -> tuple[int, int]:
    """(header index or -1 for the root table, end index) of the table ``loc`` is in."""
    depth = _table_depth(loc)
    headers = [(i, m.group(1), m.group(2).strip()) for i, line in enumerate(lines)
               if (m := _HEADER.match(line))]
    if depth == 0:
        return -1, headers[0][0] if headers else len(lines)
    want, nth = str(loc[0]), (loc[1] if depth == 2 else 0)
    count = -1
    for k, (i, _bracket, title) in enumerate(headers):
        if title != want:
            continue
        count += 1
        if count == nth:
            nxt = next((j for j, _, t in headers[k + 1:] if not t.startswith(want + ".")),
                       len(lines))
            return i, nxt
    return -1, 0


def _key_line(lines: Sequence[str], start: int, end: int, key: str) -> int | None:
    k = re.escape(key)
    rx = re.compile(rf"""^\s*(?:"{k}"|'{k}'|{k})\s*[=.]""")
    sub = re.compile(rf"^\s*\[[^\[\]]*\.{k}\]\s*$")
    for i in range(max(start, 0), min(end, len(lines))):
        if rx.match(lines[i]) or sub.match(lines[i]):
            return i
    return None


# ---------------------------------------------------------------- nesting guard

#: A spec needs two levels (``filter = { options = [...] }``); tomllib recurses once per
#: level and keeps dotted keys (``a.b.c…``) in quadratic memory, so refuse long before.
MAX_DEPTH = 32
MAX_DOTS = 32
_TOKEN = re.compile(
    r'"""(?:[^\\]|\\.)*?"""'  # multi-line basic string
    r"|'''[\s\S]*?'''"  # multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'  # basic string
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*|[\[{]|[\]}]|\n|(?<![0-9])\.|\.(?![0-9])")


def check_nesting(text: str, name: str) -> None:
    """Refuse brackets nested deeper than MAX_DEPTH, or keys of more than MAX_DOTS parts,
    at their line; strings and comments are skipped, and a float's dot is no key dot."""
    depth = dots = 0
    line = 1
    for m in _TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        if first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                _too_deep(name, line, msg("spec.too-deep.levels", n=MAX_DEPTH))
        elif first in "]}":
            depth = max(depth - 1, 0)
        elif first == ".":
            dots += 1
            if dots > MAX_DOTS:
                _too_deep(name, line, msg("spec.too-deep.dots", n=MAX_DOTS))
        if "\n" in tok:
            line += tok.count("\n")
            dots = 0


def _too_deep(name: str, line: int, what: str) -> None:
    raise SpecError(msg("spec.too-deep", what=what), file=f"{name}:{line}")
