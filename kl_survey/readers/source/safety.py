"""Refuse hostile or non-tabular input before any parser sees it.

xlsx files are zip archives of XML, so a crafted file can be a zip bomb (a few MB
that inflate to many GB) or carry an XML DTD whose entities expand exponentially
("billion laughs"). calamine inflates members without honouring the sizes the zip
declares, so the checks here read the central directory and inflate only a small
prefix of each XML member; they cost milliseconds even for multi-GB workbooks.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from kl_survey.errors import InputError, UnsafeInputError
from kl_survey.messages import msg
from kl_survey.readers.source.limits import DEFAULT_MAX_BYTES, too_big

MAX_MEMBERS = 10_000
BOMB_RATIO = 200  # honest spreadsheet XML compresses 5-50:1
BOMB_MIN_BYTES = 50 * 1024**2
HEAD_BYTES = 4096  # an honest XML prolog is < 200 bytes
PROBE_IN = 64 * 1024  # compressed bytes inflated per member to measure the real ratio
PROBE_OUT = 8 * 1024**2  # cap on what that probe may inflate to
_XML_SUFFIXES = (".xml", ".rels")
_ROOT_TAG = re.compile(rb"<[A-Za-z_:]")
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)?\s*", re.S)


def _corrupt(path: Path) -> InputError:
    return InputError(msg("source.corrupt-xlsx"), file=path, hint=msg("source.reexport"))


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip (central directory only); a damaged one becomes an InputError."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _corrupt(path) from exc


def check_xlsx(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse zip bombs, lying sizes and XML DTDs in an xlsx, before calamine parses it."""
    with open_zip(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeInputError(msg("source.zip-parts", n=len(infos), limit=MAX_MEMBERS),
                                   file=path, hint=msg("source.trust-xlsx"))
        total = sum(i.file_size for i in infos)
        if total > max_bytes:
            raise too_big(path, total, max_bytes, msg("source.too-big.unpacked"))
        for info in infos:
            _check_ratio(path, info, info.file_size, info.compress_size)
        try:
            with path.open("rb") as fh:
                for info in infos:
                    _check_member(path, fh, info)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, struct.error,
                NotImplementedError) as exc:
            raise _corrupt(path) from exc


def _check_ratio(path: Path, info: zipfile.ZipInfo, out: float, inp: float) -> None:
    """A member inflating > BOMB_RATIO:1 to more than BOMB_MIN_BYTES is a bomb."""
    if out > BOMB_MIN_BYTES and out > BOMB_RATIO * max(inp, 1):
        raise UnsafeInputError(msg("source.zip-bomb", part=info.filename, ratio=BOMB_RATIO),
                               file=path, hint=msg("source.trust-xlsx"))


def _check_member(path: Path, fh: BinaryIO, info: zipfile.ZipInfo) -> None:
    """Inflate a prefix: catch lying sizes, bombs hidden by them, and DTDs in the prolog.

    Every part is looked at, whatever its name: the relationships, not the suffix, decide
    which parts calamine parses, so a sheet may be called ``data.dat``.
    """
    if info.is_dir():
        return
    head, produced, consumed, complete = _inflate_prefix(fh, info)
    if produced > info.file_size or (complete and produced != info.file_size):
        raise UnsafeInputError(msg("source.zip-size-lies", part=info.filename), file=path,
                               hint=msg("source.trust-xlsx"))
    if consumed:
        _check_ratio(path, info, produced / consumed * info.compress_size, info.compress_size)
    text = _as_utf8(head[:HEAD_BYTES])
    if text.lstrip().startswith(b"<") or info.filename.lower().endswith(_XML_SUFFIXES):
        _check_prolog(path, info, text, truncated=info.file_size > HEAD_BYTES)


def _inflate_prefix(fh: BinaryIO, info: zipfile.ZipInfo) -> tuple[bytes, int, int, bool]:
    """Read the member's raw data ourselves, because zipfile trusts the declared size.

    Returns (first output bytes, bytes produced, compressed bytes consumed, whole member seen).
    """
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(info.filename)
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    raw = fh.read(min(info.compress_size, PROBE_IN))
    whole = len(raw) == info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        return raw[:HEAD_BYTES], len(raw), len(raw), whole
    if info.compress_type != zipfile.ZIP_DEFLATED:
        with zipfile.ZipFile(fh) as zf, zf.open(info) as member:  # rare methods: head only
            head = member.read(HEAD_BYTES)
        return head, len(head), 0, False
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = inflater.decompress(raw, PROBE_OUT)
    consumed = len(raw) - len(inflater.unconsumed_tail)
    complete = whole and not inflater.unconsumed_tail and inflater.eof
    return out[:HEAD_BYTES], len(out), consumed, complete


def _as_utf8(head: bytes) -> bytes:
    """A part's head as UTF-8 bytes: a UTF-16 part (BOM or NULs) is decoded, a BOM dropped."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:64]:
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def _check_prolog(path: Path, info: zipfile.ZipInfo, head: bytes, *, truncated: bool) -> None:
    """xlsx XML never has a DTD. The prolog is read item by item (processing instructions,
    comments), so a DTD behind a long one is found; a head that ends before the root
    element is refused, since it may hide a DTD further on."""
    lowered = head.lower()
    rest = head[_prolog_end(head):]
    if b"<!doctype" in lowered or b"<!entity" in lowered or rest[:9].lower() == b"<!doctype":
        reason = msg("source.xml-prolog.dtd")
    elif truncated and not _ROOT_TAG.match(rest):
        reason = msg("source.xml-prolog.long")
    else:
        return
    raise UnsafeInputError(msg("source.xml-prolog", part=info.filename, reason=reason),
                           file=path, hint=msg("source.trust-xlsx"))


def _prolog_end(head: bytes) -> int:
    """Where the prolog's processing instructions, comments and blanks end."""
    pos = 0
    while match := _PROLOG_ITEM.match(head, pos):
        if match.end() == pos:
            break
        pos = match.end()
    return pos
