"""The spec file: reading it, its TOML, its keys and the checks across them.

From ``kl_survey/spec.py``, ``spec_lines.py``, ``spec_checks.py``, ``spec_grid.py`` and
``spec_respondents.py``. A spec error is ``survey.toml:23: question[3].base: message.
hint.``: ``spec.at`` puts the key before the message; values are shown as the TOML has
them (``'q3'``, ``true``), and the keys (``base``, ``options``) stay as written in the
file, in English too.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "spec.at": ("{key}: {message}", "{key}: {message}"),
    # the file itself (spec.py)
    "spec.missing": ("Specifikationen findes ikke", "The spec does not exist"),
    "spec.missing.hint": ("Lav en med kl-survey init EKSPORT -o survey.toml",
                          "Make one with kl-survey init EXPORT -o survey.toml"),
    "spec.unreadable": ("Specifikationen kan ikke læses ({reason})",
                        "The spec cannot be read ({reason})"),
    "spec.unreadable.hint": ("Tjek stien, og at du har læseadgang",
                             "Check the path, and that you may read the file"),
    "spec.unreadable.hint-open": ("Tjek at du har læseadgang",
                                  "Check that you may read the file"),
    "spec.is-dir": ("Specifikationen er en mappe, ikke en fil",
                    "The spec is a folder, not a file"),
    "spec.is-dir.hint": ("Angiv selve filen, fx --spec survey.toml",
                         "Give the file itself, for example --spec survey.toml"),
    "spec.not-regular": ("Specifikationen er ikke en almindelig fil (men fx en enhed eller "
                         "en pipe)",
                         "The spec is not a regular file (but, for example, a device or a "
                         "pipe)"),
    "spec.not-regular.hint": ("Angiv en TOML-fil, fx --spec survey.toml",
                              "Give a TOML file, for example --spec survey.toml"),
    "spec.too-big": ("Specifikationen fylder {size}; en spec-fil er højst {limit}",
                     "The spec takes up {size}; a spec file is at most {limit}"),
    "spec.too-big.hint": ("Tjek at --spec peger på survey.toml og ikke på eksporten",
                          "Check that --spec points at survey.toml and not at the export"),
    "spec.grew": ("Specifikationen er for stor (en spec-fil er højst {limit})",
                  "The spec is too big (a spec file is at most {limit})"),
    "spec.grew.hint": ("Tjek at --spec peger på survey.toml og ikke på eksporten",
                       "Check that --spec points at survey.toml and not at the export"),
    "spec.not-utf8": ("Specifikationen er ikke UTF-8 (byte {byte})",
                      "The spec is not UTF-8 (byte {byte})"),
    "spec.not-utf8.hint": ("Gem filen som UTF-8 tekst", "Save the file as UTF-8 text"),
    # TOML syntax and nesting (spec.py, spec_lines.py)
    "spec.toml": ("TOML-syntaksfejl: {detail}{column}", "TOML syntax error: {detail}{column}"),
    "spec.toml.hint": ("Tekst skal stå i anførselstegn og lister i [ ]; se README's afsnit om "
                       "spec-filen",
                       "Text goes in quotes and lists in [ ]; see the README's section on "
                       "the spec file"),
    "spec.toml.column": (" (kolonne {column})", " (column {column})"),
    "spec.toml.detail": ("{what}{rest}", "{what}{rest}"),
    "spec.toml.invalid-value": ("ugyldig værdi (mangler der anførselstegn?)",
                                "invalid value (is a quote missing?)"),
    "spec.toml.invalid-statement": ("ugyldig linje", "invalid line"),
    "spec.toml.expected-equals": ("forventede '=' efter nøglen", "expected '=' after the key"),
    "spec.toml.twice": ("nøglen er angivet to gange", "the key is given twice"),
    "spec.toml.unclosed-array": ("listen mangler ']'", "the list lacks ']'"),
    "spec.toml.unterminated-string": ("teksten mangler det afsluttende anførselstegn",
                                      "the text lacks its closing quote"),
    "spec.toml.illegal-character": ("ugyldigt tegn", "invalid character"),
    "spec.too-deep": ("For dybt indlejret: {what}", "Nested too deeply: {what}"),
    "spec.too-deep.hint": ("En spec-fil har højst et par niveauer; se README's afsnit om "
                           "spec-filen",
                           "A spec file has a few levels at most; see the README's section "
                           "on the spec file"),
    "spec.too-deep.levels": ("mere end {n} niveauer af [ ] og {{ }}",
                             "more than {n} levels of [ ] and {{ }}"),
    "spec.too-deep.dots": ("en nøgle med mere end {n} punktummer",
                           "a key with more than {n} dots"),
    "spec.too-nested": ("For dybt indlejrede lister eller tabeller",
                        "Lists or tables nested too deeply"),
    "spec.too-nested.hint": ("En spec-fil har højst et par niveauer af [ ] og {{ }}",
                             "A spec file has a few levels of [ ] and {{ }} at most"),
    # a key's value (spec.py's pydantic models)
    "spec.expected": ("forventede {what}, fik {value}", "expected {what}, got {value}"),
    "spec.expected-date": ("forventede en dato som 2025-05-19, fik '{value}'",
                           "expected a date such as 2025-05-19, got '{value}'"),
    "spec.expected-population": ("forventede 'alle' eller en liste af kommunekoder som "
                                 "[101, 147], fik {value}",
                                 "expected 'alle' (all) or a list of municipality codes such "
                                 "as [101, 147], got {value}"),
    "spec.expected-min-base": ("forventede et heltal på mindst 1, fik {value}",
                               "expected a whole number of at least 1, got {value}"),
    "spec.expected-id": ("forventede et id af bogstaver, tal og _ (fx 'q3'), fik {value}",
                         "expected an id of letters, digits and _ (for example 'q3'), got "
                         "{value}"),
    "spec.type.string": ("tekst i anførselstegn", "text in quotes"),
    "spec.type.int": ("et heltal", "a whole number"),
    "spec.type.bool": ("true eller false", "true or false"),
    "spec.type.list": ("en liste [ ... ]", "a list [ ... ]"),
    "spec.type.dict": ("en tabel {{ ... }}", "a table {{ ... }}"),
    "spec.type.table": ("en tabel", "a table"),
    "spec.type.date": ("en dato som 2025-05-19", "a date such as 2025-05-19"),
    "spec.value.table": ("en tabel", "a table"),
    "spec.value.list": ("en liste", "a list"),
    "spec.unknown-key": ("ukendt nøgle", "unknown key"),
    "spec.required": ("mangler (skal angives)", "missing (must be given)"),
    "spec.empty": ("må ikke være tom", "must not be empty"),
    "spec.invalid": ("{detail} (fik {value})", "{detail} (got {value})"),
    "spec.did-you-mean-key": ("Mente du '{close}'? Ret nøglen",
                              "Did you mean '{close}'? Correct the key"),
    "spec.valid-keys": ("Gyldige nøgler her: {keys}", "Valid keys here: {keys}"),
    "spec.fix-value": ("Ret værdien; README's afsnit om spec-filen viser formatet",
                       "Correct the value; the README's section on the spec file shows the "
                       "format"),
    # checks across keys (spec_checks.py)
    "spec.version-read": ("Denne version af kl-survey læser spec-version {version}",
                          "This version of kl-survey reads spec version {version}"),
    "spec.unknown-source": ("ukendt kilde {value}", "unknown source {value}"),
    "spec.unknown-source.hint": ("Vælg en af: {names}", "Choose one of: {names}"),
    "spec.id-used": ("id {value} er allerede brugt af {other}",
                     "id {value} is already used by {other}"),
    "spec.id-used.hint": ("Hvert spørgsmål skal have sit eget id",
                          "Every question needs its own id"),
    "spec.number-used": ("nummer {number} er allerede brugt af {id} ({other})",
                         "number {number} is already used by {id} ({other})"),
    "spec.number-used.hint": ("Giv hvert viste spørgsmål sit eget nummer",
                              "Give every shown question its own number"),
    "spec.listed-twice": ("{value} står to gange", "{value} is listed twice"),
    "spec.listed-twice.hint": ("Fjern den ene", "Remove one of them"),
    "spec.not-an-option": ("{value} er ikke en af svarmulighederne i options",
                           "{value} is not one of the options in options"),
    "spec.new-name-unlisted": ("det nye navn {value} står ikke i options",
                               "the new name {value} is not in options"),
    "spec.new-name-unlisted.hint": ("Tilføj det til options, eller ret stavemåden",
                                    "Add it to options, or correct the spelling"),
    "spec.exclude-without-base": ("bruges kun med base = 'exclude', men base er {base}",
                                  "is only used with base = 'exclude', but base is {base}"),
    "spec.exclude-without-base.hint": ("Skriv base = \"exclude\" eller fjern exclude",
                                       "Write base = \"exclude\", or remove exclude"),
    "spec.unknown-question": ("ukendt spørgsmål {value}", "unknown question {value}"),
    "spec.other-of-target": ("Angiv id'et på spørgsmålet med \"Andet\"-svarmuligheden",
                           "Give the id of the question with the \"Andet\" (Other) option"),
    "spec.other-of-chain": ("peger på {parent}, som selv har other_of = {value}",
                            "points at {parent}, which itself has other_of = {value}"),
    "spec.other-of-chain.hint": ("other_of skal pege på spørgsmålet med \"Andet\"-"
                                 "svarmuligheden; fjern other_of fra {parent} eller fra {id}",
                                 "other_of must point at the question with the \"Andet\" "
                                 "(Other) option; remove other_of from {parent} or from {id}"),
    "spec.renamed-twice": ("{old} omdøbes både til {first} og {second}",
                           "{old} is renamed both to {first} and to {second}"),
    "spec.renamed-twice.hint": ("Hvert svar i eksporten kan kun få ét nyt navn",
                                "Each answer in the export can get only one new name"),
    "spec.rename-swap": ("{new} er både et nyt navn og et gammelt navn (der omdøbes til "
                         "{other}); svarene ville bytte plads",
                         "{new} is both a new name and an old name (renamed to {other}); the "
                         "answers would swap places"),
    "spec.rename-swap.hint": ("Skriv de gamle navne, som de står i eksporten, og hvert nyt "
                              "navn én gang",
                              "Write the old names as they are in the export, and each new "
                              "name once"),
    "spec.filter-expected": ("Forventede et af: {known}", "Expected one of: {known}"),
    "spec.filter-other": ("Angiv et andet spørgsmåls id", "Give another question's id"),
    "spec.filter-no-options": ("{value} er et {type}-spørgsmål", "{value} is a {type} question"),
    "spec.filter-no-options.hint": ("Et filter skal pege på et spørgsmål med svarmuligheder",
                                    "A filter must point at a question with options"),
    "spec.filter-option": ("{value} er ikke en svarmulighed i {question}",
                           "{value} is not an option of {question}"),
    "spec.did-you-mean-option": ("Mente du '{close}'? Skriv den præcis som i options",
                                 "Did you mean '{close}'? Write it exactly as in options"),
    "spec.options-are": ("Svarmulighederne er: {listed}", "The options are: {listed}"),
    # grids (spec_grid.py)
    "spec.grid-only": ("bruges kun med type = \"grid\" eller \"numeric_grid\", men type er "
                       "{type}",
                       "is only used with type = \"grid\" or \"numeric_grid\", but type is "
                       "{type}"),
    "spec.grid-only.hint": ("Angiv type, eller fjern nøglen", "Give type, or remove the key"),
    "spec.no-type": ("ikke angivet", "not given"),
    "spec.derived-needs-numeric": ("afledte tal (derived) kræver type = \"numeric_grid\"",
                                   "derived figures (derived) need type = \"numeric_grid\""),
    "spec.derived-needs-numeric.hint": ("Angiv type = \"numeric_grid\", eller fjern "
                                        "[[question.derived]]",
                                        "Give type = \"numeric_grid\", or remove "
                                        "[[question.derived]]"),
    "spec.grid-columns-numeric": ("kun et numerisk gitter har kolonner",
                                  "only a numeric grid has columns"),
    "spec.grid-columns-numeric.hint": ("Brug type = \"numeric_grid\", eller fjern grid_columns",
                                       "Use type = \"numeric_grid\", or remove grid_columns"),
    "spec.grid-label-twice": ("'{label}' står to gange", "'{label}' is listed twice"),
    "spec.grid-label-twice.hint": ("Hver række og kolonne skal have sit eget navn",
                                   "Each row and column needs its own name"),
    "spec.grid-cells.one": ("{n} kolonne passer ikke til {rows}{by}",
                            "{n} column does not fit {rows}{by}"),
    "spec.grid-cells.other": ("{n} kolonner passer ikke til {rows}{by}",
                              "{n} columns do not fit {rows}{by}"),
    "spec.grid-cells.hint": ("Skriv én kildekolonne pr. celle, række for række",
                             "Write one source column per cell, row by row"),
    "spec.grid-rows.one": ("{n} række", "{n} row"),
    "spec.grid-rows.other": ("{n} rækker", "{n} rows"),
    "spec.grid-by.one": (" x {n} kolonne", " x {n} column"),
    "spec.grid-by.other": (" x {n} kolonner", " x {n} columns"),
    "spec.grid-rows-missing": ("mangler: et gitter af kildekolonner skal have rows",
                               "missing: a grid of source columns needs rows"),
    "spec.grid-rows-missing.hint": ("Skriv rækkernes navne, fx rows = [\"Rekruttering\", "
                                    "\"Fysiske rammer\"]",
                                    "Write the rows' names, for example rows = "
                                    "[\"Recruitment\", \"Premises\"]"),
    "spec.reference-example": ("Skriv fx \"q1:Antal henvendelser\" (rækkens total) eller "
                            "\"q1:Antal henvendelser:Januar\" (en celle)",
                            "Write for example \"q1:Enquiries\" (the row's total) or "
                            "\"q1:Enquiries:January\" (one cell)"),
    "spec.reference-form": ("'{ref}' er ikke en reference som \"{id}:Række\"",
                            "'{ref}' is not a reference such as \"{id}:Row\""),
    "spec.reference-other": ("'{ref}' peger på {other}, men et afledt tal regnes inden for {id}",
                             "'{ref}' points at {other}, but a derived figure is computed "
                             "within {id}"),
    "spec.reference-row": ("'{row}' er ikke en af rækkerne i {id}",
                           "'{row}' is not one of the rows of {id}"),
    "spec.reference-column": ("'{column}' er ikke en af kolonnerne i {id}",
                              "'{column}' is not one of the columns of {id}"),
    # respondents.column against the export (spec_respondents.py)
    "spec.column-not-municipality": ("kolonnen '{column}' er ikke eksportens kommunekolonne, "
                                     "som hedder '{used}'",
                                     "the column '{column}' is not the export's municipality "
                                     "column, which is called '{used}'"),
    "spec.column-not-municipality.hint": ("Skriv column = \"{used}\", eller slet linjen",
                                          "Write column = \"{used}\", or delete the line"),
    "spec.column-missing": ("kolonnen '{column}' findes ikke i eksporten",
                            "the column '{column}' is not in the export"),
    "spec.column-missing.hint": ("Skriv overskriften på kommunekolonnen, som den står i "
                                 "eksporten",
                                 "Write the municipality column's header as it is in the "
                                 "export"),
    "spec.column-missing.guess": ("Mente du '{close}'? {hint}", "Did you mean '{close}'? {hint}"),
}
