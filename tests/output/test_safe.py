"""Control characters made visible (issue 10.8) and formula neutralisation."""

from __future__ import annotations

from kl_survey.output.safe import neutralise, show_controls, visible_controls
from kl_survey.pipeline import run

from paths import EXAMPLE


def test_each_control_character_gets_its_picture() -> None:
    assert show_controls("a\x00b\x07c\x1bd\x7fe\x85f") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf"
    assert show_controls("linje 1\nlinje 2\tfane\r") == "linje 1\nlinje 2\tfane\r"
    text = "Ingen kontroltegn: æøå »citat«"
    assert show_controls(text) is text


def test_visible_controls_copies_only_what_changes() -> None:
    a = run(EXAMPLE)[0]
    assert visible_controls(a) is a  # nothing to change: the same object back
    q = a.questions[0]
    label = q.options[0].label
    bad = type(a)(**{**a.__dict__, "questions": (
        type(q)(**{**q.__dict__, "options": (type(q.options[0])(label + "\x00", 1, 2),
                                             *q.options[1:])}), *a.questions[1:])})
    fixed = visible_controls(bad)
    assert fixed.questions[0].options[0].label == label + "\ufffd"
    assert fixed.questions[1] is a.questions[1]


def test_neutralise_is_for_csv() -> None:
    assert neutralise("=1+2") == "'=1+2"
    assert neutralise("- via skolen") == "'- via skolen"
    assert neutralise("Ja") == "Ja" and neutralise(3) == 3


def test_free_text_kept_as_arrow_is_shown_too() -> None:
    """Answers held as Arrow text (kl_survey.texts.Texts) are walked like a tuple."""
    import pyarrow as pa

    from kl_survey.texts import Texts

    clean = Texts.of_arrow(pa.array(["ok", "æøå"]))
    assert visible_controls(clean) is clean
    fixed = visible_controls((Texts.of_arrow(pa.array(["hej\x00med\x1bdig", "ok"])),))[0]
    assert isinstance(fixed, Texts) and fixed == ("hej\ufffdmed\ufffddig", "ok")
