"""The input limits: each refusal names its limit and the option that raises it."""


from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app
from kl_survey.errors import KlSurveyError, UnsafeInputError
from kl_survey.readers.source import limits, read_table

from fixtures.raw_tables import write
from paths import EXAMPLE


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


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_size_must_be_positive(value: str) -> None:
    """0 silently meant the default, and -1 printed a limit of "-1048576 bytes"."""
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLE), "--max-size", value])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "--max-size" in line and value in line and "bytes" not in line
    assert "\n" not in line


def test_library_limits_must_be_positive() -> None:
    with pytest.raises(KlSurveyError, match="max_bytes"):
        limits.SourceOptions(max_bytes=0)
