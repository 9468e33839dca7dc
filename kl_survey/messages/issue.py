"""Issue records (problems as data), keyed ``issue.<code>`` by their stable code.

A code whose message comes in variants keeps them beside it (``issue.<code>-more``,
``issue.<code>.<part>`` for a phrase put into the message). The spec-versus-data issues
are keyed ``apply.<code>`` (``messages/apply.py``) and the readers' ``read.<code>``
(``messages/read.py``); every other issue is here, validate's data checks included.
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
    # comparing rounds (kl_survey/compare/)
    "issue.compare-no-municipality": ("Besvarelserne har ingen kommune, så ingen kan følges fra "
                                      "runde til runde; kun alle besvarelser sammenlignes",
                                      "The responses have no municipality, so none can be "
                                      "followed from round to round; only all responses are "
                                      "compared"),
    "issue.compare-no-municipality.hint": ("Angiv kommunekolonnen med respondents.column i "
                                           "spec-filen",
                                           "Give the municipality column with "
                                           "respondents.column in the spec file"),
    "issue.compare-wording-changed": ("Spørgsmål {n} er formuleret anderledes ({texts}); en "
                                      "ændring kan skyldes den nye formulering",
                                      "Question {n} is worded differently ({texts}); a change "
                                      "may come from the new wording"),
    "issue.compare-wording-changed.hint": ("Sammenlign teksterne før ændringen offentliggøres",
                                           "Compare the texts before the change is published"),
    "issue.compare-numbers-left-out.one": ("compare sammenligner andele; talspørgsmål og "
                                           "talgitre er ikke med: spørgsmål {numbers}",
                                           "compare compares shares; numeric questions and "
                                           "numeric grids are left out: question {numbers}"),
    "issue.compare-numbers-left-out.other": ("compare sammenligner andele; talspørgsmål og "
                                             "talgitre er ikke med: spørgsmål {numbers}",
                                             "compare compares shares; numeric questions and "
                                             "numeric grids are left out: questions {numbers}"),
    "issue.compare-type-changed": ("Spørgsmål {n} har skiftet type mellem runderne ({types})",
                                   "Question {n} changed type between the rounds ({types})"),
    "issue.compare-type-changed.hint": ("Tjek at det er samme spørgsmål, eller ret type i "
                                        "spec-filerne",
                                        "Check that it is the same question, or correct type "
                                        "in the spec files"),
    "issue.compare-duplicate-municipality.one": ("{label}: {names} har svaret flere gange og "
                                                 "indgår ikke i panelet",
                                                 "{label}: {names} answered more than once and "
                                                 "is left out of the panel"),
    "issue.compare-duplicate-municipality.other": ("{label}: {names} har svaret flere gange og "
                                                   "indgår ikke i panelet",
                                                   "{label}: {names} answered more than once "
                                                   "and are left out of the panel"),
    "issue.compare-duplicate-municipality.hint": ("Vælg én besvarelse pr. kommune med --dedupe",
                                                  "Keep one response per municipality with "
                                                  "--dedupe"),
    # breakdowns (kl_survey/grouping.py, kl_survey/extras.py)
    "issue.breakdown-unplaced.one": ("{n} besvarelse {why} og vises i gruppen »{group}«",
                                     "{n} response {why} and is shown in the group “{group}”"),
    "issue.breakdown-unplaced.other": ("{n} besvarelser {why} og vises i gruppen »{group}«",
                                       "{n} responses {why} and are shown in the group "
                                       "“{group}”"),
    "issue.breakdown-unplaced.hint": ("Udfyld det manglende, så de kan fordeles",
                                      "Fill in what is missing, so that they can be placed"),
    "issue.groups-unknown-municipality": ("Gruppefilen nævner en ukendt kommune »{value}«{guess}",
                                          "The groups file names an unknown municipality "
                                          "“{value}”{guess}"),
    "issue.groups-unknown-municipality.hint": ("Ret navnet til en af de 98 kommuner eller dens "
                                               "kode",
                                               "Correct the name to one of the 98 "
                                               "municipalities, or give its code"),
    "issue.groups-missing-municipality": ("Gruppefilen mangler {names}, der har svaret; de "
                                          "vises i gruppen »{group}«",
                                          "The groups file lacks {names}, which answered; they "
                                          "are shown in the group “{group}”"),
    "issue.groups-missing-municipality.hint": ("Tilføj kommunerne til gruppefilen",
                                               "Add the municipalities to the groups file"),
    "issue.groups-incomplete": ("Gruppefilen mangler {names}, der ikke har svaret; gruppernes "
                                "størrelse er derfor ukendt, og der gives ingen grænser eller "
                                "intervaller inden for grupperne",
                                "The groups file lacks {names}, which did not answer; so the "
                                "groups' sizes are unknown, and no bounds or intervals are "
                                "given within the groups"),
    "issue.groups-incomplete.hint": ("Tilføj alle 98 kommuner til gruppefilen",
                                     "Add all 98 municipalities to the groups file"),
    "issue.census-no-population": ("Populationens størrelse er ukendt, så der gives ingen "
                                   "grænser eller intervaller",
                                   "The size of the population is unknown, so no bounds or "
                                   "intervals are given"),
    "issue.census-no-population.hint": ("Angiv populationen med respondents.population i "
                                        "specifikationen",
                                        "Give the population with respondents.population in "
                                        "the spec"),
    "issue.extras-skip-grids.one": ("--by, --bounds og --ci gælder endnu ikke gitre; "
                                    "vist uden: spørgsmål {numbers}",
                                    "--by, --bounds and --ci do not cover grids yet; "
                                    "shown without: question {numbers}"),
    "issue.extras-skip-grids.other": ("--by, --bounds og --ci gælder endnu ikke gitre; "
                                      "vist uden: spørgsmål {numbers}",
                                      "--by, --bounds and --ci do not cover grids yet; "
                                      "shown without: questions {numbers}"),
    # municipalities that answered twice (kl_survey/dedupe.py)
    "issue.municipality-duplicate": ("{name} har svaret {n} gange (række {rows}); {what}",
                                     "{name} answered {n} times (rows {rows}); {what}"),
    "issue.municipality-duplicate.differs": ("svarene er forskellige i {questions}",
                                             "the answers differ in {questions}"),
    "issue.municipality-duplicate.same": ("svarene er ens", "the answers are the same"),
    "issue.municipality-duplicate.hint": ("Slet den forkerte besvarelse i eksporten, eller vælg "
                                          "med --dedupe first|last|most-complete",
                                          "Delete the wrong response in the export, or choose "
                                          "with --dedupe first|last|most-complete"),
    "issue.municipality-deduplicated": ("{duplicate}; beholdt række {row} (--dedupe {rule})",
                                        "{duplicate}; kept row {row} (--dedupe {rule})"),
    # CPR numbers in free text (kl_survey/privacy.py)
    "issue.cpr-in-text": ("Fritekst i spørgsmål {number} ({qid}) indeholder noget, der "
                          "ligner et CPR-nummer ({rows})",
                          "Free text in question {number} ({qid}) holds what looks like a "
                          "CPR number ({rows})"),
    "issue.cpr-in-text.hint": ("Output skriver det som [CPR fjernet] (medmindre --keep-cpr); "
                               "slet det i eksporten, før den deles",
                               "Outputs write it as [CPR fjernet] (unless --keep-cpr); delete "
                               "it from the export before it is shared"),
    "issue.cpr-rows.one": ("række {rows}", "row {rows}"),
    "issue.cpr-rows.other": ("rækkerne {rows}", "rows {rows}"),
    "issue.cpr-rows-more": ("{rows} og {more} flere", "{rows} and {more} more"),
    # the data checks of kl-survey validate (kl_survey/validate.py)
    "issue.municipality-column-missing": ("Der er ingen kommunekolonne i eksporten; kommunerne "
                                          "er ikke tjekket",
                                          "The export has no municipality column; the "
                                          "municipalities were not checked"),
    "issue.municipality-column-missing.hint": ("Angiv kolonnen med respondents.column i "
                                               "specifikationen",
                                               "Give the column with respondents.column in the "
                                               "spec"),
    "issue.municipality-missing.one": ("{n} besvarelse har ingen kommune ({rows})",
                                       "{n} response has no municipality ({rows})"),
    "issue.municipality-missing.other": ("{n} besvarelser har ingen kommune ({rows})",
                                         "{n} responses have no municipality ({rows})"),
    "issue.municipality-missing.hint": ("Udfyld kommunen i eksporten, ellers tæller de ikke i "
                                        "svarprocenten",
                                        "Fill in the municipality in the export, or they do "
                                        "not count in the response rate"),
    "issue.municipality-alias": ("'{value}' ({rows}) er læst som {name} ({code})",
                                 "'{value}' ({rows}) was read as {name} ({code})"),
    "issue.municipality-alias.hint": ("Skriv det officielle navn, '{name}', så ingen er i tvivl",
                                      "Write the official name, '{name}', so that no one is "
                                      "in doubt"),
    "issue.municipality-outside-population": ("{name} er ikke med i populationen, men har "
                                              "svaret ({rows})",
                                              "{name} is not in the population but has "
                                              "answered ({rows})"),
    "issue.municipality-outside-population.hint": ("Fjern besvarelsen, eller tilføj "
                                                   "kommunekoden til respondents.population",
                                                   "Remove the response, or add the "
                                                   "municipality code to "
                                                   "respondents.population"),
    "issue.municipality-unknown": ("Ukendt kommune '{value}' ({rows}) — mente du {guess}?",
                                   "Unknown municipality '{value}' ({rows}) — did you mean "
                                   "{guess}?"),
    "issue.municipality-unknown.hint": ("Ret navnet i eksporten til fx '{name}' eller "
                                        "kommunekoden {code}",
                                        "Correct the name in the export to, for example, "
                                        "'{name}' or the municipality code {code}"),
    "issue.municipality-unknown-none": ("Ukendt kommune '{value}' ({rows}) — intet "
                                        "kommunenavn ligner",
                                        "Unknown municipality '{value}' ({rows}) — no "
                                        "municipality's name is close"),
    "issue.municipality-unknown-none.hint": ("Ret navnet til en af de 98 kommuner, eller fjern "
                                             "besvarelsen",
                                             "Correct the name to one of the 98 "
                                             "municipalities, or remove the response"),
    "issue.non-respondents.one": ("{n} af {size} kommuner har ikke svaret: {names}",
                                  "{n} of {size} municipalities has not answered: {names}"),
    "issue.non-respondents.other": ("{n} af {size} kommuner har ikke svaret: {names}",
                                    "{n} of {size} municipalities have not answered: {names}"),
    "issue.response-rate-by-region": ("Svarprocent pr. region: {parts}",
                                      "Response rate by region: {parts}"),
    "issue.question-empty": ("Spørgsmål {number} ({id}) har ingen svar",
                             "Question {number} ({id}) has no answers"),
    "issue.question-empty.hint": ("Tjek at kolonnen er med i eksporten, eller skjul "
                                  "spørgsmålet med hidden = true",
                                  "Check that the column is in the export, or hide the "
                                  "question with hidden = true"),
    "issue.multi-unclear-skip.one": ("{n} besvarelse har intet krydset i spørgsmål {number} "
                                     "({id}), men har svaret på senere spørgsmål ({rows}); "
                                     "uklart om den sprang over",
                                     "{n} response has nothing ticked in question {number} "
                                     "({id}) but answered later questions ({rows}); it is "
                                     "unclear whether it skipped the question"),
    "issue.multi-unclear-skip.other": ("{n} besvarelser har intet krydset i spørgsmål "
                                       "{number} ({id}), men har svaret på senere spørgsmål "
                                       "({rows}); uklart om de sprang over",
                                       "{n} responses have nothing ticked in question "
                                       "{number} ({id}) but answered later questions "
                                       "({rows}); it is unclear whether they skipped it"),
    "issue.multi-unclear-skip.hint": ("Tjek besvarelserne; de tæller ikke med i basen for "
                                      "spørgsmålet",
                                      "Check the responses; they do not count in the "
                                      "question's base"),
    "issue.numeric-unparsed.one": ("{n} svar i spørgsmål {number} ({id}) kan ikke læses som "
                                   "tal: {shown}",
                                   "{n} answer in question {number} ({id}) cannot be read as "
                                   "a number: {shown}"),
    "issue.numeric-unparsed.other": ("{n} svar i spørgsmål {number} ({id}) kan ikke læses som "
                                     "tal: {shown}",
                                     "{n} answers in question {number} ({id}) cannot be read "
                                     "as numbers: {shown}"),
    "issue.numeric-unparsed.hint": ("Skriv tallet uden tekst, fx 1.234,5 eller 12; ellers "
                                    "tæller svaret ikke med",
                                    "Write the number without text, for example 1.234,5 or "
                                    "12; otherwise the answer does not count"),
    "issue.numeric-unparsed.value": ("'{value}' ({row})", "'{value}' ({row})"),
    "issue.partial-respondents.one": ("{n} besvarelse er ikke fuldført ({rows}); den tæller "
                                      "med",
                                      "{n} response is not complete ({rows}); it is counted"),
    "issue.partial-respondents.other": ("{n} besvarelser er ikke fuldført ({rows}); de tæller "
                                        "med",
                                        "{n} responses are not complete ({rows}); they are "
                                        "counted"),
    "issue.partial-respondents.hint": ("Brug --complete-only for kun at tælle fuldførte "
                                       "besvarelser",
                                       "Use --complete-only to count only complete "
                                       "responses"),
}
