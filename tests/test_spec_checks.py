"""Spec mistakes that would change a published number are errors at ``file:line``.

Each case is the example round with its own survey.toml edited the way a person might
edit it; before these checks every one ran with exit 0 and wrong or doubled output.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import SpecError
from kl_survey.spec import parse_spec

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
EXAMPLE_SPEC = EXAMPLE.parent / "survey.toml"
runner = CliRunner()


def _edit(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, str]:
    text = EXAMPLE_SPEC.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    text = text.replace(old, new, count)
    path = tmp_path / "survey.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def _analyze(spec: Path) -> tuple[int, str, str]:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--spec", str(spec), "-f", "json"])
    return res.exit_code, res.stdout, res.stderr


def _one_error_line(stderr: str, spec: Path, line: int) -> str:
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"kl-survey: fejl: {spec}:{line}: "), stderr
    return stderr


def test_the_example_spec_still_runs(tmp_path: Path) -> None:
    spec, _ = _edit(tmp_path, "version = 1", "version = 1")
    code, out, _ = _analyze(spec)
    assert code == 0
    q1 = json.loads(out)["questions"][0]
    assert q1["yes"]["count"] == 92


def test_circular_other_of_is_an_error_not_two_vanished_questions(tmp_path: Path) -> None:
    """q1.other_of = q2 and q2.other_of = q1 used to hide both, exit 0."""
    spec, text = _edit(tmp_path, 'id = "q1"\n', 'id = "q1"\nother_of = "q2"\n')
    spec.write_text(text.replace('id = "q2"\n', 'id = "q2"\nother_of = "q1"\n'),
                    encoding="utf-8")
    text = spec.read_text(encoding="utf-8")
    code, out, err = _analyze(spec)
    assert code == 2 and out == ""
    line = _one_error_line(err, spec, _line_of(text, 'other_of = "q2"'))
    assert "question[1].other_of: peger på q2, som selv har other_of = 'q1'" in line


def test_chained_other_of_is_an_error() -> None:
    text = ('[[question]]\nid = "a"\n\n[[question]]\nid = "b"\nother_of = "a"\n\n'
            '[[question]]\nid = "c"\nother_of = "b"\n')
    with pytest.raises(SpecError) as info:
        parse_spec(text)
    assert info.value.file == "survey.toml:10"
    assert "peger på b, som selv har other_of = 'a'" in info.value.message


def test_circular_merge_is_an_error_not_swapped_counts(tmp_path: Path) -> None:
    """merge {"Nej" = ["Ja, helt i drift"], "Ja, helt i drift" = ["Nej"]} swapped the two
    counts: Q1's yes fell from 92 to 33, exit 0."""
    merge = 'merge = { "Nej" = ["Ja, helt i drift"], "Ja, helt i drift" = ["Nej"] }\n'
    spec, text = _edit(tmp_path, 'base = "answered"', merge + 'base = "answered"')
    code, out, err = _analyze(spec)
    assert code == 2 and out == ""
    line = _one_error_line(err, spec, _line_of(text, "merge = {"))
    assert "question[1].merge: 'Nej' er både et nyt navn og et gammelt navn" in line


@pytest.mark.parametrize("mapping", [
    'rename = { "Nej" = "Ja, helt i drift", "Ja, helt i drift" = "Nej" }',
    'rename = { "Nej" = "Ja, delvist i drift" }\nmerge = { "Nej" = ["Ja, helt i drift"] }',
    'merge = { "Nej" = ["Ja, helt i drift"], "Ja, delvist i drift" = ["Ja, helt i drift"] }',
])
def test_other_ambiguous_label_maps_are_errors(mapping: str) -> None:
    text = ('[[question]]\nid = "q1"\noptions = ["Ja, helt i drift", "Ja, delvist i drift", '
            f'"Nej"]\n{mapping}\n')
    with pytest.raises(SpecError) as info:
        parse_spec(text)
    assert info.value.file is not None and info.value.file.startswith("survey.toml:")
    line = int(info.value.file.rsplit(":", 1)[1])
    assert text.splitlines()[line - 1].startswith(("rename", "merge"))


def test_merging_into_a_label_of_its_own_is_fine() -> None:
    spec = parse_spec('[[question]]\nid = "q1"\noptions = ["Ja", "Nej"]\n'
                      'merge = { "Ja" = ["Ja", "Ja, delvist"] }\n'
                      'rename = { "Nej tak" = "Nej" }\n')
    assert spec.question[0].merge == {"Ja": ["Ja", "Ja, delvist"]}


def test_two_questions_with_one_number_is_an_error(tmp_path: Path) -> None:
    """Used to print "Spørgsmål 2" twice."""
    spec, text = _edit(tmp_path, "number = 3", "number = 2")
    code, out, err = _analyze(spec)
    assert code == 2 and out == ""
    line = _one_error_line(err, spec, _line_of(text, "number = 2", nth=2))
    assert "question[3].number: nummer 2 er allerede brugt af q2 (question[2])" in line


def test_a_hidden_question_may_share_a_number() -> None:
    spec = parse_spec('[[question]]\nid = "a"\nnumber = 1\n\n'
                      '[[question]]\nid = "b"\nnumber = 1\nhidden = true\n')
    assert [q.number for q in spec.question] == [1, 1]


def test_respondents_column_missing_from_the_export_is_an_error(tmp_path: Path) -> None:
    """The reader found "Kommune" itself, so a misspelt name was silently ignored."""
    spec, text = _edit(tmp_path, 'column = "Kommune"', 'column = "Kommunen"')
    code, out, err = _analyze(spec)
    assert code == 2 and out == ""
    line = _one_error_line(err, spec, _line_of(text, 'column = "Kommunen"'))
    assert ("respondents.column: kolonnen 'Kommunen' er ikke eksportens kommunekolonne, som "
            "hedder 'Kommune'. Skriv column = \"Kommune\", eller slet linjen.") in line
    res = runner.invoke(app, ["validate", str(EXAMPLE), "--spec", str(spec)])
    assert res.exit_code == 2 and res.stderr.startswith(f"kl-survey: fejl: {spec}:")


def test_respondents_column_in_an_export_without_one_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "svar.csv"
    src.write_text("Har I et tilbud?,Hvem?\nJa,Nej\nNej,Ja\nJa,Ja\n", encoding="utf-8")
    spec = tmp_path / "survey.toml"
    spec.write_text('[respondents]\ncolumn = "Har I tilbud"\n', encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(src), "--spec", str(spec)])
    assert res.exit_code == 2
    assert res.stderr == (f"kl-survey: fejl: {spec}:2: respondents.column: kolonnen "
                          "'Har I tilbud' findes ikke i eksporten. Mente du 'Har I et tilbud?'? "
                          "Skriv "
                          "overskriften på kommunekolonnen, som den står i eksporten.\n")


def test_respondents_column_present_passes(tmp_path: Path) -> None:
    spec, _ = _edit(tmp_path, 'column = "Kommune"', 'column = "Kommune"')
    res = runner.invoke(app, ["validate", str(EXAMPLE), "--spec", str(spec), "--strict"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("value", ["[" * 2000 + "]" * 2000, "{a = " * 2000 + "1" + "}" * 2000])
def test_deep_nesting_is_an_error_not_exit_70(tmp_path: Path, value: str) -> None:
    spec, text = _edit(tmp_path, 'round = "Maj 2025"', f"round = {value}")
    code, out, err = _analyze(spec)
    assert code == 2 and out == ""
    line = _one_error_line(err, spec, _line_of(text, "round = "))
    assert "For dybt indlejret" in line
