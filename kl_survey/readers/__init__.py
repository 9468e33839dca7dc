"""Reader registry: one reader per survey tool, detected from the file's content.

The readers come in layers, each importing only downward: ``source/`` (bytes to a raw
table) → ``infer/`` (columns to answers, one typeset) → ``builder`` (a Survey, column
by column) → ``tools/`` (one module per tool, each exposing ``READER``).
:func:`read_survey` scores the tools on a cheap :class:`Probe` and runs the best.
Adding a tool means adding a module name to ``_MODULES``; nothing else changes.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kl_survey.errors import InputError, SourceDetectionError
from kl_survey.messages import msg

if TYPE_CHECKING:
    from kl_survey.model import Survey
    from kl_survey.readers.base import Probe, Reader, ReadOptions

__all__ = ["Probe", "ReadOptions", "Reader", "read_survey", "readers", "source_names"]


def __getattr__(name: str) -> Any:
    """``Probe``, ``Reader`` and ``ReadOptions`` on first use: :mod:`.base` imports
    pandas, and importing this package must not, so that :mod:`.source` can start
    reading a file while pandas is still being imported (:mod:`.source.ahead`)."""
    if name in ("Probe", "Reader", "ReadOptions"):
        from kl_survey.readers import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_MODULES = (
    "surveyxact",
    "msforms",
    "googleforms",
    "limesurvey",
    "qualtrics",
    "surveymonkey",
    "generic",
)


def readers() -> list[Reader]:
    return [importlib.import_module(f"kl_survey.readers.tools.{m}").READER for m in _MODULES]


def source_names() -> list[str]:
    return [r.name for r in readers()]


def _pick(probe: Probe, source: str | None) -> Reader:
    available = readers()
    if source is not None:
        for r in available:
            if r.name == source:
                return r
        raise SourceDetectionError(
            msg("read.unknown-source", source=source,
                names=", ".join(r.name for r in available)), file=probe.path)
    scored = sorted(((r.detect(probe), i, r) for i, r in enumerate(available)),
                    key=lambda t: (-t[0], t[1]))
    best_score, _, best = scored[0]
    from kl_survey.readers.source import not_a_file

    if best_score <= 0 and probe.kind == "dir":
        raise not_a_file(probe.path)
    if best_score <= 0:
        raise InputError(msg("read.not-an-export"), file=probe.path)
    close = [r for s, _, r in scored[1:] if s >= 0.5 and best_score - s < 0.1]
    if close and best_score < 0.9:
        names = ", ".join(r.name for r in [best, *close])
        raise SourceDetectionError(msg("read.ambiguous", names=names, best=best.name),
                                   file=probe.path)
    return best


def read_survey(path: Path, *, source: str | None = None,
                options: ReadOptions | None = None) -> Survey:
    """Read any supported export into the canonical :class:`Survey`."""
    from kl_survey.readers.base import Probe, ReadOptions
    from kl_survey.readers.source import check_path

    options = options or ReadOptions()
    check_path(path, folder=True)
    probe = Probe(path, options)
    probe.start_digest()
    reader = _pick(probe, source)
    survey = reader.read(probe, options)
    if probe.issues:  # the source layer's findings come first, as the file is read first
        survey = replace(survey, issues=probe.issues + survey.issues)
    return survey
