"""Per-column memo: same answers as pandas, computed once, and cleaning in Arrow that
matches the per-cell :func:`clean_label` exactly."""

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from kl_survey.readers import columns
from kl_survey.readers.build import clean_label, clean_series, tick_values

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


@pytest.fixture(autouse=True)
def _fresh_memo() -> None:
    columns.clear()


def _random_column(rng: random.Random, n: int) -> pd.Series:
    alphabet = [*SPACES, *"ab ;Xx1æø", "\u200b", "\ufeff"]
    cells = [None if rng.random() < 0.15 else
             "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(n)]
    return pd.Series(cells, dtype="str", name="c", index=pd.RangeIndex(3, 3 + n))


def test_clean_series_is_clean_label_per_cell() -> None:
    """Arrow's RE2 needs every Python whitespace spelt out; all 29 are exercised."""
    rng = random.Random(3)
    for _ in range(200):
        s = _random_column(rng, rng.randint(0, 30))
        want = [None if pd.isna(v) or not clean_label(v) else clean_label(v) for v in s]
        got = clean_series(s)
        assert got.dtype == s.dtype and got.index.equals(s.index) and got.name == s.name
        assert [None if pd.isna(v) else v for v in got] == want
        assert clean_series(got).equals(got)  # idempotent, and served from the memo


def test_clean_series_keeps_object_and_python_string_columns_working() -> None:
    s = pd.Series([" a\u00a0 b ", None, "  "], dtype=object)
    assert clean_series(s).tolist()[0] == "a b" and clean_series(s).isna().tolist()[1:] == [
        True, True]
    py = pd.Series([" x ", ""], dtype="string[python]")
    assert clean_series(py).tolist()[0] == "x"


def test_factorize_matches_pandas_and_is_computed_once() -> None:
    s = pd.Series(["b", None, "a", "b", "c", None], dtype="str")
    codes, uniques = columns.factorize(s)
    want_codes, want_uniques = pd.factorize(s)
    assert codes.tolist() == want_codes.tolist() and list(uniques) == list(want_uniques)
    again = columns.factorize(s.reset_index(drop=True))  # another wrapper, same buffers
    assert again[0] is codes
    assert not codes.flags.writeable
    sliced = columns.factorize(s.iloc[1:])  # other data: computed, not reused
    assert sliced[0].tolist() == pd.factorize(s.iloc[1:])[0].tolist()


def test_prefetch_fills_the_memo_with_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns, "PREFETCH_CELLS", 0)
    rng = np.random.default_rng(1)
    cols = [pd.Series(rng.choice(["x", "y", "z", None], 5_000), dtype="str") for _ in range(6)]
    columns.prefetch(cols)
    for col in cols:
        memo = columns.entry(col, pa.chunked_array(col.array.__arrow_array__()))
        assert memo.codes is not None
        assert memo.codes.tolist() == pd.factorize(col)[0].tolist()


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns, "MEMO_SIZE", 3)
    for i in range(10):
        columns.factorize(pd.Series([str(i)] * 3, dtype="str"))
    assert len(columns._MEMO) == 3


def test_tick_values_decides_per_distinct_value() -> None:
    s = pd.Series(["X", None, " x ", "Nej", "fri tekst", "", "Valgt"], dtype="str", name=7)
    chosen, other = tick_values(s, "Andet")
    assert chosen.tolist() == [True, False, True, False, True, False, True]
    assert chosen.name == 7 and other.name == 7
    assert other.isna().tolist() == [True, True, True, True, False, True, True]
    plain, none = tick_values(pd.Series(["X", None], dtype="str"))
    assert plain.tolist() == [True, False] and none.isna().all() and none.dtype == "str"
