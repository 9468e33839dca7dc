"""Where the spec and the data disagree (``kl_survey/spec_apply.py``,
``spec_options.py``, ``spec_apply_grid.py``).

Each is an :class:`~kl_survey.issues.Issue`, keyed ``apply.<code>`` by its stable code
(``yes-unknown`` and ``exclude-unknown`` share ``apply.label-unknown``). Spec keys
(``options``, ``columns``, ``filter.question``) stay as written in the file.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # questions (spec_apply.py)
    "apply.question-missing": ("Spørgsmålet {id} ('{text}') findes ikke i eksporten",
                               "The question {id} ('{text}') is not in the export"),
    "apply.question-missing.hint": ("Tjek at det er den rigtige eksport, eller fjern "
                                    "spørgsmålet fra specifikationen",
                                    "Check that it is the right export, or remove the "
                                    "question from the spec"),
    "apply.column-unknown": ("Kolonnen '{column}' ({id}) står ikke i specifikationen; den er "
                             "talt med som læst",
                             "The column '{column}' ({id}) is not in the spec; it was counted "
                             "as read"),
    "apply.column-unknown.hint": ("Tilføj spørgsmålet til {spec} (kl-survey init --force "
                                  "skriver en ny)",
                                  "Add the question to {spec} (kl-survey init --force writes a "
                                  "new one)"),
    "apply.column-changed": ("Spørgsmål {id} står i kolonnen '{found}', men specifikationen "
                             "siger '{spec}'",
                             "Question {id} is in the column '{found}', but the spec says "
                             "'{spec}'"),
    "apply.column-changed.hint": ("Tjek at det stadig er samme spørgsmål, og ret columns i "
                                  "specifikationen",
                                  "Check that it is still the same question, and correct "
                                  "columns in the spec"),
    "apply.type-mismatch": ("Spørgsmål {id} er læst som {found}, men specifikationen siger "
                            "{spec}; det er talt som {found}",
                            "Question {id} was read as {found}, but the spec says {spec}; it "
                            "was counted as {found}"),
    "apply.type-mismatch.hint": ("Ret type i specifikationen til \"{found}\"",
                                 "Correct type in the spec to \"{found}\""),
    "apply.type-not-numbers": ("Spørgsmål {id} har svar, der ikke er tal; det er talt som "
                               "gitter",
                               "Question {id} has answers that are not numbers; it was counted "
                               "as a grid"),
    "apply.type-not-numbers.hint": ("Ret type i specifikationen til \"grid\"",
                                    "Correct type in the spec to \"grid\""),
    # options (spec_apply.py)
    "apply.answer-unlisted.one": ("Svaret '{label}' ({n} svar) står ikke i specifikationens "
                                  "options for {id}; det er talt med som en ekstra "
                                  "svarmulighed",
                                  "The answer '{label}' ({n} answer) is not in the spec's "
                                  "options for {id}; it was counted as an extra option"),
    "apply.answer-unlisted.other": ("Svaret '{label}' ({n} svar) står ikke i specifikationens "
                                    "options for {id}; det er talt med som en ekstra "
                                    "svarmulighed",
                                    "The answer '{label}' ({n} answers) is not in the spec's "
                                    "options for {id}; it was counted as an extra option"),
    "apply.answer-unlisted.hint": ("Tilføj det til options, eller slå det sammen med "
                                   "merge/rename",
                                   "Add it to options, or merge it with merge/rename"),
    "apply.rename-unused": ("'{label}' i merge/rename for {id} findes ikke i data",
                            "'{label}' in merge/rename for {id} is not in the data"),
    "apply.rename-unused.hint": ("Ret stavemåden, eller fjern den fra specifikationen",
                                 "Correct the spelling, or remove it from the spec"),
    "apply.option-not-in-data": ("Svarmuligheden '{label}' i {id} har ingen kolonne i "
                                 "eksporten; den tælles som 0",
                                 "The option '{label}' in {id} has no column in the export; "
                                 "it is counted as 0"),
    "apply.option-not-in-data.hint": ("Tjek stavemåden i options mod kolonneoverskrifterne",
                                      "Check the spelling in options against the column "
                                      "headers"),
    "apply.other-is-option.one": ("{n} fritekstsvar '{label}' i {id} er talt som "
                                  "svarmuligheden af samme navn",
                                  "{n} free-text answer '{label}' in {id} was counted as the "
                                  "option of the same name"),
    "apply.other-is-option.other": ("{n} fritekstsvar '{label}' i {id} er talt som "
                                    "svarmuligheden af samme navn",
                                    "{n} free-text answers '{label}' in {id} were counted as "
                                    "the option of the same name"),
    "apply.other-is-option.hint": ("Svarmuligheden står i specifikationens options",
                                   "The option is in the spec's options"),
    "apply.label-unknown": ("'{label}' i {key} for {id} er ikke en svarmulighed i data",
                            "'{label}' in {key} for {id} is not an option in the data"),
    "apply.label-unknown.hint": ("Ret stavemåden i specifikationen",
                                 "Correct the spelling in the spec"),
    # across questions (spec_apply.py)
    "apply.other-parent-missing": ("{id}.other_of peger på {parent}, som ikke findes i "
                                   "eksporten",
                                   "{id}.other_of points at {parent}, which is not in the "
                                   "export"),
    "apply.other-parent-missing.hint": ("Ret other_of i specifikationen",
                                        "Correct other_of in the spec"),
    "apply.filter-missing": ("Filteret for {id} peger på {target}, som ikke findes i "
                             "eksporten; basen er derfor uden filter",
                             "The filter for {id} points at {target}, which is not in the "
                             "export; so the base has no filter"),
    "apply.filter-missing.hint": ("Ret filter.question i specifikationen",
                                  "Correct filter.question in the spec"),
    "apply.filter-option-unknown": ("Filteret for {id} bruger '{label}', som ikke er en "
                                    "svarmulighed i {target}",
                                    "The filter for {id} uses '{label}', which is not an "
                                    "option of {target}"),
    "apply.filter-option-unknown.hint": ("Ret filter.options i specifikationen",
                                         "Correct filter.options in the spec"),
    # grids (spec_apply_grid.py)
    "apply.grid-column-missing.one": ("{n} af kolonnerne i {id} findes ikke i eksporten "
                                      "('{first}'); den tælles som ubesvaret",
                                      "{n} of the columns in {id} is not in the export "
                                      "('{first}'); it is counted as unanswered"),
    "apply.grid-column-missing.other": ("{n} af kolonnerne i {id} findes ikke i eksporten "
                                        "('{first}'); de tælles som ubesvarede",
                                        "{n} of the columns in {id} are not in the export "
                                        "('{first}'); they are counted as unanswered"),
    "apply.grid-column-missing.hint": ("Ret columns i specifikationen til kolonnernes "
                                       "overskrifter",
                                       "Correct columns in the spec to the columns' headers"),
    "apply.grid-row-missing": ("Rækken '{label}' i {id} findes ikke i data",
                               "The row '{label}' in {id} is not in the data"),
    "apply.grid-row-missing.hint": ("Ret stavemåden i specifikationen",
                                    "Correct the spelling in the spec"),
    "apply.grid-cell-missing": ("Kolonnen '{label}' i {id} findes ikke i data",
                                "The column '{label}' in {id} is not in the data"),
    "apply.grid-cell-missing.hint": ("Ret stavemåden i specifikationen",
                                     "Correct the spelling in the spec"),
    "apply.grid-row-unlisted": ("Rækken '{label}' i {id} står ikke i specifikationen; den er "
                                "talt med",
                                "The row '{label}' in {id} is not in the spec; it was counted"),
    "apply.grid-row-unlisted.hint": ("Tilføj den i specifikationen", "Add it to the spec"),
    "apply.grid-cell-unlisted": ("Kolonnen '{label}' i {id} står ikke i specifikationen; den "
                                 "er talt med",
                                 "The column '{label}' in {id} is not in the spec; it was "
                                 "counted"),
    "apply.grid-cell-unlisted.hint": ("Tilføj den i specifikationen", "Add it to the spec"),
    "apply.derived-reference-unknown": ("Det afledte tal '{name}' i {id} peger på '{ref}', som "
                                        "ikke findes i data; det er udeladt",
                                        "The derived figure '{name}' in {id} points at "
                                        "'{ref}', which is not in the data; it is left out"),
    "apply.derived-reference-unknown.hint": ("Ret referencen til en række (og kolonne) i "
                                             "gitteret",
                                             "Correct the reference to a row (and column) of "
                                             "the grid"),
}
