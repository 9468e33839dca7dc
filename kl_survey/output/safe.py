"""What we do to public free text before it reaches a spreadsheet, a page or a chart.

Free-text answers come from the public. Two things make them unsafe to write as is:

* a cell starting with ``=``, ``+``, ``-`` or ``@`` runs as a formula in a spreadsheet
  (CSV injection). In CSV, OWASP's advice is a leading single quote (:func:`neutralise`);
  in xlsx the text is written as an explicit string cell instead (output/tables.py),
  which is never a formula and shows no apostrophe.
* control characters (NUL, BEL, ESC, …) are illegal in xlsx and XML, draw as missing
  glyphs in charts and can drive a terminal. :func:`visible_controls` replaces each
  with U+FFFD, the replacement character "�", so the reader sees that something was
  there and nothing downstream breaks. (The control pictures ␀ ␇ ␛ would say which,
  but DejaVu Sans, the charts' font, has none of them, nor has Calibri.) JSON keeps
  the exact text, escaped, for the analyst who needs to know what it was.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from kl_survey.texts import Texts

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# C0 except tab, newline and carriage return; DEL; the C1 range.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
T = TypeVar("T")


def neutralise(value: object) -> object:
    """Prefix ``'`` to strings that a spreadsheet would treat as a formula; numbers pass."""
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


REPLACEMENT = "\ufffd"


def show_controls(text: str) -> str:
    """``"a\\x00b"`` → ``"a�b"``; text without control characters is returned as is."""
    return _CONTROL.sub(REPLACEMENT, text) if _CONTROL.search(text) else text


def visible_controls(obj: T) -> T:
    """A copy of a frozen result tree (e.g. an Analysis) with every string passed through
    :func:`show_controls`; untouched parts are shared, so the common case costs a scan."""
    return _walk(obj)  # type: ignore[no-any-return,unused-ignore]


def _walk(obj: Any) -> Any:
    if isinstance(obj, str):
        return show_controls(obj)
    if isinstance(obj, tuple):
        items = tuple(_walk(x) for x in obj)
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else items
    if isinstance(obj, Texts):  # free-text answers: made Python strings here, as before
        shown = _walk(obj.items)
        return obj if shown is obj.items else Texts(shown)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changed = {}
        for f in dataclasses.fields(obj):
            if not f.init:
                continue
            old = getattr(obj, f.name)
            new = _walk(old)
            if new is not old:
                changed[f.name] = new
        return dataclasses.replace(obj, **changed) if changed else obj
    return obj
