"""The message catalogue: complete in both languages, keys that exist, texts that re-render."""

from __future__ import annotations

import ast
import pickle
import pkgutil
from pathlib import Path

import pytest

import kl_survey.messages as messages
from kl_survey.errors import InputError, KlSurveyError, OutputError
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import (
    Text,
    entries,
    language,
    msg,
    placeholders,
    plural,
    render,
    use_language,
)

from paths import load

PACKAGE = Path(messages.__file__).resolve().parents[1]
untranslated = load(Path(__file__).with_name("untranslated.py"), "untranslated")
AREAS = [m.name for m in pkgutil.iter_modules(messages.__path__)]


def test_every_area_has_both_languages_with_the_same_placeholders() -> None:
    assert {"cli", "click", "help", "output", "where"} <= set(AREAS)
    for area in AREAS:
        table = entries(area)
        assert table, area
        for key, pair in table.items():
            assert key.startswith(area + "."), key
            da, en = pair
            assert da.strip() and en.strip(), key
            assert placeholders(da) == placeholders(en), key


def test_hints_and_plurals_belong_to_a_message() -> None:
    keys = {k for area in AREAS for k in entries(area)}
    for key in keys:
        if key.endswith(".hint"):  # a plural message (key.one/key.other) shares key.hint
            base = key.removesuffix(".hint")
            assert base in keys or base + ".one" in keys, key
        if key.endswith(".one"):
            assert key.removesuffix(".one") + ".other" in keys, key


def _used_keys() -> set[tuple[str, str, str]]:
    """Every literal key passed to msg()/plural() in the package: (file, function, key)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            index = {"msg": 0, "plural": 1}.get(node.func.id)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add((str(path.relative_to(PACKAGE)), node.func.id, arg.value))
    return found


def test_every_key_the_code_uses_exists() -> None:
    used = _used_keys()
    assert len(used) > 60
    missing = [(file, key) for file, func, key in used
               if not (messages.exists(key) if func == "msg" else
                       messages.exists(key + ".one") and messages.exists(key + ".other"))]
    assert not missing


def test_text_is_a_string_in_the_current_language_and_renders_again() -> None:
    danish = msg("output.is-dir")
    assert danish == "Stien er en mappe" and isinstance(danish, str)
    assert danish.render("en") == "The path is a folder"
    assert render(danish, "en") == "The path is a folder"
    assert render("plain text", "en") == "plain text"  # not converted yet: unchanged
    with use_language("en"):
        assert msg("output.is-dir") == "The path is a folder"
        assert language() == "en"
    assert language() == "da"
    assert danish.hint() == "Angiv et filnavn med -o"
    assert danish.hint("en") == "Give a file name with -o"
    assert msg("cli.error").hint() is None


def test_parameters_are_rendered_in_the_target_language_too() -> None:
    inner = msg("output.reason.full")
    outer = msg("output.file", reason=inner)
    assert outer == "Kan ikke skrive filen: disken er fuld"
    assert outer.render("en") == "Cannot write the file: the disk is full"


def test_plural() -> None:
    assert plural(1, "cli.wrote-files", folder="ud") == "Skrev 1 fil i ud"
    assert plural(2, "cli.wrote-files", folder="ud") == "Skrev 2 filer i ud"
    assert plural(2, "cli.wrote-files", folder="ud").render("en") == "Wrote 2 files in ud"


def test_a_missing_key_or_parameter_never_crashes() -> None:
    assert msg("nope.nothing", a=1) == "nope.nothing a=1"
    assert msg("output.file") == "Kan ikke skrive filen: {reason}"


def test_text_survives_pickling() -> None:
    text = msg("output.file", reason="x")
    again = pickle.loads(pickle.dumps(text))
    assert again == text and again.key == "output.file"


def test_errors_take_the_catalogue_hint_and_render_in_either_language() -> None:
    err = OutputError(msg("output.is-dir"), file="ud")
    assert err.one_line() == "ud: Stien er en mappe. Angiv et filnavn med -o."
    assert err.one_line("en") == "ud: The path is a folder. Give a file name with -o."
    located = InputError(msg("cli.unreadable"), file="a.xlsx", sheet="Data", row=4)
    assert located.one_line("en").startswith("a.xlsx, sheet 'Data', row 4: The file cannot")
    legacy = KlSurveyError("Noget gik galt", hint="Prøv igen")  # not converted: Danish
    assert legacy.one_line("en") == "Noget gik galt. Prøv igen."


def test_issue_lines_follow_the_language() -> None:
    message = msg("issue.source-changed", found="generic", spec="msforms")
    issue = Issue(Severity.WARNING, "source-changed", message, Where(file="s.toml", row=2),
                  message.hint())
    with use_language("en"):
        line = issue.one_line()
    assert line == ("s.toml, row 2: The export was read as generic, but the spec was written "
                    "for msforms. Give --source msforms, or correct survey.source in the spec.")
    assert issue.as_dict()["message"].startswith("Eksporten er læst som generic")


@pytest.mark.parametrize("module", ["cli", "output", "pipeline.py", "errors.py", "issues.py",
                                    "report/writer.py", "readers",
                                    "compare", "grouping.py", "extras.py", "dedupe.py",
                                    "by_municipality.py", "report/mapmodel.py", "spec.py",
                                    "spec_checks.py", "spec_grid.py", "spec_apply.py",
                                    "spec_options.py", "spec_apply_grid.py", "validate.py"])
def test_converted_modules_raise_no_danish_only_text(module: str) -> None:
    """The modules converted so far; tests/messages/untranslated.py lists the rest."""
    target = PACKAGE / module
    paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
    for path in paths:
        assert not list(untranslated.findings(path)), path


def test_no_module_reports_danish_only_text_any_more() -> None:
    """The whole package is converted: untranslated.py finds nothing, so a new Danish-only
    raise or issue anywhere fails here (the per-module list above says where it started)."""
    assert untranslated.report() == {}


def test_the_inventory_finds_a_danish_only_raise(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f(p):\n    raise InputError(f"Filen {p} kan ikke læses", file=p)\n'
                      'def g(p):\n    raise InputError(msg("cli.unreadable"), file=p)\n'
                      'def h(q):\n    raise MapNotPossible(f"Spørgsmål {q} kan ikke vises")\n',
                      encoding="utf-8")
    assert list(untranslated.findings(sample)) == [2, 6]


def test_text_is_kept_by_the_type() -> None:
    assert isinstance(msg("where.row", row=3), Text)
