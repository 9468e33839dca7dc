"""The report model: headings, key sentences, bar order, notes and the method box."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from kl_survey.analysis import Analysis, analyse
from kl_survey.model import BaseRule, Meta, Population, QType, Question, SourceInfo, Survey
from kl_survey.pipeline import run
from kl_survey.report import structure
from kl_survey.report.order import display_order, is_yes_no

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"


def _generate_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(EXAMPLE.parent))
    import generate  # type: ignore[import-not-found]

    return generate


@pytest.fixture(scope="module")
def example() -> Analysis:
    return run(EXAMPLE)[0]


@pytest.fixture(scope="module")
def model(example: Analysis) -> structure.ReportModel:
    return structure.build(example, "da")


def _section(m: structure.ReportModel, n: int) -> structure.Section:
    (sec,) = [s for s in m.sections if s.number == n]
    return sec


def _single_survey(options: tuple[str, ...], answers: list[str | None], *,
                   base: BaseRule | None = None, population: Population | None = None) -> Survey:
    q = Question(id="q1", number=1, text="Er I med?", type=QType.SINGLE, options=options,
                 base=base or BaseRule())
    n = len(answers)
    respondents = pd.DataFrame({"row": range(2, n + 2), "municipality": pd.array([pd.NA] * n,
                                dtype="Int64"), "municipality_raw": [None] * n,
                                "complete": [True] * n})
    data = pd.Series(pd.Categorical(answers, categories=list(options)))
    return Survey(source=SourceInfo("t.csv", "generic", "0" * 64), questions=(q,),
                  respondents=respondents, answers={"q1": data}, population=population)


def test_headings_follow_the_survey_order(model: structure.ReportModel) -> None:
    gen = _generate_module()
    assert [s.heading for s in model.sections] == [
        f"Spørgsmål {n}: {text}" for n, text, *_ in gen.SURVEY
    ]
    assert model.sections[0].heading == "Spørgsmål 1: Er tilbuddet i drift?"


def test_key_sentence_uses_the_yes_share_like_the_newsletter(
        model: structure.ReportModel) -> None:
    assert _section(model, 1).key_sentence == (
        "96,8% af de deltagende kommuner svarer ja (helt i drift eller delvist i drift).")
    assert _section(model, 5).key_sentence == "12,6% af de deltagende kommuner svarer ja."


def test_multi_select_sentence_names_the_top_options(model: structure.ReportModel) -> None:
    assert _section(model, 2).key_sentence == (
        "Flest har svaret »Kommunens hjemmeside« (85,3%), »Aula« (60,0%) og "
        "»Sociale medier« (46,3%).")
    q7 = _section(model, 7).key_sentence
    for pct in ("78,9%", "62,1%", "57,9%"):
        assert pct in q7
    assert "Andet" not in q7


def test_single_without_yes_names_the_largest_option(model: structure.ReportModel) -> None:
    assert _section(model, 6).key_sentence == (
        "58,9% af de deltagende kommuner har svaret »Formaliseret samarbejde "
        "(fx en skriftlig aftale)«.")


def test_multi_select_bars_sorted_with_residual_answers_last(
        model: structure.ReportModel) -> None:
    chart = _section(model, 7).chart
    assert chart is not None
    labels = [b.label for b in chart.bars]
    assert labels[-2:] == ["Andet", "BUP understøtter ikke tilbuddet"]
    values = [b.value for b in chart.bars[:-2]]
    assert values == sorted(values, reverse=True)
    assert [b.muted for b in chart.bars] == [False] * 4 + [True, True]
    q3 = _section(model, 3).chart
    assert q3 is not None and q3.bars[-1].label == "Nej, ikke endnu" and q3.bars[-1].muted


def test_single_choice_keeps_option_order(example: Analysis,
                                          model: structure.ReportModel) -> None:
    chart = _section(model, 5).chart
    assert chart is not None
    options = example.questions[4].question.options
    assert [b.label for b in chart.bars] == list(options)
    assert [b.value for b in chart.bars] != sorted((b.value for b in chart.bars), reverse=True)
    # "Nej" is a finding in a single-choice question; only "Ved ikke" is greyed out.
    assert [b.muted for b in chart.bars] == [o == "Ved ikke" for o in options]
    assert chart.kind == "bars"


def test_every_published_percentage_is_in_the_model(model: structure.ReportModel) -> None:
    gen = _generate_module()
    for number, label, pct in gen.PUBLISHED:
        sec = _section(model, number)
        assert sec.chart is not None
        texts = {b.label: b.text for b in sec.chart.bars}
        if label is None:
            assert f"{pct}%" in sec.key_sentence
        else:
            assert texts[label] == f"{pct}%"


def test_notes_alt_text_and_source(model: structure.ReportModel) -> None:
    sec = _section(model, 2)
    assert sec.notes == ("Antal besvarelser: 95", "Flere svar muligt",
                         "Sorteret efter andel; sidst, i gråt: »Andet, angiv« (samlekategori)")
    assert sec.chart is not None
    # No credit in the export: no source line, and never the file name (issue 14.4).
    assert sec.chart.notes == (" · ".join(sec.notes),)
    for bar in sec.chart.bars:
        assert f"{bar.label}: {bar.text}" in sec.chart.alt
    assert sec.chart.alt.startswith("Vandret søjlediagram for spørgsmål 2.")
    assert "Antal besvarelser" not in sec.chart.alt  # visible under the chart; said once


def test_method_box(model: structure.ReportModel) -> None:
    facts = {f.label: f.value for f in model.facts}
    assert list(facts) == ["Inviterede", "Deltagende", "Svarprocent", "Har ikke svaret"]
    assert facts["Deltagende"] == "95 kommuner"
    assert facts["Inviterede"] == "98 kommuner"
    assert facts["Svarprocent"] == "96,9%"
    assert facts["Har ikke svaret"] == "Vallensbæk, Lemvig og Læsø"
    assert "ikke ud af antallet af afkrydsninger" in model.bases_text
    assert model.lede.startswith(
        "95 af de 98 inviterede kommuner besvarede spørgeskemaet (svarprocent 96,9%).")


def test_appendix_holds_the_free_text(model: structure.ReportModel) -> None:
    gen = _generate_module()
    (group,) = model.appendix
    assert group.heading.startswith("Spørgsmål 2:")
    assert "»Andet, angiv«" in group.heading
    assert sorted(group.answers) == sorted(gen.OTHER_Q2)


def test_english(example: Analysis) -> None:
    m = structure.build(example, "en")
    sec = _section(m, 1)
    assert sec.heading == "Question 1: Er tilbuddet i drift?"
    assert sec.key_sentence.startswith("96.8% of the participating municipalities answer yes")
    assert sec.notes == ("Number of responses: 95",)
    assert m.page_word == "Page"


def test_meta_sets_title_round_and_source_line(example: Analysis) -> None:
    meta = Meta(title="Lettilgængeligt tilbud", round="Maj 2025",
                credit="Kilde: KL's rundspørge, maj 2025")
    m = structure.build(replace(example, meta=meta), "da")
    assert m.title == "Lettilgængeligt tilbud"
    assert m.kicker.endswith("Maj 2025")
    chart = m.sections[0].chart
    assert chart is not None and chart.notes[-1] == "Kilde: KL's rundspørge, maj 2025"
    assert structure.build(example, "da", title="Min titel").title == "Min titel"


def test_short_title_and_stacked_chart_from_the_spec(example: Analysis) -> None:
    r8 = example.questions[7]
    q8 = replace(r8.question, chart="stacked", title="Civilsamfundet")
    changed = replace(example, questions=(*example.questions[:7], replace(r8, question=q8)))
    chart = structure.build(changed, "da").sections[7].chart
    assert chart is not None
    assert chart.kind == "stacked" and chart.title == "Civilsamfundet"
    assert is_yes_no(q8)
    # Stacking a multi-select question would suggest its shares add up to 100%.
    r2 = example.questions[1]
    multi = replace(example, questions=(replace(r2, question=replace(r2.question,
                                                                       chart="stacked")),))
    multi_chart = structure.build(multi, "da").sections[0].chart
    assert multi_chart is not None and multi_chart.kind == "bars"


def test_excluded_option_leaves_chart_and_is_noted() -> None:
    rule = BaseRule(kind="exclude", exclude=("Ved ikke",))
    a = analyse(_single_survey(("Ja", "Nej", "Ved ikke"),
                               ["Ja", "Ja", "Nej", "Ved ikke", None], base=rule))
    m = structure.build(a, "da")
    sec = m.sections[0]
    assert sec.chart is not None
    assert [b.label for b in sec.chart.bars] == ["Ja", "Nej"]
    assert [b.text for b in sec.chart.bars] == ["66,7%", "33,3%"]
    assert sec.notes[0] == "Antal besvarelser: 3"
    assert "1 svar »Ved ikke« indgår ikke i andelene" in sec.notes
    assert "spørgsmål 1 (uden »Ved ikke«)" in m.bases_text
    assert len(display_order(a.questions[0])) == 2


def test_unit_is_respondents_without_municipalities() -> None:
    a = analyse(_single_survey(("Meget", "Lidt"), ["Lidt", "Meget", "Lidt"]))
    m = structure.build(a, "da")
    assert m.sections[0].key_sentence == "66,7% af respondenterne har svaret »Lidt«."
    assert "kommuner" not in m.lede


def test_ties_and_empty_questions() -> None:
    tied = analyse(_single_survey(("A", "B", "C"), ["A", "B", "C", "A", "B"]))
    assert structure.build(tied, "da").sections[0].key_sentence == (
        "Lige mange (40,0%) har svaret »A« og »B«.")
    empty = analyse(_single_survey(("Ja", "Nej"), [None, None]))
    sec = structure.build(empty, "da").sections[0]
    assert sec.key_sentence == "Ingen har besvaret spørgsmålet."
    assert sec.chart is not None and [b.text for b in sec.chart.bars] == ["–", "–"]


def test_numeric_and_text_questions_get_no_chart() -> None:
    n = 4
    qs = (Question(id="q1", number=1, text="Hvor mange ansatte?", type=QType.NUMERIC),
          Question(id="q2", number=2, text="Kommentarer", type=QType.TEXT))
    respondents = pd.DataFrame({"row": range(2, n + 2), "municipality": pd.array(
        [pd.NA] * n, dtype="Int64"), "municipality_raw": [None] * n, "complete": [True] * n})
    answers = {"q1": pd.Series([2.0, 4.0, 9.0, None]),
               "q2": pd.Series(["God idé", None, "<b>fed</b>", "  "], dtype="str")}
    survey = Survey(source=SourceInfo("t.csv", "generic", "0" * 64), questions=qs,
                    respondents=respondents, answers=answers)
    m = structure.build(analyse(survey), "da")
    numeric, text = m.sections
    assert numeric.chart is None and text.chart is None
    assert numeric.key_sentence == "Gennemsnittet er 5 (median 4), ud fra 3 svar."
    assert numeric.table is not None
    assert ("Gennemsnit", "5") in [row.cells for row in numeric.table.rows]
    assert text.key_sentence == "2 har skrevet et svar. Svarene står i bilaget."
    assert text.table is None and text.notes == ()
    (group,) = m.appendix
    assert group.heading == "Spørgsmål 2: Kommentarer"
    assert group.answers == ("God idé", "<b>fed</b>")


def test_spec_chosen_yes_option_is_named_not_called_ja() -> None:
    opts = ("Formaliseret samarbejde", "Uformelt samarbejde", "Ved ikke")
    survey = _single_survey(opts, ["Formaliseret samarbejde"] * 3 + ["Uformelt samarbejde"],
                            population=Population("kommuner", 98))
    q = replace(survey.questions[0], yes=("Formaliseret samarbejde",))
    m = structure.build(analyse(survey.with_questions((q,))), "da")
    assert m.sections[0].key_sentence == (
        "75,0% af de deltagende kommuner har svaret »Formaliseret samarbejde«.")


# Issue 14 ----------------------------------------------------------------------------


def _all_text(m: structure.ReportModel) -> str:
    """Every sentence a reader sees, for wording checks."""
    parts = [m.title, m.kicker, m.lede, m.bases_text, *(h.text for h in m.highlights),
             *(f"{f.label} {f.value}" for f in m.facts)]
    for sec in m.sections:
        parts += [sec.heading, sec.key_sentence, *sec.notes]
        if sec.chart is not None:
            parts += [sec.chart.alt, *sec.chart.notes]
    return "\n".join(parts)


def test_one_term_for_the_invited_and_one_for_those_who_answered(
        model: structure.ReportModel) -> None:
    """Issue 14.3: 98 are "inviterede", the 95 whose answers make every share are
    "deltagende"; "adspurgte" (ambiguous between the two) is never used."""
    text = _all_text(model)
    assert "adspurgt" not in text.lower()
    assert "inviterede kommuner" in model.lede and "98" in model.lede
    assert text.count("de deltagende kommuner") >= 5
    for sec in model.sections:
        if "%" in sec.key_sentence and "af " in sec.key_sentence:
            assert "inviterede" not in sec.key_sentence


def test_danish_quotation_marks(model: structure.ReportModel) -> None:
    text = _all_text(model) + "".join(g.heading for g in model.appendix)
    marks = re.findall("[»«]", text)
    assert len(marks) > 10
    assert marks == ["»", "«"] * (len(marks) // 2)  # always »…«, never «…»


def test_highlights_give_each_question_one_line(model: structure.ReportModel) -> None:
    """Issue 14.5: the box that opens the report, one line per question; the spec's
    short titles name the questions, else the question itself does."""
    from kl_survey.analysis import analyse
    from kl_survey.pipeline import LoadOptions, load

    assert model.highlights[0].text == ("Er tilbuddet i drift? Ja (helt i drift eller "
                                        "delvist i drift)")
    loaded = load(EXAMPLE, LoadOptions(spec=EXAMPLE.parent / "survey.toml"))
    titled = structure.build(analyse(loaded.survey), "da")
    lines = {h.anchor: (h.value, h.text) for h in titled.highlights}
    assert list(lines) == [f"q{n:02d}" for n in range(1, 9)]
    assert lines["q01"] == ("96,8%", "Tilbuddet i drift: ja (helt i drift eller delvist i "
                                     "drift)")
    assert lines["q05"] == ("12,6%", "Samarbejde med andre kommuner: ja")
    assert lines["q02"] == ("85,3%", "Information til borgerne: flest har svaret "
                                     "»Kommunens hjemmeside«")
    assert lines["q06"][0] == "58,9%" and "»Formaliseret samarbejde" in lines["q06"][1]


def test_table_rows_follow_the_chart_order(model: structure.ReportModel) -> None:
    """Issue 14.6: a sorted chart and its table list the options in the same order."""
    for sec in model.sections:
        assert sec.chart is not None and sec.table is not None
        chart_labels = [b.label for b in sec.chart.bars]
        table_labels = [row.cells[0] for row in sec.table.rows][:len(chart_labels)]
        assert table_labels == chart_labels, sec.anchor
    q7 = _section(model, 7).table
    assert q7 is not None
    assert [r.cells[2] for r in q7.rows[:4]] == ["78,9%", "62,1%", "57,9%", "31,6%"]


def test_grey_bar_below_a_shorter_one_has_a_stated_reason(
        model: structure.ReportModel) -> None:
    """Issue 14.7: "Nej, ikke endnu" (31,6%) sits under "Ja, til andre" (8,4%) in grey;
    the note under the chart says why."""
    sec = _section(model, 4)
    assert sec.chart is not None
    last = sec.chart.bars[-1]
    assert last.label == "Nej, ikke endnu" and last.muted
    assert last.value > sec.chart.bars[-2].value
    assert "Sorteret efter andel; sidst, i gråt: »Nej, ikke endnu« (nej-svar)" in sec.notes
    # a chart in the questionnaire's order needs no such note
    assert not any("Sorteret" in n for n in _section(model, 5).notes)


def test_one_scale_object_for_every_chart(model: structure.ReportModel) -> None:
    """Issue 14.1: one BarScale per report, fitted to its widest label."""
    from kl_survey.report import scale, style

    charts = [sec.chart for sec in model.sections if sec.chart is not None]
    assert {id(c.scale) for c in charts} == {id(model.scale)}
    assert model.scale.label_width == style.MAX_LABEL_WIDTH  # Q7's labels are long
    for chart in charts:
        for bar in chart.bars:
            assert bar.length == pytest.approx(bar.value / model.scale.domain)
    short = scale.for_labels(["Ja", "Nej"])
    assert short.label_width < 0.6 and short.track > model.scale.track


def test_provenance_only_in_the_colophon(example: Analysis) -> None:
    """Issue 14.4: file names and the version are for the analyst, not the reader."""
    plain = structure.build(example, "da")
    assert plain.colophon == ()
    assert "responses.xlsx" not in _all_text(plain)
    assert "kl-survey" not in _all_text(plain)
    with_colophon = structure.build(example, "da", colophon=True)
    assert with_colophon.colophon[0] == "Datagrundlag: responses.xlsx, ark »Besvarelser«"
    assert with_colophon.colophon[1].startswith("Lavet med kl-survey ")


def test_control_characters_are_shown_not_passed_on() -> None:
    """Issue 10.8: a NUL or ESC in an answer reaches no chart or page as is."""
    survey = _single_survey(("Ja\x00", "Nej\x1b[31m"), ["Ja\x00", "Nej\x1b[31m", "Ja\x00"])
    m = structure.build(analyse(survey), "da")
    sec = m.sections[0]
    assert sec.chart is not None
    assert [b.label for b in sec.chart.bars] == ["Ja\ufffd", "Nej\ufffd[31m"]
    assert "\x00" not in _all_text(m) and "\x1b" not in _all_text(m)
