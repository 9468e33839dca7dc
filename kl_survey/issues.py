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
        """``fil.xlsx, ark 'Data', række 4, kolonne 'Q1'`` in the current language."""
        from kl_survey.messages import msg

        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(msg("where.sheet", sheet=self.sheet))
        if self.row is not None:
            parts.append(msg("where.row", row=self.row))
        if self.column:
            parts.append(msg("where.column", column=self.column))
        if self.question:
            parts.append(msg("where.question", question=self.question))
        if self.municipality:
            parts.append(self.municipality)
        return ", ".join(parts)


@dataclass(frozen=True)
class Issue:
    """One problem. ``message``/``hint`` are catalogue texts (``msg("issue.<code>")``) or,
    in modules not converted yet, Danish strings."""

    severity: Severity
    code: str  # stable machine-readable id, e.g. "municipality-unknown"
    message: str
    where: Where = field(default_factory=Where)
    hint: str | None = None

    def __post_init__(self) -> None:
        """A message may quote an answer; a CPR number in it is never shown (issue 10)."""
        from dataclasses import replace

        from kl_survey.privacy import redact_text

        object.__setattr__(self, "message", redact_text(self.message))
        if self.hint:
            object.__setattr__(self, "hint", redact_text(self.hint))
        if self.where.municipality:
            object.__setattr__(self, "where", replace(
                self.where, municipality=redact_text(self.where.municipality)))

    def one_line(self) -> str:
        """``file, række 4, spørgsmål q3: message. hint.`` in the current language."""
        from kl_survey.messages import one_line, render

        return one_line(self.where.describe(), render(self.message) or "", render(self.hint))

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
