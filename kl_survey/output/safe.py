"""Formula neutralisation for spreadsheets we write.

Free-text answers come from the public; a cell starting with ``=``, ``+``, ``-`` or
``@`` would run as a formula in Excel (CSV injection). OWASP's advice is to prefix a
single quote, which Excel shows as text.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix ``'`` to strings that a spreadsheet would treat as a formula; numbers pass."""
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value
