"""One error hierarchy and one set of exit codes for the whole tool.

Library code raises a :class:`KlSurveyError` subclass for anything fatal; the CLI
turns it into exactly one line on stderr and the matching :class:`ExitCode`.
Non-fatal problems are :class:`kl_survey.issues.Issue` records instead.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes; CI scripts rely on these staying stable."""

    OK = 0
    VALIDATION_FAILED = 1  # validate found errors (or warnings under --strict)
    BAD_INPUT = 2  # the input file or spec cannot be used
    USAGE = 2  # Typer/Click usage errors use 2 as well
    OUTPUT_FAILED = 3  # an output could not be written
    INTERNAL = 70  # a bug: EX_SOFTWARE


class KlSurveyError(Exception):
    """A fatal, user-facing error: message says what is wrong, hint how to fix it."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.sheet = sheet
        self.row = row
        self.column = column
        self.hint = hint

    def where(self) -> str:
        """Location prefix such as ``data.xlsx, ark 'Dataset', række 4, kolonne 'Q1'``.

        Messages are Danish, like all terminal output; the user is a Danish analyst.
        """
        from kl_survey.issues import Where

        return Where(file=self.file, sheet=self.sheet, row=self.row,
                     column=self.column).describe()

    def one_line(self) -> str:
        """The single stderr line: ``where: message. hint`` with newlines folded."""
        text = self.message.rstrip(".")
        where = self.where()
        if where:
            text = f"{where}: {text}"
        text = f"{text}. {self.hint.rstrip('.')}." if self.hint else f"{text}."
        return " ".join(text.split())


class InputError(KlSurveyError):
    """The input file is missing, unreadable, empty or not a survey export."""


class UnsafeInputError(InputError):
    """The input looks hostile (zip bomb, XML entity expansion) and was refused."""


class SourceDetectionError(InputError):
    """The survey tool that produced the export cannot be determined."""


class SpecError(KlSurveyError):
    """The spec file is malformed or contradicts itself."""


class DataMismatchError(KlSurveyError):
    """Spec and data disagree and --strict turns that into a fatal error."""


class OutputError(KlSurveyError):
    """An output file or folder cannot be written."""

    exit_code = ExitCode.OUTPUT_FAILED
