"""Checks on a spec that pydantic cannot express, each an error at ``file:line``.

Ids unique, labels among the options, filters valid, and the mistakes that quietly
change a published number: a circular ``other_of`` (both questions vanish), a circular
``merge``/``rename`` (two labels swap their counts) and two questions with one number.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kl_survey.spec_lines import loc_text, spec_error
from kl_survey.spec_lines import value_text as _value

if TYPE_CHECKING:
    from kl_survey.spec import QuestionSpec, Spec

SPEC_VERSION = 1


def check(spec: Spec, text: str, name: str) -> None:
    """Checks pydantic cannot express: ids unique, labels among options, filters valid."""
    if spec.version != SPEC_VERSION:
        raise spec_error(text, name, ("version",),
                     f"forventede {SPEC_VERSION}, fik {spec.version}",
                     "Denne version af kl-survey læser spec-version 1")
    if spec.survey.source is not None:
        from kl_survey.readers import source_names

        names = source_names()
        if spec.survey.source not in names:
            raise spec_error(text, name, ("survey", "source"),
                         f"ukendt kilde {_value(spec.survey.source)}",
                         "Vælg en af: " + ", ".join(names))
    seen: dict[str, int] = {}
    for i, q in enumerate(spec.question):
        if q.id in seen:
            raise spec_error(text, name, ("question", i, "id"),
                         f"id {_value(q.id)} er allerede brugt af "
                         f"{loc_text(('question', seen[q.id]))}",
                         "Hvert spørgsmål skal have sit eget id")
        seen[q.id] = i
    _check_numbers(spec, text, name)
    ids = spec.by_id()
    for i, q in enumerate(spec.question):
        _check_question(spec, ids, i, q, text, name)


def _check_numbers(spec: Spec, text: str, name: str) -> None:
    """Two shown questions with one number would both print "Spørgsmål 2"."""
    seen: dict[int, int] = {}
    for i, q in enumerate(spec.question):
        if q.number is None or q.hidden or q.other_of is not None:
            continue
        if q.number in seen:
            first = spec.question[seen[q.number]]
            raise spec_error(text, name, ("question", i, "number"),
                             f"nummer {q.number} er allerede brugt af {first.id} "
                             f"({loc_text(('question', seen[q.number]))})",
                             "Giv hvert viste spørgsmål sit eget nummer")
        seen[q.number] = i


def _check_question(spec: Spec, ids: dict[str, QuestionSpec], i: int, q: QuestionSpec,
                    text: str, name: str) -> None:
    def fail(key: tuple[str | int, ...], message: str, hint: str) -> None:
        raise spec_error(text, name, ("question", i, *key), message, hint)

    if q.options is not None:
        dupes = sorted({o for o in q.options if q.options.count(o) > 1})
        if dupes:
            fail(("options",), f"{_value(dupes[0])} står to gange", "Fjern den ene")
        allowed = set(q.options)
        for key in ("yes", "dont_know", "exclude"):
            for label in getattr(q, key) or ():
                if label not in allowed:
                    fail((key,), f"{_value(label)} er ikke en af svarmulighederne i options",
                         _closest(label, q.options))
        targets = [*q.rename.values(), *q.merge.keys()]
        for label in targets:
            if label not in allowed:
                key = "rename" if label in q.rename.values() else "merge"
                fail((key,), f"det nye navn {_value(label)} står ikke i options",
                     "Tilføj det til options, eller ret stavemåden")
    if q.exclude is not None and q.base != "exclude":
        fail(("exclude",), f"bruges kun med base = 'exclude', men base er {_value(q.base)}",
             "Skriv base = \"exclude\" eller fjern exclude")
    _check_label_map(q, fail)
    if q.other_of is not None and (q.other_of not in ids or q.other_of == q.id):
        fail(("other_of",), f"ukendt spørgsmål {_value(q.other_of)}",
             "Angiv id'et på spørgsmålet med \"Andet\"-svarmuligheden")
    parent = ids.get(q.other_of) if q.other_of is not None else None
    if parent is not None and parent.other_of is not None:
        # a chain or a circle: q1 → q2 → q1 hides both questions and shows neither
        fail(("other_of",), f"peger på {parent.id}, som selv har other_of = "
             f"{_value(parent.other_of)}",
             f"other_of skal pege på spørgsmålet med \"Andet\"-svarmuligheden; fjern "
             f"other_of fra {parent.id} eller fra {q.id}")
    if q.filter is not None:
        _check_filter(ids, q, fail)


def _check_label_map(q: QuestionSpec, fail: Any) -> None:
    """``merge``/``rename`` map the export's labels in one step, so a label that is both
    an old and a new name (``{"Nej" = ["Ja"], "Ja" = ["Nej"]}``) silently swaps counts,
    and an old name given twice maps to whichever is read last."""
    sources: dict[str, tuple[str, str]] = {}  # old label -> (key, new label)
    pairs = [("rename", old, new) for old, new in q.rename.items()]
    pairs += [("merge", old, new) for new, olds in q.merge.items() for old in olds]
    for key, old, new in pairs:
        had = sources.get(old)
        if had is not None and had[1] != new:
            fail((key,), f"{_value(old)} omdøbes både til {_value(had[1])} og {_value(new)}",
                 "Hvert svar i eksporten kan kun få ét nyt navn")
        sources[old] = (key, new)
    for key, old, new in pairs:
        if new != old and new in sources and sources[new][1] != new:
            fail((key,), f"{_value(new)} er både et nyt navn og et gammelt navn (der "
                 f"omdøbes til {_value(sources[new][1])}); svarene ville bytte plads",
                 "Skriv de gamle navne, som de står i eksporten, og hvert nyt navn én gang")


def _check_filter(ids: dict[str, QuestionSpec], q: QuestionSpec, fail: Any) -> None:
    flt = q.filter
    assert flt is not None
    target = ids.get(flt.question)
    if target is None or flt.question == q.id:
        known = ", ".join(k for k in ids if k != q.id)
        fail(("filter", "question"), f"ukendt spørgsmål {_value(flt.question)}",
             f"Forventede et af: {known}" if known else "Angiv et andet spørgsmåls id")
        return
    if target.type in ("numeric", "text"):
        fail(("filter", "question"), f"{_value(flt.question)} er et {target.type}-spørgsmål",
             "Et filter skal pege på et spørgsmål med svarmuligheder")
    if target.options is not None:
        for label in flt.options:
            if label not in target.options:
                fail(("filter", "options"),
                     f"{_value(label)} er ikke en svarmulighed i {flt.question}",
                     _closest(label, target.options))


def _closest(label: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(label, list(options), n=1, cutoff=0.5)
    if close:
        return f"Mente du '{close[0]}'? Skriv den præcis som i options"
    listed = ", ".join(f"'{o}'" for o in list(options)[:8])
    return f"Svarmulighederne er: {listed}" + (" …" if len(options) > 8 else "")
