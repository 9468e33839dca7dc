"""Fuzz: random small CSVs and workbooks through ``analyze -f json`` (issue 10).

Whatever the file holds, the command ends in exit 0 with valid JSON, or exit 2 with
one Danish line on stderr; never a traceback, never an internal error (exit 70).

Examples per run come from a Hypothesis profile: ``fuzz-ci`` (small, derandomised, so
CI is stable) when ``CI`` is set, ``fuzz-local`` (more, random) otherwise;
``KL_SURVEY_FUZZ_EXAMPLES=5000`` runs a long session. A crash found inside
``kl_survey/readers/`` is kept as a file under ``tests/data/fuzz/`` with an
``xfail(strict=True)`` test below (KNOWN), so it flips when the readers are fixed, and
then stays as a regression test (FIXED).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kl_survey.cli import app

FUZZ = Path(__file__).resolve().parent / "data" / "fuzz"
runner = CliRunner()

_LOCAL = int(os.environ.get("KL_SURVEY_FUZZ_EXAMPLES", "100"))
settings.register_profile("fuzz-ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz-local", max_examples=_LOCAL, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("fuzz-ci" if os.environ.get("CI") else "fuzz-local")

# ---------------------------------------------------------------- what a cell may be

HEADERS = ["Kommune", "Kommunenavn", "1. Er tilbuddet i drift?", "2. Hvordan? - Aula",
           "2. Hvordan? - Andet, angiv", "3. Hvor mange?", "Q4 [Ja]", "Q4 [Nej]",
           "Tidsstempel", "Timestamp", "ID", "Respondent ID", "Status", "Finished",
           "submitdate", "Kommentar", "", "q1", "Q1_TEXT", "stato_1", "Email"]
WORDS = ["Ja", "Nej", "Ved ikke", "X", "x", "1", "0", "Valgt", "Ja, helt i drift",
         "Aarhus", "Aarhus Kommune", "København", "Kbh", "Læsø", "Andet", "Ja;Nej",
         "Aula;Andet", "1.234,5", "12,5", "-3", "1e309", "NaN", "nan", "None", "null",
         "TRUE", "=1+1", "@SUM(A1)", "<script>alert(1)</script>", "010203-1234",
         "2025-05-19", "19-05-2025 10:00:00", " ", "\u00a0", "æøå ÆØÅ", "\ufeff",
         "\"", "'", ";", ",", "\t", "\r", "\n", "\x00", "\x1b[31m", "🙂", "ﬁ", "Ja\u200b"]
#: the columns and extra header rows each reader looks for, so every reader gets fuzzed
TOOL_HEADERS = [
    [], ["StartDate", "EndDate", "Status", "ResponseId", "Finished"],
    ["Respondent ID", "Collector ID", "Start Date"], ["id", "submitdate", "lastpage",
                                                      "startlanguage"],
    ["Response ID", "Date submitted", "Last page"], ["Tidsstempel"], ["Timestamp"],
    ["ID", "Start time", "Completion time", "Email", "Name"],
    ["ID", "Starttidspunkt", "Fuldførelsestidspunkt"],
]
SECOND_ROWS = ["Response", "Open-Ended Response", "Other (please specify)", "Svar",
               '{"ImportId":"QID1"}', '{"ImportId":"QID2_TEXT"}', '{"ImportId":"startDate"}',
               "ResponseID", "Q1", "Q2[SQ001]", "Q2[other]", "Hvad synes du? - Andet"]
TEXT = st.text(max_size=30)
CELL = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), TEXT, st.just(""))
HEADER = st.one_of(st.sampled_from(HEADERS), TEXT)
#: most files hold printable text only: a NUL anywhere makes the whole file "not a CSV"
PLAIN_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
PLAIN_WORDS = [w for w in WORDS if not any(ord(c) < 32 and c not in "\t\n\r" for c in w)]
PLAIN_CELL = st.one_of(st.sampled_from(PLAIN_WORDS), st.sampled_from(PLAIN_WORDS), PLAIN_TEXT,
                       st.just(""))


@st.composite
def tables(draw: st.DrawFn, cell: st.SearchStrategy = CELL,
           head: st.SearchStrategy = HEADER) -> list[list[object]]:
    prefix = draw(st.sampled_from(TOOL_HEADERS))
    width = draw(st.integers(1, 6))
    header = [*prefix, *draw(st.lists(head, min_size=width, max_size=width))]
    width = len(header)
    extra = draw(st.lists(st.lists(st.one_of(st.sampled_from(SECOND_ROWS), cell),
                                   min_size=width, max_size=width), max_size=2))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width),
                         min_size=draw(st.sampled_from([0, 1, 1, 1])),
                         max_size=draw(st.sampled_from([3, 8, 25]))))
    if rows and draw(st.booleans()):  # ragged: a row longer or shorter than the header
        rows[-1] = rows[-1][: draw(st.integers(0, width))] + draw(st.lists(cell, max_size=2))
    return [header, *extra, *rows]


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:  # now and then, anything at all
        return draw(st.binary(max_size=200))
    hostile = draw(st.integers(0, 4)) == 0  # control characters, NUL, escapes
    table = draw(tables(CELL, HEADER) if hostile else tables(PLAIN_CELL,
                                                             st.one_of(st.sampled_from(HEADERS),
                                                                       PLAIN_TEXT)))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
               ).writerows(table)
    text = buf.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if data and draw(st.integers(0, 4)) == 0:  # cut off somewhere
        data = data[: draw(st.integers(0, len(data)))]
    return data


XLSX_CELL = st.one_of(  # openpyxl refuses control characters itself
    st.sampled_from(PLAIN_WORDS), PLAIN_TEXT,
    st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.none(),
)


@st.composite
def xlsx_bytes(draw: st.DrawFn) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = draw(st.sampled_from(["Besvarelser", "Dataset", "Form1", "Sheet1", "Ark 1"]))
    for row in draw(tables(XLSX_CELL, st.one_of(st.sampled_from(HEADERS), PLAIN_TEXT))):
        ws.append(row)
    for name in draw(st.lists(st.sampled_from(["Labels", "Structure", "Dataset (2)", "Ark2"]),
                              unique=True, max_size=3)):
        extra = wb.create_sheet(name)
        for row in draw(st.lists(st.lists(XLSX_CELL, min_size=1, max_size=4), max_size=5)):
            extra.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- the property


def check_analyze(path: Path) -> None:
    """The property, in-process. An exception raised inside a C callback is not raised
    but printed ("Exception ignored in … Traceback"), so those are caught too."""
    ignored: list[str] = []
    hook = sys.unraisablehook
    sys.unraisablehook = lambda u: ignored.append(f"{u.exc_type.__name__}: {u.exc_value} "
                                                  f"in {u.object!r}")
    try:
        res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    finally:
        sys.unraisablehook = hook
    assert not ignored, ignored
    assert "Traceback" not in res.output, res.output
    assert res.exit_code in (0, 2), (res.exit_code, res.stderr, res.exception)
    if res.exit_code == 2:
        assert res.stderr.startswith("kl-survey: fejl: "), res.stderr
        assert res.stderr.count("\n") == 1, res.stderr
        return
    doc = json.loads(res.stdout)  # valid JSON, and the numbers are shares
    for q in doc["questions"]:
        for option in q.get("options", ()):
            assert option["share"] is None or 0 <= option["share"] <= 1
            assert 0 <= option["count"] <= doc["respondents"]


def _run(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"eksport{suffix}"
        path.write_bytes(data)
        check_analyze(path)


@PROFILE
@given(data=csv_bytes(), suffix=st.sampled_from([".csv", ".txt", ".xlsx"]))
def test_random_csv(data: bytes, suffix: str) -> None:
    _run(data, suffix)


@PROFILE
@given(data=xlsx_bytes())
def test_random_workbook(data: bytes) -> None:
    _run(data, ".xlsx")


# ---------------------------------------------------------------- crashes kept


#: (file under tests/data/fuzz/, why it still fails): each is xfail(strict=True), so the
#: test turns red the day the crash is fixed; then the entry moves to FIXED.
KNOWN: list[tuple[str, str]] = []
#: findings that are fixed, kept as regression tests
FIXED = [
    "bom-ragged-row-cut-mid-character.csv",  # traceback from pyarrow's row handler
]


@pytest.mark.parametrize("name", [
    *FIXED,
    *(pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason))
      for name, reason in KNOWN),
])
def test_kept_findings(name: str) -> None:
    """Through a real process: what the user sees on stderr, tracebacks included."""
    res = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(FUZZ / name),
                          "-f", "json"], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in res.stderr, res.stderr
    assert res.returncode in (0, 2), res.stderr
    if res.returncode == 0:
        json.loads(res.stdout)
    else:
        assert res.stderr.startswith("kl-survey: fejl: ") and res.stderr.count("\n") == 1
