"""The input limits: what a real export never reaches, and the one way each is refused.

A limit guards a resource (disk, memory, time) against a file that is hostile or
broken; every refusal says which limit it hit and which option raises it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from kl_survey.errors import KlSurveyError, UnsafeInputError

DEFAULT_MAX_BYTES = 3 * 1024**3  # real 500 000-row sheets inflate to under 1 GB


def size_text(n: int) -> str:
    """Danish, human-sized byte count for messages (``3,0 GB``)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".", ",")
    return f"{n} bytes"


def too_big(path: Path, size: int, max_bytes: int, what: str) -> UnsafeInputError:
    """The one refusal for size; the hint names the flag that lifts the limit."""
    return UnsafeInputError(
        f"Filen fylder {size_text(size)} {what}, mere end grænsen på {size_text(max_bytes)}",
        file=path,
        hint="Stoler du på filen, kan grænsen hæves med --max-size",
    )


def check_file_size(path: Path, max_bytes: int) -> None:
    """Refuse a csv/xls/html file larger than max_bytes on disk."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_big(path, size, max_bytes, "på disken")


@dataclass(frozen=True)
class SourceOptions:
    """How the source layer reads: its limits, and whether to repair a stray encoding."""

    max_bytes: int = DEFAULT_MAX_BYTES
    #: read bytes that are not UTF-8, in an otherwise UTF-8 file, as Windows-1252
    repair_encoding: bool = False

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
                raise KlSurveyError(f"Grænsen {f.name} skal være et positivt tal, ikke {value}",
                                    hint="Udelad den for at bruge standardgrænsen")
