"""Routing an analysis to its format: the writer of each format can be imported early."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kl_survey.output import emit
from kl_survey.output.formats import Format


@pytest.mark.parametrize("fmt", list(Format))
def test_prepare_imports_the_writer_of_every_format(fmt: Format) -> None:
    """``analyze`` imports the writer while the export is still being read, where the
    import costs nothing, instead of after the analysis."""
    module = f"kl_survey.output.{emit.WRITERS[fmt.value]}"
    code = (f"import sys; from kl_survey.output import emit; emit.prepare({fmt.value!r}); "
            f"print({module!r} in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "True"
