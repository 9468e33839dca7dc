"""Reading an export as a survey: choosing the tool (``kl_survey/readers/__init__.py``),
building the questions (``readers/builder.py``) and each tool's own refusals and notes
(``readers/tools/``). Issues are keyed ``read.<code>``; the readers' names for
``--source help`` are ``read.reader.<name>``.
"""

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
    # the readers, for --source help (a Reader's label is its key)
    "read.reader.generic": ("Generisk regneark/CSV (én kolonne pr. spørgsmål)",
                            "Generic spreadsheet/CSV (one column per question)"),
    "read.reader.googleforms": ("Google Formularer (CSV-download af svarene)",
                                "Google Forms (CSV download of the responses)"),
    "read.reader.limesurvey": ("LimeSurvey (CSV eller Excel, alle overskriftstyper)",
                               "LimeSurvey (CSV or Excel, every kind of header)"),
    "read.reader.msforms": ("Microsoft Forms (Excel-download, ark Form1)",
                            "Microsoft Forms (Excel download, sheet Form1)"),
    "read.reader.qualtrics": ("Qualtrics (CSV med tre eller to overskriftsrækker)",
                              "Qualtrics (CSV with three or two header rows)"),
    "read.reader.surveymonkey": ("SurveyMonkey (xlsx eller CSV med to overskriftsrækker)",
                                 "SurveyMonkey (xlsx or CSV with two header rows)"),
    "read.reader.surveyxact": ("SurveyXact (xlsx med Dataset/Labels/Structure eller CSV-mappe)",
                               "SurveyXact (xlsx with Dataset/Labels/Structure, or a CSV "
                               "folder)"),
    # a table with nothing to count (builder.py, tools/generic.py)
    "read.headers-only": ("Filen indeholder kun overskrifter og ingen besvarelser",
                          "The file holds only headers and no responses"),
    "read.headers-only.hint": ("Tjek at du har eksporteret besvarelserne, ikke kun skemaet",
                               "Check that you exported the responses, not just the "
                               "questionnaire"),
    "read.header-row-only": ("Filen indeholder kun en overskriftsrække og ingen besvarelser",
                             "The file holds only a header row and no responses"),
    "read.header-row-only.hint": ("Tjek at du har eksporteret besvarelserne, ikke kun skemaet",
                                  "Check that you exported the responses, not just the "
                                  "questionnaire"),
    "read.not-a-survey": ("Filen ligner ikke en eksport af besvarelser",
                          "The file does not look like an export of responses"),
    "read.not-a-survey.hint": ("Angiv eksporten fra spørgeskemaværktøjet: et regneark eller "
                               "en CSV-fil med spørgsmålene i første række og én besvarelse "
                               "pr. række",
                               "Give the export from the survey tool: a spreadsheet or a CSV "
                               "file with the questions in the first row and one response per "
                               "row"),
    "read.no-questions": ("Filen har ingen spørgsmålskolonner", "The file has no question columns"),
    "read.no-questions.hint": ("Første række skal indeholde spørgsmålene",
                               "The first row must hold the questions"),
    # what the builder reports (builder.py)
    "read.header-missing": ("Kolonne {letter} har svar, men ingen overskrift; den er læst som "
                            "spørgsmålet '{name}'",
                            "Column {letter} has answers but no header; it was read as the "
                            "question '{name}'"),
    "read.header-missing.hint": ("Skriv spørgsmålets tekst i kolonnens første række",
                                 "Write the question's text in the column's first row"),
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
    "read.unanswered-rows.one": ("{n} række uden svar er ikke talt med som besvarelse.",
                                 "{n} row without answers is not counted as a response."),
    "read.unanswered-rows.other": ("{n} rækker uden svar er ikke talt med som besvarelser.",
                                   "{n} rows without answers are not counted as responses."),
    "read.no-respondents": ("Ingen besvarelser er tilbage at tælle: af {rows} er {why}; "
                            "spørgsmålene vises med n = 0",
                            "No responses are left to count (of {rows}: {why}); the questions "
                            "are shown with n = 0"),
    "read.no-respondents.hint": ("Tjek at det er den rigtige eksport, med rigtige besvarelser",
                                 "Check that it is the right export, with real responses"),
    "read.no-respondents.hint-partial": ("Kør uden --complete-only, eller eksportér igen når "
                                         "der er fuldførte svar",
                                         "Run without --complete-only, or export again when "
                                         "there are complete responses"),
    "read.no-respondents.rows.one": ("rækken", "the row"),
    "read.no-respondents.rows.other": ("de {n} rækker", "the {n} rows"),
    "read.no-respondents.why": ("{n} {why}", "{n} {why}"),
    "read.no-respondents.unanswered": ("{n} uden svar", "{n} without answers"),
    "read.no-respondents.partial": ("{n} ikke fuldført (--complete-only)",
                                    "{n} not complete (--complete-only)"),
    "read.no-respondents.none": ("ingen besvarelser", "no responses"),
    # Qualtrics (tools/qualtrics/reader.py)
    "read.qualtrics.excluded": ("fra forhåndsvisning, test eller spam",
                                "from preview, test or spam"),
    "read.qualtrics.excluded-note.one": ("{n} besvarelse fra forhåndsvisning, test eller spam "
                                         "er ikke talt med.",
                                         "{n} response from preview, test or spam is not "
                                         "counted."),
    "read.qualtrics.excluded-note.other": ("{n} besvarelser fra forhåndsvisning, test eller "
                                           "spam er ikke talt med.",
                                           "{n} responses from preview, test or spam are not "
                                           "counted."),
    # SurveyXact (tools/surveyxact/)
    "read.surveyxact.export-again": ("Eksportér igen fra SurveyXact (Dataudtræk) som Excel "
                                     "med arkene Dataset, Labels og Structure, eller som "
                                     "CSV-filerne dataset.csv, labels.csv og structure.csv",
                                     "Export again from SurveyXact (the data extract) as "
                                     "Excel with the sheets Dataset, Labels and "
                                     "Structure, or as the CSV files dataset.csv, labels.csv "
                                     "and structure.csv"),
    "read.surveyxact.dataset-empty": ("Dataset er tomt", "Dataset is empty"),
    "read.surveyxact.dataset-uneven": ("Dataset-arkene har ikke lige mange rækker",
                                       "The Dataset sheets do not have the same number of "
                                       "rows"),
    "read.surveyxact.lacks": ("SurveyXact-eksporten mangler {what}",
                              "The SurveyXact export lacks {what}"),
    "read.surveyxact.lacks-sheet": ("arket '{sheet}'", "the sheet '{sheet}'"),
    "read.surveyxact.lacks-file": ("filen {part}.csv ved siden af datasættet",
                                   "the file {part}.csv beside the dataset"),
    "read.surveyxact.not-an-export": ("Filen er ikke en SurveyXact-eksport",
                                      "The file is not a SurveyXact export"),
    "read.surveyxact.structure-empty": ("Structure er tom", "Structure is empty"),
    "read.surveyxact.structure-empty.hint": ("Eksportér datasættet igen fra SurveyXact",
                                             "Export the dataset again from SurveyXact"),
    "read.surveyxact.structure-column": ("Structure mangler kolonnen {wanted}",
                                         "Structure lacks the column {wanted}"),
    "read.surveyxact.structure-column.hint": ("Første række i Structure skal være "
                                              "questionName, variableName, questionType, "
                                              "subType, questionText, choiceValue, choiceText",
                                              "The first row of Structure must be "
                                              "questionName, variableName, questionType, "
                                              "subType, questionText, choiceValue, choiceText"),
    "read.surveyxact.no-responses": ("Dataset indeholder ingen besvarelser",
                                     "Dataset holds no responses"),
    "read.surveyxact.no-responses.hint": ("Tjek at du har eksporteret besvarelserne",
                                          "Check that you exported the responses"),
    "read.surveyxact.none-answered": ("Eksporten har ingen besvarelser med status Gennemført "
                                      "eller Nogle svar",
                                      "The export has no responses with the status Gennemført "
                                      "(completed) or Nogle svar (some answers)"),
    "read.surveyxact.none-answered.hint": ("Eksportér igen, når der er kommet besvarelser",
                                           "Export again once responses have come in"),
    "read.surveyxact.no-labels": ("Variablen '{var}' har ingen etiketter i Labels; svarene "
                                  "vises som de rå koder.",
                                  "The variable '{var}' has no labels in Labels; its answers "
                                  "are shown as the raw codes."),
    "read.surveyxact.unlabelled": ("Variablen '{var}' har koder uden etiket i Labels "
                                   "({codes}); de vises som de rå koder.",
                                   "The variable '{var}' has codes without a label in Labels "
                                   "({codes}); they are shown as the raw codes."),
    "read.surveyxact.not-sent.one": ("{n} udsendt skema uden besvarelse (status Ny, "
                                     "Distribueret eller Frafaldet) er ikke talt med.",
                                     "{n} questionnaire sent out without a response (status "
                                     "Ny, Distribueret or Frafaldet) is not counted."),
    "read.surveyxact.not-sent.other": ("{n} udsendte skemaer uden besvarelse (status Ny, "
                                       "Distribueret eller Frafaldet) er ikke talt med.",
                                       "{n} questionnaires sent out without a response "
                                       "(status Ny, Distribueret or Frafaldet) are not "
                                       "counted."),
    "read.surveyxact.partial-left-out.one": ("{n} delvis besvarelse er udeladt "
                                             "(--complete-only).",
                                             "{n} partial response is left out "
                                             "(--complete-only)."),
    "read.surveyxact.partial-left-out.other": ("{n} delvise besvarelser er udeladt "
                                               "(--complete-only).",
                                               "{n} partial responses are left out "
                                               "(--complete-only)."),
    "read.surveyxact.partial-counted.one": ("{n} delvis besvarelse er talt med (brug "
                                            "--complete-only for at udelade den).",
                                            "{n} partial response is counted (use "
                                            "--complete-only to leave it out)."),
    "read.surveyxact.partial-counted.other": ("{n} delvise besvarelser er talt med (brug "
                                              "--complete-only for at udelade dem).",
                                              "{n} partial responses are counted (use "
                                              "--complete-only to leave them out)."),
    "read.surveyxact.background": ("Baggrundsvariabler vises ikke som spørgsmål: {names}.",
                                   "Background variables are not shown as questions: {names}."),
    "read.surveyxact.skipped": ("Variabler i Structure, der ikke findes i Dataset, er sprunget "
                                "over: {names}.",
                                "Variables in Structure that are not in Dataset were skipped: "
                                "{names}."),
}
