"""Rebuild the bundled second round: the same KL survey asked again in November 2025.

The service had to be fully in place by the end of 2025, so KL repeats the May survey.
The responses are synthetic but plausible, and every difference from May is one a
``kl-survey compare`` user must see:

* 96 municipalities answer: Vallensbæk and Lemvig, missing in May, now answer; Ærø,
  which answered in May, does not; Læsø is still missing;
* Q2 is reworded slightly (and one of its options is spelt differently in the form,
  which ``survey.toml`` renames back);
* May's Q8 is dropped, and a new Q8 about waiting time takes its place.

Each municipality that answered in May starts from its May answers; a seeded plan of
moves (``PLAN``) then changes some of them, so the panel's transitions are real and
known. The two newcomers' answers are written out in ``ENTERED``. The file is
byte-identical on every run:

    python data/examples/kl-2025-11/generate.py

``SURVEY``, ``OTHER_Q2`` and :func:`responses` have the same shape as the May
generator's, so ``tests/make_fixtures.py``'s tool writers can write this round too.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # run from a checkout without installing
SEED = 20251117
LEFT = (492,)  # Ærø answered in May, not in November
NON_RESPONDENTS = (492, 825)  # Ærø, Læsø

Q2_TEXT = "Hvordan informerer I børn, unge og forældre om det lettilgængelige tilbud?"
PJECER = "Pjecer, plakater o.l."  # May's "Pjecer og plakater", as the November form spells it
HJEMMESIDE, AULA, MEDIER = "Kommunens hjemmeside", "Aula", "Sociale medier"
HELT, DELVIS = "Ja, helt i drift", "Ja, delvist i drift"
FORVENTES = "Nej, men det forventes i drift inden udgangen af 2025"
DIALOG = "Nej, men vi er i dialog om det"
FORMEL, UFORMEL = "Formaliseret samarbejde (fx en skriftlig aftale)", "Uformelt samarbejde"
BUF, PPR, SUNDHEDSPLEJE = ("Ja, til børne- og ungeforvaltningen", "Ja, til PPR",
                           "Ja, til sundhedsplejen")
LAEGER, UDDANNELSE = "Ja, til almen praktiserende læger", "Ja, til personale på " \
    "ungdomsuddannelserne"
BUP_KOMPETENCE = ("BUP bidrager til kompetenceudvikling og supervision af kommunale "
                  "medarbejdere")
BUP_RAAD = "BUP tilbyder faglig rådgivning om konkrete behandlingsforløb, når det efterspørges"
BUP_AFKLARE = "BUP hjælper med at afklare, om et barn eller en ung skal henvises til psykiatrien"
KONFERENCER = "Fælles konferencer eller netværksmøder"


def _may() -> ModuleType:
    """May's generator, loaded by path (both scripts are called generate.py)."""
    name = "kl_example_2025_05"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, HERE.parent / "kl-2025-05" / "generate.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


#: How the panel's answers move from May to November, per question: single-choice
#: ("move", from, to, k); multi-select ("add", option, k) to k who had not ticked it,
#: ("drop", option, k) from k who ticked something else too, and ("leave", option, k)
#: for k who had ticked only the "none" option and now tick ``option`` instead.
PLAN: dict[int, list[tuple[str, ...]]] = {
    1: [("move", DELVIS, HELT, 14), ("move", FORVENTES, HELT, 1), ("move", HELT, DELVIS, 1)],
    2: [("add", "Sundhed.dk", 9), ("add", MEDIER, 6), ("add", AULA, 4),
        ("drop", "Pjecer og plakater", 3), ("add", "Andet, angiv", 1)],
    3: [("leave", BUF, 5), ("add", PPR, 6), ("add", SUNDHEDSPLEJE, 4)],
    4: [("leave", LAEGER, 8), ("add", UDDANNELSE, 5)],
    5: [("move", DIALOG, "Ja", 6), ("move", "Nej", DIALOG, 3), ("move", "Ja", "Nej", 1),
        ("move", "Ved ikke", "Nej", 1)],
    6: [("move", UFORMEL, FORMEL, 7), ("move", "Intet samarbejde", UFORMEL, 2),
        ("move", "Ved ikke", UFORMEL, 1), ("move", FORMEL, UFORMEL, 1)],
    7: [("add", KONFERENCER, 6), ("leave", BUP_RAAD, 2), ("drop", BUP_AFKLARE, 2)],
}

#: The two municipalities that answered for the first time (Vallensbæk, Lemvig).
ENTERED: dict[int, dict[int, object]] = {
    187: {1: HELT, 2: {HJEMMESIDE, AULA}, 3: {BUF, PPR}, 4: {LAEGER}, 5: "Ja", 6: FORMEL,
          7: {BUP_KOMPETENCE, BUP_RAAD}},
    665: {1: DELVIS, 2: {HJEMMESIDE, MEDIER, "Andet, angiv"}, 3: {BUF},
          4: {"Nej, ikke endnu"}, 5: DIALOG, 6: UFORMEL, 7: {BUP_KOMPETENCE}},
}

#: The new Q8: nobody was asked in May, so answers are drawn with these exact counts.
WAITING = [("Ja, mere end 4 ugers ventetid", 8), ("Ja, op til 4 ugers ventetid", 26),
           ("Nej", 55), ("Ved ikke", 7)]

#: (number, text, type, [(option, count)], exclusive "none" option or None), as in May;
#: the counts are November's and :func:`responses` checks that it produces them.
SURVEY: list[tuple[int, str, str, list[tuple[str, int]], str | None]] = [
    (1, "Er tilbuddet i drift?", "single", [
        (HELT, 75), (DELVIS, 19), (FORVENTES, 1), ("Nej", 1),
    ], None),
    (2, Q2_TEXT, "multi", [
        (HJEMMESIDE, 83), (AULA, 61), ("Sundhed.dk", 32), (MEDIER, 51), (PJECER, 35),
        ("Andet, angiv", 10),
    ], None),
    (3, "Har I sendt informationsmateriale til kommunale samarbejdspartnere?", "multi", [
        (BUF, 67), ("Ja, til personale på grundskolerne", 49), (PPR, 52),
        (SUNDHEDSPLEJE, 43), ("Ja, til andre kommunale samarbejdspartnere", 17),
        ("Nej, ikke endnu", 5),
    ], "Nej, ikke endnu"),
    (4, "Har I sendt informationsmateriale til øvrige samarbejdspartnere?", "multi", [
        (LAEGER, 54), (UDDANNELSE, 33), ("Ja, til civilsamfundsorganisationer", 20),
        ("Ja, til andre", 8), ("Nej, ikke endnu", 23),
    ], "Nej, ikke endnu"),
    (5, "Samarbejder I med andre kommuner om tilbuddet?", "single", [
        ("Ja", 18), (DIALOG, 18), ("Nej", 58), ("Ved ikke", 2),
    ], None),
    (6, "Hvor formaliseret er jeres samarbejde med regionen?", "single", [
        (FORMEL, 63), (UFORMEL, 28), ("Intet samarbejde", 4), ("Ved ikke", 1),
    ], None),
    (7, "Hvordan understøtter Børne- og Ungepsykiatrien det lettilgængelige tilbud?", "multi", [
        (BUP_KOMPETENCE, 76), (BUP_RAAD, 62), (BUP_AFKLARE, 53), (KONFERENCER, 35),
        ("Andet", 7), ("BUP understøtter ikke tilbuddet", 3),
    ], "BUP understøtter ikke tilbuddet"),
    (8, "Har I oplevet ventetid til det lettilgængelige tilbud?", "single", WAITING, None),
]

#: Free texts written under Q2 "Andet, angiv", in answer order: May's, and one more.
OTHER_Q2: tuple[str, ...] = (*_may().OTHER_Q2, "Kampagne på kommunens Instagram")


def _eligible(panel: dict[int, dict[int, object]], number: int, op: tuple[str, ...],
              none: str | None) -> list[int]:
    """The panel members a move can apply to, in code order (the rng then picks)."""
    kind, label = op[0], op[1]
    out = []
    for code in sorted(panel):
        ans = panel[code][number]
        if kind == "move":
            ok = ans == label
        elif kind == "add":
            assert isinstance(ans, set)
            ok = label not in ans and (none is None or none not in ans)
        elif kind == "drop":
            assert isinstance(ans, set)
            ok = label in ans and len(ans) > 1
        else:  # leave
            ok = ans == {none}
        if ok:
            out.append(code)
    return out


def _apply(rng: random.Random, panel: dict[int, dict[int, object]], number: int,
           none: str | None) -> None:
    for op in PLAN.get(number, []):
        k = int(op[-1])
        chosen = rng.sample(_eligible(panel, number, op, none), k)
        for code in chosen:
            ans = panel[code][number]
            if op[0] == "move":
                panel[code][number] = op[2]
            elif op[0] == "add":
                assert isinstance(ans, set)
                ans.add(op[1])
            elif op[0] == "drop":
                assert isinstance(ans, set)
                ans.discard(op[1])
            else:
                panel[code][number] = {op[1]}


def _rename(ans: object) -> object:
    if isinstance(ans, set) and "Pjecer og plakater" in ans:
        return (ans - {"Pjecer og plakater"}) | {PJECER}
    return ans


def responses() -> tuple[list[str], list[dict[int, object]]]:
    """Municipality names (in answer order) and, per question number, the answers."""
    from kl_survey.municipalities import by_code, match

    may = _may()
    names, (per_q,) = may.responses()
    codes = [m.code for m in (match(n) for n in names) if m is not None]
    assert len(codes) == len(names)
    panel = {code: {number: (set(per_q[number][i]) if isinstance(per_q[number][i], set)
                             else per_q[number][i]) for number in range(1, 8)}
             for i, code in enumerate(codes) if code not in LEFT}
    rng = random.Random(SEED)
    for number, _text, _kind, _options, none in SURVEY[:7]:
        _apply(rng, panel, number, none)
    answers = {**panel, **{code: {k: (set(v) if isinstance(v, set) else v)
                                  for k, v in ans.items()} for code, ans in ENTERED.items()}}
    order = sorted(answers)
    rng.shuffle(order)
    waiting = [label for label, count in WAITING for _ in range(count)]
    rng.shuffle(waiting)
    out: dict[int, object] = {}
    for number in range(1, 8):
        out[number] = [_rename(answers[code][number]) for code in order]
    out[8] = waiting
    _check(out, len(order))
    return [may._display_name(by_code(c).name, c) for c in order], [out]


def _check(per_q: dict[int, object], n: int) -> None:
    """The answers give exactly SURVEY's counts (the table above is not decoration)."""
    assert n == 96, n
    for number, _text, kind, options, none in SURVEY:
        got = per_q[number]
        assert isinstance(got, list) and len(got) == n
        for label, count in options:
            ticked = sum(1 for a in got if (a == label if kind == "single" else label in a))
            assert ticked == count, (number, label, ticked, count)
        if kind == "multi":
            assert all(a and (none not in a or a == {none}) for a in got), number


if __name__ == "__main__":
    sheet = _may().rows(responses(), SURVEY, OTHER_Q2)
    _may().write_xlsx(HERE / "responses.xlsx", sheet)
    print(f"skrev {HERE / 'responses.xlsx'}")
