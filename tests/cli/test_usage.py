"""Click's usage errors as one line in the chosen language (kl_survey/cli/usage.py)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

from paths import EXAMPLE

runner = CliRunner()
ENGLISH = re.compile(r"Usage|Try '|Error|Missing|No such|Invalid|Got unexpected|requires|"
                     r"Value error|Input should|is not one of|Possible options")

CASES = {
    # args: (Danish line, English line)
    "missing-argument": (["analyze"], "Mangler FIL. Se kl-survey analyze --help.",
                         "Missing FILE. See kl-survey analyze --help."),
    "missing-option": (["report", str(EXAMPLE)], "Mangler --output/-o.",
                       "Missing --output/-o."),
    "no-such-option": (["analyze", str(EXAMPLE), "--nope"], "Ukendt tilvalg --nope",
                       "No such option --nope"),
    "suggested-option": (["analyze", str(EXAMPLE), "--stric"],
                         "Ukendt tilvalg --stric (mente du ", "No such option --stric (did you "
                         "mean "),
    "bad-choice": (["analyze", str(EXAMPLE), "-f", "pdf"],
                   "Ugyldig værdi for --format/-f: 'pdf'. Vælg table, json, csv, xlsx eller "
                   "markdown.",
                   "Invalid value for --format/-f: 'pdf'. Choose table, json, csv, xlsx or "
                   "markdown."),
    "bad-int": (["analyze", str(EXAMPLE), "--max-size=mange"],
                "Ugyldig værdi for --max-size: 'mange'. Angiv et helt tal.",
                "Invalid value for --max-size: 'mange'. Give a whole number."),
    "needs-value": (["analyze", str(EXAMPLE), "-f"], "-f skal have en værdi",
                    "-f needs a value"),
    "takes-no-value": (["analyze", str(EXAMPLE), "--strict=ja"], "--strict tager ingen værdi",
                       "--strict takes no value"),
    "extra-argument": (["analyze", str(EXAMPLE), "b.xlsx"], "For mange argumenter: b.xlsx",
                       "Too many arguments: b.xlsx"),
    "unknown-command": (["nope"], "Ukendt kommando 'nope'; kommandoerne er init, validate, "
                        "analyze, report", "No such command 'nope'; the commands are init"),
    "suggested-command": (["anlyze"], "Ukendt kommando 'anlyze' (mente du analyze?)",
                          "No such command 'anlyze' (did you mean analyze?)"),
    "root-option": (["--strict"], "Ukendt tilvalg --strict. Se kl-survey --help.",
                    "No such option --strict. See kl-survey --help."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_usage_error_is_one_danish_line(case: str) -> None:
    args, danish, _ = CASES[case]
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    assert res.stdout == ""
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert line.startswith("kl-survey: fejl: ")
    assert danish in line
    assert not ENGLISH.findall(line), line


@pytest.mark.parametrize("case", list(CASES))
def test_usage_error_in_english(case: str) -> None:
    args, _, english = CASES[case]
    res = runner.invoke(app, args, env={"KL_SURVEY_LANG": "en"})
    line = res.stderr.strip()
    assert res.exit_code == 2 and len(line.splitlines()) == 1, line
    assert line.startswith("kl-survey: error: ")
    assert english in line


def test_environment_language_applies_before_parsing() -> None:
    res = runner.invoke(app, ["analyze"], env={"KL_SURVEY_LANG": "en"})
    assert res.stderr.strip() == "kl-survey: error: Missing FILE. See kl-survey analyze --help."


def test_a_bad_language_is_explained_in_danish() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE)], env={"KL_SURVEY_LANG": "fr"})
    assert res.exit_code == 2
    assert "Ugyldig værdi for --lang: 'fr'. Vælg da eller en." in res.stderr
