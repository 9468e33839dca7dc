"""Reading the bytes of a file into a table (``kl_survey/readers/source/``).

Sizes and counts arrive formatted for the current language (``3,0 GB``/``3.0 GB``,
``16.384``/``16,384``) by :func:`kl_survey.readers.source.limits.size_text` and
``number_text``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # the path itself (sniffing.py)
    "source.not-regular": ("Stien er ikke en almindelig fil", "The path is not a regular file"),
    "source.not-regular.hint": ("Angiv selve eksportfilen", "Give the export file itself"),
    "source.link-loop": ("Stien er en løkke af symbolske links",
                         "The path is a loop of symbolic links"),
    "source.link-loop.hint": ("Ret linket, så det peger på selve eksportfilen",
                              "Correct the link so that it points at the export file itself"),
    "source.broken-link": ("Linket peger på en fil, der ikke findes ({target})",
                           "The link points at a file that does not exist ({target})"),
    "source.broken-link.hint": ("Ret linket, eller angiv selve eksportfilen",
                                "Correct the link, or give the export file itself"),
    "source.missing": ("Filen findes ikke", "The file does not exist"),
    "source.missing.hint": ("Tjek stien og filnavnet", "Check the path and the file name"),
    "source.cannot-open": ("Filen kan ikke åbnes", "The file cannot be opened"),
    "source.cannot-open.hint": ("Tjek at du har læseadgang til filen og mappen",
                                "Check that you may read the file and its folder"),
    "source.locked": ("Tjek at du har læseadgang, og at filen ikke er låst",
                      "Check that you may read the file and that it is not locked"),
    "source.folder": ("Stien er en mappe, ikke en eksportfil",
                      "The path is a folder, not an export file"),
    "source.folder.hint": ("Angiv selve eksportfilen; en mappe kan kun læses, når den rummer "
                           "SurveyXacts dataset.csv, labels.csv og structure.csv",
                           "Give the export file itself; a folder can only be read when it "
                           "holds SurveyXact's dataset.csv, labels.csv and structure.csv"),
    # what the file is (sniffing.py, encoding.py, html.py, table.py)
    "source.not-a-table": ("Filen er hverken et regneark eller en CSV-fil",
                           "The file is neither a spreadsheet nor a CSV file"),
    "source.not-a-table.hint": ("Eksportér besvarelserne som .xlsx eller .csv fra "
                                "spørgeskemaværktøjet",
                                "Export the responses as .xlsx or .csv from the survey tool"),
    "source.is-other": ("Filen er {what}, ikke et regneark eller en CSV-fil",
                        "The file is {what}, not a spreadsheet or a CSV file"),
    "source.is-other.pdf": ("en PDF-fil", "a PDF file"),
    "source.is-other.json": ("en JSON-fil", "a JSON file"),
    "source.is-other.rtf": ("et RTF-dokument", "an RTF document"),
    "source.is-other.xml-spreadsheet": ("et XML-regneark (Excel 2003)",
                                        "an XML spreadsheet (Excel 2003)"),
    "source.is-other.xml": ("en XML-fil", "an XML file"),
    "source.save-as-xlsx": ("Åbn filen i Excel og gem den som .xlsx",
                            "Open the file in Excel and save it as .xlsx"),
    "source.html-no-table": ("Filen er en HTML-side, ikke et regneark",
                             "The file is an HTML page, not a spreadsheet"),
    "source.html-unreadable": ("HTML-filen kan ikke læses", "The HTML file cannot be read"),
    "source.not-text": ("Filen er ikke en tekstfil", "The file is not a text file"),
    "source.not-text.hint": ("Angiv en CSV- eller tekstfil", "Give a CSV or text file"),
    "source.empty": ("Filen er tom", "The file is empty"),
    "source.empty.hint": ("Eksportér besvarelserne igen fra spørgeskemaværktøjet",
                          "Export the responses again from the survey tool"),
    "source.no-data": ("Filen indeholder ingen data", "The file holds no data"),
    "source.no-data.hint": ("Tjek at du har eksporteret besvarelserne",
                            "Check that you exported the responses"),
    "source.reexport": ("Gem eller eksportér filen igen", "Save or export the file again"),
    # encoding (encoding.py, csv.py, html.py)
    "source.bad-chars": ("Filen indeholder tegn, der hverken er UTF-8 eller Windows-1252",
                         "The file holds characters that are neither UTF-8 nor Windows-1252"),
    "source.bad-chars.hint": ("Gem filen som UTF-8", "Save the file as UTF-8"),
    "source.save-csv-utf8": ("Gem filen som CSV UTF-8", "Save the file as CSV UTF-8"),
    "source.not-utf8-rows.one": ("Række {rows} indeholder tegn, der ikke er UTF-8, i en fil "
                                 "der ellers er UTF-8",
                                 "Row {rows} holds characters that are not UTF-8, in a file "
                                 "that is otherwise UTF-8"),
    "source.not-utf8-rows.other": ("Rækkerne {rows} indeholder tegn, der ikke er UTF-8, i en "
                                   "fil der ellers er UTF-8",
                                   "Rows {rows} hold characters that are not UTF-8, in a file "
                                   "that is otherwise UTF-8"),
    "source.not-utf8-lines.one": ("Linje {rows} indeholder tegn, der ikke er UTF-8, i en fil "
                                  "der ellers er UTF-8",
                                  "Line {rows} holds characters that are not UTF-8, in a file "
                                  "that is otherwise UTF-8"),
    "source.not-utf8-lines.other": ("Linjerne {rows} indeholder tegn, der ikke er UTF-8, i en "
                                    "fil der ellers er UTF-8",
                                    "Lines {rows} hold characters that are not UTF-8, in a "
                                    "file that is otherwise UTF-8"),
    "source.repair-encoding": ("Gem filen som CSV UTF-8 igen, eller brug --repair-encoding for "
                               "at læse de tegn som Windows-1252 (hver rettet række giver en "
                               "advarsel)",
                               "Save the file as CSV UTF-8 again, or use --repair-encoding to "
                               "read those characters as Windows-1252 (each repaired row gives "
                               "a warning)"),
    # CSV (csv.py, csvcheck.py)
    "source.csv-unreadable": ("Filen kan ikke læses som CSV", "The file cannot be read as CSV"),
    "source.csv-unreadable.hint": ("Tjek at filen er en CSV-eksport, eller eksportér den igen",
                                   "Check that the file is a CSV export, or export it again"),
    "source.quote-never-closed": ("Et anførselstegn lukkes aldrig (er filen afkortet?), så "
                                  "resten af filen ville blive læst som én celle",
                                  "A quote is never closed (is the file cut off?), so the rest "
                                  "of the file would be read as one cell"),
    "source.quote-swallows-rest.one": ("Et anførselstegn lukkes ikke, så resten af filen ({n} "
                                       "linje) er læst som én celle; svar ville gå tabt",
                                       "A quote is not closed, so the rest of the file ({n} "
                                       "line) was read as one cell; answers would be lost"),
    "source.quote-swallows-rest.other": ("Et anførselstegn lukkes ikke, så resten af filen "
                                         "({n} linjer) er læst som én celle; svar ville gå tabt",
                                         "A quote is not closed, so the rest of the file ({n} "
                                         "lines) was read as one cell; answers would be lost"),
    "source.quote-swallows-rows": ("Et anførselstegn lukkes ikke, så de næste {n} linjer, der "
                                   "ligner rækker, er læst som én celle; svar ville gå tabt",
                                   "A quote is not closed, so the next {n} lines, which look "
                                   "like rows, were read as one cell; answers would be lost"),
    "source.fix-quote": ('Ret anførselstegnet i filen (et " inde i et felt skrives som ""), '
                         "eller eksportér filen igen",
                         'Correct the quote in the file (a " inside a field is written as ""), '
                         "or export the file again"),
    # workbooks (workbook.py, safety.py, sheets.py)
    "source.corrupt-xlsx": ("Filen er en beskadiget eller afkortet xlsx-fil",
                            "The file is a damaged or cut-off xlsx file"),
    "source.unreadable-workbook": ("Filen er et ulæseligt regneark",
                                   "The file is an unreadable spreadsheet"),
    "source.sheet-unreadable": ("Arket kan ikke læses", "The sheet cannot be read"),
    "source.no-sheet": ("Arket '{wanted}' findes ikke; arkene er: {sheets}",
                        "There is no sheet '{wanted}'; the sheets are: {sheets}"),
    "source.no-sheet.hint": ("Brug --sheet med et af arknavnene",
                             "Use --sheet with one of the sheet names"),
    "source.not-a-workbook": ("Filen er ikke et regneark med flere ark",
                              "The file is not a workbook with several sheets"),
    "source.not-a-workbook.hint": ("Eksportér besvarelserne som .xlsx fra spørgeskemaværktøjet",
                                   "Export the responses as .xlsx from the survey tool"),
    "source.trust-xlsx": ("Åbn filen i Excel og gem den igen, hvis du stoler på den; --max-size "
                          "hjælper ikke her",
                          "Open the file in Excel and save it again if you trust it; "
                          "--max-size does not help here"),
    "source.zip-parts": ("Zip-filen har {n} dele, flere end de {limit} en xlsx-fil kan have",
                         "The zip file has {n} parts, more than the {limit} an xlsx file can "
                         "have"),
    "source.zip-bomb": ("Filen ligner en zip-bombe: delen '{part}' pakkes ud til over {ratio} "
                        "gange sin størrelse",
                        "The file looks like a zip bomb: the part '{part}' unpacks to over "
                        "{ratio} times its size"),
    "source.zip-size-lies": ("Zip-filens størrelsesangivelse for delen '{part}' passer ikke med "
                             "indholdet",
                             "The zip file's stated size for the part '{part}' does not match "
                             "its content"),
    "source.xml-prolog": ("Delen '{part}' indeholder {reason}, som xlsx-filer aldrig har, og "
                          "filen afvises af sikkerhedshensyn",
                          "The part '{part}' holds {reason}, which xlsx files never have, and "
                          "the file is refused for safety"),
    "source.xml-prolog.dtd": ("en XML-DTD (<!DOCTYPE>/<!ENTITY>)",
                              "an XML DTD (<!DOCTYPE>/<!ENTITY>)"),
    "source.xml-prolog.long": ("et usædvanligt langt XML-hoved", "an unusually long XML header"),
    "source.memory-limit": ("Regnearket kræver ca. {need} hukommelse at læse (det pakkes ud til "
                            "{unpacked}), mere end grænsen på {limit}",
                            "The workbook needs about {need} of memory to read (it unpacks to "
                            "{unpacked}), more than the limit of {limit}"),
    "source.memory-limit.hint": ("Stoler du på filen, kan grænsen hæves med --max-memory; en "
                                 "CSV-eksport kræver langt mindre",
                                 "If you trust the file, raise the limit with --max-memory; a "
                                 "CSV export needs far less"),
    "source.memory-free": ("Regnearket kræver ca. {need} hukommelse at læse, men der er kun "
                           "{available} ledig",
                           "The workbook needs about {need} of memory to read, but only "
                           "{available} is free"),
    "source.memory-free.hint": ("Eksportér besvarelserne som CSV (det kræver langt mindre "
                                "hukommelse), eller kør på en maskine med mere hukommelse",
                                "Export the responses as CSV (that needs far less memory), or "
                                "run on a machine with more memory"),
    # limits (limits.py)
    "source.too-big": ("Filen fylder {size} {what}, mere end grænsen på {limit}",
                       "The file is {size} {what}, more than the limit of {limit}"),
    "source.too-big.hint": ("Stoler du på filen, kan grænsen hæves med --max-size",
                            "If you trust the file, raise the limit with --max-size"),
    "source.too-big.on-disk": ("på disken", "on disk"),
    "source.too-big.unpacked": ("udpakket", "unpacked"),
    "source.bad-limit": ("Grænsen {name} skal være et positivt tal, ikke {value}",
                         "The limit {name} must be a positive number, not {value}"),
    "source.bad-limit.hint": ("Udelad den for at bruge standardgrænsen",
                              "Leave it out to use the default limit"),
    "source.too-many-columns": ("Tabellen har {n} kolonner, flere end grænsen på {limit}",
                                "The table has {n} columns, more than the limit of {limit}"),
    "source.too-many-columns.hint": ("Stoler du på filen, kan grænsen hæves med --max-columns",
                                     "If you trust the file, raise the limit with "
                                     "--max-columns"),
    "source.cell-too-long": ("En celle har {n} tegn, flere end grænsen på {limit}",
                             "A cell has {n} characters, more than the limit of {limit}"),
    "source.cell-too-long.hint": ("Stoler du på filen, kan grænsen hæves med --max-cell-length "
                                  "(Excel tillader højst {excel} tegn)",
                                  "If you trust the file, raise the limit with "
                                  "--max-cell-length (Excel allows at most {excel} "
                                  "characters)"),
}
