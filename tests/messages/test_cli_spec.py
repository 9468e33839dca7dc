"""Spec refusals and spec-versus-data warnings in Danish and with ``--lang en``, via the CLI.

One representative per module: reading the spec (``spec.py``), its cross-checks
(``spec_checks.py``, ``spec_grid.py``) and applying it to the data (``spec_apply.py``,
``spec_apply_grid.py``). Each gives the same exit code in both languages, one line on
stderr per problem, and English lines without Danish words.
"""

from __future__ import annotations

from pathlib import Path

from languages import both_runs, in_both

from paths import DATA, EXAMPLE, EXAMPLE_DIR, EXAMPLE_Q1_DIR

GRID_COLUMN = "3. I hvilken grad oplever I udfordringer med følgende? - Rekruttering af " \
              "medarbejdere"


def _spec(tmp_path: Path, source: Path, old: str, new: str, extra: str = "") -> Path:
    """A copy of ``source`` with ``old`` replaced by ``new`` (which must be there)."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "survey.toml"
    path.write_text(text.replace(old, new) + extra, encoding="utf-8")
    return path


def test_spec_a_toml_syntax_error() -> None:
    spec = str(DATA / "spec" / "bad-syntax.toml")
    da, en = in_both(["analyze", str(EXAMPLE), "--spec", spec], 2, data=[spec])
    assert da.endswith(":7: TOML-syntaksfejl: ugyldig værdi (mangler der anførselstegn?) "
                       "(kolonne 10). Tekst skal stå i anførselstegn og lister i [ ]; se "
                       "README's afsnit om spec-filen.")
    assert en == (f"kl-survey: error: {spec}:7: TOML syntax error: invalid value (is a quote "
                  "missing?) (column 10). Text goes in quotes and lists in [ ]; see the "
                  "README's section on the spec file.")


def test_spec_checks_a_yes_that_is_no_option(tmp_path: Path) -> None:
    spec = _spec(tmp_path, EXAMPLE_DIR / "survey.toml", 'yes = [\n    "Ja, helt i drift",',
                 'yes = [\n    "Ja, fuldt i drift",')
    da, en = in_both(["analyze", str(EXAMPLE), "--spec", str(spec)], 2,
                     data=[str(spec), "Ja, fuldt i drift", "Ja, helt i drift"])
    assert da == (f"kl-survey: fejl: {spec}:48: question[1].yes: 'Ja, fuldt i drift' er "
                  "ikke en af svarmulighederne i options. Mente du 'Ja, helt i drift'? Skriv "
                  "den præcis som i options.")
    assert en == (f"kl-survey: error: {spec}:48: question[1].yes: 'Ja, fuldt i drift' is "
                  "not one of the options in options. Did you mean 'Ja, helt i drift'? Write "
                  "it exactly as in options.")


def test_spec_grid_columns_that_do_not_fit_the_cells(tmp_path: Path) -> None:
    spec = _spec(tmp_path, EXAMPLE_Q1_DIR / "survey.toml", '    "Marts",\n] # kolonnerne',
                 '    "Marts",\n    "April",\n] # kolonnerne')
    da, en = in_both(["analyze", str(EXAMPLE_Q1_DIR / "responses.xlsx"), "--spec", str(spec)],
                     2, data=[str(spec)])
    assert da == (f"kl-survey: fejl: {spec}:44: question[1].columns: 12 kolonner passer "
                  "ikke til 4 rækker x 4 kolonner. Skriv én kildekolonne pr. celle, række for "
                  "række.")
    assert en == (f"kl-survey: error: {spec}:44: question[1].columns: 12 columns do not "
                  "fit 4 rows x 4 columns. Write one source column per cell, row by row.")


def test_spec_apply_a_missing_question_and_an_unlisted_answer(tmp_path: Path) -> None:
    """The spec calls "Ja, helt i drift" something else everywhere, and has a q9 the
    export lacks: two warnings, the run goes on."""
    spec = _spec(tmp_path, EXAMPLE_DIR / "survey.toml", '"Ja, helt i drift"',
                 '"Ja, fuldt i drift"', '\n[[question]]\nid = "q9"\nnumber = 9\n'
                 'text = "Har I en venteliste?"\ntype = "single"\n')
    out = str(tmp_path / "a.json")
    das, ens = both_runs(["analyze", str(EXAMPLE), "--spec", str(spec), "-f", "json", "-o",
                          out], 0, data=[str(spec), "Har I en venteliste?", "Ja, helt i drift",
                                         "1. Er tilbuddet i drift?", "Besvarelser"])
    assert das == [
        f"kl-survey: advarsel: {spec}, spørgsmål q9: Spørgsmålet q9 ('Har I en "
        "venteliste?') findes ikke i eksporten. Tjek at det er den rigtige eksport, eller fjern "
        "spørgsmålet fra specifikationen.",
        "kl-survey: advarsel: responses.xlsx, ark 'Besvarelser', kolonne '1. Er tilbuddet i "
        "drift?', spørgsmål q1: Svaret 'Ja, helt i drift' (60 svar) står ikke i "
        "specifikationens options for q1; det er talt med som en ekstra svarmulighed. Tilføj "
        "det til options, eller slå det sammen med merge/rename."]
    assert ens == [
        f"kl-survey: warning: {spec}, question q9: The question q9 ('Har I en "
        "venteliste?') is not in the export. Check that it is the right export, or remove "
        "the question from the spec.",
        "kl-survey: warning: responses.xlsx, sheet 'Besvarelser', column '1. Er tilbuddet i "
        "drift?', question q1: The answer 'Ja, helt i drift' (60 answers) is not in the "
        "spec's options for q1; it was counted as an extra option. Add it to options, or "
        "merge it with merge/rename."]


def test_spec_apply_grid_a_row_the_data_lacks(tmp_path: Path) -> None:
    spec = _spec(tmp_path, EXAMPLE_Q1_DIR / "survey.toml", '    "Fysiske rammer",\n    "Sam',
                 '    "Fysiske forhold",\n    "Sam')
    out = str(tmp_path / "a.json")
    das, ens = both_runs(["analyze", str(EXAMPLE_Q1_DIR / "responses.xlsx"), "--spec",
                          str(spec), "-f", "json", "-o", out], 0,
                         data=[GRID_COLUMN, "Besvarelser", "Fysiske forhold", "Fysiske rammer"])
    where_da = f"responses.xlsx, ark 'Besvarelser', kolonne '{GRID_COLUMN}', spørgsmål q3"
    where_en = f"responses.xlsx, sheet 'Besvarelser', column '{GRID_COLUMN}', question q3"
    assert das == [
        f"kl-survey: advarsel: {where_da}: Rækken 'Fysiske forhold' i q3 findes ikke i data. "
        "Ret stavemåden i specifikationen.",
        f"kl-survey: advarsel: {where_da}: Rækken 'Fysiske rammer' i q3 står ikke i "
        "specifikationen; den er talt med. Tilføj den i specifikationen."]
    assert ens == [
        f"kl-survey: warning: {where_en}: The row 'Fysiske forhold' in q3 is not in the data. "
        "Correct the spelling in the spec.",
        f"kl-survey: warning: {where_en}: The row 'Fysiske rammer' in q3 is not in the spec; "
        "it was counted. Add it to the spec."]
