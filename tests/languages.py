"""Run one kl-survey command in Danish (the default) and with ``--lang en``, and check
that each gives the same exit code and the same number of lines on stderr (one, for
:func:`in_both`), the English ones free of Danish words.

A message still Danish under ``--lang en`` shows itself here by its words (æ, ø, å,
"ikke", "filen" …). Data in a line (a file name, a sheet, a municipality, a question's
text) is not the message's: pass it as ``data`` and it is taken out before the check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from typer.testing import CliRunner

from kl_survey.cli import app

runner = CliRunner()

DANISH = re.compile(
    r"[æøåÆØÅ]|\b(af|ark|arket|advarsel|angiv|besvarelser?|der|eller|en|er|et|fejl|fil|filen|"
    r"findes|grænsen|har|ikke|kan|kolonne|kolonner|linjer?|mangler|med|og|på|række|rækker|"
    r"ret|skal|som|svar|til|tegn)\b", re.I)


def danish_words(line: str, data: Sequence[str] = ()) -> list[str]:
    """The Danish words in ``line`` once the ``data`` strings are taken out."""
    for item in sorted(data, key=len, reverse=True):
        line = line.replace(item, " ")
    return [m.group(0) for m in DANISH.finditer(line)]


def both_runs(args: Sequence[str], code: int, *, data: Sequence[str] = (),
              stdin: bytes | None = None) -> tuple[list[str], list[str]]:
    """(Danish lines, English lines) on stderr, each run ending with ``code``; every Danish
    line has a Danish word, no English line has one."""
    runs = []
    for extra in ([], ["--lang", "en"]):
        res = runner.invoke(app, [*args, *extra], env={"KL_SURVEY_LANG": ""}, input=stdin)
        assert res.exit_code == code, (extra, res.stderr, res.exception)
        runs.append(res.stderr.splitlines())
    danish, english = runs
    assert len(danish) == len(english) and danish != english
    assert all(line.startswith("kl-survey: ") for line in danish + english)
    for line in danish:  # the check can see Danish: it has some to see here
        assert danish_words(line, data), line
    for line in english:
        assert not danish_words(line, data), line
    return danish, english


def in_both(args: Sequence[str], code: int, *, data: Sequence[str] = (),
            stdin: bytes | None = None) -> tuple[str, str]:
    """(Danish line, English line) of a command whose stderr is one line in each."""
    danish, english = both_runs(args, code, data=data, stdin=stdin)
    assert len(danish) == 1, danish
    return danish[0], english[0]
