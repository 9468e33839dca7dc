"""``report --compare``: each question gains the change since the earlier round, on the
report's one scale, in the model, the page, the figures and the data files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from compare_examples import example_comparison
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.compare import Comparison
from kl_survey.report import html, structure
from kl_survey.report.scale import RENDER_SLACK, text_width
from kl_survey.report.writer import write_report

from paths import EXAMPLE_DIR, EXAMPLE_NOV_DIR


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return example_comparison()


@pytest.fixture(scope="module")
def model(comparison: Comparison) -> structure.ReportModel:
    return structure.build(comparison.rounds[-1].analysis, "da", comparison=comparison)


def test_every_compared_question_gets_its_change(model: structure.ReportModel) -> None:
    first = model.sections[0].compare
    assert first is not None and first.heading == "Udvikling siden Maj 2025"
    assert first.key_sentence == (
        "Den største ændring blandt de 94 kommuner, der har svaret i begge runder, er "
        "»Ja, helt i drift«: fra 63,8% til 78,7% (+14,9 procentpoint).")
    new = model.sections[7].compare
    assert new is not None and new.chart is None and new.table is None
    assert new.key_sentence == "Spørgsmålet blev ikke stillet i Maj 2025."
    assert all(sec.compare is not None for sec in model.sections)


def test_the_comparison_shares_the_reports_one_scale(model: structure.ReportModel) -> None:
    charts = [sec.compare.chart for sec in model.sections
              if sec.compare is not None and sec.compare.chart is not None]
    assert len(charts) == 7
    assert all(ch.scale is model.scale for ch in charts)
    assert all(sec.chart.scale is model.scale for sec in model.sections if sec.chart)
    # the label column holds every label and every (bold) change of the comparison
    widest_change = max(text_width(r.change, bold=True) for ch in charts for r in ch.rows)
    assert model.scale.label_width >= widest_change * RENDER_SLACK - 1e-4
    helt = charts[0].rows[0]
    assert helt.lengths == (model.scale.length(60 / 95), model.scale.length(75 / 96))


def test_the_method_box_names_the_comparison(model: structure.ReportModel) -> None:
    facts = {f.label: f.value for f in model.facts}
    assert facts["Sammenlignet med"] == "Maj 2025 (95 deltagende)"
    assert facts["Panel"].startswith("94 kommuner har svaret i begge runder")
    assert facts["Kom til"] == "Vallensbæk (187), Lemvig (665)"
    assert facts["Faldt fra"] == "Ærø (492)"
    assert facts["Kun i Maj 2025"].startswith("spørgsmål 8 (q8) »Samarbejder I med")


def test_the_figures_table_follows_the_chart(model: structure.ReportModel) -> None:
    sec = model.sections[1].compare
    assert sec is not None and sec.chart is not None and sec.table is not None
    assert [r.cells[0] for r in sec.table.rows] == [r.label for r in sec.chart.rows]
    assert sec.table.head == ("Svarmulighed", "Maj 2025, n=95", "November 2025, n=96",
                              "Ændring, alle", "Ændring, panel n=94")
    assert sec.table.rows[0].cells == ("Kommunens hjemmeside", "85,3%", "86,5%", "+1,2 pp.",
                                       "0,0 pp.")


def test_the_page_draws_paired_bars_on_the_same_track(model: structure.ReportModel) -> None:
    page = html.render(model)
    assert page.count('<figure class="chart compare">') == 7
    assert page.count("Udvikling siden Maj 2025") == 8
    helt = next(r for r in model.sections[0].compare.chart.rows)  # type: ignore[union-attr]
    old, new = (html.css_pct(x) for x in helt.lengths)  # type: ignore[arg-type]
    assert (f'<span class="bar tone-main outline" style="width: {old}"></span>'
            f'<span class="bar-value earlier">63,2%</span>') in page
    assert f'<span class="bar tone-main" style="width: {new}"></span>' in page
    assert '<span class="change">+15,0 pp.</span>' in page
    # the one label column (from the scale) applies to every bar row, pairs included
    assert f".bar-label {{ flex-basis: {html.css_pct(model.scale.label_fraction)}; }}" in page


def test_the_writer_adds_figures_and_data_files(comparison: Comparison,
                                                tmp_path: Path) -> None:
    a = comparison.rounds[-1].analysis
    written = write_report(a, tmp_path, formats=("png", "json"), comparison=comparison)
    names = {p.relative_to(tmp_path).as_posix() for p in written.files}
    assert {"figures/q01-compare.png", "figures/q07-compare.png", "comparison.json",
            "results.json"} <= names
    assert "figures/q08-compare.png" not in names  # a new question has nothing to compare
    doc = json.loads((tmp_path / "comparison.json").read_text("utf-8"))
    assert doc["schema"] == "kl-survey/comparison/1"
    plain = write_report(a, tmp_path / "plain", formats=("json",))
    assert (tmp_path / "plain" / "results.json").read_bytes() == (
        tmp_path / "results.json").read_bytes()
    assert len(plain.files) == 1


def test_cli_report_compare(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, [
        "report", str(EXAMPLE_NOV_DIR / "responses.xlsx"), "--spec",
        str(EXAMPLE_NOV_DIR / "survey.toml"), "--compare", str(EXAMPLE_DIR), "-o",
        str(tmp_path), "--formats", "html,json"])
    assert res.exit_code == 0, res.stderr
    assert "Spørgsmål 2 er formuleret anderledes" in res.stderr
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "Udvikling siden Maj 2025" in page and "+14,9 procentpoint" in page
    assert (tmp_path / "comparison.json").is_file()
    bad = CliRunner().invoke(app, ["report", str(EXAMPLE_NOV_DIR / "responses.xlsx"),
                                   "--compare", str(tmp_path / "nope"), "-o", str(tmp_path)])
    assert bad.exit_code == 2 and "findes ikke" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
