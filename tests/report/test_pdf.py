"""report.pdf printed by its worker process is the same PDF (kl_survey/report/pdf.py).

The rest of the PDF's behaviour (tags, fonts, reproducibility) is in
tests/test_report_pdf.py.
"""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from kl_survey.pipeline import run
from kl_survey.report import pdf, write_report

from paths import EXAMPLE

EPOCH = 1748736000
PAGE = ('<html lang="da"><head><title>t</title></head>'
        '<body><h1>Æblegrød</h1><p>96,8% på Læsø</p></body></html>')


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KL_SURVEY_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


@pytest.mark.usefixtures("two_cores")
def test_the_printing_worker_gives_the_same_bytes_as_this_process() -> None:
    pdf.start()
    assert pdf.WORKER.pool is not None  # started, and importing WeasyPrint
    printed = pdf.WORKER.submit(pdf.render, PAGE, EPOCH)
    assert pdf.WORKER.result(printed, pdf.render, PAGE, EPOCH) == pdf.render(PAGE, EPOCH)


@pytest.mark.usefixtures("two_cores")
def test_a_dead_printing_worker_leaves_the_pdf_to_this_process(tmp_path: Path) -> None:
    a = run(EXAMPLE)[0]
    write_report(a, tmp_path / "before", formats=("pdf",))
    pdf.start()
    with pytest.raises(BrokenProcessPool):  # the worker is gone, as after a kill -9
        pdf.WORKER.submit(os._exit, 1).result()
    write_report(a, tmp_path / "after", formats=("pdf",))
    assert pdf.WORKER.pool is None  # printed here
    assert ((tmp_path / "after" / "report.pdf").read_bytes()
            == (tmp_path / "before" / "report.pdf").read_bytes())


def test_the_main_process_does_not_import_weasyprint_to_start_the_worker() -> None:
    import subprocess
    import sys

    code = ("import os, sys\n"
            "from kl_survey.report import pdf\n"
            "if __name__ == '__main__':\n"
            "    os.environ.pop('KL_SURVEY_WORKERS', None)\n"
            "    pdf.start()\n"
            "    assert 'weasyprint' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
