"""The parts of a location (``fil.xlsx, ark 'Data', række 4, kolonne 'Q1'``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "where.sheet": ("ark '{sheet}'", "sheet '{sheet}'"),
    "where.row": ("række {row}", "row {row}"),
    "where.column": ("kolonne '{column}'", "column '{column}'"),
    "where.question": ("spørgsmål {question}", "question {question}"),
}
