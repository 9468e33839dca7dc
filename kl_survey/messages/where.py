"""The parts of a location (``fil.xlsx, ark 'Data', række 4, kolonne 'Q1'``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "where.sheet": ("ark '{sheet}'", "sheet '{sheet}'"),
    "where.row": ("række {row}", "row {row}"),
    # one or more source rows named in a message: "række 4", "rækkerne 4, 9 og 3 flere"
    "where.rows.one": ("række {rows}", "row {rows}"),
    "where.rows.other": ("rækkerne {rows}", "rows {rows}"),
    "where.column": ("kolonne '{column}'", "column '{column}'"),
    "where.question": ("spørgsmål {question}", "question {question}"),
}
