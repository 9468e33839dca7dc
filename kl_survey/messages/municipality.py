"""Choosing municipalities by name or code: ``--municipality`` (``kl_survey/by_municipality.py``).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "municipality.unknown": ("Ukendt kommune: {name}", "Unknown municipality: {name}"),
    "municipality.unknown.hint": ("Angiv kommunens navn eller kode, fx København eller 101",
                                  "Give the municipality's name or code, for example København "
                                  "or 101"),
    "municipality.did-you-mean": ("Mente du {names}? Angiv kommunens navn eller kode",
                                  "Did you mean {names}? Give the municipality's name or code"),
    "municipality.no-column": ("Eksporten har ingen kolonne med kommunen, så der kan ikke "
                               "vælges kommuner",
                               "The export has no column with the municipality, so no "
                               "municipalities can be chosen"),
    "municipality.no-column.hint": ("Angiv kolonnen med respondents.column i spec-filen",
                                    "Give the column with respondents.column in the spec "
                                    "file"),
}
