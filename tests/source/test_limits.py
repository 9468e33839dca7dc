"""The input limits: each refusal names its limit and the option that raises it."""


from __future__ import annotations

from pathlib import Path

import pytest

from kl_survey.errors import UnsafeInputError
from kl_survey.readers.source import limits, read_table

from fixtures.raw_tables import write


def test_csv_larger_than_max_bytes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "stor.csv", "a;b\n" + "1;2\n" * 1000)
    with pytest.raises(UnsafeInputError) as info:
        read_table(path, max_bytes=1000)
    assert "--max-size" in info.value.one_line() and "stor.csv" in info.value.one_line()
    assert len(read_table(path, max_bytes=10_000).frame) == 1001


def test_size_text_is_danish() -> None:
    assert limits.size_text(3 * 1024**3) == "3,0 GB"
    assert limits.size_text(1536) == "1,5 KB"
    assert limits.size_text(12) == "12 bytes"
