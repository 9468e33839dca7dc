"""Choosing what to map (``kl_survey/by_municipality.py``, ``kl_survey/report/mapmodel.py``).

The maps' own words (legend, footer, alt text) are in :mod:`kl_survey.report.strings`.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "maps.no-municipality": ("Spørgsmål {n} kan ikke vises på et kort: eksporten har ingen "
                             "kolonne med kommunen",
                             "Question {n} cannot be shown on a map: the export has no column "
                             "with the municipality"),
    "maps.no-municipality.hint": ("Angiv kolonnen med respondents.column i spec-filen",
                                  "Give the column with respondents.column in the spec file"),
    "maps.wrong-type": ("Spørgsmål {n} er et {type}-spørgsmål; kun spørgsmål med ét svar eller "
                        "et tal kan vises på et kort",
                        "Question {n} is a {type} question; only questions with one answer or "
                        "a number can be shown on a map"),
    "maps.wrong-type.hint": ("Fjern spørgsmålet fra maps / --maps",
                             "Remove the question from maps / --maps"),
    "maps.unknown-question": ("Ukendt spørgsmål til kort: {ids}",
                              "Unknown question to map: {ids}"),
    "maps.unknown-question.hint": ("Spørgsmålene hedder {known}", "The questions are {known}"),
}
