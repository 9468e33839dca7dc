"""The order of options a source does not give: as a questionnaire would list them."""

from __future__ import annotations

from kl_survey.vocabulary import NO_HEADS, YES_HEADS, is_dont_know, is_other, scale_rank


def _head(label: str) -> str:
    return label.casefold().split(",")[0].split(" ")[0]


def _rank(label: str) -> int:
    if is_dont_know(label) or label.casefold().startswith(("ved ikke", "don't know",
                                                           "ønsker ikke")):
        return 4
    if is_other(label):
        return 3
    if _head(label) in NO_HEADS[:2]:
        return 2
    if _head(label) in YES_HEADS:
        return 0
    return 1


def order_options(labels: list[str], counts: dict[str, int] | None = None) -> tuple[str, ...]:
    """Order inferred options as a questionnaire would: Ja…, others, Nej…, Andet, Ved ikke.

    Used only when the source carries no option order (hand-built sheets); within a
    group the most frequent option comes first (ties keep first appearance), which is
    how a newsletter orders a nominal question. Numeric codes sort by value, and the
    words of a known rating scale ("I høj grad" … "Slet ikke") in scale order. A spec
    file fixes the order for good.
    """
    try:
        return tuple(sorted(labels, key=float))
    except ValueError:
        freq = counts or {}
        scale = scale_rank(labels)
        if scale is not None:
            return tuple(sorted(labels, key=lambda o: (_rank(o) if o not in scale else 1,
                                                       scale.get(o, 0), -freq.get(o, 0))))
        return tuple(sorted(labels, key=lambda o: (_rank(o), -freq.get(o, 0))))


def dont_know_options(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(o for o in options if is_dont_know(o))
