"""Checks on a spec that pydantic cannot express, each an error at ``file:line``.

Ids unique, labels among the options, filters valid, and the mistakes that quietly
change a published number: a circular ``other_of`` (both questions vanish), a circular
``merge``/``rename`` (two labels swap their counts) and two questions with one number.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kl_survey.messages import msg
from kl_survey.spec_lines import loc_text, spec_error
from kl_survey.spec_lines import value_text as _value

if TYPE_CHECKING:
    from kl_survey.spec import QuestionSpec, Spec

SPEC_VERSION = 1


def check(spec: Spec, text: str, name: str) -> None:
    """Checks pydantic cannot express: ids unique, labels among options, filters valid."""
    if spec.version != SPEC_VERSION:
        raise spec_error(text, name, ("version",),
                         msg("spec.expected", what=SPEC_VERSION, value=spec.version),
                         msg("spec.version-read", version=SPEC_VERSION))
    if spec.survey.source is not None:
        from kl_survey.readers import source_names

        names = source_names()
        if spec.survey.source not in names:
            raise spec_error(text, name, ("survey", "source"),
                             msg("spec.unknown-source", value=_value(spec.survey.source)),
                             msg("spec.unknown-source.hint", names=", ".join(names)))
    seen: dict[str, int] = {}
    for i, q in enumerate(spec.question):
        if q.id in seen:
            raise spec_error(text, name, ("question", i, "id"),
                             msg("spec.id-used", value=_value(q.id),
                                 other=loc_text(("question", seen[q.id]))))
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
                             msg("spec.number-used", number=q.number, id=first.id,
                                 other=loc_text(("question", seen[q.number]))))
        seen[q.number] = i


def _check_question(spec: Spec, ids: dict[str, QuestionSpec], i: int, q: QuestionSpec,
                    text: str, name: str) -> None:
    def fail(key: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        raise spec_error(text, name, ("question", i, *key), message, hint)

    if q.options is not None:
        dupes = sorted({o for o in q.options if q.options.count(o) > 1})
        if dupes:
            fail(("options",), msg("spec.listed-twice", value=_value(dupes[0])))
        allowed = set(q.options)
        for key in ("yes", "dont_know", "exclude"):
            for label in getattr(q, key) or ():
                if label not in allowed:
                    fail((key,), msg("spec.not-an-option", value=_value(label)),
                         _closest(label, q.options))
        targets = [*q.rename.values(), *q.merge.keys()]
        for label in targets:
            if label not in allowed:
                key = "rename" if label in q.rename.values() else "merge"
                fail((key,), msg("spec.new-name-unlisted", value=_value(label)))
    if q.exclude is not None and q.base != "exclude":
        fail(("exclude",), msg("spec.exclude-without-base", base=_value(q.base)))
    _check_label_map(q, fail)
    if q.other_of is not None and (q.other_of not in ids or q.other_of == q.id):
        fail(("other_of",), msg("spec.unknown-question", value=_value(q.other_of)),
             msg("spec.other-of-target"))
    parent = ids.get(q.other_of) if q.other_of is not None else None
    if parent is not None and parent.other_of is not None:
        # a chain or a circle: q1 → q2 → q1 hides both questions and shows neither
        fail(("other_of",), msg("spec.other-of-chain", parent=parent.id, id=q.id,
                                value=_value(parent.other_of)))
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
            fail((key,), msg("spec.renamed-twice", old=_value(old), first=_value(had[1]),
                             second=_value(new)))
        sources[old] = (key, new)
    for key, old, new in pairs:
        if new != old and new in sources and sources[new][1] != new:
            fail((key,), msg("spec.rename-swap", new=_value(new),
                             other=_value(sources[new][1])))


def _check_filter(ids: dict[str, QuestionSpec], q: QuestionSpec, fail: Any) -> None:
    flt = q.filter
    assert flt is not None
    target = ids.get(flt.question)
    if target is None or flt.question == q.id:
        known = ", ".join(k for k in ids if k != q.id)
        fail(("filter", "question"), msg("spec.unknown-question", value=_value(flt.question)),
             msg("spec.filter-expected", known=known) if known else msg("spec.filter-other"))
        return
    if target.type in ("numeric", "text"):
        fail(("filter", "question"),
             msg("spec.filter-no-options", value=_value(flt.question), type=target.type))
    if target.options is not None:
        for label in flt.options:
            if label not in target.options:
                fail(("filter", "options"),
                     msg("spec.filter-option", value=_value(label), question=flt.question),
                     _closest(label, target.options))


def _closest(label: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(label, list(options), n=1, cutoff=0.5)
    if close:
        return msg("spec.did-you-mean-option", close=close[0])
    listed = ", ".join(f"'{o}'" for o in list(options)[:8])
    return msg("spec.options-are", listed=listed + (" …" if len(options) > 8 else ""))
