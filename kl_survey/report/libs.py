"""WeasyPrint's shared-library look-ups answered from one ``ldconfig -p``.

Importing WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying
up to six names each (Windows', macOS' and Linux' spellings). cffi asks
:func:`ctypes.util.find_library` for every name that does not load as given, and on
Linux each of those asks start ``/sbin/ldconfig -p``, then ``gcc`` and ``ld`` when
that finds nothing: 22 child processes and ~0.2 s of a report's CPU.

:func:`fast_find_library` answers the same question from one ``ldconfig -p`` listing,
read with the same pattern CPython uses, for the duration of the import only. A name
the listing lacks is answered ``None`` (gcc and ld search no further than the loader
can load from) unless ``LD_LIBRARY_PATH`` or ``LIBRARY_PATH`` add folders of their
own; then, as anywhere ``ldconfig`` cannot be run or on another system, the standard
function answers, unchanged.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

_ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}


@cache
def listing() -> bytes | None:
    """``ldconfig -p`` as CPython runs it (C locale), or None where it cannot run."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        done = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              env={"LC_ALL": "C", "LANG": "C"}, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 and done.stdout else None


def _abi() -> str:
    bits = "-32" if struct.calcsize("l") == 4 else "-64"
    return _ABI.get(os.uname().machine + bits, "libc6")


def from_listing(name: str, text: bytes) -> str | None:
    """CPython's ``_findSoname_ldconfig`` on an already read listing."""
    pattern = os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({_abi()}")
    found = re.search(pattern, text)
    return os.fsdecode(found.group(1)) if found else None


def finder(standard: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """A ``find_library`` that asks ``standard`` only where the listing cannot answer."""
    text = listing()
    if text is None:
        return standard
    extra = bool(os.environ.get("LD_LIBRARY_PATH") or os.environ.get("LIBRARY_PATH"))

    def find_library(name: str) -> str | None:
        found = from_listing(name, text)
        if found is None and extra:
            return standard(name)
        return found

    return find_library


@contextmanager
def fast_find_library() -> Iterator[None]:
    """Within the block, :func:`ctypes.util.find_library` reads one cached listing."""
    standard = ctypes.util.find_library
    ctypes.util.find_library = finder(standard)  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = standard
