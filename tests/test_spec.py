"""Reading survey.toml: defaults, and mistakes reported at the right line and key."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kl_survey.errors import SpecError
from kl_survey.spec import find_line, load_spec, loc_text, parse_spec

DATA = Path(__file__).resolve().parent / "data" / "spec"

GOOD = """\
version = 1

[survey]
title = "Lettilgængeligt tilbud"
round = "Maj 2025"
date = 2025-05-19

[respondents]
column = "Kommune"

[[question]]
id = "q1"
options = ["Ja", "Nej", "Ved ikke"]
yes = ["Ja"]
dont_know = ["Ved ikke"]
base = "exclude"

[[question]]
id = "q2"
base = "answered"
filter = { question = "q1", options = ["Ja"] }
"""


def _error(text: str) -> str:
    with pytest.raises(SpecError) as info:
        parse_spec(text, "survey.toml")
    line = info.value.one_line()
    assert "\n" not in line
    return line


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``needle``: what the message must name."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def test_good_spec_parses_with_defaults() -> None:
    spec = parse_spec(GOOD)
    assert spec.survey.title == "Lettilgængeligt tilbud"
    assert spec.survey.date == dt.date(2025, 5, 19)
    assert spec.respondents.population == "alle"
    q1, q2 = spec.question
    assert q1.base == "exclude" and q1.exclude is None and q1.hidden is False
    assert q2.filter is not None and q2.filter.options == ["Ja"]
    assert spec.by_id()["q2"] is q2


def test_quoted_iso_date_and_population_list_are_accepted() -> None:
    spec = parse_spec('[survey]\ndate = "2025-05-19"\n[respondents]\npopulation = [101, 147]\n')
    assert spec.survey.date == dt.date(2025, 5, 19)
    assert spec.respondents.population == [101, 147]


def test_empty_file_is_a_valid_spec() -> None:
    spec = parse_spec("")
    assert spec.question == [] and spec.version == 1


# ---- the five kinds of mistake the issue names, each pointing at its line


def test_toml_syntax_error_names_the_line() -> None:
    text = GOOD.replace('round = "Maj 2025"', "round = Maj 2025")
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'round =')}: TOML-syntaksfejl")
    assert "anførselstegn" in line


def test_unknown_base_kind_has_the_documented_shape() -> None:
    text = GOOD.replace('base = "answered"', 'base = "alle"')
    line = _error(text)
    n = _line_of(text, 'base = "alle"')
    assert line.startswith(
        f"survey.toml:{n}: question[2].base: forventede 'answered', 'respondents' eller "
        "'exclude', fik 'alle'"
    )


def test_yes_option_not_among_options() -> None:
    text = GOOD.replace('yes = ["Ja"]', 'yes = ["Ja, altid"]')
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'yes =')}: question[1].yes: "
                           "'Ja, altid' er ikke en af svarmulighederne i options")
    assert "Svarmulighederne er: 'Ja', 'Nej', 'Ved ikke'" in line
    assert "Mente du 'Ja'" in _error(GOOD.replace('yes = ["Ja"]', 'yes = ["Jaa"]'))


def test_filter_referring_to_unknown_question() -> None:
    text = GOOD.replace('question = "q1"', 'question = "q9"')
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'filter =')}: "
                           "question[2].filter.question: ukendt spørgsmål 'q9'")
    assert "q1" in line  # the hint lists the ids that exist


def test_duplicate_question_id_points_at_the_second() -> None:
    text = GOOD.replace('id = "q2"', 'id = "q1"')
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'id = ', 2)}: question[2].id: "
                           "id 'q1' er allerede brugt af question[1]")


def test_wrong_type_for_a_key() -> None:
    text = GOOD.replace('base = "answered"', 'base = "answered"\nhidden = "ja"')
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'hidden =')}: question[2].hidden: "
                           "forventede true eller false, fik 'ja'")


# ---- more mistakes people make


def test_misspelt_key_gets_a_suggestion() -> None:
    text = GOOD.replace('round = "Maj 2025"', 'runde = "Maj 2025"')
    line = _error(text)
    assert line.startswith(f"survey.toml:{_line_of(text, 'runde')}: survey.runde: ukendt nøgle")
    assert "Mente du 'round'" in line


def test_number_given_as_text() -> None:
    text = GOOD.replace('id = "q1"', 'id = "q1"\nnumber = "1"')
    assert f":{_line_of(text, 'number')}: question[1].number: forventede et heltal, fik '1'" \
        in _error(text)


def test_bad_date_and_population() -> None:
    assert "survey.date: forventede en dato som 2025-05-19, fik 'maj'" in _error(
        GOOD.replace("date = 2025-05-19", 'date = "maj"'))
    line = _error(GOOD.replace('column = "Kommune"', 'population = "nogle"'))
    assert "respondents.population: forventede 'alle' eller en liste af kommunekoder" in line
    assert "literal" not in line  # pydantic's union tags are not shown


def test_exclude_needs_base_exclude() -> None:
    text = GOOD.replace('base = "answered"', 'base = "answered"\nexclude = ["Ved ikke"]')
    assert f":{_line_of(text, 'exclude = ')}: question[2].exclude: bruges kun med base = " \
        "'exclude'" in _error(text)


def test_filter_option_not_among_target_options() -> None:
    text = GOOD.replace('options = ["Ja"] }', 'options = ["Jo"] }')
    line = _error(text)
    assert "question[2].filter.options: 'Jo' er ikke en svarmulighed i q1" in line
    assert "Mente du 'Ja'" in line


def test_filter_in_a_sub_table_is_found() -> None:
    text = GOOD.replace('filter = { question = "q1", options = ["Ja"] }',
                        '[question.filter]\nquestion = "qx"\noptions = ["Ja"]')
    assert _error(text).startswith(f"survey.toml:{_line_of(text, '[question.filter]')}: "
                                   "question[2].filter.question: ukendt spørgsmål 'qx'")


def test_rename_target_must_be_listed_in_options() -> None:
    text = GOOD.replace('yes = ["Ja"]', 'yes = ["Ja"]\nrename = { "Nej tak" = "Nej!" }')
    assert "question[1].rename: det nye navn 'Nej!' står ikke i options" in _error(text)


def test_unknown_source_lists_the_readers() -> None:
    line = _error('[survey]\nsource = "surveyxakt"\n')
    assert line.startswith("survey.toml:2: survey.source: ukendt kilde 'surveyxakt'")
    assert "surveyxact" in line and "generic" in line


def test_unsupported_version() -> None:
    assert _error("version = 2\n").startswith("survey.toml:1: version: forventede 1, fik 2")


def test_fixture_files_fail_at_their_line() -> None:
    for name, line, key in (("bad-syntax.toml", 7, "TOML-syntaksfejl"),
                            ("bad-base.toml", 12, "question[1].base")):
        with pytest.raises(SpecError) as info:
            load_spec(DATA / name)
        assert info.value.one_line().startswith(f"{DATA / name}:{line}: {key}")


def test_missing_spec_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "survey.toml")
    assert "kl-survey init" in info.value.one_line()


def test_find_line_and_loc_text() -> None:
    text = '# c\nversion = 1\n[survey]\ntitle = "x"\n[[question]]\nid = "a"\n[[question]]\n' \
           '"id" = "b"\nbase = "x"\n'
    assert find_line(text, ("version",)) == 2
    assert find_line(text, ("survey", "title")) == 4
    assert find_line(text, ("question", 1, "id")) == 8
    assert find_line(text, ("question", 1, "options")) == 7  # missing key: the table header
    assert find_line(text, ("question", 5, "id")) is None
    assert loc_text(("question", 1, "filter", "options", 0)) == "question[2].filter.options[1]"


# ---- the spec path: only a regular UTF-8 file of sane size is read (issue 10, #12)


def _spec_error(path: Path) -> SpecError:
    with pytest.raises(SpecError) as info:
        load_spec(path)
    assert "\n" not in info.value.one_line()
    return info.value


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_spec_is_refused_at_once() -> None:
    """``--spec /dev/zero`` used to read until the memory ran out."""
    err = _spec_error(Path("/dev/zero"))
    assert err.message.startswith("Specifikationen er ikke en almindelig fil")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_as_spec_is_refused_without_hanging(tmp_path: Path) -> None:
    """Opening a FIFO blocks until a writer comes; a subprocess so a hang fails the test."""
    fifo = tmp_path / "survey.toml"
    os.mkfifo(fifo)
    example = Path(__file__).resolve().parents[1] / "data/examples/kl-2025-05/responses.xlsx"
    try:
        res = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(example),
                              "--spec", str(fifo)], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("kl-survey hung on a FIFO given as --spec")
    assert res.returncode == 2
    assert res.stderr == (f"kl-survey: fejl: {fifo}: Specifikationen er ikke en almindelig "
                          "fil (men fx en enhed eller en pipe). Angiv en TOML-fil, fx --spec "
                          "survey.toml.\n")


def test_a_folder_as_spec_is_refused(tmp_path: Path) -> None:
    assert _spec_error(tmp_path).message == "Specifikationen er en mappe, ikke en fil"


def test_an_oversized_spec_is_refused_before_reading(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import kl_survey.spec as spec_module

    monkeypatch.setattr(spec_module, "MAX_SPEC_BYTES", 1024 * 1024)
    path = tmp_path / "survey.toml"
    path.write_text("# " + "x" * 1_300_000 + "\nversion = 1\n", encoding="utf-8")
    err = _spec_error(path)
    assert err.message == "Specifikationen fylder 1,2 MB; en spec-fil er højst 1,0 MB"
    assert "survey.toml og ikke på eksporten" in (err.hint or "")


def test_the_default_size_limit_is_far_above_a_real_spec() -> None:
    from kl_survey.spec import MAX_SPEC_BYTES

    example = Path(__file__).resolve().parents[1] / "data/examples/kl-2025-05/survey.toml"
    assert example.stat().st_size * 1000 < MAX_SPEC_BYTES


def test_a_spec_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "survey.toml"
    path.write_bytes('version = 1\n[survey]\ntitle = "Kø"\n'.encode("cp1252"))
    err = _spec_error(path)
    assert err.file == f"{path}:3" and "ikke UTF-8" in err.message
