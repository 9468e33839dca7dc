"""What a file really is, judged once from its first bytes.

Tools save HTML as .xls and CSV as .xlsx, so the suffix is never trusted. The verdict
(:class:`Sniffed`) carries the head it was judged from, so the reader that follows
neither opens nor decodes the head again.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kl_survey.errors import InputError
from kl_survey.messages import Text, msg
from kl_survey.readers.source import safety
from kl_survey.readers.source.encoding import TEXT_HEAD, screen_text
from kl_survey.readers.source.raw import wrapped

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(html|!doctype\s+html|table)\b", re.I | re.S)
_HTML_TAG = re.compile(r"<(html|head|body|table|div|p|span|meta|title|h[1-6])\b", re.I)
_MARKUP_START = re.compile(r"<(\?xml|!doctype|!--|[A-Za-z_][\w:.-]*[\s/>])", re.I)
_CLOSING_TAG = re.compile(r"</[A-Za-z_][\w:.-]*\s*>")
_JSON_STRING = r'"(?:[^"\\\n]|\\.)*"'
_JSON_START = re.compile(  # an object's first key, or an array's first element and what follows
    rf"\{{\s*(?:{_JSON_STRING}\s*:|\}}\s*$)"
    rf"|\[\s*(?:[\[{{]|{_JSON_STRING}\s*[,\]]|(?:-?\d+(?:\.\d+)?|true|false|null)\s*(?:,|\]\s*$)"
    r"|\]\s*$)")


@dataclass(frozen=True)
class Sniffed:
    """A file's real format, with the head it was judged from (and, for text, its
    decoded head and the head's encoding)."""

    path: Path
    kind: str  # "csv" | "html" | "xlsx" | "xls"
    head: bytes
    text: str | None = None
    encoding: str | None = None


def check_path(path: Path, *, folder: bool = False) -> None:
    """Refuse what is no readable file, each with its own reason: missing, a broken link,
    a loop of links, a folder (unless ``folder``: a SurveyXact trio), a device or FIFO."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise _unreachable(path, exc) from exc
    if stat.S_ISDIR(mode):
        if not folder:
            raise not_a_file(path)
    elif not stat.S_ISREG(mode):
        raise InputError(msg("source.not-regular"), file=path)


def _unreachable(path: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(msg("source.link-loop"), file=path)
    if path.is_symlink():
        return InputError(msg("source.broken-link", target=os.readlink(path)), file=path)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError(msg("source.missing"), file=path)
    return InputError(msg("source.cannot-open"), file=path)


def not_a_file(path: Path) -> InputError:
    """A folder is only an export when it holds SurveyXact's three CSV files."""
    return InputError(msg("source.folder"), file=path)


def read_head(path: Path) -> bytes:
    """First bytes of a regular file; missing files, folders and devices are refused here."""
    check_path(path)
    with wrapped(path, msg("source.cannot-open"), msg("source.locked")), path.open("rb") as fh:
        return fh.read(TEXT_HEAD)


def sniff(path: Path) -> Sniffed:
    """The real format from the bytes, because tools save HTML as .xls and CSV as .xlsx."""
    path = Path(path)
    head = read_head(path)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        with safety.open_zip(path) as zf:
            if any(n.startswith("xl/") and n.endswith((".xml", ".bin")) for n in zf.namelist()):
                return Sniffed(path, "xlsx", head)
        raise InputError(msg("source.not-a-table"), file=path)
    if head.startswith(OLE2):
        return Sniffed(path, "xls", head)
    if not head:
        raise InputError(msg("source.empty"), file=path)
    if head.startswith(b"%PDF-"):
        raise _not_a_table(path, msg("source.is-other.pdf"))
    text, verdict = screen_text(path, head)
    return Sniffed(path, _text_kind(path, text), head, text, verdict)


def _text_kind(path: Path, text: str) -> str:
    """"html" or "csv" for a text file; JSON, XML and RTF are refused by name.

    Markup counts as such when it opens with a tag and closes one, so a CSV whose first
    header happens to start with "<" is still a CSV.
    """
    start = text.lstrip("\ufeff").lstrip()
    if _JSON_START.match(start):
        raise _not_a_table(path, msg("source.is-other.json"))
    if start.startswith("{\\rtf"):
        raise _not_a_table(path, msg("source.is-other.rtf"))
    if _HTML_START.match(start):
        return "html"
    prolog = start.startswith("<?xml")
    if not prolog and not (_MARKUP_START.match(start) and _CLOSING_TAG.search(text)):
        return "csv"
    if _HTML_TAG.search(start[:4096]):
        return "html"
    if "urn:schemas-microsoft-com:office:spreadsheet" in start[:4096]:
        raise _not_a_table(path, msg("source.is-other.xml-spreadsheet"),
                           msg("source.save-as-xlsx"))
    raise _not_a_table(path, msg("source.is-other.xml"))


def _not_a_table(path: Path, what: Text, hint: Text | None = None) -> InputError:
    return InputError(msg("source.is-other", what=what), file=path,
                      hint=hint or msg("source.not-a-table.hint"))


def sniff_kind(path: Path) -> str:
    """Just the format: "csv", "html", "xlsx" or "xls"."""
    return sniff(path).kind


def resniff(path: Path, sniffed: Sniffed | None) -> Sniffed:
    """The caller's verdict when it is about this file, else a fresh one."""
    path = Path(path)
    return sniffed if sniffed is not None and sniffed.path == path else sniff(path)
