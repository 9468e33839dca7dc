"""One error hierarchy and one set of exit codes for the whole tool.

Library code raises a :class:`KlSurveyError` subclass for anything fatal; the CLI
turns it into exactly one line on stderr and the matching :class:`ExitCode`.
Non-fatal problems are :class:`kl_survey.issues.Issue` records instead.

Messages come from :mod:`kl_survey.messages`: ``raise InputError(msg("input.missing"),
file=path)`` gives the Danish or English text and takes the hint from the catalogue.
A plain string still works (Danish only) until its module is converted.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from kl_survey.messages import Text, language, render


class ExitCode(IntEnum):
    """Process exit codes; CI scripts rely on these staying stable."""

    OK = 0
    VALIDATION_FAILED = 1  # validate found errors (or warnings under --strict)
    BAD_INPUT = 2  # the input file or spec cannot be used
    USAGE = 2  # Typer/Click usage errors use 2 as well
    OUTPUT_FAILED = 3  # an output could not be written
    INTERNAL = 70  # a bug: EX_SOFTWARE
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    BROKEN_PIPE = 141  # the reader of stdout went away (128 + SIGPIPE), as other CLIs exit


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
        if hint is None and isinstance(message, Text):
            hint = message.hint()
        self.hint = hint

    def where(self) -> str:
        """Location prefix such as ``data.xlsx, ark 'Dataset', række 4, kolonne 'Q1'``."""
        from kl_survey.issues import Where

        return Where(file=self.file, sheet=self.sheet, row=self.row,
                     column=self.column).describe()

    def one_line(self, lang: str | None = None) -> str:
        """The single stderr line, ``where: message. hint.``, in ``lang`` (default: the
        current language; messages not yet in the catalogue stay Danish)."""
        from kl_survey.messages import one_line, use_language

        with use_language(lang or language()):
            return one_line(self.where(), render(self.message) or "", render(self.hint))


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
