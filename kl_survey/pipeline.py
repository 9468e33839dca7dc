"""Read → spec → dedupe → analyse, as one library call the CLI and scripts share."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kl_survey.analysis import Analysis, analyse
from kl_survey.dedupe import resolve
from kl_survey.errors import DataMismatchError, SourceDetectionError
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import msg
from kl_survey.model import Dedupe, Survey
from kl_survey.privacy import scan
from kl_survey.progress import stage
from kl_survey.readers import ReadOptions, read_survey
from kl_survey.readers.source import DEFAULT_MAX_BYTES, SourceOptions

if TYPE_CHECKING:
    from kl_survey.spec import Spec


@dataclass(frozen=True)
class LoadOptions:
    sheet: str | None = None
    source: str | None = None
    complete_only: bool = False
    max_bytes: int | None = None
    repair_encoding: bool = False  # read stray non-UTF-8 bytes as Windows-1252, with warnings
    limits: SourceOptions | None = None  # memory, columns, cell length (None: the defaults)
    spec: Path | None = None  # survey.toml; applied after reading (issue: spec)
    strict: bool = False  # spec/data disagreements become fatal
    dedupe: Dedupe | str | None = None  # which answer a municipality that answered twice keeps
    municipalities: tuple[str, ...] = ()  # --municipality: only these (names or codes)
    keep_cpr: bool = False  # --keep-cpr: free text as written (default: [CPR fjernet])


@dataclass(frozen=True)
class Loaded:
    survey: Survey
    issues: tuple[Issue, ...] = field(default_factory=tuple)
    spec: Spec | None = None  # for the choices read after loading ([analysis] min_base)


def load(path: Path, opts: LoadOptions | None = None) -> Loaded:
    """Read the export, redact CPR numbers in free text (unless ``keep_cpr``; a warning
    names where they were), apply the spec, resolve duplicate municipalities.

    The spec goes before dedupe because it may name the municipality column. Every
    disagreement comes back in ``Loaded.issues``; with ``strict`` a warning is fatal.
    """
    opts = opts or LoadOptions()
    spec = None
    if opts.spec is not None:
        from kl_survey.spec import load_spec

        spec = load_spec(opts.spec)
    with stage(msg("pipeline.reading", name=Path(path).name)):
        survey = _read(Path(path), opts, spec)
    issues: list[Issue] = list(survey.issues)
    # the warning names row and column before the numbers are gone; redacted once, before
    # the spec (whose labels init wrote redacted), so every output sees the same labels
    found, survey = scan(survey, redact=not opts.keep_cpr)
    issues += found
    if spec is not None:
        from kl_survey.spec_apply import apply_spec

        issues += _source_changed(survey, spec, str(opts.spec))
        survey, found = apply_spec(survey, spec, str(opts.spec))
        issues += found
    survey, found = resolve(survey, opts.dedupe)
    issues += found
    if not opts.keep_cpr:  # after the spec, which sets the rest of meta
        survey = replace(survey, meta=replace(survey.meta, cpr_redacted=True))
    if opts.municipalities:
        from kl_survey import by_municipality

        survey = by_municipality.only(survey, by_municipality.resolve(opts.municipalities))
    if opts.strict:
        raise_on_warnings(issues)
    return Loaded(survey, tuple(issues), spec)


def _read(path: Path, opts: LoadOptions, spec: Spec | None) -> Survey:
    """The spec's sheet is the default; its source only settles an ambiguous detection,
    so a round exported from a different tool is still read by the right reader."""
    sheet = opts.sheet or (spec.survey.sheet if spec else None)
    ro = ReadOptions(sheet=sheet, complete_only=opts.complete_only,
                     max_bytes=DEFAULT_MAX_BYTES if opts.max_bytes is None else opts.max_bytes,
                     repair_encoding=opts.repair_encoding, limits=opts.limits or SourceOptions())
    try:
        return read_survey(path, source=opts.source, options=ro)
    except SourceDetectionError:
        if opts.source or spec is None or not spec.survey.source:
            raise
        return read_survey(path, source=spec.survey.source, options=ro)


def _source_changed(survey: Survey, spec: Spec, spec_name: str) -> list[Issue]:
    want = spec.survey.source
    if not want or want == survey.source.format:
        return []
    message = msg("issue.source-changed", found=survey.source.format, spec=want)
    return [Issue(Severity.WARNING, "source-changed", message, Where(file=spec_name),
                  message.hint())]


def raise_on_warnings(issues: list[Issue] | tuple[Issue, ...]) -> None:
    """``--strict``: the first warning (or error) becomes a DataMismatchError."""
    bad = [i for i in issues if i.severity in (Severity.ERROR, Severity.WARNING)]
    if not bad:
        return
    first = bad[0]
    more = msg("pipeline.strict-more", n=len(bad) - 1) if len(bad) > 1 else ""
    hint = msg("pipeline.strict-hint")
    if first.hint:
        hint = msg("pipeline.strict-hint-after", hint=first.hint.rstrip("."))
    raise DataMismatchError(msg("pipeline.strict", message=first.message, more=more),
                            file=first.where.describe() or None, hint=hint)


def run(path: Path, opts: LoadOptions | None = None) -> tuple[Analysis, Loaded]:
    loaded = load(path, opts)
    return analyse(loaded.survey), loaded
