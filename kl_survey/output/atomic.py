"""Atomic, deterministic file writing, for single files and whole folders.

A crash or Ctrl-C must never leave half a report behind, and CI diffs need the same
bytes for the same input, so zip-based formats (xlsx) get fixed timestamps. A report is
a set of files, so :func:`replace_folder` builds the new folder beside the old one and
swaps it in whole: a folder always holds exactly one run's files.
"""

from __future__ import annotations

import ctypes
import errno
import io
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


# ---------------------------------------------------------------- folders

_TMP, _OLD = ".kl-tmp-", ".kl-old-"
_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})  # made by file browsers


@contextmanager
def replace_folder(target: Path, owned: Callable[[Path], bool]) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it replaces ``target`` whole.

    A folder may only be replaced when every file in it satisfies ``owned`` (a path
    relative to the folder): a previous run's output, never the user's other files.
    Runs into the same folder take turns (a lock beside it), so concurrent runs cannot
    mix their files. A run that dies leaves the old folder as it was; its temporary
    folder is removed by the next run. Linux swaps the two folders in one step
    (renameat2 RENAME_EXCHANGE); elsewhere two renames, with recovery of the old
    folder if a run dies between them.
    """
    shown = Path(target)  # messages name the folder as the user wrote it
    target = _absolute(shown)
    parent, name = target.parent, target.name
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("output.folder", reason=reason(exc, shown.parent)),
                          file=shown.parent) from exc
    with _folder_lock(parent / f".{name}.lock", target):
        _clean_leftovers(parent, name, target)
        _check_replaceable(target, shown, owned)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{name}{_TMP}", dir=parent))
        except OSError as exc:
            raise OutputError(msg("output.folder", reason=reason(exc, shown.parent)),
                              file=shown.parent) from exc
        try:
            yield tmp
            os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private (0700)
            _swap_in(tmp, target, shown)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _absolute(shown: Path) -> Path:
    target = shown.absolute()
    if target.is_symlink():  # replace the folder it points to, keep the link
        target = target.resolve()
    cwd = Path.cwd().resolve()
    if target.resolve() == cwd or target.resolve() in cwd.parents:
        raise OutputError(msg("output.folder-is-cwd"), file=shown)
    return target


@contextmanager
def _folder_lock(lock_path: Path, target: Path) -> Iterator[None]:
    """An inter-process lock (filelock: fcntl on POSIX, msvcrt on Windows); waits, with a
    notice on a terminal, while another run writes to the same folder. The OS releases
    it when a run dies, even by kill -9. The empty lock file stays, as lock files must."""
    from filelock import FileLock, Timeout

    from kl_survey import progress

    lock = FileLock(lock_path)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            with progress.stage(msg("output.folder-waiting", folder=target.name)):
                lock.acquire()
    except OSError as exc:
        raise OutputError(msg("output.folder", reason=reason(exc, lock_path.parent)),
                          file=lock_path.parent) from exc
    try:
        yield
    finally:
        lock.release()


def _clean_leftovers(parent: Path, name: str, target: Path) -> None:
    """Remove what killed runs left (under the lock, so no live run owns them)."""
    old = sorted(parent.glob(f".{glob_escape(name)}{_OLD}*"))
    if old and not target.exists():  # died between the two renames: restore the old one
        os.rename(old.pop(), target)
    for p in [*old, *parent.glob(f".{glob_escape(name)}{_TMP}*")]:
        shutil.rmtree(p, ignore_errors=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _check_replaceable(target: Path, shown: Path, owned: Callable[[Path], bool]) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(msg("output.folder-is-file"), file=shown)
    for path in sorted(target.rglob("*")):
        rel = path.relative_to(target)
        if path.is_dir() and not path.is_symlink():
            continue
        if rel.name in _JUNK or owned(rel):
            continue
        raise OutputError(msg("output.folder-foreign", name=rel.as_posix()), file=shown)


def _swap_in(tmp: Path, target: Path, shown: Path) -> None:
    try:
        if not target.exists():
            os.rename(tmp, target)
        elif _exchange(tmp, target):
            shutil.rmtree(tmp, ignore_errors=True)  # now the old folder
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}{_OLD}", dir=target.parent))
            os.rmdir(old)
            os.rename(target, old)
            os.rename(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(msg("output.folder-swap", reason=reason(exc, shown)),
                          file=shown) from exc
    _fsync_dir(target.parent)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where that is not available.

    Python has no binding for renameat2, and the call is four lines of ctypes.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # musl, or glibc before 2.28
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # file system cannot
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
