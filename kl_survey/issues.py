"""Problems as data: validation and spec reconciliation return these, never raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Where:
    """Where a problem sits; every part optional so one type fits file, row and cell."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    municipality: str | None = None
    question: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def describe(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"ark '{self.sheet}'")
        if self.row is not None:
            parts.append(f"række {self.row}")
        if self.column:
            parts.append(f"kolonne '{self.column}'")
        if self.question:
            parts.append(f"spørgsmål {self.question}")
        if self.municipality:
            parts.append(self.municipality)
        return ", ".join(parts)


@dataclass(frozen=True)
class Issue:
    severity: Severity
    code: str  # stable machine-readable id, e.g. "municipality-unknown"
    message: str
    where: Where = field(default_factory=Where)
    hint: str | None = None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "where": self.where.as_dict(),
        }
        if self.hint:
            out["hint"] = self.hint
        return out
