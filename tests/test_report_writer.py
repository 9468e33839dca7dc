"""A report folder holds exactly one run's files, whatever happens (issue 10, #9).

Re-runs, kill -9 in the middle of a run, and two runs at once into the same folder,
each through the real command in a subprocess.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
EXAMPLE_SPEC = EXAMPLE.parent / "survey.toml"
runner = CliRunner()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _report(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1748736000"}
    return subprocess.Popen([sys.executable, "-m", "kl_survey", "report", str(EXAMPLE), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_a_rerun_leaves_no_figures_of_the_previous_run(tmp_path: Path) -> None:
    """Hiding q5–q8 and running again used to keep their old figures, while the run
    said how many files it wrote."""
    out = tmp_path / "rapport"
    first = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--formats",
                                "svg,json"])
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in (out / "figures").iterdir())[-1] == "q08.svg"
    text = EXAMPLE_SPEC.read_text(encoding="utf-8")
    head, *questions = text.split("\n[[question]]\n")
    assert len(questions) == 8
    questions[4:] = [q.replace("hidden = false", "hidden = true") for q in questions[4:]]
    spec = tmp_path / "survey.toml"
    spec.write_text("\n[[question]]\n".join([head, *questions]), encoding="utf-8")
    second = runner.invoke(app, ["report", str(EXAMPLE), "--spec", str(spec), "-o", str(out),
                                 "--formats", "svg,json"])
    assert second.exit_code == 0, second.output
    files = _tree(out)
    assert sorted(files) == ["figures/q01.svg", "figures/q02.svg", "figures/q03.svg",
                             "figures/q04.svg", "results.json"]
    assert second.stderr == f"Skrev {len(files)} filer i {out}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".rapport.lock", "rapport",
                                                         "survey.toml"]


def test_kill_9_mid_run_leaves_the_old_folder_and_the_next_run_cleans_up(
        tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    old = _report("-o", str(out), "--formats", "svg,json")
    assert old.wait(timeout=300) == 0, old.stderr.read() if old.stderr else ""
    before = _tree(out)

    run = _report("-o", str(out), "--lang", "en")  # every format: the HTML, then the PDF
    deadline = time.monotonic() + 300
    # half way through: the PDF (~1.5 s) is printed after report.html is written; the
    # figures and tables are written last, just before the folder is swapped in
    while not list(tmp_path.rglob("report.html")):
        assert run.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no figure appeared"
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert _tree(out) == before
    assert not list(out.rglob("*.tmp"))
    leftovers = [p.name for p in tmp_path.iterdir() if ".kl-tmp-" in p.name]
    assert len(leftovers) == 1

    again = _report("-o", str(out), "--formats", "json")
    assert again.wait(timeout=300) == 0
    assert sorted(_tree(out)) == ["results.json"]
    assert [p.name for p in tmp_path.iterdir() if ".kl-" in p.name] == []


@pytest.mark.slow
def test_two_concurrent_runs_never_mix_their_files(tmp_path: Path) -> None:
    """Each run's set of files differs; the folder must end up with one set, whole."""
    out = tmp_path / "rapport"
    a = _report("-o", str(out), "--formats", "html,svg", "--lang", "en")
    b = _report("-o", str(out), "--formats", "png,json")
    assert a.wait(timeout=600) == 0, a.stderr.read() if a.stderr else ""
    assert b.wait(timeout=600) == 0, b.stderr.read() if b.stderr else ""
    figures = [f"figures/q{n:02d}" for n in range(1, 9)]
    set_a = sorted(["report.html", *(f + ".svg" for f in figures)])
    set_b = sorted(["results.json", *(f + ".png" for f in figures)])
    files = sorted(_tree(out))
    assert files in (set_a, set_b), files
    assert [p.name for p in tmp_path.iterdir() if ".kl-" in p.name] == []


@pytest.mark.parametrize(("name", "owned"), [
    ("report.html", True), ("report.pdf", True), ("results.json", True),
    ("results.xlsx", True), ("comparison.json", True), ("comparison.xlsx", True),
    ("figures/q01.png", True), ("figures/q12.svg", True), ("figures/q03-compare.svg", True),
    ("figures/q05-kort.png", True), ("figures/q01-region.svg", True),
    ("figures/q03-r2-kort.png", True), ("figures/q01-r1-k2-kort.svg", True),
    ("figures/q02-størrelse.png", True), ("kommuner/101-koebenhavn.pdf", True),
    ("kommuner/169-hoeje-taastrup.html", True), ("kommuner/noter.txt", False),
    ("figures/.q01.png.abc123.tmp", True), (".report.pdf.x1.tmp", True),
    ("responses.xlsx", False), ("survey.toml", False), ("noter.txt", False),
    ("figures/logo.png", False), ("results.csv", False), ("sub/report.html", False),
])
def test_which_files_a_report_run_may_replace(name: str, owned: bool) -> None:
    from kl_survey.report.writer import is_report_file

    assert is_report_file(Path(name)) is owned


def test_per_municipality_reports_are_part_of_the_swapped_set(tmp_path: Path) -> None:
    """kommuner/*.html are written into the new folder before the swap, so they are
    counted, and a run without --per-municipality leaves none of them behind."""
    out = tmp_path / "rapport"
    first = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--formats", "html",
                                "--per-municipality", "--municipality", "Aarhus"])
    assert first.exit_code == 0, first.output
    assert sorted(_tree(out)) == ["kommuner/751-aarhus.html", "report.html"]
    assert first.stderr == f"Skrev 2 filer i {out}\n"
    second = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--formats", "json"])
    assert second.exit_code == 0, second.output
    assert sorted(_tree(out)) == ["results.json"]


def test_a_report_with_breakdowns_can_be_written_again(tmp_path: Path) -> None:
    """figures/qNN-region.* were not known as report files, so a second
    'report --by region' into the same folder was refused (exit 3)."""
    args = ["report", str(EXAMPLE), "--by", "region", "--formats", "svg", "-o",
            str(tmp_path / "r")]
    runner = CliRunner()
    for _ in range(2):
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
    assert (tmp_path / "r" / "figures" / "q01-region.svg").exists()
