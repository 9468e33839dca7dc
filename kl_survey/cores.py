"""Whether there is a second core to spread work on: one switch for every thread pool,
read-ahead thread and worker process kl-survey starts.

Threads and workers only pay off beside a second core, and ``KL_SURVEY_WORKERS=0``
keeps a run on one (a CI job that shares its core, or a profile that should show one
thread of work).
"""

from __future__ import annotations

import os


def spare() -> bool:
    """A second core, and the workers not switched off."""
    return os.environ.get("KL_SURVEY_WORKERS", "").strip() != "0" and (os.cpu_count() or 1) > 1


#: a file smaller than this is read in a few milliseconds: a thread to read or open it
#: ahead (:mod:`kl_survey.readers.source.ahead`, :mod:`kl_survey.console`) costs more
#: than it saves
READ_AHEAD_BYTES = 1_000_000
