"""Help, usage and shell completion in the user's language (kl_survey/cli/app.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.cli.app import hoist_command_options, requested_language

runner = CliRunner()
COMMANDS = ["init", "validate", "analyze", "report", "compare"]
READING = COMMANDS[:4]  # the commands that read one export (FIL)
# Click's and Typer's English, and Typer's metavar styles ({file}, <path>, <str>).
ENGLISH = re.compile(r"Usage|Options|Arguments|Commands|Show this message|default:|"
                     r"\[required\]|env var|Try '|Error|\{|<[a-z|]+>")
DANISH = re.compile(r"[æøåÆØÅ]|Brug:|Tilvalg|standard:|Vis denne|skal angives")


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    res = runner.invoke(app, [*args, "--help"], env=env)
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_danish_help_has_no_english(command: list[str]) -> None:
    text = _help(*command)
    assert text.startswith("Brug: kl-survey")
    assert not ENGLISH.findall(text), ENGLISH.findall(text)
    assert "Vis denne hjælp og afslut." in text


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_english_help_has_no_danish(command: list[str]) -> None:
    texts = [_help(*command, env={"KL_SURVEY_LANG": "en"})]
    if command:
        texts.append(_help(*command, "--lang", "en"))
    for text in texts:
        assert text.startswith("Usage: kl-survey")
        assert "Show this message and exit." in text
        assert not DANISH.findall(text), DANISH.findall(text)


def test_lang_anywhere_after_the_command() -> None:
    assert _help("analyze", "--lang=en").startswith("Usage: kl-survey analyze [OPTIONS] FILE")
    assert _help("analyze", "--lang", "en", "--lang", "da").startswith("Brug:")


def test_lang_and_quiet_also_before_the_command() -> None:
    # `kl-survey --lang en analyze FILE`, as httpie and uv take their global options
    res = runner.invoke(app, ["--lang", "en", "analyze", "findes-ikke.xlsx"])
    assert res.exit_code == 2, res.output  # a missing file is a usage error
    assert res.stderr.startswith("kl-survey: error: findes-ikke.xlsx: The file does not "
                                 "exist.")
    assert _help("--lang", "en").startswith("Usage: kl-survey [OPTIONS] COMMAND")
    assert _help("--lang=en", "analyze").startswith("Usage: kl-survey analyze [OPTIONS] FILE")
    # the command's own --lang, later on the line, wins as everywhere else
    res = runner.invoke(app, ["--lang", "en", "analyze", "x.xlsx", "--lang", "da"])
    assert res.stderr.startswith("kl-survey: fejl: ")
    res = runner.invoke(app, ["-q", "--lang", "en", "validate", "findes-ikke.csv"])
    assert res.exit_code == 2 and res.stderr.startswith("kl-survey: error: findes-ikke.csv")


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "en", "analyze", "f.xlsx"], ["analyze", "--lang", "en", "f.xlsx"]),
    (["--lang=en", "-q", "report", "f"], ["report", "--lang=en", "-q", "f"]),
    (["--debug", "--quiet", "analyze", "f"], ["--debug", "analyze", "--quiet", "f"]),
    (["--lang", "en", "--help"], ["--help"]),  # no command: the language is already set
    (["analyze", "f", "--lang", "en"], ["analyze", "f", "--lang", "en"]),
    (["analyze", "--", "--lang"], ["analyze", "--", "--lang"]),
])
def test_command_options_before_the_command_move_after_it(argv: list[str],
                                                          expected: list[str]) -> None:
    assert hoist_command_options(argv, set(COMMANDS)) == expected


def test_requested_language() -> None:
    assert requested_language([], {}) == "da"
    assert requested_language(["x", "--lang", "en"], {}) == "en"
    assert requested_language([], {"KL_SURVEY_LANG": "en"}) == "en"
    assert requested_language(["--lang", "da"], {"KL_SURVEY_LANG": "en"}) == "da"
    assert requested_language(["--lang", "fr"], {}) == "da"
    assert requested_language(["--", "--lang", "en"], {}) == "da"


def test_commands_are_listed_in_the_order_of_a_round() -> None:
    text = _help()
    block = text.split("Kommandoer:")[1]
    names = [line.split()[0] for line in block.splitlines()
             if line.startswith("  ") and not line.startswith("   ") and line.strip()
             and not line.strip().startswith("Eksempel")]
    assert names == COMMANDS


@pytest.mark.parametrize("columns", ["50", "80", "200"])
def test_command_summaries_are_whole_sentences(columns: str) -> None:
    code = ("import sys; sys.argv=['kl-survey','--help']\n"
            "from kl_survey.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": columns})
    block = proc.stdout.split("Kommandoer:")[1].split("Eksempel:")[0]
    summaries = " ".join(block.split())
    assert "..." not in summaries
    for name in COMMANDS:
        sentence = summaries.split(name, 1)[1].split(".")[0]
        assert sentence.strip(), name


def test_metavars_are_in_one_style() -> None:
    assert "Brug: kl-survey compare [TILVALG] GAMMEL NY [FLERE]..." in _help("compare")
    for command in COMMANDS:
        text = _help(command)
        for option in re.findall(r"^\s+(?:-\w, )?--[\w-]+ (?!/)(\S+)", text, re.M):
            assert re.fullmatch(r"[A-ZÆØÅ.|]+", option), (command, option)
    for command in READING:
        text = _help(command)
        assert re.search(r"^Brug: kl-survey \w+ \[TILVALG\] FIL$", text, re.M), command
    assert "-o, --output MAPPE" in _help("report")
    assert "--spec SPEC.TOML" in _help("analyze")
    assert "-o, --output FILE" in _help("analyze", "--lang", "en")


def test_output_help_says_missing_folders_are_created() -> None:
    assert "manglende mapper oprettes" in " ".join(_help("analyze").split())
    assert "missing folders are created" in " ".join(_help("validate", "--lang", "en").split())
    assert "oprettes om nødvendigt" in " ".join(_help("report").split())


def test_validate_and_init_take_lang_and_quiet() -> None:
    for command in COMMANDS:
        text = _help(command)
        assert "--lang SPROG" in text and "-q, --quiet" in text, command


def test_version_short_and_long() -> None:
    for flag in ("-V", "--version"):
        res = runner.invoke(app, [flag])
        assert res.exit_code == 0 and re.fullmatch(r"kl-survey \d+\.\d+\.\d+\S*\n", res.stdout)


def test_no_arguments_prints_the_help_and_exits_2() -> None:
    res = runner.invoke(app, [])
    assert res.exit_code == 2
    assert res.stderr.startswith("Brug: kl-survey")


# ---------------------------------------------------------------- shell completion
#
# Typer detects the user's shell from the parent process (shellingham). The tests run
# kl-survey under a bash that is named zsh or fish, which is what detection looks at.

SCRIPTS = {"bash": "complete -o default -F _kl_survey_completion kl-survey",
           "zsh": "compdef _kl_survey_completion kl-survey",
           "fish": "complete --command kl-survey"}


def _in_shell(shell: str, args: str, tmp_path: Path,
              **env: str) -> subprocess.CompletedProcess[str]:
    fake = tmp_path / "bin" / shell
    fake.parent.mkdir(exist_ok=True)
    if not fake.exists():
        fake.symlink_to("/bin/bash")
    command = f"{sys.executable} -m kl_survey {args}; exit $?"
    return subprocess.run([str(fake), "-c", command], capture_output=True, text=True,
                          env={**os.environ, **env})


@pytest.mark.parametrize("shell", list(SCRIPTS))
def test_show_completion_for_each_shell(shell: str, tmp_path: Path) -> None:
    proc = _in_shell(shell, "--show-completion", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert SCRIPTS[shell] in proc.stdout and "_KL_SURVEY_COMPLETE" in proc.stdout


@pytest.mark.parametrize(("shell", "config"), [
    ("bash", ".bash_completions/kl-survey.sh"),
    ("zsh", ".zfunc/_kl-survey"),
    ("fish", ".config/fish/completions/kl-survey.fish"),
])
def test_install_completion_for_each_shell(shell: str, config: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    proc = _in_shell(shell, "--install-completion", tmp_path, HOME=str(home))
    assert proc.returncode == 0, proc.stderr
    assert f"Tab-fuldførelse for {shell} er installeret i" in proc.stdout
    assert SCRIPTS[shell] in (home / config).read_text(encoding="utf-8")
    english = _in_shell(shell, "--install-completion", tmp_path, HOME=str(home),
                        KL_SURVEY_LANG="en")
    assert f"Tab completion for {shell} is installed in" in english.stdout


def _complete(shell: str, line: str) -> str:
    cword = len(line.split()) - (0 if line.endswith(" ") else 1)  # bash: the word being typed
    env = {**os.environ, "_KL_SURVEY_COMPLETE": f"complete_{shell}",
           "_TYPER_COMPLETE_ARGS": line, "COMP_WORDS": line, "COMP_CWORD": str(cword),
           "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    proc = subprocess.run([sys.executable, "-m", "kl_survey"], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("shell", list(SCRIPTS))
def test_completion_offers_commands_options_and_choices(shell: str) -> None:
    assert "analyze" in _complete(shell, "kl-survey an")
    assert "--format" in _complete(shell, "kl-survey analyze --fo")
    assert "markdown" in _complete(shell, "kl-survey analyze -f ")


def test_debug_does_not_outlive_its_run(tmp_path: Path) -> None:
    """--debug in one CliRunner run (which raises the error for its traceback) must not
    make the next run in the same process raise instead of printing one line."""
    missing = tmp_path / "mangler.xlsx"
    first = runner.invoke(app, ["--debug", "analyze", str(missing)])
    assert type(first.exception).__name__ == "InputError"
    second = runner.invoke(app, ["analyze", str(missing)])
    assert second.exit_code == 2, second.exception
    assert "mangler.xlsx" in second.stderr
