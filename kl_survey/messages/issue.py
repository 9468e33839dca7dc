"""Issue records (problems as data), keyed ``issue.<code>`` by their stable code.

Only the codes whose modules are converted are here yet; see
``tests/messages/untranslated.py`` for the rest.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "issue.source-changed": ("Eksporten er læst som {found}, men specifikationen er skrevet "
                             "til {spec}",
                             "The export was read as {found}, but the spec was written for "
                             "{spec}"),
    "issue.source-changed.hint": ("Angiv --source {spec}, eller ret survey.source i "
                                  "specifikationen",
                                  "Give --source {spec}, or correct survey.source in the "
                                  "spec"),
}
