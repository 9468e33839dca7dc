"""Issue records (problems as data), keyed ``issue.<code>`` by their stable code.

A code whose message comes in variants keeps them beside it (``issue.<code>-more``,
``issue.<code>.<part>`` for a phrase put into the message). Only the codes whose modules
are converted are here yet; see ``tests/messages/untranslated.py`` for the rest.
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
    # reading CSV and text (kl_survey/readers/source/)
    "issue.csv-quote-suspect.one": (
        "Cellen strækker sig over linjeskift, og næste linje ligner en række for sig; måske "
        "mangler et afsluttende anførselstegn, så svar er gået tabt",
        "The cell runs over a line break, and the next line looks like a row of its own; "
        "perhaps a closing quote is missing, so answers have been lost"),
    "issue.csv-quote-suspect.other": (
        "Cellen strækker sig over linjeskift, og de næste {n} linjer ligner rækker for sig; "
        "måske mangler et afsluttende anførselstegn, så svar er gået tabt",
        "The cell runs over line breaks, and the next {n} lines look like rows of their own; "
        "perhaps a closing quote is missing, so answers have been lost"),
    "issue.csv-row-cut-off": ("Filen slutter midt i sidste række, {reason}; rækken ser afkortet "
                              "ud og tælles med, som den er",
                              "The file ends in the middle of its last row, {reason}; the row "
                              "looks cut off and is counted as it is"),
    "issue.csv-row-cut-off.after": ("efter {fields} af {width} felter",
                                    "after {fields} of {width} fields"),
    "issue.csv-row-cut-off.in-quotes": ("inde i et felt i anførselstegn",
                                        "inside a quoted field"),
    "issue.csv-row-cut-off.hint": ("Eksportér eller download filen igen, så den er hel",
                                   "Export or download the file again, so that it is whole"),
    "issue.encoding-repaired": ("Tegn, der ikke er UTF-8, er læst som Windows-1252: »{excerpt}«",
                                "Characters that are not UTF-8 were read as Windows-1252: "
                                "“{excerpt}”"),
    "issue.encoding-repaired.hint": ("Tjek teksten, og gem filen som CSV UTF-8 næste gang",
                                     "Check the text, and save the file as CSV UTF-8 next "
                                     "time"),
    "issue.encoding-repaired-more.one": ("{n} række mere havde tegn, der ikke er UTF-8; den er "
                                         "læst som Windows-1252",
                                         "{n} more row had characters that are not UTF-8; it "
                                         "was read as Windows-1252"),
    "issue.encoding-repaired-more.other": ("{n} rækker mere havde tegn, der ikke er UTF-8; de "
                                           "er læst som Windows-1252",
                                           "{n} more rows had characters that are not UTF-8; "
                                           "they were read as Windows-1252"),
    "issue.encoding-repaired-lines.one": ("{n} linje havde tegn, der ikke er UTF-8; den er "
                                          "læst som Windows-1252",
                                          "{n} line had characters that are not UTF-8; it was "
                                          "read as Windows-1252"),
    "issue.encoding-repaired-lines.other": ("{n} linjer havde tegn, der ikke er UTF-8; de er "
                                            "læst som Windows-1252",
                                            "{n} lines had characters that are not UTF-8; they "
                                            "were read as Windows-1252"),
}
