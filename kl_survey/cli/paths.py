"""Paths from the command line: ``-`` for stdin, and outputs that must not hit an input.

The readers work on files, so an export piped in (``cat x.xlsx | kl-survey analyze -``)
is copied into a private temporary folder, under the same size limit as a file, as a file
called ``stdin``: messages and the JSON ``source.file`` then name it "stdin", and the
format is sniffed from the bytes as for any file.

Writing must never destroy what was read (``analyze x.csv -o x.csv``): an output is
refused when it is an input, by resolved path or by inode (hard links, symlinks,
``./x`` vs ``x``). A report folder may not contain its inputs either, since the folder
is replaced as a whole.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kl_survey.errors import InputError, KlSurveyError, UnsafeInputError
from kl_survey.messages import msg

if TYPE_CHECKING:
    from kl_survey.cli.common import Reading

STDIN = "-"
CHUNK = 1024 * 1024


def is_stdin(path: Path | None) -> bool:
    return path is not None and str(path) == STDIN


def read_ahead(file: Path, reading: Reading, spec: Path | None = None) -> None:
    """Start reading the export in a thread while the command imports what it needs
    (:mod:`kl_survey.readers.source.ahead`), with the options the pipeline will read
    it with. Not from stdin (spooled first), not with a spec (it may name the sheet),
    and not when an option is bad: the command reports that in its own order."""
    if spec is not None or is_stdin(file):
        return
    from dataclasses import replace

    from kl_survey.readers.source import ahead
    from kl_survey.readers.source.limits import DEFAULT_MAX_BYTES

    try:
        options = replace(reading.limits(), max_bytes=reading.max_bytes or DEFAULT_MAX_BYTES,
                          repair_encoding=reading.repair_encoding)
    except KlSurveyError:
        return
    ahead.start(file, sheet=reading.sheet, options=options)


def read_ahead_raw(values: Mapping[str, Any]) -> None:
    """:func:`read_ahead` from the command line as Click's parser splits it, before
    Typer coerces the values (``KlCommand.parse_args``). Only plain values are used;
    anything else (``--max-size ten``, ``--source help``, ``--help``) is left to the
    command, whose own :func:`read_ahead` call after parsing then starts the read (a
    repeated call for the same file and options is a no-op)."""
    from kl_survey.cli.common import READING, Reading

    file, spec = values.get("file"), values.get("spec")
    if not isinstance(file, str) or values.get("help") or values.get("source") == "help":
        return
    try:
        reading = Reading(**{name: _plain(values[name], annotation)
                             for name, (annotation, _) in READING.options.items()
                             if values.get(name) is not None})
    except (TypeError, ValueError):
        return
    read_ahead(Path(file), reading, Path(spec) if isinstance(spec, str) else None)


def _plain(value: Any, annotation: Any) -> Any:
    """A raw option value as the reading option's type (int for the limits)."""
    if annotation in (int, int | None):
        return int(value)
    if annotation in (str, str | None) and not isinstance(value, str):
        raise TypeError(value)
    return value


@contextmanager
def export(path: Path, max_bytes: int | None) -> Iterator[Path]:
    """The export as a file path: ``path`` itself, or stdin spooled to a temporary file."""
    if not is_stdin(path):
        check_readable(path)
        yield path
        return
    from kl_survey.cli import common
    from kl_survey.readers.source import DEFAULT_MAX_BYTES

    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None or (hasattr(stream, "isatty") and stream.isatty()):
        raise InputError(msg("cli.stdin-terminal"), file="stdin")
    folder = Path(tempfile.mkdtemp(prefix="kl-survey-"))
    try:
        spooled = folder / "stdin"
        spool(stream, spooled, max_bytes or DEFAULT_MAX_BYTES)
        common.alias(spooled, "stdin")
        yield spooled
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def spool(stream: BinaryIO, target: Path, limit: int) -> None:
    """Copy ``stream`` to ``target`` (mode 600), refusing more than ``limit`` bytes."""
    written = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while chunk := stream.read(CHUNK):
            written += len(chunk)
            if written > limit:
                raise UnsafeInputError(msg("cli.stdin-too-big", mb=limit // (1024 * 1024)),
                                       file="stdin")
            out.write(chunk)


def check_readable(path: Path) -> None:
    """One line for an input that exists but cannot be read (missing: the reader says)."""
    if path.exists() and not os.access(path, os.R_OK):
        raise InputError(msg("cli.unreadable"), file=path)


def _files(inputs: Iterable[Path | None]) -> list[Path]:
    """The inputs that are files on disk, each checked for read access."""
    found = [p for p in inputs if p is not None and not is_stdin(p) and p.exists()]
    for path in found:
        check_readable(path)
    return found


def check_output(output: Path | None, inputs: Iterable[Path | None]) -> None:
    """Refuse an unreadable input, and an output file that is one of the inputs (or a
    file inside an input folder)."""
    sources = _files(inputs)
    if output is None or is_stdin(output) or not output.exists():
        return
    for source in sources:
        if _same(output, source) or (source.is_dir() and _same(output.parent, source)
                                      and output.is_file()):
            raise KlSurveyError(msg("cli.output-is-input", input=str(source)), file=output)


def check_report_folder(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse an unreadable input, and a report folder that holds an input: the folder is
    rewritten as a whole."""
    target = folder.resolve()
    for source in _files(inputs):
        resolved = source.resolve()
        if resolved == target or target in resolved.parents:
            raise KlSurveyError(msg("cli.report-folder-holds-input", input=str(source)),
                                file=folder)


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
