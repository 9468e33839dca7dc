"""Arrow's allocator in a ``kl-survey`` process: no transparent huge pages.

pyarrow allocates through mimalloc, which by default asks Linux for transparent huge
pages (``madvise(MADV_HUGEPAGE)``) on its arenas. With the kernel's common setting
(``defrag=madvise``) a fault in such memory may stop to compact physical memory
first, and a short run that allocates and frees column after column pays for it in
system time: on the 100 000-row benchmark workbook, 1.0-1.3 s of system time against
0.7 s with huge pages off, and one column's dictionary encoding took 60-100 ms
instead of 5 ms. mimalloc's authors give the same cause and remedy for short-lived
programs (microsoft/mimalloc issues 1323 and 1373): ``MIMALLOC_ALLOW_THP=0``.

mimalloc reads its options when Arrow's library is loaded, so :func:`settle` runs
first in the console script, before anything imports pyarrow; the report's worker
processes inherit it. A value the user set is kept, and code that imports
``kl_survey`` as a library keeps its own process as it is.
"""

from __future__ import annotations

import os

#: mimalloc's documented option, read from the environment at start-up
ALLOW_THP = "MIMALLOC_ALLOW_THP"


def settle() -> None:
    """Turn mimalloc's transparent huge pages off, unless the environment says otherwise."""
    os.environ.setdefault(ALLOW_THP, "0")
