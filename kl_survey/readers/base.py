"""What every reader shares: options, the detection probe and the reader record."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from kl_survey.issues import Issue
from kl_survey.model import SourceInfo, Survey
from kl_survey.readers.source import (
    DEFAULT_MAX_BYTES,
    RawTable,
    Sniffed,
    SourceOptions,
    list_sheets,
    read_table,
    sniff,
)


@dataclass(frozen=True)
class ReadOptions:
    sheet: str | None = None
    complete_only: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    repair_encoding: bool = False
    #: the source layer's other limits (memory, columns, cell length); default: its own
    limits: SourceOptions = field(default_factory=SourceOptions)

    def source(self) -> SourceOptions:
        """What the source layer needs of these: its limits and the encoding repair."""
        return replace(self.limits, max_bytes=self.max_bytes,
                       repair_encoding=self.repair_encoding)


@dataclass
class Probe:
    """What detection looks at. Tables are read once and shared with the chosen reader."""

    path: Path
    options: ReadOptions = field(default_factory=ReadOptions)
    _tables: dict[str | None, RawTable] = field(default_factory=dict)
    _others: list[RawTable] = field(default_factory=list)

    @cached_property
    def sniffed(self) -> Sniffed | None:
        """The one look at the file's bytes, passed down to every read (None: a folder)."""
        return None if self.path.is_dir() else sniff(self.path)

    @cached_property
    def kind(self) -> str:
        return "dir" if self.sniffed is None else self.sniffed.kind

    @cached_property
    def sheets(self) -> list[str]:
        return list_sheets(self.path, sniffed=self.sniffed) if self.kind in ("xlsx", "xls") else []

    def table(self, sheet: str | None = None) -> RawTable:
        key = sheet if sheet is not None else self.options.sheet
        if key not in self._tables:
            self._tables[key] = read_table(self.path, sheet=key, sniffed=self.sniffed,
                                           options=self.options.source())
        return self._tables[key]

    def read_other(self, path: Path) -> RawTable:
        """Another file of the same export (SurveyXact's sibling CSVs), read with the same
        options; its findings join the probe's. The probed file itself is not read twice."""
        if path == self.path:
            return self.table()
        table = read_table(path, options=self.options.source())
        self._others.append(table)
        return table

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Non-fatal findings of the source layer (a repaired row, a cut-off last row) in
        every table read so far; read_survey hands them on as Survey.issues."""
        tables = [*self._tables.values(), *self._others]
        return tuple(issue for table in tables for issue in table.issues)

    @cached_property
    def header(self) -> list[str]:
        """First row of the default table, cleaned; empty for folders."""
        if self.kind == "dir":
            return []
        frame = self.table().frame
        if frame.empty:
            return []
        return [str(v).strip() if v is not None and str(v) != "<NA>" else ""
                for v in frame.iloc[0].tolist()]

    @cached_property
    def digest(self) -> Future[str]:
        """The file's SHA-256, for the JSON ``source``. :meth:`start_digest` starts it in
        a thread before the file is read, so the two overlap (hashlib and file reads
        release the GIL); otherwise it is computed when asked for."""
        from kl_survey.readers.builder import sha256_of

        done: Future[str] = Future()
        done.set_result(sha256_of(self.path))
        return done

    def start_digest(self) -> None:
        """Hash a file within the size limit in a thread, beside the read."""
        if "digest" in self.__dict__ or not self.path.is_file():
            return
        if self.path.stat().st_size > self.options.max_bytes:  # refused before it is read
            return
        from kl_survey.readers.builder import sha256_of

        pool = ThreadPoolExecutor(1, thread_name_prefix="kl-survey-sha256")
        self.__dict__["digest"] = pool.submit(sha256_of, self.path)
        pool.shutdown(wait=False)

    def source(self, fmt: str, sheet: str | None = None) -> SourceInfo:
        return SourceInfo(file=self.path.name, format=fmt, sha256=self.digest.result(),
                          sheet=sheet)


@dataclass(frozen=True)
class Reader:
    name: str
    label: str
    detect: Callable[[Probe], float]  # 0 = not mine, 1 = certainly mine
    read: Callable[[Probe, ReadOptions], Survey]
