"""SurveyXact's ``Structure`` and ``Labels`` sheets turned into a reading plan.

A SurveyXact export is three tables: ``Dataset`` (one numeric code per cell),
``Labels`` (variable, code, label; no header) and ``Structure`` (one row per variable:
questionName, variableName, questionType, subType, questionText, choiceValue,
choiceText). Everything that decides *what* a column means lives here, so the reader
module only moves data. The plan is pure: no pandas, no file access, easy to test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from kl_survey.errors import InputError
from kl_survey.messages import msg
from kl_survey.readers.infer import clean_label, numeric_layout
from kl_survey.vocabulary import SURVEYXACT_METADATA, is_other

ItemKind = Literal["single", "multi", "numeric", "text", "grid", "numeric_grid"]
StatusKind = Literal["new", "distributed", "partial", "complete", "dropped"]

_COLUMNS = ("questionname", "variablename", "questiontype", "subtype", "questiontext",
            "choicevalue", "choicetext")
_CODE = re.compile(r"^(-?\d+)[.,]0+$")
_STATUS_VAR = re.compile(r"^(?:stato|statoverall)_(\d)$", re.I)
_STATUS_GROUPS = frozenset({"statoverall", "stato"})
#: Status texts in Danish, Norwegian, Swedish and English; codes 1-5 when unknown.
_STATUS_TEXT: dict[str, StatusKind] = {
    "ny": "new", "new": "new",
    "distribueret": "distributed", "distribuert": "distributed",
    "distribuerad": "distributed", "distributed": "distributed",
    "nogle svar": "partial", "noen svar": "partial", "några svar": "partial",
    "some answers": "partial", "partially completed": "partial", "delvis": "partial",
    "gennemført": "complete", "gjennomført": "complete", "genomförd": "complete",
    "completed": "complete", "complete": "complete",
    "frafaldet": "dropped", "frafalt": "dropped", "bortfall": "dropped",
    "dropped out": "dropped", "declined": "dropped",
}
_STATUS_CODE: dict[str, StatusKind] = {"1": "new", "2": "distributed", "3": "partial",
                                       "4": "complete", "5": "dropped"}
_CONTACT_TEXT = re.compile(r"^(kontaktoplysninger|kontaktopplysninger|kontaktuppgifter|"
                           r"contact information|kontaktinformation)\b", re.I)
_NUMERIC_SUBTYPES = frozenset({"integer", "int", "decimal", "number", "numeric", "float",
                               "double", "real", "numerisk", "tal"})


@dataclass(frozen=True)
class Variable:
    """One Structure row, cleaned (whitespace folded, type words lower-cased)."""

    name: str
    question: str
    qtype: str
    subtype: str
    text: str
    choice_value: str | None = None
    choice_text: str | None = None


@dataclass(frozen=True)
class Item:
    """One question to build: a multi-select group, a grid's variables or a single
    variable."""

    kind: ItemKind
    name: str
    text: str
    variables: tuple[Variable, ...]
    rows: tuple[str, ...] = ()  # grids: one per variable (numeric: per row)
    columns: tuple[str, ...] = ()  # numeric grids: the column labels, if any


@dataclass(frozen=True)
class Layout:
    """What every Dataset column is for."""

    items: tuple[Item, ...]
    #: open "Andet, angiv" variables and the index (into ``items``) of their question
    others: tuple[tuple[int, Variable], ...]
    background: tuple[Variable, ...]
    #: 0/1 status variables (``stato_4``) -> the status a 1 means
    status: dict[str, StatusKind]
    #: or one column holding the status code (``statoverall``), decoded per cell
    status_code: str | None = None


Labels = dict[str, dict[str, str]]


def norm_code(value: object) -> str:
    """``"1.0"``, ``" 1 "`` and ``1`` are the same code, whichever engine read the cell."""
    text = str(value).strip()
    m = _CODE.match(text)
    return m.group(1) if m else text


def _cell(row: Sequence[object], i: int | None) -> str | None:
    if i is None or i >= len(row):
        return None
    value = row[i]
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = clean_label(value)
    return text if text and text != "<NA>" else None


def parse_structure(rows: Sequence[Sequence[object]], *, file: str,
                    sheet: str | None) -> list[Variable]:
    """Structure rows (header first) as variables; columns are found by name."""
    if not rows:
        raise InputError(msg("read.surveyxact.structure-empty"), file=file, sheet=sheet)
    header = [(_cell(rows[0], i) or "").casefold() for i in range(len(rows[0]))]
    pos = {name: header.index(name) for name in _COLUMNS if name in header}
    missing = [n for n in ("variablename", "questiontext") if n not in pos]
    if missing:
        wanted = ", ".join(c for c in ("variableName", "questionText") if c.lower() in missing)
        raise InputError(msg("read.surveyxact.structure-column", wanted=wanted), file=file,
                         sheet=sheet)
    out: list[Variable] = []
    for row in rows[1:]:
        name = _cell(row, pos["variablename"])
        if name is None:
            continue
        choice = _cell(row, pos.get("choicevalue"))
        out.append(Variable(
            name=name,
            question=_cell(row, pos.get("questionname")) or name,
            qtype=(_cell(row, pos.get("questiontype")) or "").casefold(),
            subtype=(_cell(row, pos.get("subtype")) or "").casefold(),
            text=_cell(row, pos["questiontext"]) or name,
            choice_value=norm_code(choice) if choice is not None else None,
            choice_text=_cell(row, pos.get("choicetext")),
        ))
    return out


def parse_labels(rows: Iterable[Sequence[object]]) -> Labels:
    """``{variable: {code: label}}`` in file order (the questionnaire's option order)."""
    out: Labels = {}
    for row in rows:
        var, code, label = _cell(row, 0), _cell(row, 1), _cell(row, 2)
        if var is None or code is None:
            continue
        if var.casefold() == "variablename" and code.casefold() == "value":
            continue  # a header row some exports add
        out.setdefault(var, {})[norm_code(code)] = label if label is not None else code
    return out


def status_kind(text: str | None, code: str | None) -> StatusKind | None:
    """A status text (any Nordic language) or, failing that, SurveyXact's code 1-5."""
    if text is not None:
        kind = _STATUS_TEXT.get(text.casefold())
        if kind is not None:
            return kind
    return _STATUS_CODE.get(code or "")


def status_columns(variables: Sequence[Variable], dataset_columns: Iterable[str]
                   ) -> tuple[dict[str, StatusKind], str | None]:
    """Status variables from Structure's ``statoverall`` rows, else from column names
    (``stato_4``/``statoverall_4``), else one code column named ``statoverall``."""
    out: dict[str, StatusKind] = {}
    for v in variables:
        if v.question.casefold() in _STATUS_GROUPS:
            m = _STATUS_VAR.match(v.name)
            kind = status_kind(v.choice_text, v.choice_value or (m.group(1) if m else None))
            if kind is not None:
                out[v.name] = kind
    if out:
        return out, None
    code_column = None
    for col in dataset_columns:
        m = _STATUS_VAR.match(col)
        if m and m.group(1) in _STATUS_CODE:
            out[col] = _STATUS_CODE[m.group(1)]
        elif col.casefold() in _STATUS_GROUPS and code_column is None:
            code_column = col
    return out, (None if out else code_column)


def _groups(variables: Sequence[Variable]) -> list[list[Variable]]:
    """Contiguous runs of one questionName (names can repeat further down the sheet)."""
    runs: list[list[Variable]] = []
    for v in variables:
        if runs and runs[-1][0].question == v.question:
            runs[-1].append(v)
        else:
            runs.append([v])
    return runs


def _is_meta(v: Variable) -> bool:
    return (v.name.casefold() in SURVEYXACT_METADATA or bool(_CONTACT_TEXT.match(v.text))
            or v.question.casefold() in _STATUS_GROUPS or bool(_STATUS_VAR.match(v.name)))


def _is_background(run: list[Variable]) -> bool:
    """SurveyXact names a background variable ``<name>_1`` under a one-row question
    ``<name>``; a real single-choice question's variable carries the question's name."""
    if len(run) != 1:
        return False
    v = run[0]
    return (v.subtype != "multiple" and v.name != v.question
            and v.name.startswith(v.question + "_"))


def _kind(v: Variable, labels: Labels) -> ItemKind:
    if v.qtype == "open":
        return "numeric" if v.subtype in _NUMERIC_SUBTYPES else "text"
    if v.qtype == "closed" or v.name in labels:
        return "single"
    return "numeric" if v.subtype in _NUMERIC_SUBTYPES else "text"


def _single_text(v: Variable, run_len: int) -> str:
    """A matrix row shown on its own keeps its row text after the shared stem."""
    if run_len > 1 and v.choice_text and v.choice_text not in v.text:
        return f"{v.text} - {v.choice_text}"
    return v.text


def plan(variables: Sequence[Variable], labels: Labels,
         dataset_columns: Iterable[str]) -> Layout:
    """Decide, in Structure order, which variables are questions, "Andet" texts,
    background variables, status columns or bookkeeping to ignore."""
    items: list[Item] = []
    background: list[Variable] = []
    for run in _groups(variables):
        run = [v for v in run if not _is_meta(v)]
        if not run:
            continue
        if _is_background(run):
            background.append(run[0])
        elif run[0].subtype == "multiple":
            items.append(Item("multi", run[0].question, run[0].text, tuple(run)))
        else:
            items.extend(Item(_kind(v, labels), v.name, _single_text(v, len(run)), (v,))
                         for v in run)
    items = _grids(items, labels)
    pairs = _link_others(items, labels)
    linked = {id(it) for it, _ in pairs}
    kept = [it for it in items if id(it) not in linked]
    index = {id(it): i for i, it in enumerate(kept)}
    others = tuple((index[id(parent)], it.variables[0]) for it, parent in pairs)
    status, code_column = status_columns(variables, dataset_columns)
    return Layout(tuple(kept), others, tuple(background), status, code_column)


def _stem(item: Item) -> tuple[str, str] | None:
    """``"Stem - Row"`` → ``("Stem", "Row")`` (the first " - "), None without one."""
    stem, sep, row = item.text.partition(" - ")
    return (stem.strip(), row.strip()) if sep and stem.strip() and row.strip() else None


def _grids(items: list[Item], labels: Labels) -> list[Item]:
    """Matrix variables as one grid: adjacent single-choice items whose texts share a
    stem (``Stem - Row``) and whose Labels are the same label set; adjacent numeric
    items sharing a stem are a numeric grid (``Stem - Row - Column`` gives columns)."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        j = i + 1
        first = _stem(items[i])
        if first is not None and items[i].kind in ("single", "numeric"):
            while j < len(items) and _same_matrix(items[i], items[j], first[0], labels):
                j += 1
        if j - i >= 2 and first is not None:
            out.append(_grid_item(items[i:j], first[0], labels))
        else:
            out.extend(items[i:j])
        i = j
    return out


def _same_matrix(a: Item, b: Item, stem: str, labels: Labels) -> bool:
    found = _stem(b)
    if found is None or found[0] != stem or a.kind != b.kind:
        return False
    if a.kind == "numeric":
        return True
    mine = labels.get(a.variables[0].name)
    return bool(mine) and mine == labels.get(b.variables[0].name)


def _grid_item(run: list[Item], stem: str, labels: Labels) -> Item:
    rows = [(_stem(it) or ("", it.text))[1] for it in run]
    variables = tuple(it.variables[0] for it in run)
    if run[0].kind == "single":
        return Item("grid", run[0].name, stem, variables, tuple(rows))
    plan_ = numeric_layout(rows, list(range(len(run))), stem)
    return Item("numeric_grid", run[0].name, stem,
                tuple(variables[k] for k in plan_.members), plan_.rows, plan_.columns)


def _options(item: Item, labels: Labels) -> list[str]:
    if item.kind == "multi":
        return [v.choice_text or v.name for v in item.variables]
    return list(labels.get(item.variables[0].name, {}).values())


def _link_others(items: list[Item], labels: Labels) -> list[tuple[Item, Item]]:
    """Pair each open "<question text> - Andet, angiv" item with its question.

    The suffix must read as "other" (Andet/Annet/Other...) or be one of the question's
    own options ("Annet*:"), so an unrelated open question that merely repeats a
    question's wording is never swallowed.
    """
    by_text: dict[str, Item] = {}
    for it in items:
        if it.kind in ("single", "multi"):
            by_text.setdefault(it.text.casefold(), it)
    pairs: list[tuple[Item, Item]] = []
    for it in items:
        if it.kind != "text":
            continue
        text = it.text
        for m in reversed(list(re.finditer(r"\s+-\s+", text))):
            parent = by_text.get(text[: m.start()].casefold())
            if parent is None:
                continue
            suffix = text[m.end():]
            opts = {_bare(o) for o in _options(parent, labels)}
            if is_other(suffix) or _bare(suffix) in opts:
                pairs.append((it, parent))
            break
    return pairs


def _bare(label: str) -> str:
    return clean_label(label).casefold().rstrip(":*. ")
