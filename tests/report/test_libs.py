"""WeasyPrint's library look-ups, answered from one ldconfig listing, agree with ctypes'."""

from __future__ import annotations

import ctypes.util

import pytest

from kl_survey.report import libs

# Every name WeasyPrint 70 tries (text/ffi.py), and two cffi asks for itself.
NAMES = ["libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libpango-1.0-0", "pango-1.0-0",
         "pango-1.0", "libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz-subset-0",
         "harfbuzz-subset", "harfbuzz-vector", "libfontconfig-1", "fontconfig-1",
         "fontconfig", "libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0", "c", "m",
         "no-such-library-at-all"]
LISTING = (b"1234 libs found in cache `/etc/ld.so.cache'\n"
           b"\tlibpango-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpango-1.0.so.0\n"
           b"\tlibpango-1.0.so.0 (libc6) => /lib/i386-linux-gnu/libpango-1.0.so.0\n")


@pytest.mark.skipif(libs.listing() is None, reason="no ldconfig here")
def test_same_answers_as_ctypes() -> None:
    fast = libs.finder(ctypes.util.find_library)
    assert [fast(n) for n in NAMES] == [ctypes.util.find_library(n) for n in NAMES]
    assert fast("gobject-2.0") is not None  # the machine has the libraries at all


def test_reads_the_listing_for_this_abi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "_abi", lambda: "libc6,x86-64")
    assert libs.from_listing("pango-1.0", LISTING) == "libpango-1.0.so.0"
    assert libs.from_listing("pango-1.0-0", LISTING) is None
    assert libs.from_listing("pango", LISTING) is None  # lib + name + "." only
    monkeypatch.setattr(libs, "_abi", lambda: "libc6,64bit")
    assert libs.from_listing("pango-1.0", LISTING) is None  # another ABI's entry


def test_a_miss_asks_ctypes_when_the_environment_adds_folders(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def standard(name: str) -> str | None:
        asked.append(name)
        return "libfound.so.1"

    monkeypatch.setattr(libs, "listing", lambda: LISTING)
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    monkeypatch.delenv("LIBRARY_PATH", raising=False)
    assert libs.finder(standard)("found") is None and asked == []
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/lib")
    assert libs.finder(standard)("found") == "libfound.so.1" and asked == ["found"]


def test_without_a_listing_ctypes_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "listing", lambda: None)
    standard = ctypes.util.find_library
    assert libs.finder(standard) is standard


def test_only_within_the_block() -> None:
    standard = ctypes.util.find_library
    with libs.fast_find_library():
        inside = ctypes.util.find_library
    assert ctypes.util.find_library is standard
    assert inside is standard or libs.listing() is not None
