"""Rebuild the bundled example: KL's May 2025 survey of the easy-access service (SUL §126 a).

The responses are synthetic, but every count is chosen so that the 14 percentages KL
published in "Nyhedsbrev 5" come out exactly (n = 95 of 98 municipalities). Which
municipality gave which answer is a seeded shuffle, so the file is byte-identical on
every run:

    python data/examples/kl-2025-05/generate.py

The ``SURVEY`` table below is also imported by ``tests/make_fixtures.py`` to write the
same survey in every survey tool's layout.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # run from a checkout without installing
SEED = 20250519
CREATED = 946684800  # 2000-01-01T00:00:00Z, the workbook's fixed date
NON_RESPONDENTS = (187, 665, 825)  # Vallensbæk, Lemvig, Læsø

#: (number, text, type, [(option, count)], exclusive "none" option or None)
Table = list[tuple[int, str, str, list[tuple[str, int]], str | None]]
SURVEY: Table = [
    (1, "Er tilbuddet i drift?", "single", [
        ("Ja, helt i drift", 60),
        ("Ja, delvist i drift", 32),
        ("Nej, men det forventes i drift inden udgangen af 2025", 2),
        ("Nej", 1),
    ], None),
    (2, "Hvordan informerer I borgerne om det lettilgængelige tilbud?", "multi", [
        ("Kommunens hjemmeside", 81),
        ("Aula", 57),
        ("Sundhed.dk", 23),
        ("Sociale medier", 44),
        ("Pjecer og plakater", 38),
        ("Andet, angiv", 9),
    ], None),
    (3, "Har I sendt informationsmateriale til kommunale samarbejdspartnere?", "multi", [
        ("Ja, til børne- og ungeforvaltningen", 61),
        ("Ja, til personale på grundskolerne", 49),
        ("Ja, til PPR", 45),
        ("Ja, til sundhedsplejen", 40),
        ("Ja, til andre kommunale samarbejdspartnere", 17),
        ("Nej, ikke endnu", 10),
    ], "Nej, ikke endnu"),
    (4, "Har I sendt informationsmateriale til øvrige samarbejdspartnere?", "multi", [
        ("Ja, til almen praktiserende læger", 46),
        ("Ja, til personale på ungdomsuddannelserne", 28),
        ("Ja, til civilsamfundsorganisationer", 21),
        ("Ja, til andre", 8),
        ("Nej, ikke endnu", 30),
    ], "Nej, ikke endnu"),
    (5, "Samarbejder I med andre kommuner om tilbuddet?", "single", [
        ("Ja", 12),
        ("Nej, men vi er i dialog om det", 21),
        ("Nej", 59),
        ("Ved ikke", 3),
    ], None),
    (6, "Hvor formaliseret er jeres samarbejde med regionen?", "single", [
        ("Formaliseret samarbejde (fx en skriftlig aftale)", 56),
        ("Uformelt samarbejde", 31),
        ("Intet samarbejde", 6),
        ("Ved ikke", 2),
    ], None),
    (7, "Hvordan understøtter Børne- og Ungepsykiatrien det lettilgængelige tilbud?", "multi", [
        ("BUP bidrager til kompetenceudvikling og supervision af kommunale medarbejdere", 75),
        ("BUP tilbyder faglig rådgivning om konkrete behandlingsforløb, når det efterspørges",
         59),
        ("BUP hjælper med at afklare, om et barn eller en ung skal henvises til psykiatrien",
         55),
        ("Fælles konferencer eller netværksmøder", 30),
        ("Andet", 7),
        ("BUP understøtter ikke tilbuddet", 5),
    ], "BUP understøtter ikke tilbuddet"),
    (8, "Samarbejder I med civilsamfundsaktører om børn og unge, som ikke er i målgruppen "
        "for behandling i det lettilgængelige tilbud?", "single", [
        ("Ja", 44),
        ("Nej", 38),
        ("Ved ikke", 13),
    ], None),
]

#: Free texts written under Q2 "Andet, angiv" (one per municipality that ticked it).
OTHER_Q2 = (
    "Via sundhedsplejersker og skolesygeplejersker",
    "Infomøder for forældre på skolerne",
    "Lokalavisen",
    "Opslag på biblioteker og i borgerservice",
    "Gennem PPR og familierådgivningen",
    "Nyhedsbrev til fagpersoner",
    "Ungdomsskolens kanaler",
    "Plakater i busser",
    "Mund-til-mund via skolernes AKT-personale",
)

#: What the newsletter published: (question, option, percent). Tests check all 14.
PUBLISHED = (
    (1, None, "96,8"),
    (2, "Kommunens hjemmeside", "85,3"), (2, "Aula", "60,0"), (2, "Sundhed.dk", "24,2"),
    (3, "Ja, til børne- og ungeforvaltningen", "64,2"),
    (3, "Ja, til personale på grundskolerne", "51,6"),
    (4, "Ja, til almen praktiserende læger", "48,4"),
    (4, "Ja, til personale på ungdomsuddannelserne", "29,5"),
    (5, "Ja", "12,6"),
    (6, "Formaliseret samarbejde (fx en skriftlig aftale)", "58,9"),
    (7, "BUP bidrager til kompetenceudvikling og supervision af kommunale medarbejdere", "78,9"),
    (7, "BUP tilbyder faglig rådgivning om konkrete behandlingsforløb, når det efterspørges",
     "62,1"),
    (7, "BUP hjælper med at afklare, om et barn eller en ung skal henvises til psykiatrien",
     "57,9"),
    (8, "Ja", "46,3"),
)


def _single(rng: random.Random, options: list[tuple[str, int]], n: int) -> list[str]:
    answers = [label for label, count in options for _ in range(count)]
    assert len(answers) == n, (options, n)
    rng.shuffle(answers)
    return answers


def _multi(rng: random.Random, options: list[tuple[str, int]], none: str | None,
           n: int) -> list[set[str]]:
    """Exact option counts, everybody ticks at least one, the "none" option ticked alone."""
    people = list(range(n))
    rng.shuffle(people)
    chosen: list[set[str]] = [set() for _ in range(n)]
    rest = people
    if none is not None:
        k = dict(options)[none]
        for p in people[:k]:
            chosen[p].add(none)
        rest = people[k:]
    uncovered = list(rest)
    for label, count in sorted((o for o in options if o[0] != none), key=lambda o: -o[1]):
        first = uncovered[:count]
        others = [p for p in rest if p not in first]
        rng.shuffle(others)
        for p in first + others[: count - len(first)]:
            chosen[p].add(label)
        uncovered = uncovered[count:]
    assert not uncovered and all(chosen), "every respondent must tick an option"
    return chosen


def responses() -> tuple[list[str], list[dict[int, object]]]:
    """Municipality names (in answer order) and, per question number, the answers."""
    from kl_survey.municipalities import register

    munis = [m for m in register() if m.code not in NON_RESPONDENTS]
    rng = random.Random(SEED)
    rng.shuffle(munis)
    n = len(munis)
    per_q: dict[int, object] = {}
    for number, _text, kind, options, none in SURVEY:
        per_q[number] = (_single(rng, options, n) if kind == "single"
                         else _multi(rng, options, none, n))
    names = [_display_name(m.name, m.code) for m in munis]
    return names, [per_q]


def _display_name(name: str, code: int) -> str:
    """How respondents write it: "Københavns Kommune", "Bornholms Regionskommune"."""
    if code == 400:
        return "Bornholms Regionskommune"
    if code == 101:
        return "Københavns Kommune"
    return f"{name} Kommune"


def rows(answers: tuple[list[str], list[dict[int, object]]] | None = None,
         survey: Table | None = None,
         other_q2: tuple[str, ...] = OTHER_Q2) -> tuple[list[str], list[list[object]]]:
    """The hand-built sheet: one row per municipality, multi-select as X columns.

    Later rounds (``kl-2025-11/generate.py``) pass their own answers, questions and
    "Andet" texts, so every round's sheet is laid out by this one function.
    """
    names, (per_q,) = answers or responses()
    survey = SURVEY if survey is None else survey
    header = ["Kommune"]
    for number, text, kind, options, _ in survey:
        if kind == "single":
            header.append(f"{number}. {text}")
        else:
            header.extend(f"{number}. {text} - {label}" for label, _ in options)
    other_iter = iter(other_q2)
    body: list[list[object]] = []
    for i, name in enumerate(names):
        row: list[object] = [name]
        for number, _text, kind, options, _ in survey:
            ans = per_q[number][i]  # type: ignore[index]
            if kind == "single":
                row.append(ans)
                continue
            for label, _ in options:
                if label not in ans:
                    row.append(None)
                elif number == 2 and label.startswith("Andet"):
                    row.append(next(other_iter))
                else:
                    row.append("X")
        body.append(row)
    return header, body


def write_xlsx(path: Path, sheet: tuple[list[str], list[list[object]]] | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from kl_survey.output.atomic import normalise_zip, write_bytes
    from kl_survey.output.workbook import save

    header, body = sheet or rows()
    wb = Workbook()
    ws = wb.active
    ws.title = "Besvarelser"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in body:
        ws.append(r)
    ws.freeze_panes = "B2"
    # dated 2000-01-01 (SOURCE_DATE_EPOCH-style), never the wall clock: the same bytes
    # on every run
    write_bytes(path, normalise_zip(save(wb, CREATED)))


def write_flawed_csv(path: Path) -> None:
    """The same answers as a CSV export with two mistakes ``kl-survey validate`` must catch:
    København misspelt "Kobenhavn", and Odense's row carrying Vejle's name (Vejle twice)."""
    import csv
    import io

    header, body = rows()
    body = [list(r) for r in body]
    for row in body:
        if row[0] == "Københavns Kommune":
            row[0] = "Kobenhavn"
        elif row[0] == "Odense Kommune":
            row[0] = "Vejle Kommune"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in body])
    path.write_bytes(out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    write_xlsx(HERE / "responses.xlsx")
    write_flawed_csv(HERE / "besvarelser-med-fejl.csv")
    print(f"skrev {HERE / 'responses.xlsx'} og {HERE / 'besvarelser-med-fejl.csv'}")
