"""pipeline.load: what the readers found on the way is passed on, not dropped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kl_survey import pipeline
from kl_survey.issues import Issue, Severity, Where
from kl_survey.readers import read_survey

from paths import EXAMPLE


def test_reader_issues_reach_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    found = Issue(Severity.WARNING, "csv-ragged-row", "Række 7 har for mange felter",
                  Where(file="x.csv", row=7))
    survey = replace(read_survey(EXAMPLE), issues=(found,))
    monkeypatch.setattr(pipeline, "read_survey", lambda *a, **k: survey)
    loaded = pipeline.load(Path("x.csv"))
    assert loaded.issues[0] == found
    with pytest.raises(pipeline.DataMismatchError, match="Række 7"):
        pipeline.load(Path("x.csv"), pipeline.LoadOptions(strict=True))
