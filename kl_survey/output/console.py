"""The rich console that writes tables to stdout.

rich answers a closed stdout (``kl-survey analyze x.xlsx | head -1``) by exiting 1 itself,
and 1 is what ``validate`` uses for "errors found". This console hands the broken pipe
back to the CLI instead, which exits 141 like other command-line tools (README: exit
codes). ``on_broken_pipe`` is rich's documented hook for this.
"""

from __future__ import annotations

import errno

from rich.console import Console


class StdoutConsole(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")
