"""Benchmark the maps and the per-municipality reports (issue 13), and print a table.

    python benches/maps.py              # one map in-process, 95 reports as a child process
    python benches/maps.py --repeats 3  # median of three whole runs of the 95 reports

Targets: one map (SVG + 300 dpi PNG) well under a second; all 95 per-municipality
reports (HTML + PDF) in under 60 s on the 2-core development machine. The whole run is
timed as users run it (``kl-survey report ... --per-municipality``, a child process, its
PDF workers included); the table also gives the CPU seconds (user + system of the run
and its workers, from ``os.wait4``), which show what the run costs when the machine is
shared and the wall time is not all ours.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import EXAMPLE, ROOT, SPEC, Row, Run, judge, kl_survey, machine, table  # noqa: E402


def one_map(repeats: int) -> tuple[Run, float]:
    """Median in-process wall time to draw and save the example's Q1 map (after a
    warm-up), and the median CPU seconds it took."""
    from kl_survey.analysis import analyse
    from kl_survey.by_municipality import placed
    from kl_survey.pipeline import LoadOptions, load
    from kl_survey.report import mapmodel, maps

    survey = load(EXAMPLE, LoadOptions(spec=SPEC)).survey
    model = mapmodel.build(analyse(survey).questions[0], placed(survey, "q1"), "da", "Kilde")
    maps.render(model)  # imports, boundaries read and projected once
    walls, cpus = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        maps.render(model)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return Run(statistics.median(walls), 0.0), statistics.median(cpus)


def reports(repeats: int) -> tuple[Run, float, int]:
    """Median wall time, peak RSS and CPU seconds of the whole per-municipality run."""
    env = {**os.environ, "KL_SURVEY_NO_PROGRESS": "1", "SOURCE_DATE_EPOCH": ""}
    walls, cpus, peak, count = [], [], 0.0, 0
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            argv = [*kl_survey(), "report", str(EXAMPLE), "--spec", str(SPEC), "-o", out,
                    "--per-municipality", "--formats", "html,pdf"]
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    env=env, cwd=ROOT)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            if os.waitstatus_to_exitcode(status) != 0:
                err = proc.stderr.read().decode() if proc.stderr else ""
                return Run(walls[-1], 0.0, f"exit: {err.strip()[-200:]}"), 0.0, 0
            cpus.append(usage.ru_utime + usage.ru_stime)
            peak = max(peak, usage.ru_maxrss / 1024)
            count = len(list((Path(out) / "kommuner").glob("*.pdf")))
    return Run(statistics.median(walls), peak), statistics.median(cpus), count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=1, help="whole runs of the 95 reports")
    args = ap.parse_args()
    print("  one map ...", file=sys.stderr, flush=True)
    mapped, map_cpu = one_map(5)
    print("  95 reports ...", file=sys.stderr, flush=True)
    run, cpu, count = reports(args.repeats)
    load = os.getloadavg()
    rows = [
        Row("one map: example Q1, SVG + 300 dpi PNG (in-process, median of 5)", mapped,
            "≤ 1 s", f"CPU {map_cpu:.2f} s; " + judge(mapped, [("wall", lambda r: r.wall,
                                                                       1.0)])),
        Row(f"`report --per-municipality` example: {count} PDF + {count} HTML", run, "≤ 60 s",
            f"CPU {cpu:.0f} s; " + judge(run, [("wall", lambda r: r.wall, 60.0)])),
    ]
    print(table(rows))
    print()
    print(machine())
    print(f"- load average during the run (1, 5, 15 min): "
          f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}")


if __name__ == "__main__":
    main()
