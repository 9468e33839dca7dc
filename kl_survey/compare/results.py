"""The comparison as JSON (``kl-survey/comparison/1``) and as flat rows for CSV and xlsx.

The JSON layout is a contract like ``kl-survey/analysis/1``: fixed keys and order,
nothing from the machine or the clock. Shares and changes are unrounded: ``change_pp``
is the exact difference of the two shares in percentage points, as a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kl_survey.analysis import Analysis
from kl_survey.compare.model import Cell, Comparison, QuestionComparison, Row, Transitions
from kl_survey.municipalities import Municipality
from kl_survey.output import jsontext

SCHEMA = "kl-survey/comparison/1"


def to_dict(c: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "rounds": [_round(r.label, r.analysis, r.spec) for r in c.rounds],
        "panel": {
            "municipalities": [_muni(m) for m in c.panel.municipalities],
            "entered": [_muni(m) for m in c.panel.entered],
            "left": [_muni(m) for m in c.panel.left],
        },
        "questions": [_question(c, q) for q in c.questions],
        "only_in": [{"round": c.labels[o.round], "ids": [q.id for q in o.questions]}
                    for o in c.only_in],
    }


def to_json(c: Comparison) -> str:
    return jsontext.dumps(to_dict(c))


def _round(label: str, a: Analysis, spec: str | None) -> dict[str, Any]:
    source: dict[str, Any] = {"file": a.source.file, "format": a.source.format,
                              "sha256": a.source.sha256}
    if a.source.sheet:
        source["sheet"] = a.source.sheet
    if spec:
        source["spec"] = Path(spec).name  # like "file": nothing from the machine
    return {"label": label, "source": source, "respondents": a.respondents}


def _muni(m: Municipality) -> dict[str, Any]:
    return {"code": m.code, "name": m.name}


def _cell(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    out: dict[str, Any] = {"count": cell.count, "base": cell.base, "share": cell.share}
    if cell.excluded:
        out["excluded"] = True
    return out


def _pp(value: Any) -> float | None:
    return None if value is None else float(value)


def _row(r: Row, key: str, label: Any) -> dict[str, Any]:
    return {key: label, "rounds": [_cell(x) for x in r.rounds],
            "panel": [_cell(x) for x in r.panel], "change_pp": _pp(r.change),
            "panel_change_pp": _pp(r.panel_change)}


def _question(c: Comparison, q: QuestionComparison) -> dict[str, Any]:
    return {
        "id": q.id,
        "texts": list(q.texts),
        "wording_changed": q.wording_changed,
        "type": q.type.value,
        "options": [_row(r, "label", r.label) for r in q.options],
        "yes": _row(q.yes, "labels", list(q.yes_labels)) if q.yes else None,
        "transitions": _transitions(c, q.transitions) if q.transitions else None,
    }


def _transitions(c: Comparison, t: Transitions) -> dict[str, Any]:
    yes = None
    if t.became_yes is not None:
        yes = {"became_yes": t.became_yes, "became_no": t.became_no,
               "stayed_yes": t.stayed_yes, "stayed_no": t.stayed_no}
    test = None
    if t.test is not None:
        test = {"name": "exact McNemar", "population": "panel",
                "became_yes": t.test.became_yes, "became_no": t.test.became_no,
                "p_value": t.test.p_value}
    return {"from": c.labels[t.first], "to": c.labels[t.last],
            "pairs": [{"from": p.before, "to": p.after, "count": p.count} for p in t.pairs],
            "yes": yes, "test": test}


@dataclass(frozen=True)
class FlatRow:
    """One option (or the yes total) of one question, every round side by side."""

    question: str
    number: int
    text: str
    kind: str  # "option" | "yes"
    label: str
    reworded: bool
    rounds: tuple[Cell | None, ...]
    change: float | None
    panel: tuple[Cell | None, ...]
    panel_change: float | None


def _flat(q: QuestionComparison, kind: str, r: Row, label: str) -> FlatRow:
    latest = q.latest
    return FlatRow(q.id, latest.number, latest.text, kind, label, q.wording_changed,
                   r.rounds, _pp(r.change), r.panel, _pp(r.panel_change))


def rows(c: Comparison, yes_label: str) -> list[FlatRow]:
    out: list[FlatRow] = []
    for q in c.questions:
        out += [_flat(q, "option", r, r.label) for r in q.options]
        if q.yes is not None:
            out.append(_flat(q, "yes", q.yes, yes_label))
    return out
