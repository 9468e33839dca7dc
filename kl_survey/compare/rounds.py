"""Find and load each round: an export (with its spec), or a round folder.

A round folder holds ``responses.*`` and ``survey.toml``, like ``data/examples/
kl-2025-05/``. A SurveyXact CSV export is a folder too (``dataset.csv``, ``labels.csv``,
``structure.csv``); it is told apart by having no ``responses.*`` and its three files,
and a ``survey.toml`` beside them is its spec. Every round is read by the same
:func:`kl_survey.pipeline.load` as ``analyze``, so each may come from a different tool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kl_survey.compare.model import Round
from kl_survey.errors import InputError, KlSurveyError
from kl_survey.issues import Issue
from kl_survey.messages import msg, plural
from kl_survey.model import Survey
from kl_survey.pipeline import LoadOptions, load

RESPONSES = "responses"
SPEC_FILE = "survey.toml"
SURVEYXACT_FILES = ("dataset.csv", "labels.csv", "structure.csv")


@dataclass(frozen=True)
class RoundSource:
    given: Path  # what the user typed
    export: Path  # the file (or SurveyXact folder) the readers read
    spec: Path | None
    folder: bool


def _surveyxact_folder(path: Path) -> bool:
    names = {p.name.lower() for p in path.iterdir() if p.is_file()}
    return all(name in names for name in SURVEYXACT_FILES)


def resolve(path: Path, spec: Path | None = None) -> RoundSource:
    """What to read for one round, and with which spec."""
    path = Path(path)
    if not path.exists():
        raise InputError(msg("compare.missing"), file=path)
    if not path.is_dir():
        return RoundSource(path, path, spec, False)
    own = path / SPEC_FILE
    spec = spec or (own if own.is_file() else None)
    found = sorted(p for p in path.iterdir()
                   if p.stem.lower() == RESPONSES and not p.name.startswith("."))
    if len(found) > 1:
        raise InputError(msg("compare.several-responses",
                             names=", ".join(p.name for p in found)), file=path)
    if found:
        return RoundSource(path, found[0], spec, True)
    if _surveyxact_folder(path):
        return RoundSource(path, path, spec, True)
    raise InputError(msg("compare.not-a-round"), file=path)


def file_label(src: RoundSource) -> str:
    """The round's name when its spec gives none: the folder's, or the file's stem
    (a file called ``responses.xlsx`` is named after its folder)."""
    path = src.given.resolve()
    if src.folder or path.stem.lower() == RESPONSES:
        return path.name if src.folder else path.parent.name
    return path.stem


def load_rounds(paths: Sequence[Path], *, specs: Sequence[Path | None] = (),
                labels: Sequence[str] = (), options: LoadOptions | None = None) -> list[Round]:
    """Load every round, oldest first; labels from ``labels``, the spec, or the name.

    ``specs`` has one entry per round (``None``: a round folder's own survey.toml, or
    no spec); an empty sequence means no explicit spec for any round.
    """
    if len(paths) < 2:
        raise KlSurveyError(msg("compare.one-round"))
    if labels and len(labels) != len(paths):
        raise KlSurveyError(msg("compare.labels", labels=len(labels), rounds=len(paths)))
    if specs and len(specs) != len(paths):
        raise KlSurveyError(plural(len(specs), "compare.specs", rounds=len(paths)))
    options = options or LoadOptions()
    sources = [resolve(p, s) for p, s in zip(paths, specs or [None] * len(paths), strict=True)]
    rounds = [_load(src, options) for src in sources]
    if labels:
        rounds = [replace(r, label=name) for r, name in zip(rounds, labels, strict=True)]
    return rounds


def load_round(path: Path, spec: Path | None = None,
               options: LoadOptions | None = None) -> Round:
    """One round: an export (with ``spec``), a round folder or a SurveyXact folder."""
    return _load(resolve(path, spec), options or LoadOptions())


def _load(src: RoundSource, options: LoadOptions) -> Round:
    loaded = load(src.export, replace(options, spec=src.spec))
    return as_round(loaded.survey, src, loaded.issues)


def as_round(survey: Survey, src: RoundSource, issues: tuple[Issue, ...] = ()) -> Round:
    """A survey already loaded (by ``report``, say) as a round of a comparison."""
    spec_ids = None
    if src.spec is not None:
        from kl_survey.spec import load_spec

        spec_ids = frozenset(q.id for q in load_spec(src.spec).question)
    label = survey.meta.round or file_label(src)
    return Round(label, survey, spec_ids, str(src.spec) if src.spec else None, issues)
