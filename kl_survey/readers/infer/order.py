"""The order of options a source does not give: as a questionnaire would list them."""

from __future__ import annotations

from kl_survey.vocabulary import NO_HEADS, YES_HEADS, is_dont_know, is_other


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
    how a newsletter orders a nominal question. Numeric codes sort by value. A spec
    file fixes the order for good.
    """
    try:
        return tuple(sorted(labels, key=float))
    except ValueError:
        freq = counts or {}
        return tuple(sorted(labels, key=lambda o: (_rank(o), -freq.get(o, 0))))


def dont_know_options(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(o for o in options if is_dont_know(o))
