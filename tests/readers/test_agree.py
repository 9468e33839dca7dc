"""One survey, every tool's layout: each reader must give the same 95 respondents and the
14 percentages KL published, detect its own format with confidence, and agree with the
generic reader on every option count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.analysis import Analysis, analyse
from kl_survey.cli import app
from kl_survey.errors import SourceDetectionError
from kl_survey.numbers import format_percent
from kl_survey.readers import ReadOptions, read_survey, readers, source_names
from kl_survey.readers.base import Probe

import make_fixtures
from layouts import LAYOUTS, OTHER_RENAMED, summary
from paths import EXAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    return make_fixtures.write_all(tmp_path_factory.mktemp("tools"))


def _path(fixtures: dict[str, dict[str, Path]], tool: str, layout: str) -> Path:
    path = fixtures[tool].get(layout)
    if path is None:
        pytest.skip("tests/fixtures/surveyxact_layout.py (the SurveyXact layout writer) "
                    "is not there yet")
    return Path(path)


def _published_shares(a: Analysis) -> list[str]:
    by_number = {r.question.number: r for r in a.questions}
    out = []
    for number, label, _pct in make_fixtures.PUBLISHED:
        r = by_number[number]
        if label is None:
            assert r.yes is not None
            count, base = r.yes.count, r.yes.base
        else:
            (opt,) = [o for o in r.options if o.label == label]
            count, base = opt.count, opt.base
        assert base == 95, (number, label)
        out.append(format_percent(count, base))
    return out


EXPECTED = [f"{pct}%" for _, _, pct in make_fixtures.PUBLISHED]


@pytest.mark.parametrize(("tool", "layout"), LAYOUTS)
def test_every_layout_gives_95_respondents_and_the_14_published_percentages(
        fixtures: dict, tool: str, layout: str) -> None:
    survey = read_survey(_path(fixtures, tool, layout))
    assert survey.source.format == tool
    a = analyse(survey)
    assert a.respondents == 95
    assert a.coverage is not None
    assert [m.code for m in a.coverage.non_respondents] == list(make_fixtures.NON_RESPONDENTS)
    assert len(EXPECTED) == 14
    assert _published_shares(a) == EXPECTED


@pytest.mark.parametrize(("tool", "layout"), LAYOUTS[1:])
def test_every_reader_agrees_with_the_generic_reader(fixtures: dict, tool: str,
                                                     layout: str) -> None:
    expected = summary(analyse(read_survey(EXAMPLE)), rename_other=tool in OTHER_RENAMED)
    got = summary(analyse(read_survey(_path(fixtures, tool, layout))))
    assert got == expected
    assert got[2][4] == sorted(make_fixtures.OTHER_Q2)


@pytest.mark.parametrize(("tool", "layout"), LAYOUTS)
def test_detection_is_confident_and_never_ambiguous(fixtures: dict, tool: str,
                                                    layout: str) -> None:
    probe = Probe(_path(fixtures, tool, layout))
    scores = {r.name: r.detect(probe) for r in readers()}
    others = {k: v for k, v in scores.items() if k not in (tool, "generic")}
    if tool == "generic":
        assert scores["generic"] == pytest.approx(0.1)
    else:
        assert scores[tool] >= 0.9, scores
    assert all(v <= 0.3 for v in others.values()), scores


def test_generic_example_is_not_claimed_by_any_tool() -> None:
    probe = Probe(EXAMPLE)
    scores = {r.name: r.detect(probe) for r in readers()}
    assert scores.pop("generic") == pytest.approx(0.1)
    assert all(v <= 0.3 for v in scores.values()), scores


def test_source_override_wins_over_detection(fixtures: dict) -> None:
    path = _path(fixtures, "googleforms", "csv")
    assert read_survey(path).source.format == "googleforms"
    forced = read_survey(path, source="generic")
    assert forced.source.format == "generic"
    # The generic reader does not know Google's ", "-joined checkboxes, which is why the
    # override exists only to settle ambiguity and detection normally decides.
    assert analyse(forced).questions[1].question.type.value != "multi"


def test_source_override_on_the_cli(fixtures: dict) -> None:
    path = _path(fixtures, "qualtrics", "csv")
    res = runner.invoke(app, ["analyze", str(path), "--source", "qualtrics", "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["source"]["format"] == "qualtrics" and doc["respondents"] == 95


def test_unknown_source_lists_the_choices(fixtures: dict) -> None:
    res = runner.invoke(app, ["analyze", str(_path(fixtures, "msforms", "xlsx")),
                              "--source", "typeform"])
    assert res.exit_code == 2
    assert "Ukendt kilde 'typeform'" in res.stderr
    assert all(name in res.stderr for name in source_names())
    assert "Traceback" not in res.output


def test_source_help_lists_every_reader() -> None:
    res = runner.invoke(app, ["analyze", "whatever.xlsx", "--source", "help"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert [line.split()[0] for line in lines] == source_names()
    assert {"surveyxact", "msforms", "googleforms", "limesurvey", "qualtrics",
            "surveymonkey", "generic"} == set(source_names())
    assert "Microsoft Forms" in res.stdout and "Qualtrics" in res.stdout


def _ambiguous(tmp_path: Path) -> Path:
    """A re-saved sheet carrying both Google's Tidsstempel and Forms' fixed columns."""
    path = tmp_path / "svar.csv"
    names, people = make_fixtures.answers()
    lines = ["Tidsstempel;Id;Starttidspunkt;Fuldførelsestidspunkt;Kommune;Er tilbuddet i drift?"]
    lines += [f"2025-05-1{i % 9};{i + 1};x;y;{name};{ans[1]}"
              for i, (name, ans) in enumerate(zip(names, people, strict=True))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ambiguous_file_lists_the_sources_considered(tmp_path: Path) -> None:
    path = _ambiguous(tmp_path)
    with pytest.raises(SourceDetectionError) as err:
        read_survey(path)
    assert "overvejede: msforms, googleforms" in err.value.message
    assert "--source" in (err.value.hint or "")
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1
    assert "msforms" in res.stderr and "googleforms" in res.stderr


@pytest.mark.parametrize("source", ["googleforms", "msforms"])
def test_source_settles_an_ambiguous_file(tmp_path: Path, source: str) -> None:
    res = runner.invoke(app, ["analyze", str(_ambiguous(tmp_path)), "--source", source,
                              "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["source"]["format"] == source
    assert doc["respondents"] == 95
    q1 = next(q for q in doc["questions"] if q["text"] == "Er tilbuddet i drift?")
    assert q1["yes"]["count"] == 92


def test_limesurvey_partial_rows_count_unless_complete_only(fixtures: dict) -> None:
    path = _path(fixtures, "limesurvey", "csv_partial")
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert (doc["respondents"], doc["partial_respondents"]) == (97, 2)
    survey = read_survey(path, options=ReadOptions(complete_only=True))
    a = analyse(survey)
    assert (a.respondents, a.partial) == (95, 0)
    assert _published_shares(a) == EXPECTED
    res = runner.invoke(app, ["analyze", str(path), "-f", "json", "--complete-only"])
    assert json.loads(res.stdout)["respondents"] == 95
