"""Cheap looks at a workbook before the real read: its memory need and sheet visibility.

The workbook facts come from the zip's directory and ``xl/workbook.xml`` (already
screened by :func:`kl_survey.readers.source.safety.check_xlsx`), so they cost milliseconds
even for a 500 000-row export.
"""

from __future__ import annotations

from pathlib import Path

from kl_survey.errors import InputError, KlSurveyError, UnsafeInputError
from kl_survey.messages import msg
from kl_survey.readers.source import safety
from kl_survey.readers.source.limits import DEFAULT_MAX_MEMORY, size_text

# calamine holds every cell of a sheet at once while it converts to Arrow: peak memory
# measured 2.3x the unpacked XML (1.9 GB for 500 000 x 60), plus the Python side.
MEMORY_PER_XML_BYTE = 2.6
MEMORY_BASE = 300 * 1024**2


def check_memory(path: Path, limit: int = DEFAULT_MAX_MEMORY,
                 available: int | None = None) -> None:
    """Estimate a workbook's memory need from the zip directory, before anything is
    inflated, and refuse it above the limit (--max-memory) or above the free memory:
    rather than swap for minutes, or be killed half-way through with no message.

    A 9 MB workbook that inflates 145:1 to 1,3 GB passes the zip-bomb screen, yet needs
    almost 4 GB; a real export of 500 000 x 60 answers needs about 2,4 GB.
    """
    with safety.open_zip(path) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
    need = int(unpacked * MEMORY_PER_XML_BYTE) + MEMORY_BASE
    if need > limit:
        raise UnsafeInputError(msg("source.memory-limit", need=size_text(need),
                                   unpacked=size_text(unpacked), limit=size_text(limit)),
                               file=path)
    available = available if available is not None else available_memory()
    if available is not None and need > available:
        raise InputError(msg("source.memory-free", need=size_text(need),
                             available=size_text(available)), file=path)


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo (Linux); None where it cannot be known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def visibility(path: Path, names: list[str]) -> dict[str, bool] | None:
    """Whether each sheet is visible, from ``xl/workbook.xml``.

    Knowing this up front lets a sheet be loaded eagerly (straight to Arrow: faster
    and leaner than calamine's lazy sheet, which alone reports visibility) and skips
    loading hidden sheets. None when the workbook part is unusual or disagrees with
    calamine's sheet list; the caller then takes the lazy path.
    """
    import xml.etree.ElementTree as ET

    try:
        with safety.open_zip(path) as zf, zf.open("xl/workbook.xml") as fh:
            root = ET.parse(fh).getroot()
    except (KeyError, OSError, ET.ParseError, KlSurveyError):
        return None
    states = [(el.get("name", ""), el.get("state", "visible")) for el in root.iter()
              if el.tag.rsplit("}", 1)[-1] == "sheet"]
    if [name for name, _ in states] != names:
        return None
    return {name: state == "visible" for name, state in states}
