"""jsontext.dumps writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_survey.output import jsontext
from kl_survey.texts import Texts


def reference(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


leaves = (st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
          | st.floats() | st.floats(min_value=-1e-3, max_value=1e-3) | st.text())
documents = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                         max_leaves=30)


@settings(max_examples=300)
@given(documents)
def test_same_text_as_json(doc: Any) -> None:
    assert jsontext.dumps(doc) == reference(doc)


@settings(max_examples=300)
@given(documents)
def test_the_bytes_are_the_text_in_utf8(doc: Any) -> None:
    """What a file gets."""
    assert_bytes_as_reference(doc, doc)


def assert_bytes_as_reference(made: Any, want: Any) -> None:
    """``dumps_bytes(made)`` is the reference text of ``want`` in UTF-8; with a lone
    surrogate (no UTF-8 for it) it fails as encoding that text does."""
    try:
        encoded = reference(want).encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            jsontext.dumps_bytes(made)
        return
    assert jsontext.dumps_bytes(made) == encoded


@pytest.mark.parametrize("value", [2.5e-05, 1e-07, 0.0001, 1e16, 1e22, -0.0, 123456789.125,
                                   float("nan"), float("inf"), 2**64, "\ud800", "æ\u2028\x7f",
                                   "\x00\x1f\"\\/", (1, [2, {"a": ()}])])
def test_the_cases_where_orjson_differs(value: Any) -> None:
    doc = {"questions": [{"share": value, "answers": ["Ja", "Nej"]}], "empty": {}}
    assert jsontext.dumps(doc) == reference(doc)


def test_other_types_raise_as_before() -> None:
    with pytest.raises(TypeError):
        jsontext.dumps({"a": {1, 2}})
    assert not jsontext.plain({1: "a"})
    assert jsontext.plain({"a": [1, 2.5, None, True, "x"]})


# answers as analysis keeps them: Arrow text (kl_survey.texts.Texts), which holds no lone
# surrogate; every character that json escapes is drawn often
answer = st.text(st.characters(exclude_categories=["Cs"])
                 | st.sampled_from('"\\/\x00\x1f\n\t\r\x08\x0c\x7f\u2028'))


@settings(max_examples=200, deadline=None)  # the first call imports pyarrow.compute
@given(st.lists(answer, max_size=6), st.lists(answer, max_size=3), documents)
def test_arrow_answers_are_written_as_json_writes_the_list(answers: list[str],
                                                           other: list[str], doc: Any) -> None:
    """The answers are spliced in from Arrow at the placeholder's depth and indent, in a
    document orjson writes and in one only json can (``doc``: floats, surrogates)."""
    def texts(items: list[str]) -> Texts:
        return Texts.of_arrow(pa.array(items, pa.large_string()))

    made = {"questions": [{"answers": texts(answers), "other": doc},
                          [[{"other_answers": texts(other)}]]], "also": texts(answers)}
    want = {"questions": [{"answers": answers, "other": doc},
                          [[{"other_answers": other}]]], "also": answers}
    assert jsontext.dumps(made) == reference(want)
    assert_bytes_as_reference(made, want)


def test_python_answers_and_empty_ones_are_written_as_lists() -> None:
    doc = {"a": Texts(["x", "\ud800"]), "b": Texts.of_arrow(pa.array([], pa.string())),
           "c": Texts()}
    assert jsontext.dumps(doc) == reference({"a": ["x", "\ud800"], "b": [], "c": []})
