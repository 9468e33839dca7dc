"""The readers' refusals, warnings and notes in Danish and with ``--lang en``, via the CLI.

One representative per module: the builder (``readers/builder.py``), the generic reader,
Qualtrics and SurveyXact (``load``, ``structure``, ``reader``), and the reader list of
``--source help``. Each gives the same exit code in both languages, one line on stderr
per problem, and English lines without Danish words.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from languages import danish_words, in_both, runner

from kl_survey.cli import app

from paths import DATA

SURVEYXACT = DATA / "exports" / "surveyxact" / "kortlaegning"


def _csv(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stdout(args: list[str], lang: str) -> str:
    res = runner.invoke(app, [*args, "--lang", lang], env={"KL_SURVEY_LANG": ""})
    assert res.exit_code == 0, res.output
    return res.stdout


def test_builder_a_column_with_answers_but_no_header(tmp_path: Path) -> None:
    path = _csv(tmp_path, "svar.csv", "Kommune;Er tilbuddet i drift?;\nKøge;Ja;x\n"
                                      "Holbæk;Nej;y\nRoskilde;Ja;\n")
    out = str(tmp_path / "a.json")
    da, en = in_both(["analyze", path, "-f", "json", "-o", out], 0,
                     data=[path, "svar.csv", "Kolonne C"])
    assert da == ("kl-survey: advarsel: svar.csv, kolonne 'C': Kolonne C har svar, men ingen "
                  "overskrift; den er læst som spørgsmålet 'Kolonne C'. Skriv spørgsmålets "
                  "tekst i kolonnens første række.")
    assert en == ("kl-survey: warning: svar.csv, column 'C': Column C has answers but no "
                  "header; it was read as the question 'Kolonne C'. Write the question's text "
                  "in the column's first row.")


def test_builder_nobody_left_names_the_tools_reason(tmp_path: Path) -> None:
    """Every row a Qualtrics test response: the builder's error carries Qualtrics' words."""
    from test_validate import _all_test_responses

    path = str(_all_test_responses(tmp_path))
    out = str(tmp_path / "a.json")
    da, en = in_both(["analyze", path, "-f", "json", "-o", out], 0, data=[path])
    assert da.endswith("qualtrics.csv: Ingen besvarelser er tilbage at tælle: af de 5 rækker "
                       "er 5 fra forhåndsvisning, test eller spam; spørgsmålene vises med "
                       "n = 0. Tjek at det er den rigtige eksport, med rigtige besvarelser.")
    assert en.endswith("qualtrics.csv: No responses are left to count (of the 5 rows: 5 from "
                       "preview, test or spam); the questions are shown with n = 0. Check "
                       "that it is the right export, with real responses.")


def test_builder_rows_without_answers_as_a_note(tmp_path: Path) -> None:
    path = _csv(tmp_path, "svar.csv", "Kommune;Er tilbuddet i drift?\nKøge;Ja\nHolbæk;\n"
                                      "Roskilde;Nej\n")
    assert "1 række uden svar er ikke talt med som besvarelse." in _stdout(["analyze", path],
                                                                             "da")
    assert "1 row without answers is not counted as a response." in _stdout(["analyze", path],
                                                                              "en")


@pytest.mark.parametrize("end", ["\n", ""])  # Arrow cannot count one row with no line end
def test_generic_a_header_row_only(tmp_path: Path, end: str) -> None:
    path = _csv(tmp_path, "svar.csv", "Kommune;Er tilbuddet i drift?" + end)
    da, en = in_both(["analyze", path], 2, data=[path])
    assert da == (f"kl-survey: fejl: {path}: Filen indeholder kun en overskriftsrække og ingen "
                  "besvarelser. Tjek at du har eksporteret besvarelserne, ikke kun skemaet.")
    assert en == (f"kl-survey: error: {path}: The file holds only a header row and no "
                  "responses. Check that you exported the responses, not just the "
                  "questionnaire.")


def test_generic_no_question_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, "svar.csv", "Kommune;Starttidspunkt\nKøge;2025-05-01\n"
                                      "Holbæk;2025-05-02\n")
    da, en = in_both(["analyze", path], 2, data=[path])
    assert da.endswith(": Filen har ingen spørgsmålskolonner. Første række skal indeholde "
                       "spørgsmålene.")
    assert en.endswith(": The file has no question columns. The first row must hold the "
                       "questions.")


def test_surveyxact_load_a_folder_without_structure(tmp_path: Path) -> None:
    folder = tmp_path / "sx"
    shutil.copytree(SURVEYXACT, folder)
    (folder / "structure.csv").unlink()
    data = str(folder / "dataset.csv")
    da, en = in_both(["analyze", data, "--source", "surveyxact"], 2, data=[str(folder)])
    assert da == (f"kl-survey: fejl: {folder}: SurveyXact-eksporten mangler filen "
                  "structure.csv ved siden af datasættet. Eksportér igen fra SurveyXact "
                  "(Dataudtræk) som Excel med arkene Dataset, Labels og Structure, eller som "
                  "CSV-filerne dataset.csv, labels.csv og structure.csv.")
    assert en == (f"kl-survey: error: {folder}: The SurveyXact export lacks the file "
                  "structure.csv beside the dataset. Export again from SurveyXact (the data "
                  "extract) as Excel with the sheets Dataset, Labels and Structure, or as the "
                  "CSV files dataset.csv, labels.csv and structure.csv.")


def test_surveyxact_structure_without_its_columns(tmp_path: Path) -> None:
    folder = tmp_path / "sx"
    shutil.copytree(SURVEYXACT, folder)
    (folder / "structure.csv").write_text("questionName;questionType\nq1;single\n",
                                          encoding="utf-8")
    da, en = in_both(["analyze", str(folder)], 2, data=[str(folder)])
    assert "Structure mangler kolonnen variableName, questionText. Første række i Structure " \
           "skal være questionName" in da
    assert "structure.csv: Structure lacks the column variableName, questionText. The first " \
           "row of Structure must be questionName, variableName, questionType, subType, " \
           "questionText, choiceValue, choiceText." in en


def test_surveyxact_reader_status_notes_follow_the_language() -> None:
    da = _stdout(["analyze", str(SURVEYXACT), "-f", "markdown"], "da")
    en = _stdout(["analyze", str(SURVEYXACT), "-f", "markdown"], "en")
    assert "*2 udsendte skemaer uden besvarelse (status Ny, Distribueret eller Frafaldet) er " \
           "ikke talt med.*" in da
    assert "*2 delvise besvarelser er talt med (brug --complete-only for at udelade dem).*" in da
    notes = [line for line in en.splitlines() if line.startswith("*2 ")]
    assert notes == ["*2 questionnaires sent out without a response (status Ny, Distribueret "
                     "or Frafaldet) are not counted.*",
                     "*2 partial responses are counted (use --complete-only to leave them "
                     "out).*"]
    for note in notes:
        assert not danish_words(note, ["Ny, Distribueret", "Frafaldet"]), note


def test_source_help_lists_the_readers_in_the_language() -> None:
    da = _stdout(["analyze", "x", "--source", "help"], "da")
    en = _stdout(["analyze", "x", "--source", "help"], "en")
    assert "generic        Generisk regneark/CSV (én kolonne pr. spørgsmål)" in da
    assert "generic        Generic spreadsheet/CSV (one column per question)" in en
    assert len(da.splitlines()) == len(en.splitlines()) == 7
    for line in en.splitlines():
        assert not danish_words(line, ["Form1", "Dataset/Labels/Structure"]), line
