"""The SurveyXact reader: the example survey in SurveyXact layout, edge cases built in
tmp_path, and the real readSX exports (read by path, never copied)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kl_survey.analysis import analyse
from kl_survey.cli import app
from kl_survey.errors import InputError
from kl_survey.model import QType, Survey
from kl_survey.numbers import format_decimal, round_half_up
from kl_survey.output.results import to_dict
from kl_survey.readers import Probe, ReadOptions, read_survey
from kl_survey.readers.infer import clean_label
from kl_survey.readers.source.table import read_table, read_workbook
from kl_survey.readers.tools.surveyxact import READER
from kl_survey.readers.tools.surveyxact.structure import (
    Variable,
    norm_code,
    parse_labels,
    parse_structure,
    plan,
)

from fixtures.surveyxact_layout import CONTACT, PARTIAL, _example, write_csv, write_surveyxact
from paths import EXAMPLE, REAL_EXPORTS

REAL = REAL_EXPORTS / "surveyxact-readSX"
REAL_VARIANTS = ("ex_survey2.xlsx", "ex_survey2_semicolon_ansi", "ex_survey2_comma_ansi",
                 "ex_survey2_tab_utf16")
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="real exports not available")
runner = CliRunner()


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_surveyxact(tmp_path_factory.mktemp("sx"))


def _doc(path: Path, **options: object) -> dict:
    doc = to_dict(analyse(read_survey(path, options=ReadOptions(**options))))  # type: ignore[arg-type]
    doc.pop("source")
    return doc


def _pct(count: int, base: int) -> str:
    return format_decimal(round_half_up(Fraction(100 * count, base)))


# ---------------------------------------------------------------- the example survey


@pytest.mark.parametrize("variant", ["xlsx", "csv_semicolon", "csv_comma", "csv_tab"])
def test_every_variant_reproduces_the_published_percentages(variants: dict[str, Path],
                                                            variant: str) -> None:
    survey = read_survey(variants[variant])
    assert survey.source.format == "surveyxact"
    a = analyse(survey)
    assert a.respondents == 95 and a.partial == len(PARTIAL)
    assert [m.code for m in a.coverage.non_respondents] == [187, 665, 825]
    qs = {r.question.number: r for r in a.questions}
    assert sorted(qs) == list(range(1, 9))
    for number, label, pct in _example().PUBLISHED:
        r = qs[number]
        if label is None:
            count, base = r.yes.count, r.yes.base
        else:
            (opt,) = [o for o in r.options if o.label == label]
            count, base = opt.count, opt.base
        assert base == 95
        assert _pct(count, base) == pct, (variant, number, label)


def test_all_variants_give_identical_results_and_notes(variants: dict[str, Path]) -> None:
    docs = {k: _doc(p) for k, p in variants.items()}
    assert all(d == docs["xlsx"] for d in docs.values())
    notes = {k: read_survey(p).notes for k, p in variants.items()}
    assert len(set(notes.values())) == 1
    assert "4 delvise besvarelser er talt med (brug --complete-only for at udelade dem)." \
        in notes["xlsx"]
    assert any(n.startswith("3 udsendte skemaer uden besvarelse") for n in notes["xlsx"])


def test_option_order_is_the_questionnaires_not_the_codes(variants: dict[str, Path]) -> None:
    survey = read_survey(variants["csv_semicolon"])
    gen = _example()
    for number, _text, _kind, options, _ in gen.SURVEY:
        q = survey.question(f"q{number}")
        assert q.options == tuple(label for label, _ in options)  # cleaned, in order
    assert survey.question("q5").dont_know == ("Ved ikke",)
    assert survey.question("q2").type is QType.MULTI
    assert survey.question("q2").columns == tuple(f"s_2_{j}" for j in range(1, 7))


def test_andet_text_goes_with_its_question(variants: dict[str, Path]) -> None:
    survey = read_survey(variants["csv_tab"])
    assert len(survey.questions) == 8  # s_9 is not a question of its own
    other = survey.other_text["q2"].dropna().tolist()
    assert other == list(_example().OTHER_Q2)
    ticked = survey.answers["q2"]["Andet, angiv"]
    assert survey.other_text["q2"].notna().equals(ticked)


def test_complete_only_leaves_out_partial_respondents(variants: dict[str, Path]) -> None:
    survey = read_survey(variants["xlsx"], options=ReadOptions(complete_only=True))
    assert survey.n == 95 - len(PARTIAL)
    assert survey.respondents["complete"].all()
    assert "4 delvise besvarelser er udeladt (--complete-only)." in survey.notes


def test_non_respondent_rows_never_count(variants: dict[str, Path]) -> None:
    survey = read_survey(variants["xlsx"])
    # the three distributed rows carry a municipality and 0s in every multi column
    assert not survey.respondents["municipality"].isin([187, 665, 825]).any()
    assert survey.respondents["municipality"].notna().all()
    assert survey.respondents["id"].nunique() == 95
    assert "municipality" not in {q.text.lower() for q in survey.questions}
    assert all("b_1_1" not in q.columns for q in survey.questions)
    assert not any("b_1_1" in n for n in survey.notes)  # the municipality is not "hidden"


def test_contact_columns_are_never_printed(variants: dict[str, Path]) -> None:
    for fmt in ("table", "json", "csv", "markdown"):
        res = runner.invoke(app, ["analyze", str(variants["csv_comma"]), "-f", fmt])
        assert res.exit_code == 0, res.output
        for secret in ("Fornavn", "Efternavn", "example.dk", "K0001", "29189001",
                       "Kontaktoplysninger"):
            assert secret not in res.stdout, (fmt, secret)
    survey = read_survey(variants["csv_comma"])
    used = {c for q in survey.questions for c in q.columns}
    assert not used & set(CONTACT)


def test_cli_reads_the_folder_and_the_dataset_file(variants: dict[str, Path]) -> None:
    folder = variants["csv_semicolon"]
    for target in (folder, folder / "dataset.csv"):
        res = runner.invoke(app, ["analyze", str(target)])
        assert res.exit_code == 0, res.output
        assert "96,8%" in res.stdout and "Deltagende: 95" in res.stdout


# ---------------------------------------------------------------- detection


def test_detection(variants: dict[str, Path], tmp_path: Path) -> None:
    assert READER.detect(Probe(variants["xlsx"])) == 0.95
    assert READER.detect(Probe(variants["csv_tab"])) == 0.95
    assert READER.detect(Probe(variants["csv_comma"] / "dataset.csv")) == 0.95
    assert READER.detect(Probe(EXAMPLE)) == 0.0
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(variants["csv_tab"] / "dataset.csv", lonely / "dataset.csv")
    assert READER.detect(Probe(lonely)) == 0.0
    assert READER.detect(Probe(lonely / "dataset.csv")) == 0.0


# ---------------------------------------------------------------- variations


def _semicolon(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "sx", "semicolon")


def _rewrite(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_bytes().decode("cp1252")
    path.write_bytes(change(text).encode("cp1252"))


def test_codes_written_as_floats_are_the_same_codes(variants: dict[str, Path],
                                                    tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    frame = pd.read_csv(folder / "dataset.csv", sep=";", dtype=str, encoding="cp1252",
                        keep_default_na=False)
    for col in frame.columns:
        if col.startswith(("s_", "stato_", "b_")) and col != "s_9":
            frame[col] = [f"{v}.0" if v else v for v in frame[col]]
    frame.to_csv(folder / "dataset.csv", sep=";", index=False, encoding="cp1252")
    assert _doc(folder) == _doc(variants["xlsx"])


def test_code_missing_from_labels_is_kept_and_noted(tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    frame = pd.read_csv(folder / "dataset.csv", sep=";", dtype=str, encoding="cp1252",
                        keep_default_na=False)
    frame.loc[0, "s_1"] = "4"  # Labels for s_1 has 1, 2, 5, 3
    frame.to_csv(folder / "dataset.csv", sep=";", index=False, encoding="cp1252")
    survey = read_survey(folder)
    q1 = survey.question("q1")
    assert q1.options[-1] == "4"
    assert int((survey.answers["q1"] == "4").sum()) == 1
    assert any("'s_1'" in n and "(4)" in n for n in survey.notes)


def test_structure_variable_missing_from_dataset_is_noted(tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    frame = pd.read_csv(folder / "dataset.csv", sep=";", dtype=str, encoding="cp1252",
                        keep_default_na=False)
    frame.drop(columns=["s_2_3"]).to_csv(folder / "dataset.csv", sep=";", index=False,
                                         encoding="cp1252")
    survey = read_survey(folder)
    assert "Sundhed.dk" not in survey.question("q2").options
    assert len(survey.question("q2").options) == 5
    assert any("'s_2_3'" in n and "Dataset" in n for n in survey.notes)


def test_long_status_names_and_no_structure_rows(variants: dict[str, Path],
                                                 tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    _rewrite(folder / "dataset.csv",
             lambda t: t.replace("stato_", "statoverall_").replace("responde;", "respondent;"))
    _rewrite(folder / "structure.csv",
             lambda t: "\n".join(line for line in t.split("\n")
                                 if not line.startswith("statoverall")))
    assert _doc(folder) == _doc(variants["xlsx"])


def test_without_status_rows_with_no_answers_are_dropped(tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    frame = pd.read_csv(folder / "dataset.csv", sep=";", dtype=str, encoding="cp1252",
                        keep_default_na=False)
    frame.drop(columns=[f"stato_{k}" for k in range(1, 6)]).to_csv(
        folder / "dataset.csv", sep=";", index=False, encoding="cp1252")
    survey = read_survey(folder)
    assert survey.n == 95
    assert survey.respondents["complete"].all()


@pytest.mark.parametrize("how", ["codes_without_labels", "names_as_text"])
def test_municipality_background_variable_forms(tmp_path: Path, how: str) -> None:
    folder = _semicolon(tmp_path)
    _rewrite(folder / "labels.csv",
             lambda t: "\n".join(x for x in t.split("\n") if not x.startswith("b_1_1;")))
    if how == "names_as_text":
        gen = _example()
        from kl_survey.municipalities import by_code

        frame = pd.read_csv(folder / "dataset.csv", sep=";", dtype=str, encoding="cp1252",
                            keep_default_na=False)
        frame["b_1_1"] = [gen._display_name(by_code(int(c)).name, int(c)) for c in frame["b_1_1"]]
        frame.to_csv(folder / "dataset.csv", sep=";", index=False, encoding="cp1252")
    survey = read_survey(folder)
    a = analyse(survey)
    assert [m.code for m in a.coverage.non_respondents] == [187, 665, 825]
    assert not any("b_1_1" in n for n in survey.notes)  # background: no label note


def test_missing_labels_sheet_is_a_clear_error(variants: dict[str, Path], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(variants["xlsx"])
    del wb["Labels"]
    path = tmp_path / "uden-labels.xlsx"
    wb.save(path)
    with pytest.raises(InputError, match="mangler arket 'Labels'"):
        read_survey(path, source="surveyxact")
    res = runner.invoke(app, ["analyze", str(path), "--source", "surveyxact"])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and path.name in res.stderr


def test_missing_csv_part_is_a_clear_error(tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    (folder / "labels.csv").unlink()
    res = runner.invoke(app, ["analyze", str(folder), "--source", "surveyxact"])
    assert res.exit_code == 2
    assert "labels.csv" in res.stderr and "Traceback" not in res.output


# ---------------------------------------------------------------- the plan, directly


def _var(name: str, question: str, qtype: str = "closed", subtype: str = "single",
         text: str = "Spørgsmål?", choice: str | None = None) -> Variable:
    return Variable(name, question, qtype, subtype, text, None, choice)


def test_plan_types_links_and_bookkeeping() -> None:
    variables = [
        _var("s_1", "s_1", text="Hvor mange?", qtype="open", subtype="integer"),
        _var("s_2", "s_2", text="Hvilken?"),
        _var("s_3", "s_3", qtype="open", subtype="string", text="Kommentar"),
        _var("b_1_1", "b_1", text="Kommune"),
        _var("email", "email", qtype="open", subtype="string", text="E-mail"),
        _var("stato_4", "statoverall", subtype="multiple", choice="Gennemført"),
        _var("s_4", "s_4", qtype="open", subtype="string", text="Hvilken? - Andet, angiv"),
        _var("s_5", "s_5", qtype="open", subtype="string", text="Hvilken? - Uddyb venligst"),
    ]
    labels = {"s_2": {"1": "Ja", "2": "Andet"}}
    layout = plan(variables, labels, ["s_1", "s_2", "s_3", "b_1_1", "stato_4", "s_4", "s_5"])
    kinds = [(it.name, it.kind) for it in layout.items]
    assert kinds == [("s_1", "numeric"), ("s_2", "single"), ("s_3", "text"), ("s_5", "text")]
    assert [(layout.items[i].name, v.name) for i, v in layout.others] == [("s_2", "s_4")]
    assert [v.name for v in layout.background] == ["b_1_1"]
    assert layout.status == {"stato_4": "complete"}


def test_parse_structure_and_labels() -> None:
    rows = [["questionName", "variableName", "questionType", "subType", "questionText",
             "choiceValue", "choiceText", None],
            ["s_1", "s_1_1", "Closed", "Multiple", "Hvad?\n", "1.0", "Aula  \n", None]]
    (v,) = parse_structure(rows, file="structure.csv", sheet=None)
    assert (v.text, v.choice_value, v.choice_text, v.subtype) == ("Hvad?", "1", "Aula", "multiple")
    with pytest.raises(InputError, match="questionText"):
        parse_structure([["questionName", "variableName"]], file="s.csv", sheet=None)
    labels = parse_labels([["s_2", "5", "Ja "], ["s_2", 1.0, "Nej\n"], ["s_2", "9", None]])
    assert labels == {"s_2": {"5": "Ja", "1": "Nej", "9": "9"}}
    assert [norm_code(x) for x in ("1.0", " 2 ", "3,00", "1.5", "x")] == ["1", "2", "3", "1.5",
                                                                          "x"]


# ---------------------------------------------------------------- the real exports


@pytest.fixture(scope="module")
def real_surveys() -> dict[str, Survey]:
    return {v: read_survey(REAL / v) for v in REAL_VARIANTS}


@pytest.fixture(scope="module")
def real_docs(real_surveys: dict[str, Survey]) -> dict[str, dict]:
    docs = {v: to_dict(analyse(s)) for v, s in real_surveys.items()}
    for doc in docs.values():
        doc.pop("source")
    return docs


@pytest.fixture(scope="module")
def real_tables() -> dict[str, pd.DataFrame]:
    wb = read_workbook(REAL / "ex_survey2.xlsx", ["Dataset", "Labels", "Structure"])
    out = {}
    for name, t in wb.items():
        frame = t.frame
        if name != "Labels":
            frame = frame.iloc[1:].set_axis([str(h) for h in frame.iloc[0]], axis=1)
        out[name] = frame.reset_index(drop=True)
    return out


@needs_real
def test_real_variants_are_identical(real_docs: dict[str, dict],
                                    real_surveys: dict[str, Survey]) -> None:
    first = real_docs[REAL_VARIANTS[0]]
    for v in REAL_VARIANTS[1:]:
        assert real_docs[v] == first, v
    notes = {v: s.notes for v, s in real_surveys.items()}
    assert len(set(notes.values())) == 1


@needs_real
def test_real_respondents_are_the_completed_and_partial_rows(
        real_docs: dict[str, dict], real_tables: dict[str, pd.DataFrame],
        real_surveys: dict[str, Survey]) -> None:
    data = real_tables["Dataset"]
    answered = (data["stato_3"] == "1") | (data["stato_4"] == "1")
    expected = int(answered.sum())
    assert expected == 425 and len(data) == 999
    doc = real_docs["ex_survey2.xlsx"]
    assert doc["respondents"] == expected
    assert doc["partial_respondents"] == int((data["stato_3"] == "1").sum())
    rows = set(real_surveys["ex_survey2.xlsx"].respondents["row"])
    for i, is_answered in enumerate(answered):
        assert ((i + 2) in rows) == bool(is_answered)  # Excel row = index + header + 1
    survey = read_survey(REAL / "ex_survey2_semicolon_ansi", options=ReadOptions(
        complete_only=True))
    assert survey.n == int((data["stato_4"] == "1").sum())


@needs_real
def test_real_single_counts_follow_labels(real_tables: dict[str, pd.DataFrame],
                                          real_surveys: dict[str, Survey]) -> None:
    data, labels = real_tables["Dataset"], real_tables["Labels"]
    kept = data[(data["stato_3"] == "1") | (data["stato_4"] == "1")]
    survey = real_surveys["ex_survey2_tab_utf16"]
    a = {r.question.columns: r for r in analyse(survey).questions}
    for var in ("s_2", "s_6", "pb_1", "b_2"):
        lab = labels[labels[0] == var]
        mapping = {c: clean_label(label) for c, label in zip(lab[1], lab[2], strict=True)}
        r = a[(var,)]
        assert [o.label for o in r.options] == list(dict.fromkeys(mapping.values()))
        expected = kept[var].dropna().map(mapping).value_counts()
        assert {o.label: o.count for o in r.options if o.count} == expected.to_dict(), var
        assert r.base == int(kept[var].notna().sum())


@needs_real
def test_real_multi_options_follow_structure(real_tables: dict[str, pd.DataFrame],
                                             real_surveys: dict[str, Survey]) -> None:
    structure, data = real_tables["Structure"], real_tables["Dataset"]
    kept = data[(data["stato_3"] == "1") | (data["stato_4"] == "1")]
    survey = real_surveys["ex_survey2_comma_ansi"]
    for qname in ("v_1", "s_4", "s_11"):
        rows = structure[structure["questionName"] == qname]
        q = next(q for q in survey.questions if q.columns == tuple(rows["variableName"]))
        assert q.type is QType.MULTI
        assert q.options == tuple(clean_label(t) for t in rows["choiceText"])
        ticks = survey.answers[q.id].sum().tolist()
        assert ticks == [int((kept[v] == "1").sum()) for v in rows["variableName"]]


@needs_real
def test_real_bookkeeping_is_not_questions(real_docs: dict[str, dict],
                                           real_surveys: dict[str, Survey]) -> None:
    survey = real_surveys["ex_survey2_comma_ansi"]
    used = {c for q in survey.questions for c in q.columns}
    assert not used & {"s_1", "s_3", "s_5", "s_7", "b_1_1", "id", "orgnr", "forn", "ettern",
                       "email", "stato_1", "stato_4"}
    assert {"a_p", "a_fp"} <= used  # open questions that are not "Annet" texts
    assert "Baggrundsvariabler vises ikke som spørgsmål: 'Skole' (b_1_1)." in survey.notes
    q1 = survey.question("q1")
    assert q1.columns[0] == "v_1_1"
    assert survey.other_text["q1"].dropna().tolist() == ["skating", "Vanlig fager"]
    res = runner.invoke(app, ["analyze", str(REAL / "ex_survey2_comma_ansi"), "-f", "json"])
    assert res.exit_code == 0
    assert "Kontaktopplysninger" not in res.stdout
    assert len(real_docs["ex_survey2.xlsx"]["questions"]) == len(survey.questions)


@needs_real
def test_real_csv_is_read_with_its_own_dialect() -> None:
    t = read_table(REAL / "ex_survey2_tab_utf16" / "dataset.csv")
    assert t.delimiter == "\t" and t.encoding == "utf-16"


def test_numbering_uses_author_names_only_when_all_are_numbered() -> None:
    from kl_survey.readers.tools.surveyxact.reader import _numbers
    from kl_survey.readers.tools.surveyxact.structure import Item

    def items(*names: str) -> list[Item]:
        return [Item("single", n, "?", (_var(n, n),)) for n in names]

    assert _numbers(items("spm1", "spm2", "spm5")) == [1, 2, 5]
    assert _numbers(items("q1", "q3", "baggrund")) == [1, 2, 3]
    assert _numbers(items("s_1", "s_2", "s_4")) == [1, 2, 3]  # SurveyXact's own names
    assert _numbers(items("q2", "q1")) == [1, 2]


def test_header_only_dataset_is_a_clear_error(tmp_path: Path) -> None:
    folder = _semicolon(tmp_path)
    _rewrite(folder / "dataset.csv", lambda t: t.split("\n", 1)[0] + "\n")
    res = runner.invoke(app, ["analyze", str(folder)])
    assert res.exit_code == 2
    assert "ingen besvarelser" in res.stderr and "dataset.csv" in res.stderr


def test_other_csv_next_to_the_trio_is_not_taken_for_surveyxact(variants: dict[str, Path],
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "blandet"
    shutil.copytree(variants["csv_semicolon"], folder)
    (folder / "rapport.csv").write_text("Kommune;Svar\nAarhus;Ja\nLemvig;Nej\n", encoding="utf-8")
    assert READER.detect(Probe(folder / "rapport.csv")) == 0.0
    assert READER.detect(Probe(folder / "structure.csv")) == 0.95
    assert read_survey(folder / "labels.csv").n == 95  # any part finds its dataset
