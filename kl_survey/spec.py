"""The survey spec file (``survey.toml``): every decision behind a published round.

Inference gets most surveys right, but a newsletter needs its choices written down and
kept in git beside the data: what counts as "yes", which base a share uses, the option
order, the short chart titles. This module only *reads* the file; a mistake in it is a
:class:`~kl_survey.errors.SpecError` that points at the line (``survey.toml:23:``), the
key (``question[3].base``) and what was expected, never a raw pydantic dump.

Labels in ``options``, ``yes``, ``dont_know``, ``exclude`` and ``filter.options`` are
the labels *after* ``rename`` and ``merge``, which map labels as the export writes them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from kl_survey.errors import SpecError
from kl_survey.messages import Text, join, language, msg
from kl_survey.spec_checks import SPEC_VERSION, check
from kl_survey.spec_grid import DerivedSpec
from kl_survey.spec_lines import (
    Loc,
    check_nesting,
    find_line,
    loc_text,
    spec_error,
    value_text,
)

__all__ = ["SPEC_VERSION", "Spec", "find_line", "load_spec", "loc_text", "parse_spec"]

BASE_KINDS = ("answered", "respondents", "exclude")
QTYPES = ("single", "multi", "numeric", "text", "grid", "numeric_grid")
CHARTS = ("bars", "stacked", "map")


class _Model(BaseModel):
    # strict: TOML has real types, so "ja" for a bool or "3" for an int is a mistake to
    # report, not to coerce; extra="forbid" catches misspelt keys such as "bsae".
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SurveySection(_Model):
    title: str | None = None
    round: str | None = None
    date: dt.date | None = None
    credit: str | None = None
    unit: str = "kommuner"
    source: str | None = None  # reader name, e.g. "generic"; used unless --source is given
    sheet: str | None = None  # sheet to read, unless --sheet is given
    file: str | None = None  # the export the spec was written from (for people)

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        """Accept ``"2025-05-19"`` in quotes as well as a bare TOML date."""
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(msg("spec.expected-date", value=value)) from None
        return value


class RespondentsSection(_Model):
    column: str | None = None  # the municipality column's header
    population: str | list[int] = "alle"  # "alle" = all 98 municipalities, or their codes

    @field_validator("population", mode="before")
    @classmethod
    def _population(cls, value: Any) -> Any:
        if value == "alle" or (isinstance(value, list)
                               and all(type(v) is int for v in value)):
            return value
        raise ValueError(msg("spec.expected-population", value=value_text(value)))


class AnalysisSection(_Model):
    """``[analysis]``: the small-group rule for breakdowns (``--by``)."""

    min_base: int = 5  # a share out of fewer is shown as "–"
    show_small_counts: bool = False  # print a withheld group's counts (never its shares)

    @field_validator("min_base")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(msg("spec.expected-min-base", value=value))
        return value


class FilterSpec(_Model):
    question: str
    options: list[str] = Field(min_length=1)


class QuestionSpec(_Model):
    id: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$")
    number: int | None = None
    text: str | None = None
    title: str | None = None
    type: Literal["single", "multi", "numeric", "text", "grid", "numeric_grid"] | None = None
    columns: list[str] = []
    #: grids: the row labels; numeric grids also their column labels (spec_grid.py)
    rows: list[str] | None = None
    grid_columns: list[str] | None = None
    totals: Literal["complete", "all"] | None = None
    derived: list[DerivedSpec] = []
    options: list[str] | None = None
    yes: list[str] | None = None
    dont_know: list[str] | None = None
    base: Literal["answered", "respondents", "exclude"] = "answered"
    exclude: list[str] | None = None
    filter: FilterSpec | None = None
    merge: dict[str, list[str]] = {}
    rename: dict[str, str] = {}
    chart: Literal["bars", "stacked", "map"] | None = None  # map: instead of the bars
    note: str | None = None
    hidden: bool = False
    other_of: str | None = None  # free-text "Andet" question: attach to this question


class ReportSection(_Model):
    colophon: bool = False  # the export's name and kl-survey's version at the report's end
    maps: list[str] = []  # ids ("q1") or grid rows ("q3:Fysiske rammer") to map on Denmark


class Spec(_Model):
    version: int = SPEC_VERSION
    survey: SurveySection = SurveySection()
    respondents: RespondentsSection = RespondentsSection()
    report: ReportSection = ReportSection()
    analysis: AnalysisSection = AnalysisSection()
    question: list[QuestionSpec] = []
    #: (text, file name) the spec was parsed from, so a mistake only the export reveals
    #: (a ``respondents.column`` that is not there) still gets ``file:line``.
    _source: tuple[str, str] = PrivateAttr(default=("", "survey.toml"))

    def by_id(self) -> dict[str, QuestionSpec]:
        return {q.id: q for q in self.question}

    def error_at(self, loc: Loc, message: str, hint: str | None = None) -> SpecError:
        """A SpecError pointing at the line of ``loc`` (e.g. ``("respondents", "column")``);
        the hint defaults to the message's own."""
        text, name = self._source
        return spec_error(text, name, loc, message, hint)


# ---------------------------------------------------------------- loading


def load_spec(path: Path) -> Spec:
    """Read and check a spec file; any mistake raises SpecError with ``file:line``."""
    path = Path(path)
    return parse_spec(read_spec_text(path), str(path))


#: No hand-written spec comes near this (the example is 10 KB, a 300-question survey
#: about 1 MB); it stops ``--spec /dev/zero``-style mistakes from filling the memory.
MAX_SPEC_BYTES = 16 * 1024 * 1024


def read_spec_text(path: Path) -> str:
    """The spec's text: a regular UTF-8 file of at most MAX_SPEC_BYTES.

    A FIFO would block on open and a device never ends, so the kind of file is checked
    from ``stat`` before opening, and reading stops one byte past the limit.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SpecError(msg("spec.missing"), file=path) from None
    except OSError as exc:
        raise SpecError(msg("spec.unreadable", reason=exc.strerror), file=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise SpecError(msg("spec.is-dir"), file=path)
    if not stat.S_ISREG(info.st_mode):
        raise SpecError(msg("spec.not-regular"), file=path)
    limit = _mb(MAX_SPEC_BYTES)
    if info.st_size > MAX_SPEC_BYTES:
        raise SpecError(msg("spec.too-big", size=_mb(info.st_size), limit=limit), file=path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise SpecError(msg("spec.unreadable", reason=exc.strerror), file=path,
                        hint=msg("spec.unreadable.hint-open")) from None
    if len(data) > MAX_SPEC_BYTES:  # a file that grew, or /proc-style size 0
        raise SpecError(msg("spec.grew", limit=limit), file=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SpecError(msg("spec.not-utf8", byte=exc.start + 1), file=f"{path}:{line}") from None


def _mb(n: int) -> str:
    text = f"{n / 1024**2:.1f} MB"
    return text.replace(".", ",") if language() == "da" else text


def parse_spec(text: str, name: str = "survey.toml") -> Spec:
    check_nesting(text, name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, name) from None
    except RecursionError:  # check_nesting's scan should have stopped this first
        raise SpecError(msg("spec.too-nested"), file=name) from None
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # union members add tags such as "literal['alle']" to the path; people never
        # wrote those, so they are not part of the key we show
        loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in p)
        raise spec_error(text, name, loc, _describe(err), _hint(err, loc)) from None
    check(spec, text, name)
    from kl_survey.spec_grid import check_grids

    check_grids(spec, text, name)
    spec._source = (text, name)
    return spec


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
#: tomllib's English messages, and the catalogue keys that say them in the language
_TOML_WORDS = {
    "Invalid value": "spec.toml.invalid-value",
    "Invalid statement": "spec.toml.invalid-statement",
    "Expected '=' after a key in a key/value pair": "spec.toml.expected-equals",
    "Cannot overwrite a value": "spec.toml.twice",
    "Unclosed array": "spec.toml.unclosed-array",
    "Unterminated string": "spec.toml.unterminated-string",
    "Illegal character": "spec.toml.illegal-character",
}


def _syntax_error(exc: tomllib.TOMLDecodeError, name: str) -> SpecError:
    """tomllib (3.11) puts the position only in the message: ``... (at line 3, column 1)``."""
    text = str(exc)
    m = _TOML_POS.search(text)
    line = int(m.group(1)) if m else None
    core: str = _TOML_POS.sub("", text)
    for en, key in _TOML_WORDS.items():
        if core.startswith(en):
            core = msg("spec.toml.detail", what=msg(key), rest=core[len(en):])
            break
    where = f"{name}:{line}" if line else name
    column = msg("spec.toml.column", column=m.group(2)) if m else ""
    return SpecError(msg("spec.toml", detail=core, column=column), file=where)


# ---------------------------------------------------------------- messages


_TYPE_WORDS = {
    "string_type": "spec.type.string",
    "int_type": "spec.type.int",
    "bool_type": "spec.type.bool",
    "list_type": "spec.type.list",
    "dict_type": "spec.type.dict",
    "model_type": "spec.type.table",
    "model_attributes_type": "spec.type.table",
    "date_type": "spec.type.date",
}


def _describe(err: Any) -> str:
    kind, value = err["type"], err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        return msg("spec.expected", what=_choices(str(ctx.get("expected", ""))),
                   value=value_text(value))
    if kind == "extra_forbidden":
        return msg("spec.unknown-key")
    if kind == "missing":
        return msg("spec.required")
    if kind in _TYPE_WORDS:
        return msg("spec.expected", what=msg(_TYPE_WORDS[kind]), value=value_text(value))
    if kind == "string_pattern_mismatch":
        return msg("spec.expected-id", value=value_text(value))
    if kind == "too_short":
        return msg("spec.empty")
    if kind == "value_error":
        error = ctx.get("error")  # a validator's ValueError, made with msg()
        if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Text):
            return error.args[0]
        return str(error or err["msg"])
    return msg("spec.invalid", detail=err["msg"], value=value_text(value))


def _choices(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` with the current language's "or"."""
    head, sep, last = expected.rpartition(" or ")
    return join([head, last], "or") if sep else expected


def _hint(err: Any, loc: Loc) -> str:
    if err["type"] == "extra_forbidden" and loc:
        key = str(loc[-1])
        known = _known_keys(loc[:-1])
        close = difflib.get_close_matches(key, known, n=1)
        if close:
            return msg("spec.did-you-mean-key", close=close[0])
        return msg("spec.valid-keys", keys=", ".join(known))
    return msg("spec.fix-value")


def _known_keys(parent: Loc) -> list[str]:
    names = [p for p in parent if isinstance(p, str)]
    model: type[BaseModel] = Spec
    sections: dict[str, type[BaseModel]] = {
        "survey": SurveySection, "respondents": RespondentsSection,
        "analysis": AnalysisSection, "question": QuestionSpec, "filter": FilterSpec,
        "report": ReportSection, "derived": DerivedSpec}
    for name in names:
        ann = sections.get(name)
        if ann is None:
            break
        model = ann
    return list(model.model_fields)
