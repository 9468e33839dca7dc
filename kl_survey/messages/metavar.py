"""Placeholders in help and usage lines: one style, upper case (FIL, MAPPE, SPEC.TOML)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "metavar.file": ("FIL", "FILE"),
    "metavar.folder": ("MAPPE", "FOLDER"),
    "metavar.spec": ("SPEC.TOML", "SPEC.TOML"),
    "metavar.sheet": ("ARK", "SHEET"),
    "metavar.source": ("KILDE", "SOURCE"),
    "metavar.lang": ("SPROG", "LANG"),
    "metavar.title": ("TITEL", "TITLE"),
    "metavar.list": ("LISTE", "LIST"),
    "metavar.rule": ("REGEL", "RULE"),
    "metavar.grouping": ("GRUPPERING", "GROUPING"),
    "metavar.municipality": ("NAVN|KODE", "NAME|CODE"),
    "metavar.questions": ("SPØRGSMÅL", "QUESTIONS"),
    "metavar.earlier": ("TIDLIGERE", "EARLIER"),
    "metavar.rounds": ("GAMMEL NY [FLERE]...", "OLD NEW [MORE]..."),
    "metavar.label": ("NAVN", "NAME"),
}
