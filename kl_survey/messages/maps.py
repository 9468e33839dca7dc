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
    "maps.grid-needs-row": ("Spørgsmål {n} er et gitter; vælg én række til kortet som "
                            "spørgsmål:række, fx »{example}«",
                            "Question {n} is a grid; choose one row for the map as "
                            "question:row, e.g. “{example}”"),
    "maps.grid-needs-row.hint": ("Rækkerne hedder {rows}", "The rows are {rows}"),
    "maps.unknown-row": ("Spørgsmål {n} har ingen række »{row}«",
                         "Question {n} has no row “{row}”"),
    "maps.unknown-row.hint": ("Rækkerne hedder {rows}", "The rows are {rows}"),
    "maps.unknown-column": ("Spørgsmål {n} har ingen kolonne »{column}«",
                            "Question {n} has no column “{column}”"),
    "maps.unknown-column.hint": ("Kolonnerne hedder {columns}; uden kolonne, fx »{example}«, "
                                 "viser kortet rækkens samlede tal",
                                 "The columns are {columns}; without a column, e.g. "
                                 "“{example}”, the map shows the row's total"),
    "maps.not-a-grid": ("Spørgsmål {n} er ikke et gitter, så »{ref}« kan ikke vælge en række",
                        "Question {n} is not a grid, so “{ref}” cannot choose a row"),
    "maps.not-a-grid.hint": ("Skriv blot {qid}", "Write just {qid}"),
}
