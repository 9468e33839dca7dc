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
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kl_survey.errors import SpecError
from kl_survey.spec_grid import DerivedSpec

SPEC_VERSION = 1
BASE_KINDS = ("answered", "respondents", "exclude")
QTYPES = ("single", "multi", "numeric", "text", "grid", "numeric_grid")
CHARTS = ("bars", "stacked", "map")

Loc = tuple[str | int, ...]


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
                raise ValueError(f"forventede en dato som 2025-05-19, fik '{value}'") from None
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
        raise ValueError(f"forventede 'alle' eller en liste af kommunekoder som [101, 147], "
                         f"fik {_value(value)}")


class AnalysisSection(_Model):
    """``[analysis]``: the small-group rule for breakdowns (``--by``)."""

    min_base: int = 5  # a share out of fewer is shown as "–"
    show_small_counts: bool = False  # print a withheld group's counts (never its shares)

    @field_validator("min_base")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(f"forventede et heltal på mindst 1, fik {value}")
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
    maps: list[str] = []  # question ids that get a map of Denmark beside their chart


class Spec(_Model):
    version: int = SPEC_VERSION
    survey: SurveySection = SurveySection()
    respondents: RespondentsSection = RespondentsSection()
    report: ReportSection = ReportSection()
    analysis: AnalysisSection = AnalysisSection()
    question: list[QuestionSpec] = []

    def by_id(self) -> dict[str, QuestionSpec]:
        return {q.id: q for q in self.question}


# ---------------------------------------------------------------- loading


def load_spec(path: Path) -> Spec:
    """Read and check a spec file; any mistake raises SpecError with ``file:line``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError("Specifikationen findes ikke", file=path,
                        hint="Lav en med kl-survey init EKSPORT -o survey.toml") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"Specifikationen kan ikke læses ({exc})", file=path,
                        hint="Gem filen som UTF-8 tekst") from None
    return parse_spec(text, str(path))


def parse_spec(text: str, name: str = "survey.toml") -> Spec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, name) from None
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # union members add tags such as "literal['alle']" to the path; people never
        # wrote those, so they are not part of the key we show
        loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in p)
        raise _error(text, name, loc, _describe(err), _hint(err, loc)) from None
    _check(spec, text, name)
    from kl_survey.spec_grid import check_grids

    check_grids(spec, text, name)
    return spec


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_DA = {
    "Invalid value": "ugyldig værdi (mangler der anførselstegn?)",
    "Invalid statement": "ugyldig linje",
    "Expected '=' after a key in a key/value pair": "forventede '=' efter nøglen",
    "Cannot overwrite a value": "nøglen er angivet to gange",
    "Unclosed array": "listen mangler ']'",
    "Unterminated string": "teksten mangler det afsluttende anførselstegn",
    "Illegal character": "ugyldigt tegn",
}


def _syntax_error(exc: tomllib.TOMLDecodeError, name: str) -> SpecError:
    """tomllib (3.11) puts the position only in the message: ``... (at line 3, column 1)``."""
    msg = str(exc)
    m = _TOML_POS.search(msg)
    line = int(m.group(1)) if m else None
    core = _TOML_POS.sub("", msg)
    for en, da in _TOML_DA.items():
        if core.startswith(en):
            core = da + core[len(en):]
            break
    where = f"{name}:{line}" if line else name
    column = f" (kolonne {m.group(2)})" if m else ""
    return SpecError(f"TOML-syntaksfejl: {core}{column}", file=where,
                     hint="Tekst skal stå i anførselstegn og lister i [ ]; se README's "
                     "afsnit om spec-filen")


# ---------------------------------------------------------------- messages


def loc_text(loc: Loc) -> str:
    """``("question", 2, "base")`` → ``question[3].base`` (tables counted from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f"'{v}'"
    if isinstance(v, dict):
        return "en tabel"
    if isinstance(v, list):
        return "en liste"
    return str(v)


_TYPE_WORDS = {
    "string_type": "tekst i anførselstegn",
    "int_type": "et heltal",
    "bool_type": "true eller false",
    "list_type": "en liste [ ... ]",
    "dict_type": "en tabel { ... }",
    "model_type": "en tabel",
    "model_attributes_type": "en tabel",
    "date_type": "en dato som 2025-05-19",
}


def _describe(err: Any) -> str:
    kind, value = err["type"], err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"forventede {expected}, fik {_value(value)}"
    if kind == "extra_forbidden":
        return "ukendt nøgle"
    if kind == "missing":
        return "mangler (skal angives)"
    if kind in _TYPE_WORDS:
        return f"forventede {_TYPE_WORDS[kind]}, fik {_value(value)}"
    if kind == "string_pattern_mismatch":
        return f"forventede et id af bogstaver, tal og _ (fx 'q3'), fik {_value(value)}"
    if kind == "too_short":
        return "må ikke være tom"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg']} (fik {_value(value)})"


def _hint(err: Any, loc: Loc) -> str:
    if err["type"] == "extra_forbidden" and loc:
        key = str(loc[-1])
        known = _known_keys(loc[:-1])
        close = difflib.get_close_matches(key, known, n=1)
        if close:
            return f"Mente du '{close[0]}'? Ret nøglen"
        return "Gyldige nøgler her: " + ", ".join(known)
    return "Ret værdien; README's afsnit om spec-filen viser formatet"


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


def _error(text: str, name: str, loc: Loc, message: str, hint: str | None) -> SpecError:
    line = find_line(text, loc)
    where = f"{name}:{line}" if line else name
    return SpecError(f"{loc_text(loc)}: {message}" if loc else message, file=where, hint=hint)


# ---------------------------------------------------------------- line numbers

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def find_line(text: str, loc: Loc) -> int | None:
    """The 1-based line a pydantic ``loc`` refers to, by scanning the TOML text.

    tomllib keeps no positions, so: find the table (``[survey]`` or the n'th
    ``[[question]]``), then the ``key =`` line inside it; fall back to the table header.
    """
    lines = text.splitlines()
    if not loc:
        return None
    start, end = _table_span(lines, loc)
    keys = [p for p in loc[_table_depth(loc):] if isinstance(p, str)]
    if not keys:
        return start + 1 if start >= 0 else None
    found = _key_line(lines, start + 1, end, keys[0])
    if found is not None:
        return found + 1
    return start + 1 if start >= 0 else None


def _table_depth(loc: Loc) -> int:
    if loc[0] == "question" and len(loc) > 1 and isinstance(loc[1], int):
        return 2
    if loc[0] in ("survey", "respondents", "analysis", "report") and len(loc) > 1:
        return 1
    return 0


def _table_span(lines: Sequence[str], loc: Loc) -> tuple[int, int]:
    """(header index or -1 for the root table, end index) of the table ``loc`` is in."""
    depth = _table_depth(loc)
    headers = [(i, m.group(1), m.group(2).strip()) for i, line in enumerate(lines)
               if (m := _HEADER.match(line))]
    if depth == 0:
        return -1, headers[0][0] if headers else len(lines)
    want, nth = str(loc[0]), (loc[1] if depth == 2 else 0)
    count = -1
    for k, (i, _bracket, title) in enumerate(headers):
        if title != want:
            continue
        count += 1
        if count == nth:
            nxt = next((j for j, _, t in headers[k + 1:] if not t.startswith(want + ".")),
                       len(lines))
            return i, nxt
    return -1, 0


def _key_line(lines: Sequence[str], start: int, end: int, key: str) -> int | None:
    k = re.escape(key)
    rx = re.compile(rf"""^\s*(?:"{k}"|'{k}'|{k})\s*[=.]""")
    sub = re.compile(rf"^\s*\[[^\[\]]*\.{k}\]\s*$")
    for i in range(max(start, 0), min(end, len(lines))):
        if rx.match(lines[i]) or sub.match(lines[i]):
            return i
    return None


# ---------------------------------------------------------------- cross-checks


def _check(spec: Spec, text: str, name: str) -> None:
    """Checks pydantic cannot express: ids unique, labels among options, filters valid."""
    if spec.version != SPEC_VERSION:
        raise _error(text, name, ("version",),
                     f"forventede {SPEC_VERSION}, fik {spec.version}",
                     "Denne version af kl-survey læser spec-version 1")
    if spec.survey.source is not None:
        from kl_survey.readers import source_names

        names = source_names()
        if spec.survey.source not in names:
            raise _error(text, name, ("survey", "source"),
                         f"ukendt kilde {_value(spec.survey.source)}",
                         "Vælg en af: " + ", ".join(names))
    seen: dict[str, int] = {}
    for i, q in enumerate(spec.question):
        if q.id in seen:
            raise _error(text, name, ("question", i, "id"),
                         f"id {_value(q.id)} er allerede brugt af "
                         f"{loc_text(('question', seen[q.id]))}",
                         "Hvert spørgsmål skal have sit eget id")
        seen[q.id] = i
    ids = spec.by_id()
    for i, q in enumerate(spec.question):
        _check_question(spec, ids, i, q, text, name)


def _check_question(spec: Spec, ids: dict[str, QuestionSpec], i: int, q: QuestionSpec,
                    text: str, name: str) -> None:
    def fail(key: tuple[str | int, ...], message: str, hint: str) -> None:
        raise _error(text, name, ("question", i, *key), message, hint)

    if q.options is not None:
        dupes = sorted({o for o in q.options if q.options.count(o) > 1})
        if dupes:
            fail(("options",), f"{_value(dupes[0])} står to gange", "Fjern den ene")
        allowed = set(q.options)
        for key in ("yes", "dont_know", "exclude"):
            for label in getattr(q, key) or ():
                if label not in allowed:
                    fail((key,), f"{_value(label)} er ikke en af svarmulighederne i options",
                         _closest(label, q.options))
        targets = [*q.rename.values(), *q.merge.keys()]
        for label in targets:
            if label not in allowed:
                key = "rename" if label in q.rename.values() else "merge"
                fail((key,), f"det nye navn {_value(label)} står ikke i options",
                     "Tilføj det til options, eller ret stavemåden")
    if q.exclude is not None and q.base != "exclude":
        fail(("exclude",), f"bruges kun med base = 'exclude', men base er {_value(q.base)}",
             "Skriv base = \"exclude\" eller fjern exclude")
    if q.other_of is not None and (q.other_of not in ids or q.other_of == q.id):
        fail(("other_of",), f"ukendt spørgsmål {_value(q.other_of)}",
             "Angiv id'et på spørgsmålet med \"Andet\"-svarmuligheden")
    if q.filter is not None:
        _check_filter(ids, q, fail)


def _check_filter(ids: dict[str, QuestionSpec], q: QuestionSpec, fail: Any) -> None:
    flt = q.filter
    assert flt is not None
    target = ids.get(flt.question)
    if target is None or flt.question == q.id:
        known = ", ".join(k for k in ids if k != q.id)
        fail(("filter", "question"), f"ukendt spørgsmål {_value(flt.question)}",
             f"Forventede et af: {known}" if known else "Angiv et andet spørgsmåls id")
        return
    if target.type in ("numeric", "text"):
        fail(("filter", "question"), f"{_value(flt.question)} er et {target.type}-spørgsmål",
             "Et filter skal pege på et spørgsmål med svarmuligheder")
    if target.options is not None:
        for label in flt.options:
            if label not in target.options:
                fail(("filter", "options"),
                     f"{_value(label)} er ikke en svarmulighed i {flt.question}",
                     _closest(label, target.options))


def _closest(label: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(label, list(options), n=1, cutoff=0.5)
    if close:
        return f"Mente du '{close[0]}'? Skriv den præcis som i options"
    listed = ", ".join(f"'{o}'" for o in list(options)[:8])
    return f"Svarmulighederne er: {listed}" + (" …" if len(options) > 8 else "")
