"""The spec's ways of asking for maps: ``chart = "map"`` and ``[report] maps``."""

from __future__ import annotations

import pytest

from kl_survey.errors import SpecError
from kl_survey.spec import parse_spec

BASE = 'version = 1\n\n[[question]]\nid = "q1"\ntype = "single"\nchart = "map"\n'


def test_chart_map_and_report_maps_are_read() -> None:
    spec = parse_spec(BASE + '\n[report]\nmaps = ["q1", "q5"]\n')
    assert spec.question[0].chart == "map"
    assert spec.report.maps == ["q1", "q5"]


def test_a_misspelt_report_key_points_at_its_line() -> None:
    with pytest.raises(SpecError) as err:
        parse_spec(BASE + '\n[report]\nmpas = ["q1"]\n', "survey.toml")
    line = err.value.one_line()
    assert "survey.toml:9" in line and "report.mpas" in line and "Mente du 'maps'" in line


def test_maps_must_be_a_list_of_ids() -> None:
    with pytest.raises(SpecError, match=r"report\.maps"):
        parse_spec(BASE + '\n[report]\nmaps = "q1"\n')
