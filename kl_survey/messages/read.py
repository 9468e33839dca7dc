"""Choosing the survey tool an export comes from (``kl_survey/readers/__init__.py``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "read.unknown-source": ("Ukendt kilde '{source}'", "Unknown source '{source}'"),
    "read.unknown-source.hint": ("Vælg en af: {names}", "Choose one of: {names}"),
    "read.not-an-export": ("Filen ligner ikke en eksport fra et spørgeskemaværktøj",
                           "The file does not look like an export from a survey tool"),
    "read.not-an-export.hint": ("Angiv kilden med --source", "Give the source with --source"),
    "read.ambiguous": ("Kan ikke afgøre hvilket værktøj filen kommer fra (overvejede: {names})",
                       "Cannot tell which tool the file comes from (considered: {names})"),
    "read.ambiguous.hint": ("Angiv kilden med --source, fx --source {best}",
                            "Give the source with --source, for example --source {best}"),
    # a number read from an estimate (builder.py, spec_apply_grid.py)
    "read.numeric-approximate.one": ("{n} tal i spørgsmål {id} er et skøn (fx »ca. 20«) og er "
                                     "talt med som tallet ({rows})",
                                     "{n} number in question {id} is an estimate (for example "
                                     "“ca. 20”) and was counted as the number ({rows})"),
    "read.numeric-approximate.other": ("{n} tal i spørgsmål {id} er et skøn (fx »ca. 20«) og er "
                                       "talt med som tallet ({rows})",
                                       "{n} numbers in question {id} are estimates (for "
                                       "example “ca. 20”) and were counted as the numbers "
                                       "({rows})"),
    "read.numeric-approximate.hint": ("Skriv det præcise tal, hvis det kendes",
                                      "Write the exact number, if it is known"),
}
