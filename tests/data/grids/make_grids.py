"""Write the grid fixtures: one small file per tool, in that tool's real matrix layout.

The same six municipalities answer the same two grids everywhere, so every reader must
read the same grids (tests/readers/test_agree_grids.py):

* a Likert grid — "I hvilken grad oplever I udfordringer med følgende?" over three
  rows, answered "I høj grad" … "Slet ikke", "Ved ikke";
* a numeric grid — "Aktivitet i 1. kvartal": two rows over January to March (tools
  without numeric matrices, MS Forms and Google Forms, have only the Likert grid).

Google's file also has a checkbox question beside the grid (a multi-select, not a
grid), and the LimeSurvey files come in all three heading styles. Run once; the files
are committed (``python tests/data/grids/make_grids.py``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
MUNIS = ("Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding")
LIKERT = "I hvilken grad oplever I udfordringer med følgende?"
ROWS = ("Rekruttering", "Fysiske rammer", "Samarbejdet med regionen")
SCALE = ("I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke")
ANSWERS = {  # row -> one answer per municipality
    "Rekruttering": ("I høj grad", "I høj grad", "I nogen grad", "I mindre grad",
                     "Ved ikke", "I nogen grad"),
    "Fysiske rammer": ("I mindre grad", "Slet ikke", "I nogen grad", "I mindre grad",
                       "I høj grad", "Ved ikke"),
    "Samarbejdet med regionen": ("I nogen grad", "I nogen grad", "I høj grad", "Slet ikke",
                                 "I mindre grad", "I nogen grad"),
}
ACTIVITY = "Aktivitet i 1. kvartal"
NUM_ROWS = ("Antal henvendelser", "Antal screeningssamtaler")
MONTHS = ("Januar", "Februar", "Marts")
NUMBERS = {  # row -> per municipality (January, February, March)
    "Antal henvendelser": ((10, 20, 30), (5, 7, 9), (32, 64, 102), (1, 2, 3), (0, 4, 8),
                           (12, 15, 18)),
    "Antal screeningssamtaler": ((1, 2, 3), (0, 1, 1), (1, 13, 22), (0, 0, 1), (0, 1, 2),
                                 (2, 3, 4)),
}
CHECKBOX = "Hvordan informerer I borgerne?"
TICKED = ("Hjemmeside, Aula", "Aula", "Hjemmeside", "Hjemmeside, Aula, Plakater", "Aula",
          "Plakater")


def _cells(i: int) -> list[object]:
    """Municipality i's numeric grid, row by row."""
    return [NUMBERS[row][i][m] for row in NUM_ROWS for m in range(3)]


def _csv(path: Path, rows: list[list[object]], **kw: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", **kw).writerows(  # type: ignore[arg-type]
        [["" if v is None else v for v in r] for r in rows])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def generic() -> None:
    header = ["Kommune", *(f"1. {LIKERT} - {r}" for r in ROWS),
              *(f"2. {ACTIVITY} - {r} - {m}" for r in NUM_ROWS for m in MONTHS)]
    body = [[m, *(ANSWERS[r][i] for r in ROWS), *_cells(i)] for i, m in enumerate(MUNIS)]
    _csv(HERE / "generic" / "besvarelser.csv", [header, *body], delimiter=";")


def msforms() -> None:
    from openpyxl import Workbook

    for name, heads in (("Likert.xlsx", [f"{LIKERT}.{r}" for r in ROWS]),
                        ("Likert-udsagn.xlsx", list(ROWS))):
        wb = Workbook()
        ws = wb.active
        ws.title = "Form1"
        ws.append(["Id", "Starttidspunkt", "Fuldførelsestidspunkt", "Mail", "Navn",
                   "Kommune", *heads])
        for i, m in enumerate(MUNIS):
            ws.append([i + 1, "5/19/25 9:00:00", "5/19/25 9:05:00", "anonymous", None, m,
                       *(ANSWERS[r][i] for r in ROWS)])
        (HERE / "msforms").mkdir(parents=True, exist_ok=True)
        wb.save(HERE / "msforms" / name)


def googleforms() -> None:
    header = ["Tidsstempel", "Kommune", CHECKBOX, *(f"{LIKERT} [{r}]" for r in ROWS)]
    body = [[f"2025/05/19 9:0{i}:00 AM CEST", m, TICKED[i], *(ANSWERS[r][i] for r in ROWS)]
            for i, m in enumerate(MUNIS)]
    _csv(HERE / "googleforms" / "Opfølgning (svar).csv", [header, *body],
         quoting=csv.QUOTE_ALL)


def limesurvey() -> None:
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    meta_text = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
    likert_codes = [f"Q1[SQ00{k + 1}]" for k in range(3)]
    num_codes = [f"Q2[SQ00{r + 1}_SQ00{c + 1}]" for r in range(2) for c in range(3)]
    likert_text = [f"{LIKERT} [{r}]" for r in ROWS]
    num_text = [f"{ACTIVITY} [{r}][{m}]" for r in NUM_ROWS for m in MONTHS]
    styles = {
        "results-full-text.csv": (meta_text, likert_text, num_text),
        "results-code-text.csv": (
            [f"{c}. {t}" for c, t in zip(meta, meta_text, strict=True)],
            [f"{c}. {t}" for c, t in zip(likert_codes, likert_text, strict=True)],
            [f"{c}. {t}" for c, t in zip(num_codes, num_text, strict=True)]),
        "results-codes.csv": (meta, likert_codes, num_codes),
    }
    for name, (m_head, l_head, n_head) in styles.items():
        header = [*m_head, "Kommune", *l_head, *n_head]
        body = [[i + 1, "2025-05-19 10:00:00", 3, "da", 7, m,
                 *(ANSWERS[r][i] for r in ROWS), *_cells(i)] for i, m in enumerate(MUNIS)]
        _csv(HERE / "limesurvey" / name, [header, *body], quoting=csv.QUOTE_ALL)


def _imp(qid: str) -> str:
    return '{"ImportId":"' + qid + '"}'


def qualtrics() -> None:
    ids = ["StartDate", "Status", "Finished", "ResponseId", "Q0",
           *(f"Q1_{k + 1}" for k in range(3)),
           *(f"Q2_{r + 1}_{c + 1}" for r in range(2) for c in range(3))]
    texts = ["Start Date", "Response Type", "Finished", "Response ID", "Kommune",
             *(f"{LIKERT} - {r}" for r in ROWS),
             *(f"{ACTIVITY} - {r} - {m}" for r in NUM_ROWS for m in MONTHS)]
    imports = [_imp("startDate"), _imp("status"), _imp("finished"), _imp("_recordId"),
               _imp("QID9_TEXT"), *(_imp(f"QID1_{k + 1}") for k in range(3)),
               *(_imp(f"QID2_{r + 1}_{c + 1}") for r in range(2) for c in range(3))]
    body = [["2025-05-19 09:00:00", "0", "1", f"R_{i}", m, *(ANSWERS[r][i] for r in ROWS),
             *_cells(i)] for i, m in enumerate(MUNIS)]
    _csv(HERE / "qualtrics" / "Opfoelgning.csv", [ids, texts, imports, *body])


def surveymonkey() -> None:
    row1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "Kommune", LIKERT,
            None, None]
    row2 = [None, None, None, None, "Response", *ROWS]
    body = [[1000 + i, 42, "05/19/2025", "05/19/2025", m, *(ANSWERS[r][i] for r in ROWS)]
            for i, m in enumerate(MUNIS)]
    _csv(HERE / "surveymonkey" / "Data_All_250519.csv", [row1, row2, *body])


def surveyxact() -> None:
    folder = HERE / "surveyxact" / "opfoelgning"
    structure = [["questionName", "variableName", "questionType", "subType", "questionText",
                  "choiceValue", "choiceText"],
                 ["kommune", "kommune_1", "Closed", "Single", "Kommune", None, None]]
    labels: list[list[object]] = []
    header = ["respondent", "statoverall", "kommune_1"]
    for k, r in enumerate(ROWS):
        var = f"u_{k + 1}"
        structure.append([var, var, "Closed", "Single", f"{LIKERT} - {r}", None, None])
        labels += [[var, code + 1, label] for code, label in enumerate(SCALE)]
        header.append(var)
    for r, row in enumerate(NUM_ROWS):
        for c, month in enumerate(MONTHS):
            var = f"a_{r + 1}_{c + 1}"
            structure.append([var, var, "Open", "Integer", f"{ACTIVITY} - {row} - {month}",
                              None, None])
            header.append(var)
    labels += [["kommune_1", i + 1, m] for i, m in enumerate(MUNIS)]
    labels += [["statoverall", 4, "Gennemført"]]
    body = [[i + 1, 4, i + 1, *(SCALE.index(ANSWERS[r][i]) + 1 for r in ROWS), *_cells(i)]
            for i in range(len(MUNIS))]
    _csv(folder / "structure.csv", structure, delimiter=";")
    _csv(folder / "labels.csv", labels, delimiter=";")
    _csv(folder / "dataset.csv", [header, *body], delimiter=";")


if __name__ == "__main__":
    for write in (generic, msforms, googleforms, limesurvey, qualtrics, surveymonkey,
                  surveyxact):
        write()
    print(f"skrev gitterfilerne i {HERE}")
