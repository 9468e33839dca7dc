"""Texts: free-text answers kept as Arrow, behaving as the tuple they replaced."""

from __future__ import annotations

import pickle

import pyarrow as pa
import pytest

from kl_survey.texts import NONE, Texts

ANSWERS = ["God idé", "Mangler \"midler\"", "æøå\n2. linje"]


def test_arrow_answers_are_counted_without_becoming_python_strings() -> None:
    t = Texts.of_arrow(pa.chunked_array([pa.array(ANSWERS[:1]), pa.array(ANSWERS[1:])]))
    assert len(t) == 3 and bool(t)
    assert t._items is None  # nothing made yet: len() reads the Arrow length
    assert t.arrow is not None and t.arrow.to_pylist() == ANSWERS  # one chunk now


def test_a_sequence_equal_to_the_tuple_it_replaced() -> None:
    for t in (Texts.of_arrow(pa.array(ANSWERS, pa.large_string())), Texts(ANSWERS)):
        assert t == tuple(ANSWERS) and tuple(ANSWERS) == t and t == ANSWERS
        assert (("text", t) == ("text", tuple(ANSWERS)))  # as tests compare results
        assert list(t) == ANSWERS and t[1] == ANSWERS[1] and t[1:] == tuple(ANSWERS[1:])
        assert ANSWERS[2] in t and t.index(ANSWERS[2]) == 2
        assert hash(t) == hash(tuple(ANSWERS)) and t == Texts(ANSWERS)
        assert pickle.loads(pickle.dumps(t)) == t  # the report's workers get a copy
    assert t != ("God idé",) and not NONE and len(NONE) == 0 and NONE == ()


def test_nulls_are_refused() -> None:
    """Blank cells are dropped before the answers are kept: a null here is a bug."""
    with pytest.raises(ValueError):
        Texts.of_arrow(pa.array(["a", None]))
