"""Benchmark kl-survey the way people run it: whole processes, median wall time, peak RSS.

    python benches/run.py            # full: 95 ... 500 000 rows, 5 runs each (~15 min)
    python benches/run.py --quick    # < 2 min: 95 and 10 000 rows, 3 runs, no baseline
    python benches/run.py --stages benches/out/survey-100000.xlsx   # where the time goes

Synthetic exports come from ``benches/generate.py`` and are cached in ``benches/out/``.
Each case is timed as a child process; peak RSS is the child's own ``ru_maxrss`` from
``os.wait4``. Ratios are taken against references measured in the same run (``import
pandas``; pandas + openpyxl on the 100 000-row sheet), so they hold across machines.
The table says "missed" wherever a target is not met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
SPEC = EXAMPLE.with_name("survey.toml")
MB = 1024 * 1024


@dataclass
class Run:
    wall: float  # median seconds
    rss: float  # peak MB over the runs
    error: str | None = None


@dataclass
class Row:
    case: str
    run: Run | None
    target: str = ""
    verdict: str = ""


def kl_survey() -> list[str]:
    """The installed console script next to this interpreter (a pyenv shim on PATH adds
    0.1-0.2 s of bash per call, which is not kl-survey's)."""
    script = Path(sys.executable).parent / "kl-survey"
    if script.exists():
        return [str(script)]
    found = shutil.which("kl-survey")
    return [found] if found else [sys.executable, "-m", "kl_survey"]


def measure(argv: list[str], repeats: int) -> Run:
    """Median wall time and peak RSS of ``argv`` over ``repeats`` runs (stdout discarded)."""
    env = {**os.environ, "KL_SURVEY_NO_PROGRESS": "1"}
    walls, peak = [], 0.0
    for _ in range(repeats):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                    cwd=ROOT)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            peak = max(peak, usage.ru_maxrss / 1024)  # KB on Linux
            if code != 0:
                err.seek(0)
                lines = err.read().decode(errors="replace").strip().splitlines()
                return Run(walls[-1], peak, f"exit {code}: {lines[-1] if lines else ''}")
    return Run(statistics.median(walls), peak)


def baseline_argv(path: Path) -> list[str]:
    """The straightforward way: pandas + openpyxl, then value_counts per column."""
    code = ("import sys, pandas as pd\n"
            "df = pd.read_excel(sys.argv[1], engine='openpyxl')\n"
            "counts = [df[c].value_counts() for c in df.columns]\n")
    return [sys.executable, "-c", code, str(path)]


def judge(run: Run | None, checks: list[tuple[str, Callable[[Run], float], float]]) -> str:
    """``checks`` are (label, value-of-run, limit); every value must be <= its limit."""
    if run is None:
        return "not available"
    if run.error:
        return f"failed ({run.error})"
    missed = [f"{label} {fn(run):.2f} > {limit:g}" for label, fn, limit in checks
              if fn(run) > limit]
    return ("missed: " + "; ".join(missed)) if missed else "ok"


def cases(args: argparse.Namespace) -> list[Row]:
    repeats = args.repeats or (3 if args.quick else 5)
    sizes = [95, 10_000] if args.quick else [95, 10_000, 100_000, 500_000]
    cli = kl_survey()
    rows: list[Row] = []

    def run(label: str, argv: list[str], n: int = repeats) -> Run:
        print(f"  {label} ...", file=sys.stderr, flush=True)
        return measure(argv, n)

    pandas = run("import pandas", [sys.executable, "-c", "import pandas"])
    rows.append(Row("`python -c 'import pandas'` (reference)", pandas, "", "reference"))
    helped = run("--help", [*cli, "--help"])
    rows.append(Row("`kl-survey --help`", helped, "≤ 0.25 s",
                    judge(helped, [("wall", lambda r: r.wall, 0.25)])))
    example = run("analyze example", [*cli, "analyze", str(EXAMPLE), "-f", "json"])
    ratio = example.wall / pandas.wall
    rows.append(Row("`analyze` example (95 rows) → json", example, "≤ 1.3 × import pandas",
                    f"{ratio:.2f} × pandas; "
                    + judge(example, [("ratio", lambda r: r.wall / pandas.wall, 1.3)])))
    rows.append(_report_row(cli, run))

    baseline: Run | None = None
    if not args.quick and 100_000 in sizes:
        path = generate.ensure(100_000, "xlsx")
        baseline = run("baseline openpyxl 100 000 (once, ~1 min)", baseline_argv(path), 1)
        rows.append(Row("baseline: `pd.read_excel(engine='openpyxl')` + value_counts, "
                        "100 000 × 60 xlsx", baseline, "", "reference (1 run)"))
    for n in sizes:
        for kind in ("xlsx", "csv"):
            path = generate.ensure(n, kind)
            res = run(f"analyze {n} {kind}", [*cli, "analyze", str(path), "-f", "json"])
            rows.append(_size_row(n, kind, res, baseline))
    return rows


def _report_row(cli: list[str], run: Callable[..., Run]) -> Row:
    probe = subprocess.run([*cli, "report", "--help"], capture_output=True, text=True)
    if probe.returncode != 0 or "--output" not in probe.stdout:
        return Row("`report` example (HTML + PDF + 16 figures)", None, "≤ 4 s", "not available")
    with tempfile.TemporaryDirectory() as out:
        argv = [*cli, "report", str(EXAMPLE), "-o", out]
        if SPEC.exists():
            argv += ["--spec", str(SPEC)]
        res = run("report example", argv)
    return Row("`report` example (8 questions, HTML + PDF + 16 figures)", res, "≤ 4 s",
               judge(res, [("wall", lambda r: r.wall, 4.0)]))


TARGETS = {  # (rows, kind): (text, wall limit s, RSS limit MB)
    (100_000, "xlsx"): ("≤ 4.5 s, ≤ 600 MB, ≥ 12 × baseline", 4.5, 600),
    (500_000, "csv"): ("≤ 6 s, ≤ 2 GB", 6.0, 2048),
    (500_000, "xlsx"): ("≤ 25 s, ≤ 2.5 GB", 25.0, 2560),
}


def _size_row(n: int, kind: str, res: Run, baseline: Run | None) -> Row:
    label = f"`analyze` {n:,} × 60 {kind} → json".replace(",", " ")
    target = TARGETS.get((n, kind))
    if target is None:
        return Row(label, res, "", judge(res, []) if res.error else "")
    text, wall, rss = target
    checks: list[tuple[str, Callable[[Run], float], float]] = [
        ("wall", lambda r: r.wall, wall), ("RSS MB", lambda r: r.rss, rss)]
    verdict = judge(res, checks)
    if (n, kind) == (100_000, "xlsx") and baseline is not None and not res.error:
        speedup = baseline.wall / res.wall
        verdict = f"{speedup:.1f} × faster than baseline; " + (
            f"wall/RSS {verdict}" if speedup >= 12
            else f"missed: speed-up {speedup:.1f} < 12; wall/RSS {verdict}")
    return Row(label, res, text, verdict)


def table(rows: list[Row]) -> str:
    out = ["| case | wall (median) | peak RSS | target | result |",
           "|---|---:|---:|---|---|"]
    for r in rows:
        wall = f"{r.run.wall:.2f} s" if r.run else "–"
        rss = f"{r.run.rss:.0f} MB" if r.run else "–"
        out.append(f"| {r.case} | {wall} | {rss} | {r.target} | {r.verdict} |")
    return "\n".join(out)


def machine() -> str:
    """The facts a reader needs to compare numbers: cores, CPU, memory, versions."""
    from importlib.metadata import PackageNotFoundError, version

    def sh(cmd: str) -> str:
        done = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        return done.stdout.strip()

    libs = []
    for name in ("kl-survey", "pandas", "pyarrow", "numpy", "fastexcel", "openpyxl", "typer",
                 "matplotlib", "weasyprint"):
        try:
            libs.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            continue
    mem = sh("free -h | awk '/^Mem:/ {print $2}'")
    cpu = sh("lscpu | grep 'Model name'").split(":", 1)[-1].strip()
    return "\n".join([
        f"- nproc: {sh('nproc')}; CPU: {cpu}",
        f"- memory (free -h): {mem}; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; " + ", ".join(libs),
    ])


def consistency(n: int) -> str:
    """The xlsx and csv of one synthetic survey must give the same numbers."""
    docs = []
    for kind in ("xlsx", "csv"):
        done = subprocess.run([*kl_survey(), "analyze", str(generate.ensure(n, kind)), "-f",
                               "json"], capture_output=True, text=True, cwd=ROOT)
        doc = json.loads(done.stdout)
        doc.pop("source", None)
        docs.append(doc)
    same = docs[0] == docs[1]
    return f"xlsx and csv exports of the {n:,}-row survey give identical results: " \
           f"{'yes' if same else 'NO'}".replace(",", " ")


def stages(path: Path) -> None:
    """In-process timing of each step for one file (the profile summary in README)."""
    marks: list[tuple[str, float]] = []
    start = time.perf_counter()
    from kl_survey import dedupe
    from kl_survey.analysis import analyse
    from kl_survey.output import results
    from kl_survey.readers import read_survey
    from kl_survey.readers.source import read_table

    marks.append(("imports (pandas, pyarrow, kl_survey)", time.perf_counter() - start))
    t = time.perf_counter()
    read_table(path)
    marks.append(("read the sheet to Arrow/pandas (read_table)", time.perf_counter() - t))
    t = time.perf_counter()
    survey = read_survey(path)
    marks.append(("read_survey (sheet again + detect + build)", time.perf_counter() - t))
    t = time.perf_counter()
    dedupe.resolve(survey, None)
    marks.append(("duplicate municipalities (dedupe)", time.perf_counter() - t))
    t = time.perf_counter()
    analysis = analyse(survey)
    marks.append(("analyse", time.perf_counter() - t))
    t = time.perf_counter()
    results.to_json(analysis)
    marks.append(("JSON", time.perf_counter() - t))
    for label, secs in marks:
        print(f"{secs:7.2f} s  {label}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, 3 runs, no baseline")
    ap.add_argument("--repeats", type=int, help="runs per case (default 5, quick 3)")
    ap.add_argument("--stages", type=Path, help="time each step for one file, in-process")
    args = ap.parse_args()
    if args.stages:
        stages(args.stages)
        return
    started = time.perf_counter()
    rows = cases(args)
    print("\n" + machine() + "\n")
    print(table(rows))
    print("\n" + consistency(10_000))
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s"
          f"{', --quick' if args.quick else ''})")


if __name__ == "__main__":
    main()
