"""Columns cleaned once at the boundary: the same answers as cleaning cell by cell, the
distinct values found once per column, and nothing kept after the read."""

import random
import threading

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from kl_survey.readers.infer import cells
from kl_survey.readers.infer.cells import Column, clean_label, clean_series, columns_of, letter

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def _random_column(rng: random.Random, n: int) -> pd.Series:
    alphabet = [*SPACES, *"ab ;Xx1æø", "\u200b", "\ufeff"]
    values = [None if rng.random() < 0.15 else
              "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(n)]
    return pd.Series(values, dtype="str", name="c", index=pd.RangeIndex(3, 3 + n))


def _want(s: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) or not clean_label(v) else clean_label(v) for v in s]


def test_clean_series_is_clean_label_per_cell() -> None:
    """Arrow's RE2 needs every Python whitespace spelt out; all 29 are exercised."""
    rng = random.Random(3)
    for _ in range(200):
        s = _random_column(rng, rng.randint(0, 30))
        got = clean_series(s)
        assert got.dtype == s.dtype and got.index.equals(s.index) and got.name == s.name
        assert [None if pd.isna(v) else v for v in got] == _want(s)
        assert clean_series(got).equals(got)  # idempotent


def test_a_column_cleans_its_distinct_values_and_merges_what_cleaning_makes_equal() -> None:
    rng = random.Random(5)
    for _ in range(100):
        s = _random_column(rng, rng.randint(0, 30))
        col = Column.of(0, "h", s)
        assert [None if pd.isna(v) else v for v in col.values] == _want(s)
        want_codes, want_uniques = pd.factorize(pd.Series(_want(s), dtype="str"))
        assert col.codes.tolist() == want_codes.tolist()
        assert col.distinct() == list(want_uniques)
        assert col.counts.tolist() == [int((want_codes == k).sum())
                                       for k in range(len(want_uniques))]


def test_clean_column_keeps_its_data_and_codes_are_read_only() -> None:
    s = pd.Series(["b", None, "a", "b"], dtype="str")
    col = Column.of(2, " Spørgsmål\n 1 ", s)
    assert col.values is col.raw  # nothing to clean: no copy
    assert col.header == "Spørgsmål 1" and col.letter == "C"
    assert not col.codes.flags.writeable


def test_object_and_python_string_columns_work() -> None:
    s = pd.Series([" a\u00a0 b ", None, "  "], dtype=object)
    assert clean_series(s).tolist()[0] == "a b" and clean_series(s).isna().tolist()[1:] == [
        True, True]
    assert Column.of(0, "x", s).distinct() == ["a b"]
    py = pd.Series([" x ", ""], dtype="string[python]")
    assert clean_series(py).tolist()[0] == "x"


def test_letters_and_names_of_headerless_columns() -> None:
    assert [letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    col = Column.of(5, None, pd.Series(["Ja"], dtype="str"))
    assert col.header == "" and col.name == "Kolonne F"


def test_columns_of_prefetches_big_sheets_with_the_same_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cells, "PREFETCH_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    threads: list[str] = []
    real = cells.factorize

    def factorize(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
        threads.append(threading.current_thread().name)
        return real(values)

    monkeypatch.setattr(cells, "factorize", factorize)
    rng = np.random.default_rng(1)
    body = pd.DataFrame({i: pd.Series(rng.choice(["x", "y ", " y", None], 5_000), dtype="str")
                         for i in range(6)})
    cols = columns_of([f"h{i}" for i in range(6)], body)
    for col in cols:
        assert "_made" in col.__dict__  # found by the pool, not later
        want = pd.factorize(clean_series(body[col.index]))[0]
        assert col.codes.tolist() == want.tolist()
    assert len(threads) == 6 and threading.main_thread().name not in threads


def test_factorize_is_pandas_factorize_over_many_chunks() -> None:
    """Arrow's dictionary encoding gives pandas' codes (first appearance, -1 for NA)
    and uniques, also when the column arrives in chunks (as a CSV read does)."""
    chunks = [["b", None, "a"], [], ["a", "c", None, "b"], ["æ", "b"]]
    arrow = pa.chunked_array(chunks, type=pa.large_string())
    values = pd.Series(pd.arrays.ArrowStringArray(arrow), dtype="str")
    codes, uniques = cells.factorize(values)
    want_codes, want_uniques = pd.factorize(values)
    assert codes.tolist() == want_codes.tolist() == [0, -1, 1, 1, 2, -1, 0, 3, 0]
    assert uniques.equals(want_uniques) and uniques.dtype == want_uniques.dtype
    assert cells.factorize(pd.Series([None, None], dtype="str"))[0].tolist() == [-1, -1]


def test_the_prefetch_leaves_bookkeeping_columns_until_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An id or a timestamp is all distinct values (the costliest to hash) and no reader
    looks at them: not hashed ahead, still there when asked for."""
    monkeypatch.setattr(cells, "PREFETCH_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    body = pd.DataFrame({i: pd.Series([str(n) for n in range(50)], dtype="str")
                         for i in range(3)})
    cols = columns_of(["Respondent ID", "Tidsstempel", "Hvor mange?"], body)
    assert ["_made" in c.__dict__ for c in cols] == [False, False, True]
    assert cols[0].codes.tolist() == list(range(50))


def test_the_prefetch_starts_with_the_biggest_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Free text, ten times a closed question's cost and last in most exports, is not
    left to one thread at the end: the pool is handed the columns biggest first."""
    monkeypatch.setattr(cells, "PREFETCH_CELLS", 0)
    monkeypatch.setattr("kl_survey.cores.spare", lambda: True)
    handed: list[int] = []

    class InOrder:  # a pool that runs its jobs at once, in the order given
        def __init__(self, workers: int) -> None:
            pass

        def __enter__(self) -> "InOrder":
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def map(self, fn, items):  # type: ignore[no-untyped-def]
            return [fn(handed.append(c.index) or c) for c in items]

    monkeypatch.setattr(cells, "ThreadPoolExecutor", InOrder)
    texts = ["Ja", "Nej", "Et langt svar om ventetid i borgerservice", "Ja ja", "Meget længe"]
    body = pd.DataFrame({i: pd.Series([texts[i]] * 20, dtype="str") for i in range(5)})
    columns_of([f"h{i}" for i in range(5)], body)
    assert handed == [2, 4, 3, 1, 0]


@pytest.mark.parametrize("dtype", ["str", object])
def test_any_contains_is_str_contains_any(dtype: object) -> None:
    """The byte search over the data only screens: ", " straddling "a," and " b" (or
    lying in the part of the buffer a slice leaves out) is no match."""
    rng = random.Random(7)
    for _ in range(200):
        values = _random_column(rng, rng.randint(0, 8)).dropna()
        index = pd.Index(values.tolist(), dtype=dtype)
        for text in (";", " ", "a;", "æø", ", "):
            assert cells.any_contains(index, text) == bool(
                pd.Series(index.tolist(), dtype=object).str.contains(text, regex=False).any())
    assert not cells.any_contains(pd.Index(["a,", " b"], dtype="str"), ", ")
    chunked = pa.chunked_array([pa.array(["x;y", "a", "b"], pa.large_string()).slice(1)])
    index = pd.Index(pd.arrays.ArrowStringArray(chunked))
    assert index.tolist() == ["a", "b"] and not cells.any_contains(index, ";")
    assert cells.any_contains(pd.Index(["a", "b;c"], dtype="str"), ";")
    assert not cells.any_contains(pd.Index([], dtype="str"), ";")
