"""The README's command-line examples are real: they run, and print what the README shows.

Console blocks are ``$ kl-survey …`` lines followed by their output. The round
walk-through runs in a temporary copy of the example, the rest from the checkout.
"""

from __future__ import annotations

import re
import shlex
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

from paths import ROOT

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(name: str) -> str:
    return README.split(f"<!-- section:{name} -->")[1].split(f"<!-- /section:{name} -->")[0]


def _examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, output lines) for every ``$ kl-survey`` line in console blocks."""
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in textwrap.dedent(block).rstrip().splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
    return [(c, o) for c, o in out if c.startswith("kl-survey ")]


def _run(command: str) -> tuple[int, str, str]:
    args = shlex.split(command)[1:]
    res = runner.invoke(app, args, env={"COLUMNS": "100", "KL_SURVEY_LANG": ""})
    return res.exit_code, res.stdout, res.stderr


def test_the_readme_starts_with_the_two_set_up_commands() -> None:
    first_block = README.split("```bash\n")[1].split("```")[0].strip().splitlines()
    assert first_block == [
        "python -m pip install . && kl-survey analyze data/examples/kl-2025-05/responses.xlsx",
        "python -m pip install '.[test]' && python -m pytest",
    ]


def test_every_example_file_exists() -> None:
    for path in set(re.findall(r"data/examples/[\w./-]+\.(?:xlsx|csv|toml)", README)):
        assert (ROOT / path).exists(), path


def test_the_round_walk_through_runs_as_written(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    text = _section("round")
    steps = re.findall(r"^(\d)\. \*\*", text, re.M)
    assert steps == ["1", "2", "3", "4", "5", "6"]
    for word in ("init", "validate", "analyze", "report", "ci/runde.sh",
                 "git+https://github.com/"):
        assert word in text, word
    (tmp_path / "runder" / "2025-05").mkdir(parents=True)
    shutil.copy(tmp_path / "data/examples/kl-2025-05/responses.xlsx", tmp_path / "runder/2025-05")
    for command, expected in _examples(text):
        if command.startswith("kl-survey validate"):  # step 2: the finished spec
            shutil.copy(tmp_path / "data/examples/kl-2025-05/survey.toml",
                        tmp_path / "runder/2025-05/survey.toml")
        code, stdout, stderr = _run(command)
        assert code == 0, (command, stderr)
        assert [line.rstrip() for line in (stdout + stderr).splitlines()] == expected, command
    assert (tmp_path / "runder/2025-05/resultater.json").exists()
    assert (tmp_path / "reports/2025-05/report.html").exists()
    ci_script = text.split("```bash\n")[1].split("```")[0]
    assert "kl-survey report" in ci_script and "--strict" in ci_script


def test_error_examples_print_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The section's first block: the one-line errors, usage errors and -o refusals."""
    monkeypatch.chdir(ROOT)
    first = _section("errors").split("```console")[1].split("```")[0]
    examples = _examples("```console" + first + "```")
    assert len(examples) >= 4
    for command, expected in examples:
        code, _, stderr = _run(command)
        assert code in (2, 3), command
        assert stderr.splitlines() == expected, command


def test_the_validate_example_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (command, expected), = [e for e in _examples(_section("spec"))
                            if e[0].startswith("kl-survey validate")]
    code, stdout, _ = _run(command)
    assert code == 1
    assert [line.rstrip() for line in stdout.splitlines()] == [e.rstrip() for e in expected]
