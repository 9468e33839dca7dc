"""Indented JSON text exactly as ``json.dumps(obj, ensure_ascii=False, indent=2)`` writes
it, from orjson.

The standard library's encoder drops to pure Python as soon as ``indent`` is given:
0.5-0.7 s for the free text of 500 000 respondents. orjson (a well-kept C/Rust encoder)
writes the same two-space layout, the same escapes and the same shortest float digits
in a tenth of that. Where the two would differ, the document goes to ``json`` instead,
so the text never depends on which one wrote it: floats below 1e-4 (orjson writes
``1e-7``, Python ``1e-07``), NaN and infinities (orjson writes ``null``), integers
beyond 64 bits, keys that are not strings, lone surrogates, and any type but dict,
list, tuple, str, int, float, bool and None (json raises on those, as before).
:class:`~kl_survey.texts.Texts` are written as the list of their answers; those held
as Arrow never become Python strings (:func:`_dump`).
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import orjson

from kl_survey.readers.source import may_contain
from kl_survey.texts import Texts

_INT = 2**63
#: json's escapes for the control characters with a short one; the rest are \u00XX
_SHORT = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"}


def dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2) + "\\n"``, the same characters."""
    return _dump(obj, "surrogatepass").decode("utf-8", "surrogatepass")


def dumps_bytes(obj: Any) -> bytes:
    """:func:`dumps` as UTF-8, straight from orjson's bytes: no round trip through a
    ``str`` (two copies of 70 MB for the free text of 500 000 respondents). A lone
    surrogate, which UTF-8 cannot hold, raises ``UnicodeEncodeError``."""
    return _dump(obj, "strict")


def _dump(obj: Any, errors: str) -> bytes:
    """The document in UTF-8 (``errors``: for a lone surrogate, which only json writes).

    :class:`~kl_survey.texts.Texts` held as Arrow are written from Arrow: each is
    written as a list of one placeholder, whose line is then replaced by the answers,
    escaped as json escapes them and indented as the placeholder was. The placeholder
    holds 128 random bits, so no answer can be mistaken for it."""
    splice = _Splice()
    if plain(obj):
        try:
            return splice.fill(orjson.dumps(
                obj, default=splice.default,
                option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        except (TypeError, orjson.JSONEncodeError):  # e.g. a lone surrogate
            splice = _Splice()
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=splice.default) + "\n"
    return splice.fill(text.encode("utf-8", errors))


class _Splice:
    """Placeholders for the :class:`Texts` of one document, and their answers' JSON."""

    def __init__(self) -> None:
        self.nonce = os.urandom(16).hex()
        self.texts: list[Any] = []

    def default(self, x: object) -> list[str]:
        """What orjson and json write for a :class:`Texts` (and nothing else)."""
        if not isinstance(x, Texts):
            raise TypeError(f"Object of type {type(x).__name__} is not JSON serializable")
        if x.arrow is None or not len(x):
            return list(x)
        self.texts.append(x.arrow)
        return [f"{self.nonce}-{len(self.texts) - 1}"]

    def fill(self, out: bytes) -> bytes:
        if not self.texts:
            return out
        parts: list[bytes | memoryview] = []
        at = 0
        for i, arrow in enumerate(self.texts):
            where = out.index(f'"{self.nonce}-{i}"'.encode(), at)
            indent = out[out.rindex(b"\n", 0, where) + 1:where]
            parts += [out[at:where], b'"', _items(arrow, indent), b'"']
            at = where + len(self.nonce) + len(str(i)) + 3
        parts.append(out[at:])
        return b"".join(parts)  # the one copy of the answers' text into the document


def _items(arrow: Any, indent: bytes) -> memoryview:
    """Strings as json writes a list's items, between the first and the last quote:
    escaped, one per line at ``indent``. Arrow escapes and joins them (a few ms for
    130 000 answers, against 25-30 ms to make them Python strings). Only the escapes a
    column needs are run, found from its bytes without a copy (in UTF-8 no byte below
    0x80 is part of another character)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    data = arrow.buffers()[2]
    view = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    quote, backslash = may_contain(arrow, b'"'), may_contain(arrow, b"\\")
    if backslash:  # first: the other escapes add backslashes
        arrow = pc.replace_substring(arrow, "\\", "\\\\")
    if quote:
        arrow = pc.replace_substring(arrow, '"', '\\"')
    if len(view) and view.min() < 0x20:
        for byte in np.unique(view[view < 0x20]).tolist():
            arrow = pc.replace_substring(arrow, chr(byte), _SHORT.get(byte, f"\\u{byte:04x}"))
    text = arrow.cast(pa.large_string())
    items = pa.LargeListArray.from_arrays(pa.array([0, len(text)], pa.int64()), text)
    joined = pc.binary_join(items, pa.scalar('",\n' + indent.decode() + '"', pa.large_string()))
    return memoryview(joined[0].as_buffer())


def plain(obj: Any) -> bool:
    """Whether orjson writes ``obj`` exactly as json does (see the module's docstring)."""
    todo = [obj]
    while todo:
        x = todo.pop()
        if isinstance(x, (str, Texts)) or x is None or x is True or x is False:
            continue  # Texts: from Arrow, never a lone surrogate; else checked by orjson
        kind = type(x)
        if kind is dict:
            if not all(isinstance(k, str) for k in x):
                return False
            todo.extend(x.values())
        elif kind is list or kind is tuple:
            if not _all_text(x):
                todo.extend(x)
        elif kind is int:
            if not -_INT <= x < _INT:
                return False
        elif kind is float:
            if not math.isfinite(x) or (x != 0.0 and abs(x) < 1e-4):
                return False
        else:
            return False
    return True


def _all_text(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every item is a str (a list of answers), tested in C: ``str.join`` takes
    nothing else. A ``type()`` per item through ``map`` and ``set`` cost as much as
    orjson's whole dump for 2 million free-text answers (0.14 s)."""
    try:
        "".join(items)
    except TypeError:
        return False
    return True
