"""Write the bundled May-2025 survey in every survey tool's export layout.

The same 95 municipalities and answers as ``data/examples/kl-2025-05``, so every
reader must reproduce the 14 published percentages. Each layout carries the junk its
tool really writes (bookkeeping columns, quiz columns, timing columns, preview and
spam rows, never-submitted empty rows) so the readers are tested against it:

    python tests/make_fixtures.py OUTDIR

``write_all(outdir)`` returns ``{tool: {layout: path}}``; tests call it in a tmp dir.
"""

from __future__ import annotations

import csv
import importlib
import io
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05"
sys.path.insert(0, str(EXAMPLE))
sys.path.insert(0, str(ROOT / "tests"))

_gen = importlib.import_module("generate")
SURVEY = _gen.SURVEY
OTHER_Q2: tuple[str, ...] = _gen.OTHER_Q2
PUBLISHED = _gen.PUBLISHED
NON_RESPONDENTS = _gen.NON_RESPONDENTS

MUNI_Q = "Hvilken kommune svarer du for?"
OTHER_OPTION = "Andet, angiv"  # Q2's option whose free text replaces it in Forms
START = datetime(2025, 5, 12, 9, 0, 0)

Row = list[object]


# ---------------------------------------------------------------- the data


def answers() -> tuple[list[str], list[dict[int, object]]]:
    """Municipality per respondent and, per respondent, {question: answer}.

    Single answers are labels; multi answers are labels in questionnaire order, with
    Q2's "Andet, angiv" carried as ``("Andet, angiv", free text)``.
    """
    names, (per_q,) = _gen.responses()
    others = iter(OTHER_Q2)
    people: list[dict[int, object]] = [{} for _ in names]
    for number, _text, kind, options, _none in SURVEY:
        for i, ans in enumerate(per_q[number]):
            if kind == "single":
                people[i][number] = ans
                continue
            ticked = [label for label, _ in options if label in ans]
            if number == 2 and OTHER_OPTION in ticked:
                ticked = [t if t != OTHER_OPTION else (OTHER_OPTION, next(others))
                          for t in ticked]
            people[i][number] = ticked
    return names, people


def _labels(ans: object) -> list[str]:
    return [a[0] if isinstance(a, tuple) else a for a in ans]  # type: ignore[union-attr]


def _other_text(ans: object) -> str | None:
    return next((a[1] for a in ans if isinstance(a, tuple)), None)  # type: ignore[union-attr]


def _forms_cell(ans: object, sep: str, trailing: str = "") -> str:
    """Forms write the free text where the "Other" option would be."""
    parts = [a[1] if isinstance(a, tuple) else a for a in ans]  # type: ignore[union-attr]
    return sep.join(parts) + trailing


def _when(i: int) -> datetime:
    return START + timedelta(minutes=37 * i, seconds=11 * i)


def _muni_name(code: int) -> str:
    from kl_survey.municipalities import by_code

    return f"{by_code(code).name} Kommune"


# ---------------------------------------------------------------- writing helpers


def _write_csv(path: Path, rows: Sequence[Sequence[object]], *, delimiter: str = ",",
               encoding: str = "utf-8", quoting: int = csv.QUOTE_MINIMAL) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _write_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# ---------------------------------------------------------------- generic


def write_generic(out: Path) -> dict[str, Path]:
    xlsx = out / "generic" / "responses.xlsx"
    xlsx.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE / "responses.xlsx", xlsx)
    header, body = _gen.rows()
    csv_path = _write_csv(out / "generic" / "responses.csv", [header, *body], delimiter=";",
                          encoding="utf-8-sig")
    return {"xlsx": xlsx, "csv": csv_path}


# ---------------------------------------------------------------- Microsoft Forms


def write_msforms(out: Path) -> dict[str, Path]:
    """Danish-localised Forms download with quiz columns, sheet ``Form1``."""
    names, people = answers()
    header: Row = ["Id", "Starttidspunkt", "Fuldførelsestidspunkt", "Mail", "Navn",
                   "Tidspunkt for seneste ændring", "Total points", "Quiz feedback", MUNI_Q]
    for number, text, *_ in SURVEY:
        header.append(f"{number}. {text}")
        if number == 1:
            header += [f"Points - {number}. {text}", f"Feedback - {number}. {text}"]
    rows: list[Row] = [header]
    for i, (name, ans) in enumerate(zip(names, people, strict=True)):
        row: Row = [i + 1, _when(i), _when(i) + timedelta(minutes=6), "anonymous", None,
                    None, None, None, name]
        for number, _text, kind, *_ in SURVEY:
            a = ans[number]
            row.append(a if kind == "single" else _forms_cell(a, ";", ";"))
            if number == 1:
                row += [None, None]
        rows.append(row)
    return {"xlsx": _write_xlsx(out / "msforms" / "Kortlægning.xlsx", rows, "Form1")}


# ---------------------------------------------------------------- Google Forms


def write_googleforms(out: Path) -> dict[str, Path]:
    """Google's CSV download: every field quoted, checkboxes joined with ", "."""
    names, people = answers()
    header: Row = ["Tidsstempel", "Mailadresse", MUNI_Q] + [t for _, t, *_ in SURVEY]
    rows: list[Row] = [header]
    for i, (name, ans) in enumerate(zip(names, people, strict=True)):
        stamp = _when(i).strftime("%Y/%m/%d %-I:%M:%S %p") + " CEST"
        row: Row = [stamp, f"kontakt{i + 1}@kommune.dk", name]
        for number, _text, kind, *_ in SURVEY:
            a = ans[number]
            row.append(a if kind == "single" else _forms_cell(a, ", "))
        rows.append(row)
    path = _write_csv(out / "googleforms" / "Kortlægning (svar).csv", rows,
                      quoting=csv.QUOTE_ALL)
    return {"csv": path}


# ---------------------------------------------------------------- LimeSurvey


def _lime_header(style: str) -> Row:
    meta = {
        "code": ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
                 "datestamp", "ipaddr", "refurl"],
        "text": ["Response ID", "Date submitted", "Last page", "Start language", "Seed",
                 "Date started", "Date last action", "IP address", "Referrer URL"],
    }[style]
    cols: Row = [*meta, f"kommune. {MUNI_Q}" if style == "code" else MUNI_Q]
    for number, text, kind, options, _ in SURVEY:
        if kind == "single":
            cols.append(f"Q{number}. {text}" if style == "code" else text)
            continue
        for k, (label, _) in enumerate(options, start=1):
            sub = "other" if label == OTHER_OPTION else f"SQ{k:03d}"
            cols.append(f"Q{number}[{sub}]. {text} [{label}]" if style == "code"
                        else f"{text} [{label}]")
    if style == "code":
        cols += ["interviewtime", "groupTime1", "Q1Time"]
    return cols


def _lime_rows(style: str, yes: str, no: str, partial: bool) -> list[Row]:
    names, people = answers()
    rows: list[Row] = [_lime_header(style)]
    for i, (name, ans) in enumerate(zip(names, people, strict=True)):
        row: Row = [i + 1, _when(i) + timedelta(minutes=8), 3, "da", 1000 + i, _when(i),
                    _when(i) + timedelta(minutes=8), "", "", name]
        row += _lime_answers(ans, yes, no)
        if style == "code":
            row += [480 + i, 300, 40]
        rows.append(row)
    base = len(names)
    for j in range(2):  # opened the link, never answered: dropped as rows without answers
        rows.append([base + j + 1, None, 0, "da", 2000 + j, _when(j), _when(j), "", "", None]
                    + [None] * (len(rows[0]) - 10))
    if partial:  # two municipalities that answered part of it and never submitted
        for j, code in enumerate(NON_RESPONDENTS[:2]):
            ans = people[j]
            row = [base + 10 + j, None, 1, "da", 3000 + j, _when(j), _when(j), "", "",
                   _muni_name(code), ans[1]] + [None] * (len(rows[0]) - 11)
            rows.append(row)
    return rows


def _lime_answers(ans: dict[int, object], yes: str, no: str) -> Row:
    out: Row = []
    for number, _text, kind, options, _ in SURVEY:
        a = ans[number]
        if kind == "single":
            out.append(a)
            continue
        ticked = _labels(a)
        for label, _ in options:
            if label == OTHER_OPTION:
                out.append(_other_text(a))
            else:
                out.append(yes if label in ticked else no)
    return out


def write_limesurvey(out: Path) -> dict[str, Path]:
    """Code & text headings (``,``), full-text headings (``;``), xlsx; and a partial file."""
    d = out / "limesurvey"
    enc = "utf-8-sig"
    return {
        "csv_code": _write_csv(d / "results-survey123456.csv", _lime_rows("code", "Y", "", False),
                               encoding=enc, quoting=csv.QUOTE_ALL),
        "csv_text": _write_csv(d / "results-fulltext.csv", _lime_rows("text", "Ja", "Nej", False),
                               delimiter=";", encoding=enc, quoting=csv.QUOTE_ALL),
        "xlsx": _write_xlsx(d / "results-survey123456.xlsx",
                            _lime_rows("text", "Yes", "No", False), "results"),
        "csv_partial": _write_csv(d / "results-partial.csv", _lime_rows("code", "Y", "", True),
                                  encoding=enc, quoting=csv.QUOTE_ALL),
    }


# ---------------------------------------------------------------- Qualtrics


_Q_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
           "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
           "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
           "DistributionChannel", "UserLanguage"]
_Q_META_TEXT = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
                "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
                "Recipient Last Name", "Recipient First Name", "Recipient Email",
                "External Data Reference", "Location Latitude", "Location Longitude",
                "Distribution Channel", "User Language"]
_Q_IMPORT = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
             "recordedDate", "_recordId", "recipientLastName", "recipientFirstName",
             "recipientEmail", "externalDataReference", "locationLatitude",
             "locationLongitude", "distributionChannel", "userLanguage"]
#: Questions exported with one column per choice; the others are comma-joined.
_SPLIT = (2, 4)


def _import(value: str) -> str:
    return '{"ImportId":"' + value + '"}'


def _qualtrics_columns() -> list[tuple[str, str, str, Callable[[dict[int, object]], object]]]:
    """(id, text, ImportId, value-of-answers) per question column."""
    cols: list[tuple[str, str, str, Callable[[dict[int, object]], object]]] = []
    for number, text, kind, options, _ in SURVEY:
        qid, n = f"QID{number}", number
        if kind == "single":
            cols.append((f"Q{n}", text, qid, lambda a, n=n: a[n]))
        elif number not in _SPLIT:
            cols.append((f"Q{n}", text, qid, lambda a, n=n: ",".join(_labels(a[n]))))
        else:
            for k, (label, _) in enumerate(options, start=1):
                cols.append((f"Q{n}_{k}", f"{text} - {label}", f"{qid}_{k}",
                             lambda a, n=n, lab=label: 1 if lab in _labels(a[n]) else None))
                if label == OTHER_OPTION:
                    cols.append((f"Q{n}_{k}_TEXT", f"{text} - {label} - Text",
                                 f"{qid}_{k}_TEXT", lambda a, n=n: _other_text(a[n])))
    return cols


def _qualtrics_rows(names: list[str], people: list[dict[int, object]]) -> list[Row]:
    """Real rows (Status 0), then preview/test/spam rows that must not be counted."""
    qcols = _qualtrics_columns()
    rows: list[Row] = []
    junk = [(1, NON_RESPONDENTS[0]), (1, NON_RESPONDENTS[1]), (2, NON_RESPONDENTS[2]),
            (8, None), (8, None)]
    plan = [(0, name, ans) for name, ans in zip(names, people, strict=True)]
    plan += [(st, _muni_name(c) if c else None, people[k]) for k, (st, c) in enumerate(junk)]
    for i, (status, name, ans) in enumerate(plan):
        t0 = _when(i)
        meta: Row = [f"{t0:%Y-%m-%d %H:%M:%S}", f"{t0 + timedelta(minutes=7):%Y-%m-%d %H:%M:%S}",
                     status, "130.225.0.1", 100, 420, 1, f"{t0:%Y-%m-%d %H:%M:%S}",
                     f"R_{i:04d}aBcDeFgHiJk", None, None, None, None, 55.67, 12.57,
                     "anonymous", "DA"]
        rows.append(meta + [name] + [fn(ans) for *_, fn in qcols])
    return rows


def write_qualtrics(out: Path) -> dict[str, Path]:
    names, people = answers()
    qcols = _qualtrics_columns()
    body = _qualtrics_rows(names, people)
    head3: list[Row] = [
        _Q_META + ["Kommune"] + [c[0] for c in qcols],
        _Q_META_TEXT + ["Kommune"] + [c[1] for c in qcols],
        [_import(v) for v in _Q_IMPORT] + [_import("Kommune")] + [_import(c[2]) for c in qcols],
    ]
    d = out / "qualtrics"
    path3 = _write_csv(d / "KL_kortlaegning.csv", head3 + body, encoding="utf-8-sig")
    return {"csv": path3, "csv_legacy": _write_legacy(d / "KL_kortlaegning_legacy.csv",
                                                      names, people)}


def _write_legacy(path: Path, names: list[str], people: list[dict[int, object]]) -> Path:
    """The old export: V1..V10, every multi-select split into 1/blank columns."""
    v_text = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress",
              "IPAddress", "Status", "StartDate", "EndDate", "Finished"]
    ids: Row = [f"V{k}" for k in range(1, 11)]
    texts: Row = list(v_text)
    for number, text, kind, options, _ in SURVEY:
        if kind == "single":
            ids.append(f"Q{number}")
            texts.append(text)
            continue
        for k, (label, _) in enumerate(options, start=1):
            ids.append(f"Q{number}_{k}")
            texts.append(f"{text}-{label}")
            if label == OTHER_OPTION:
                ids.append(f"Q{number}_{k}_TEXT")
                texts.append(f"{text}-{label}-TEXT")
    ids += ["Kommune", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
    texts += ["Kommune", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
    rows: list[Row] = [ids, texts]
    plan = [(0, n, a) for n, a in zip(names, people, strict=True)]
    plan += [(1, _muni_name(NON_RESPONDENTS[0]), people[0])]
    for i, (status, name, ans) in enumerate(plan):
        row: Row = [f"R_{i:04d}legacy", "Standard-Antwortsatz", "Anonymous", None, None,
                    "130.225.0.1", status, f"{_when(i):%Y-%m-%d %H:%M:%S}",
                    f"{_when(i) + timedelta(minutes=5):%Y-%m-%d %H:%M:%S}", 1]
        for number, _text, kind, options, _ in SURVEY:
            a = ans[number]
            if kind == "single":
                row.append(a)
                continue
            for label, _ in options:
                row.append(1 if label in _labels(a) else None)
                if label == OTHER_OPTION:
                    row.append(_other_text(a))
        rows.append([*row, name, 55.67, 12.57, -1])
    return _write_csv(path, rows, encoding="utf-8-sig")


# ---------------------------------------------------------------- SurveyMonkey


def _monkey_rows() -> list[Row]:
    names, people = answers()
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1"]
    row1: Row = [*meta, MUNI_Q]
    row2: Row = [None] * len(meta) + ["Response"]
    for _number, text, kind, options, _ in SURVEY:
        if kind == "single":
            row1.append(text)
            row2.append("Response")
            continue
        row1 += [text] + [None] * (len(options) - 1)
        row2 += [label for label, _ in options]
    rows: list[Row] = [row1, row2]
    for i, (name, ans) in enumerate(zip(names, people, strict=True)):
        row: Row = [11800000000 + i, 431000000, f"{_when(i):%m/%d/%Y %I:%M:%S %p}",
                    f"{_when(i) + timedelta(minutes=9):%m/%d/%Y %I:%M:%S %p}", "130.225.0.1",
                    None, None, None, None, name]
        for number, _text, kind, options, _ in SURVEY:
            a = ans[number]
            if kind == "single":
                row.append(a)
                continue
            ticked = _labels(a)
            for label, _ in options:
                if label == OTHER_OPTION and label in ticked:
                    row.append(_other_text(a))
                else:
                    row.append(label if label in ticked else None)
        rows.append(row)
    return rows


def write_surveymonkey(out: Path) -> dict[str, Path]:
    rows = _monkey_rows()
    d = out / "surveymonkey"
    return {
        "xlsx": _write_xlsx(d / "Data_All_250519.xlsx", rows, "Sheet"),
        "csv": _write_csv(d / "Data_All_250519.csv", rows, encoding="utf-8-sig"),
    }


# ---------------------------------------------------------------- SurveyXact


def write_surveyxact(out: Path) -> dict[str, Path]:
    """The other engineer's layout writer, when it exists (``{}`` otherwise)."""
    try:
        layout = importlib.import_module("fixtures.surveyxact_layout")
    except ModuleNotFoundError:
        return {}
    return dict(layout.write_surveyxact(out / "surveyxact"))


WRITERS: dict[str, Callable[[Path], dict[str, Path]]] = {
    "generic": write_generic,
    "msforms": write_msforms,
    "googleforms": write_googleforms,
    "limesurvey": write_limesurvey,
    "qualtrics": write_qualtrics,
    "surveymonkey": write_surveymonkey,
    "surveyxact": write_surveyxact,
}


def write_all(out: Path) -> dict[str, dict[str, Path]]:
    return {tool: writer(Path(out)) for tool, writer in WRITERS.items()}


def main(argv: Sequence[str] | None = None) -> None:
    """argparse, so that ``--help`` explains instead of becoming a folder named --help."""
    import argparse

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("outdir", nargs="?", default="fixtures-out", type=Path,
                        help="folder to write the exports into (default: fixtures-out)")
    for tool, paths in write_all(parser.parse_args(argv).outdir).items():
        for layout, p in paths.items():
            print(f"{tool:<13} {layout:<12} {p}")


if __name__ == "__main__":
    main()
