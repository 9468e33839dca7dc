"""Atomic, deterministic file writing.

A crash or Ctrl-C must never leave half a report behind, and CI diffs need the same
bytes for the same input, so zip-based formats (xlsx) get fixed timestamps.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import zipfile
from pathlib import Path

from kl_survey.errors import OutputError
from kl_survey.messages import Text, msg

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_bytes(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over ``path``.

    Devices and pipes (``-o /dev/null``, ``-o /dev/stdout``) are written directly:
    renaming over them would replace the device with a regular file.
    """
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        try:
            with path.open("wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise OutputError(msg("output.device", reason=reason(exc, path)), file=path) from exc
        return
    if path.is_dir():
        raise OutputError(msg("output.is-dir"), file=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(msg("output.folder", reason=reason(exc, path.parent)),
                          file=path.parent) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(msg("output.file", reason=reason(exc, path)), file=path) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_SYSTEM = (Path("/proc"), Path("/sys"), Path("/dev"))
_REASONS = {errno.EACCES: "output.reason.denied", errno.EPERM: "output.reason.denied",
            errno.EROFS: "output.reason.read-only", errno.ENOSPC: "output.reason.full",
            errno.EDQUOT: "output.reason.full", errno.ENOTDIR: "output.reason.not-dir",
            errno.ENAMETOOLONG: "output.reason.too-long", errno.EISDIR: "output.reason.is-dir"}


def reason(exc: OSError, path: Path) -> Text:
    """What went wrong, in words: /proc's "No such file or directory" misleads."""
    absolute = Path(os.path.abspath(path))
    if any(absolute == d or d in absolute.parents for d in _SYSTEM):
        return msg("output.reason.system", folder=str(next(
            d for d in _SYSTEM if absolute == d or d in absolute.parents)))
    key = _REASONS.get(exc.errno or 0)
    if key is not None:
        return msg(key)
    return msg("output.reason.other", detail=exc.strerror or type(exc).__name__)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def normalise_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps and member order, for byte-identical xlsx."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(
        out, "w", compression=zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            # docProps/core.xml keeps its dates: output/workbook.py sets them from
            # SOURCE_DATE_EPOCH, or leaves them out.
            dst.writestr(new, src.read(info.filename))
    return out.getvalue()
