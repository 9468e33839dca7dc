"""A pinned small export per tool, each in that tool's real layout, against its expected
JSON (``tests/data/exports/<tool>/``; see the README there).

The expected files were counted from the raw files with the csv module and a
hand-written description of each layout, not with kl-survey, so a change in inference
that changes a number fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kl_survey.analysis import Analysis, analyse
from kl_survey.pipeline import load
from kl_survey.readers import Probe, readers

from paths import DATA

EXPORTS = DATA / "exports"
TOOLS = sorted(p.name for p in EXPORTS.iterdir() if (p / "expected.json").is_file())


def _expected(tool: str) -> dict[str, Any]:
    doc = json.loads((EXPORTS / tool / "expected.json").read_text(encoding="utf-8"))
    return dict(doc)


def _question(a: Analysis, unparsed: dict[str, list[str]], qid: str) -> dict[str, Any]:
    r = next(r for r in a.questions if r.question.id == qid)
    q = r.question
    out: dict[str, Any] = {"id": q.id, "text": q.text, "type": q.type.value}
    if q.type.value == "numeric":
        assert r.stats is not None
        out.update(n=r.stats.n, mean=round(r.stats.mean, 6), median=r.stats.median)
        if qid in unparsed:
            out["unparsed"] = unparsed[qid]
    elif q.type.value == "text":
        out.update(base=r.base, answers=sorted(r.answers))
    elif q.type.value == "grid":
        assert r.grid is not None
        out.update(base=r.base, rows={row.label: {"base": row.base, "counts": {
            o.label: o.count for o in row.options if o.count}} for row in r.grid.rows})
    elif q.type.value == "numeric_grid":
        assert r.grid is not None
        out["rows"] = {row.label: [
            {"column": c.column, "n": c.stats.n if c.stats else 0,
             "mean": round(c.stats.mean, 6) if c.stats else None,
             "median": c.stats.median if c.stats else None} for c in row.cells]
            for row in r.grid.numeric_rows}
    else:
        out.update(base=r.base, counts={o.label: o.count for o in r.options if o.count})
    if r.other:
        out["other"] = sorted(r.other)
    return out


def test_every_tool_has_a_pinned_export() -> None:
    assert set(TOOLS) == {r.name for r in readers()}


@pytest.mark.parametrize("tool", TOOLS)
def test_pinned_export_gives_its_expected_json(tool: str) -> None:
    want = _expected(tool)
    path = EXPORTS / tool / want["file"]
    probe = Probe(path)
    scores = {r.name: r.detect(probe) for r in readers()}
    assert max(scores, key=lambda k: scores[k]) == tool, scores
    loaded = load(path)
    survey = loaded.survey
    a = analyse(survey)
    assert survey.source.format == want["tool"]
    assert (a.respondents, a.partial) == (want["respondents"], want["partial"])
    assert survey.municipality_column == want["municipality_column"]
    unparsed = {k: sorted(str(v) for v in s.dropna()) for k, s in survey.unparsed.items()}
    got = [_question(a, unparsed, q["id"]) for q in want["questions"]]
    assert got == want["questions"]
    assert [r.question.id for r in a.questions] == [q["id"] for q in want["questions"]]
    codes = {i.code for i in loaded.issues}
    assert set(want.get("issues", [])) <= codes


def test_the_expected_files_describe_the_files_they_sit_beside() -> None:
    for tool in TOOLS:
        assert (EXPORTS / tool / _expected(tool)["file"]).exists(), tool
    assert Path(EXPORTS / "README.md").is_file()
