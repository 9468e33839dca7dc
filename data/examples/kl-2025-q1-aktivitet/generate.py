"""Rebuild the example: KL's follow-up on the easy-access service's first quarter (Q1 2025).

KL asks every municipality for the figures Copenhagen's status note gives in its
Tabel 1 — four steps of the service per month, January to March — the split of the
started treatments by administration (SUF/SOF/BUF), and how much four challenges
weigh, on one Likert scale. København's row holds exactly the note's figures
(32/64/102 contacts, 198 in all; 11/6/7 treatments in SUF/SOF/BUF); the other
municipalities' figures are synthetic, drawn from a seeded generator, so the file is
byte-identical on every run:

    python data/examples/kl-2025-q1-aktivitet/generate.py

A hand-built sheet, as an analyst would lay it out: ``Kommune``, then one column per
cell, headed ``1. Question - Row - Month`` (a numeric grid), ``2. Question - Row``
(numbers, one per row) and ``3. Question - Row`` (a grid of labels).
"""

from __future__ import annotations

import random
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # run from a checkout without installing
SEED = 20250331
NON_RESPONDENTS = (492, 563, 825, 336)  # Ærø, Fanø, Læsø, Stevns
KOBENHAVN = 101

ACTIVITY = "Aktivitet i det lettilgængelige tilbud i 1. kvartal 2025"
MONTHS = ("Januar", "Februar", "Marts")
#: Copenhagen's Tabel 1: (row, January, February, March); "Samlet" is their sum.
TABEL_1 = (
    ("Antal henvendelser", (32, 64, 102)),
    ("Antal fysiske forsamtaler", (6, 19, 29)),
    ("Antal screeningssamtaler", (1, 13, 22)),
    ("Antal opstartede behandlingsforløb", (2, 8, 14)),
)
SPLIT = "Opstartede behandlingsforløb i 1. kvartal fordelt på forvaltningsområde"
#: The 24 treatments Copenhagen started: 11 in SUF, 6 in SOF, 7 in BUF.
SPLIT_ROWS = (("Sundhed og omsorg (SUF)", 11), ("Socialområdet (SOF)", 6),
              ("Børn og unge (BUF)", 7))
CHALLENGES = "I hvilken grad oplever I udfordringer med følgende?"
SCALE = ("I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke")
#: Each challenge, Copenhagen's answer, and how likely each answer is elsewhere.
CHALLENGE_ROWS = (
    ("Rekruttering af medarbejdere", "I høj grad", (0.38, 0.34, 0.16, 0.07, 0.05)),
    ("Fysiske rammer", "I mindre grad", (0.12, 0.28, 0.33, 0.22, 0.05)),
    ("Samarbejdet med regionen", "I nogen grad", (0.18, 0.37, 0.27, 0.10, 0.08)),
    ("Kendskabet til tilbuddet blandt borgerne", "I høj grad", (0.30, 0.41, 0.19, 0.04, 0.06)),
)
#: Cells some municipalities left blank (not yet known): (code, row, month).
NOT_REPORTED = ((370, "Antal screeningssamtaler", "Marts"),
                (580, "Antal fysiske forsamtaler", "Marts"),
                (849, "Antal henvendelser", "Januar"))


def _monthly(rng: random.Random, size: float) -> list[tuple[int, int, int]]:
    """A municipality's four rows, January to March: contacts rise month by month as
    the service becomes known, and each later step is a share of the one before."""
    ramp = (0.55, 1.0, 1.45)
    contacts = [max(0, round(size * r * rng.uniform(0.8, 1.2))) for r in ramp]
    rows = [tuple(contacts)]
    for share in (0.3, 0.45, 0.6):
        rows.append(tuple(min(prev, round(prev * share * rng.uniform(0.7, 1.3)))
                          for prev in rows[-1]))
    return [(a, b, c) for a, b, c in rows]


def _split(rng: random.Random, total: int) -> list[int]:
    """The started treatments spread over SUF, SOF and BUF, summing to ``total``."""
    weights = (0.45, 0.25, 0.30)
    out = [0, 0, 0]
    for _ in range(total):
        out[rng.choices(range(3), weights)[0]] += 1
    return out


def responses() -> tuple[list[str], list[list[object]]]:
    """Header and one row per responding municipality, in a seeded order."""
    from kl_survey.municipalities import register

    munis = [m for m in register() if m.code not in NON_RESPONDENTS]
    rng = random.Random(SEED)
    rng.shuffle(munis)
    header = ["Kommune"]
    header += [f"1. {ACTIVITY} - {row} - {month}" for row, _ in TABEL_1 for month in MONTHS]
    header += [f"2. {SPLIT} - {row}" for row, _ in SPLIT_ROWS]
    header += [f"3. {CHALLENGES} - {row}" for row, _, _ in CHALLENGE_ROWS]
    blanks = {(code, row, month) for code, row, month in NOT_REPORTED}
    body: list[list[object]] = []
    for m in munis:
        if m.code == KOBENHAVN:
            grid = [counts for _, counts in TABEL_1]
            split = [n for _, n in SPLIT_ROWS]
            likert = [answer for _, answer, _ in CHALLENGE_ROWS]
        else:
            grid = _monthly(rng, rng.lognormvariate(2.6, 0.6))
            split = _split(rng, sum(grid[3]))
            likert = [rng.choices(SCALE, weights)[0] for _, _, weights in CHALLENGE_ROWS]
        name = "Københavns Kommune" if m.code == KOBENHAVN else f"{m.name} Kommune"
        row: list[object] = [name]
        for (label, _), counts in zip(TABEL_1, grid, strict=True):
            row += [None if (m.code, label, month) in blanks else n
                    for month, n in zip(MONTHS, counts, strict=True)]
        body.append([*row, *split, *likert])
    return header, body


def write_xlsx(path: Path) -> None:
    """The sheet written as May's example is: bold wrapped header, frozen panes, the
    workbook's fixed date (May's generate.py, run by path: both scripts share a name)."""
    may = runpy.run_path(str(HERE.parent / "kl-2025-05" / "generate.py"))
    may["write_xlsx"](path, sheet=responses())


if __name__ == "__main__":
    write_xlsx(HERE / "responses.xlsx")
    print(f"skrev {HERE / 'responses.xlsx'}")
