"""What the native libraries under pandas are told before they load, in a ``kl-survey``
process: no transparent huge pages for Arrow, no thread pool for OpenBLAS.

pyarrow allocates through mimalloc, which by default asks Linux for transparent huge
pages (``madvise(MADV_HUGEPAGE)``) on its arenas. With the kernel's common setting
(``defrag=madvise``) a fault in such memory may stop to compact physical memory
first, and a short run that allocates and frees column after column pays for it in
system time: on the 100 000-row benchmark workbook, 1.0-1.3 s of system time against
0.7 s with huge pages off, and one column's dictionary encoding took 60-100 ms
instead of 5 ms. mimalloc's authors give the same cause and remedy for short-lived
programs (microsoft/mimalloc issues 1323 and 1373): ``MIMALLOC_ALLOW_THP=0``.

numpy's wheels bring OpenBLAS, which starts one thread per further core as numpy is
imported, and each new thread spins on its core for about 0.1 s waiting for work
(OpenMathLib/OpenBLAS issue 5171, numpy issue 25360). kl-survey does no linear algebra
worth a second thread, and a report's own workers need that core: with
``OPENBLAS_NUM_THREADS=1`` the example's ``analyze`` took 0.12 s less CPU and 15-40 ms
less wall time, and its ``report`` 0.29 s less CPU and 0.16 s less wall time (medians of
15 and 8 runs on 2 cores), with byte-identical files.

Both libraries read their settings when they are loaded, so :func:`settle` runs first
in the console script, before anything imports pandas or pyarrow; the report's worker
processes inherit it. A value the user set is kept, and code that imports
``kl_survey`` as a library keeps its own process as it is.
"""

from __future__ import annotations

import os

#: mimalloc's documented option, read from the environment at start-up
ALLOW_THP = "MIMALLOC_ALLOW_THP"
#: OpenBLAS's documented thread count, read when the library is loaded
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def settle() -> None:
    """Turn mimalloc's transparent huge pages and OpenBLAS's threads off, unless the
    environment says otherwise."""
    os.environ.setdefault(ALLOW_THP, "0")
    os.environ.setdefault(BLAS_THREADS, "1")
