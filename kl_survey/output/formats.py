"""The output formats, one enum for every command (issue 9: not one per command)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """``analyze`` writes all of them; ``validate`` writes ``table`` and ``json``."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    markdown = "markdown"


VALIDATE_FORMATS = (Format.table, Format.json)
