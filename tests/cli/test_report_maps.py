"""``report --maps``, ``chart = "map"``, ``[report] maps``, ``--per-municipality`` and
``--municipality`` through Typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey import municipalities as mun
from kl_survey.cli import app

from paths import EXAMPLE, EXAMPLE_DIR, EXAMPLE_Q1_DIR

SPEC = EXAMPLE_DIR / "survey.toml"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args), env={"SOURCE_DATE_EPOCH": ""})
    return res.exit_code, res.output


@pytest.fixture(scope="module")
def with_maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("maps")
    code, output = _run("report", str(EXAMPLE), "--spec", str(SPEC), "-o", str(out),
                        "--maps", "q1,q5", "--formats", "html,png,svg")
    assert code == 0, output
    return out


def test_maps_become_figures_and_part_of_the_page(with_maps: Path) -> None:
    for name in ("q01-kort.png", "q01-kort.svg", "q05-kort.png", "q05-kort.svg"):
        assert (with_maps / "figures" / name).stat().st_size > 10_000
    page = (with_maps / "report.html").read_text("utf-8")
    assert page.count('<figure class="map">') == 2
    assert 'aria-label="Danmarkskort over kommunernes svar på spørgsmål 1.' in page
    assert "Kort: Klimadatastyrelsen, DAGI" in page
    standalone = (with_maps / "figures" / "q01-kort.svg").read_text("utf-8")
    assert "@font-face" in standalone and 'id="q01-kort-k101"' in standalone


def test_chart_map_in_the_spec_replaces_the_bars(tmp_path: Path) -> None:
    text = SPEC.read_text("utf-8")
    spec = tmp_path / "survey.toml"
    spec.write_text(text.replace('id = "q5"\n', 'id = "q5"\nchart = "map"\n', 1)
                    + '\n[report]\nmaps = ["q1"]\n', "utf-8")
    out = tmp_path / "out"
    code, output = _run("report", str(EXAMPLE), "--spec", str(spec), "-o", str(out),
                        "--formats", "html,png")
    assert code == 0, output
    figures = sorted(p.name for p in (out / "figures").iterdir())
    assert "q05-kort.png" in figures and "q01-kort.png" in figures
    assert "q05.png" not in figures and "q01.png" in figures  # q5's map took its place
    page = (out / "report.html").read_text("utf-8")
    q5 = page.split('id="q05"')[1].split("</section>")[0]
    assert '<figure class="map">' in q5 and '<figure class="chart">' not in q5


@pytest.mark.parametrize(("maps", "message"), [
    ("q2", "kun spørgsmål med ét svar eller et tal kan vises på et kort"),
    ("q99", "Ukendt spørgsmål til kort: q99"),
])
def test_impossible_maps_are_one_clear_line(tmp_path: Path, maps: str, message: str) -> None:
    code, output = _run("report", str(EXAMPLE), "--spec", str(SPEC), "-o", str(tmp_path),
                        "--maps", maps, "--formats", "html")
    assert code == 2
    assert message in output and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1


def test_grid_rows_become_maps_in_their_section(tmp_path: Path) -> None:
    """Two rows of the Likert grid (one from the spec's [report] maps, one from --maps,
    a comma in nothing but the separator) and a numeric grid row's total."""
    spec = tmp_path / "survey.toml"
    spec.write_text((EXAMPLE_Q1_DIR / "survey.toml").read_text("utf-8")
                    + '\n[report]\nmaps = ["q3:Fysiske rammer"]\n', "utf-8")
    out = tmp_path / "out"
    code, output = _run("report", str(EXAMPLE_Q1_DIR / "responses.xlsx"), "--spec", str(spec),
                        "-o", str(out), "--formats", "html,png,svg", "--maps",
                        "q3:Samarbejdet med regionen,q1:Antal henvendelser")
    assert code == 0, output
    figures = sorted(p.name for p in (out / "figures").iterdir() if "kort" in p.name)
    assert figures == ["q01-r1-kort.png", "q01-r1-kort.svg", "q03-r2-kort.png",
                       "q03-r2-kort.svg", "q03-r3-kort.png", "q03-r3-kort.svg"]
    page = (out / "report.html").read_text("utf-8")
    q3 = page.split('id="q03"')[1].split("</section>")[0]
    assert q3.count('<figure class="map">') == 2
    assert q3.index("rækken »Fysiske rammer«") < q3.index("rækken »Samarbejdet med regionen«")
    q1 = page.split('id="q01"')[1].split("</section>")[0]
    assert 'aria-label="Danmarkskort over kommunernes svar på spørgsmål 1, rækken »Antal ' \
           'henvendelser, samlet«, inddelt i' in q1
    svg = (out / "figures" / "q03-r3-kort.svg").read_text("utf-8")
    assert "Udfordringer i tilbuddet – Samarbejdet med regionen" in svg
    assert 'id="q03-r3-kort-k101"' in svg


def test_a_report_with_grid_row_maps_can_be_written_again(tmp_path: Path) -> None:
    args = ("report", str(EXAMPLE_Q1_DIR / "responses.xlsx"), "--spec",
            str(EXAMPLE_Q1_DIR / "survey.toml"), "-o", str(tmp_path), "--formats", "svg",
            "--maps", "q3:Fysiske rammer")
    assert _run(*args)[0] == 0
    code, output = _run(*args)
    assert code == 0, output


def test_numeric_question_becomes_a_choropleth(tmp_path: Path) -> None:
    rows = ["Kommune;Antal henvendelser"]
    for i, m in enumerate(mun.register()):
        if m.code not in (187, 665, 825):
            rows.append(f"{m.name};{(i * 37) % 150}")
    export = tmp_path / "tal.csv"
    export.write_text("\n".join(rows) + "\n", "utf-8")
    out = tmp_path / "out"
    code, output = _run("report", str(export), "-o", str(out), "--maps", "q1",
                        "--formats", "svg")
    assert code == 0, output
    svg = (out / "figures" / "q01-kort.svg").read_text("utf-8")
    assert "inddelt i 5 klasser" in svg or "inddelt i 4 klasser" in svg
    assert "Ikke besvaret: 3 kommuner (Vallensbæk, Lemvig og Læsø)" in svg


def test_per_municipality_for_the_chosen_compares_with_everyone(tmp_path: Path) -> None:
    code, output = _run("report", str(EXAMPLE), "--spec", str(SPEC), "-o", str(tmp_path),
                        "--per-municipality", "--municipality", "København",
                        "--formats", "html")
    assert code == 0, output
    assert sorted(p.name for p in (tmp_path / "kommuner").iterdir()) == [
        "101-koebenhavn.html"]
    page = (tmp_path / "kommuner" / "101-koebenhavn.html").read_text("utf-8")
    assert "Hele landet (n = 95)" in page  # the comparison is national
    main = (tmp_path / "report.html").read_text("utf-8")
    assert "1 af 1 inviteret kommune" in main  # the main report: København alone


@pytest.mark.parametrize("name", ["København", "101", "Københavns Kommune"])
def test_analyze_municipality_by_any_name(name: str) -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--municipality", name])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["respondents"] == 1
    assert doc["population"] == {"unit": "kommuner", "size": 1}


def test_analyze_municipality_repeated_and_unknown() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--municipality", "101",
                              "--municipality", "Dragør", "--municipality", "Læsø"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["respondents"] == 2 and doc["population"]["size"] == 3
    bad = runner.invoke(app, ["analyze", str(EXAMPLE), "--municipality", "Københaven"])
    assert bad.exit_code == 2
    assert re.search(r"Ukendt kommune: 'Københaven'.*København \(101\)", bad.output)


def test_municipality_and_compare_are_refused_together(tmp_path: Path) -> None:
    """The earlier round would not be limited alike, so the change would be wrong."""
    code, output = _run("report", str(EXAMPLE), "-o", str(tmp_path), "--municipality", "101",
                        "--compare", str(EXAMPLE_DIR), "--formats", "html")
    assert code == 2
    assert "--municipality kan endnu ikke bruges sammen med --compare" in output


def test_maps_beside_a_comparison(tmp_path: Path) -> None:
    later = EXAMPLE_DIR.parent / "kl-2025-11"
    code, output = _run("report", str(later / "responses.xlsx"), "--spec",
                        str(later / "survey.toml"), "--compare", str(EXAMPLE_DIR), "--maps",
                        "q1", "-o", str(tmp_path), "--formats", "html")
    assert code == 0, output
    page = (tmp_path / "report.html").read_text("utf-8")
    assert page.count('<figure class="map">') == 1
