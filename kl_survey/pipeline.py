"""Read → (spec) → analyse, as one library call the CLI and scripts share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kl_survey.analysis import Analysis, analyse
from kl_survey.issues import Issue
from kl_survey.model import Survey
from kl_survey.readers import ReadOptions, read_survey
from kl_survey.readers.table import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class LoadOptions:
    sheet: str | None = None
    source: str | None = None
    complete_only: bool = False
    max_bytes: int | None = None
    spec: Path | None = None  # survey.toml; applied after reading (issue: spec)
    strict: bool = False  # spec/data disagreements become fatal
    dedupe: str | None = None  # "first" | "last" | "most-complete" for duplicate municipalities


@dataclass(frozen=True)
class Loaded:
    survey: Survey
    issues: tuple[Issue, ...] = field(default_factory=tuple)


def load(path: Path, opts: LoadOptions | None = None) -> Loaded:
    """Read the export into the canonical model."""
    opts = opts or LoadOptions()
    ro = ReadOptions(sheet=opts.sheet, complete_only=opts.complete_only,
                     max_bytes=opts.max_bytes or DEFAULT_MAX_BYTES)
    survey = read_survey(Path(path), source=opts.source, options=ro)
    return Loaded(survey)


def run(path: Path, opts: LoadOptions | None = None) -> tuple[Analysis, Loaded]:
    loaded = load(path, opts)
    return analyse(loaded.survey), loaded
