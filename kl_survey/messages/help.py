"""``--help`` texts: the commands, their options, and the examples that end each page.

A command's first paragraph is its summary in ``kl-survey --help``; it is shown whole.
Defaults are written in the text ("standard: …"), since Click's "[default: …]" cannot
follow --lang.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # kl-survey
    "help.main": (
        "Analysér KL's spørgeskemaundersøgelser blandt kommunerne.\n\n"
        "Læser eksporter fra SurveyXact, Microsoft Forms, Google Forms, LimeSurvey, "
        "Qualtrics, SurveyMonkey og håndlavede regneark, og beregner andele, baser og "
        "svarprocent. En runde: init, validate, analyze, report.",
        "Analyse KL's questionnaire surveys of the Danish municipalities.\n\n"
        "Reads exports from SurveyXact, Microsoft Forms, Google Forms, LimeSurvey, Qualtrics, "
        "SurveyMonkey and hand-built sheets, and computes shares, bases and the response "
        "rate. A round: init, validate, analyze, report."),
    "help.main.epilog": (
        "Eksempel: kl-survey analyze data/examples/kl-2025-05/responses.xlsx",
        "Example: kl-survey analyze data/examples/kl-2025-05/responses.xlsx --lang en"),
    "help.option.version": ("Vis versionen og afslut.", "Show the version and exit."),
    "help.option.debug": ("Vis hele tracebacken ved fejl (til fejlrapporter).",
                          "Show the whole traceback on errors (for bug reports)."),
    # analyze
    "help.analyze": (
        "Beregn antal og andele for hvert spørgsmål i en eksport.\n\n"
        "Basen (n) står ved hvert spørgsmål; flervalgsandele er ud af respondenter, ikke "
        "ud af afkrydsninger, og \"Ved ikke\" tæller med i basen, medmindre spec-filen "
        "(--spec) siger andet. Uoverensstemmelser mellem spec og data vises som advarsler "
        "på stderr.",
        "Count answers and compute shares for every question in an export.\n\n"
        "The base (n) is shown with every question; multi-select shares are out of "
        "respondents, not out of ticks, and \"Don't know\" stays in the base unless the "
        "spec file (--spec) says otherwise. Disagreements between spec and data are "
        "warnings on stderr."),
    "help.analyze.epilog": (
        "Eksempel: kl-survey analyze data/examples/kl-2025-05/responses.xlsx "
        "--format json -o resultater.json",
        "Example: kl-survey analyze data/examples/kl-2025-05/responses.xlsx "
        "--format json -o results.json --lang en"),
    # validate
    "help.validate": (
        "Tjek en eksport for fejl, før noget offentliggøres.\n\n"
        "Finder ukendte og stavede kommunenavne (med forslag), kommuner der har svaret to "
        "gange, svar uden for populationen, svar der ikke står i spec-filen, tomme "
        "spørgsmål, tal der ikke kan læses og delvise besvarelser, og viser svarprocenten "
        "pr. region. Exit 0 når alt er i orden, 1 ved fejl (med --strict også ved "
        "advarsler), 2 når filen eller spec-filen ikke kan bruges.",
        "Check an export for errors before anything is published.\n\n"
        "Finds unknown and misspelt municipality names (with suggestions), municipalities "
        "answering twice, answers outside the population, answers the spec file does not "
        "list, empty questions, numbers that cannot be read and partial responses, and "
        "shows the response rate per region. Exit 0 when all is well, 1 on errors (with "
        "--strict on warnings too), 2 when the file or spec file cannot be used."),
    "help.validate.epilog": (
        "Eksempel: kl-survey validate data/examples/kl-2025-05/responses.xlsx "
        "--spec data/examples/kl-2025-05/survey.toml --strict",
        "Example: kl-survey validate data/examples/kl-2025-05/responses.xlsx "
        "--spec data/examples/kl-2025-05/survey.toml --strict --lang en"),
    # init
    "help.init": (
        "Skriv en spec-fil (survey.toml), som du retter til runden.\n\n"
        "Filen beskriver runden (titel, runde, dato, kildelinje), kommunekolonnen og for "
        "hvert spørgsmål: svarmuligheder i rækkefølge, hvad der tæller som \"ja\", \"Ved "
        "ikke\"-svar, basen og korte titler, sådan som kl-survey har udledt dem. Ret den, "
        "og brug den med analyze --spec og validate --spec. En eksisterende spec-fil "
        "overskrives kun med --force.",
        "Write a spec file (survey.toml) for you to edit for the round.\n\n"
        "The file describes the round (title, round, date, source line), the municipality "
        "column and, for every question, the options in order, what counts as \"yes\", "
        "\"Don't know\" answers, the base and short titles, as kl-survey inferred them. Edit "
        "it, and use it with analyze --spec and validate --spec. An existing spec file is "
        "only overwritten with --force."),
    "help.init.epilog": (
        "Eksempel: kl-survey init data/examples/kl-2025-05/responses.xlsx "
        "-o data/examples/kl-2025-05/survey.toml",
        "Example: kl-survey init data/examples/kl-2025-05/responses.xlsx "
        "-o data/examples/kl-2025-05/survey.toml --lang en"),
    # report
    "help.report": (
        "Lav nyhedsbrevsrapporten: HTML, PDF, figurer og resultattabeller.\n\n"
        "Hvert spørgsmål får overskrift, en nøglesætning ud fra tallene, et diagram med "
        "andele og antal besvarelser, og en tabel. Figurerne skrives som PNG (300 dpi) og "
        "SVG. Samme input giver byte-identiske filer; SOURCE_DATE_EPOCH sætter datoen i PDF "
        "og SVG. Med --municipality handler rapporten kun om de valgte kommuner; med "
        "--per-municipality får hver (valgt) kommune sin egen rapport, altid sammenlignet "
        "med hele landet.",
        "Make the newsletter report: HTML, PDF, figures and result tables.\n\n"
        "Every question gets a heading, a key sentence written from the numbers, a chart "
        "with shares and the number of responses, and a table. Figures are written as PNG "
        "(300 dpi) and SVG. The same input gives byte-identical files; SOURCE_DATE_EPOCH "
        "sets the date in the PDF and SVG. With --municipality the report is about the chosen "
        "municipalities only; with --per-municipality every (chosen) municipality gets a "
        "report of its own, always against the whole country."),
    "help.report.epilog": (
        "Eksempel: kl-survey report data/examples/kl-2025-05/responses.xlsx "
        "-o reports/kl-2025-05 --title 'Lettilgængeligt tilbud, maj 2025'",
        "Example: kl-survey report data/examples/kl-2025-05/responses.xlsx "
        "-o reports/kl-2025-05 --lang en"),
    # compare
    "help.compare": (
        "Sammenlign runder af samme undersøgelse: ændringer i procentpoint.\n\n"
        "Spørgsmålene parres på spec-id, ellers på ens tekst, ellers på nummer med næsten "
        "samme tekst; en ændret formulering giver en advarsel. Hver ændring vises for alle "
        "besvarelser og for panelet: de kommuner, der har svaret på spørgsmålet i begge "
        "runder. Ændringer regnes fra de præcise andele og afrundes én gang.",
        "Compare rounds of the same survey: changes in percentage points.\n\n"
        "Questions are paired by spec id, else by the same text, else by number with nearly "
        "the same text; a reworded question gives a warning. Every change is shown for all "
        "responses and for the panel: the municipalities that answered the question in both "
        "rounds. Changes are computed from the exact shares and rounded once."),
    "help.compare.epilog": (
        "Eksempel: kl-survey compare data/examples/kl-2025-05 data/examples/kl-2025-11 "
        "(rundemapper med responses.xlsx og survey.toml), eller kl-survey compare maj.xlsx "
        "--spec maj.toml nov.xlsx --spec nov.toml --test",
        "Example: kl-survey compare data/examples/kl-2025-05 data/examples/kl-2025-11 --lang "
        "en (round folders with responses.xlsx and survey.toml), or kl-survey compare "
        "may.xlsx --spec may.toml nov.xlsx --spec nov.toml --test"),
    "help.argument.rounds": (
        "Runderne, ældste først: eksporter (xlsx, xls, csv, SurveyXact-mapper) eller "
        "rundemapper med responses.* og survey.toml.",
        "The rounds, oldest first: exports (xlsx, xls, csv, SurveyXact folders) or round "
        "folders with responses.* and survey.toml."),
    "help.option.spec-compare": (
        "Spec-fil til eksporten lige før den: GAMMEL --spec gammel.toml NY --spec ny.toml "
        "(rundemapper har deres egen survey.toml).",
        "The spec file of the export right before it: OLD --spec old.toml NEW --spec "
        "new.toml (round folders have their own survey.toml)."),
    "help.option.label": (
        "Rundens navn i output, én pr. runde i rækkefølge (standard: survey.round fra "
        "spec-filen, ellers filnavnet).",
        "The round's name in the output, one per round in order (default: survey.round from "
        "the spec file, else the file name)."),
    "help.option.test": ("Tilføj en eksakt McNemar-test på panelet for hvert "
                         "enkeltvalgsspørgsmål med ja-svar.",
                         "Add an exact McNemar test on the panel for every single-choice "
                         "question with a yes answer."),
    # the export argument and shared options
    "help.argument.export": (
        "Eksporten: xlsx, xls eller csv, en SurveyXact-mappe med "
        "dataset/labels/structure.csv, eller - for stdin (formatet genkendes af indholdet).",
        "The export: xlsx, xls or csv, a SurveyXact folder with dataset/labels/structure.csv, "
        "or - for stdin (the format is recognised from the content)."),
    "help.option.sheet": ("Arket der skal læses (standard: det første med data).",
                          "The sheet to read (default: the first with data)."),
    "help.option.source": (
        "Spørgeskemaværktøjet filen kommer fra; 'help' viser mulighederne (standard: "
        "genkendes automatisk).",
        "The survey tool the file comes from; 'help' lists them (default: detected)."),
    "help.option.complete-only": ("Tæl kun fuldførte besvarelser (delvise udelades).",
                                  "Count completed responses only (partial ones are left "
                                  "out)."),
    "help.option.max-size": (
        "Største tilladte størrelse i MB af en fil, udpakket for xlsx (værn mod zip-bomber; "
        "standard 3072).",
        "The largest size allowed in MB of a file, uncompressed for xlsx (a guard against "
        "zip bombs; default 3072)."),
    "help.option.repair-encoding": (
        "Læs tegn, der ikke er UTF-8, i en ellers UTF-8-kodet CSV-fil som Windows-1252 (hver "
        "rettet række giver en advarsel). Uden den afvises filen med rækkerne nævnt.",
        "Read characters that are not UTF-8 in an otherwise UTF-8 CSV file as Windows-1252 "
        "(each repaired row gives a warning). Without it the file is refused, naming the "
        "rows."),
    "help.option.max-memory": (
        "Største anslåede hukommelsesforbrug ved læsning af en xlsx-fil i MB (standard "
        "3072).",
        "The largest estimated memory use when reading an xlsx file, in MB (default 3072)."),
    "help.option.max-columns": ("Højeste antal kolonner i eksporten (standard 2000).",
                                "The most columns an export may have (default 2000)."),
    "help.option.max-cell-length": ("Længste tilladte celle i tegn (standard 32767, Excels "
                                    "grænse).",
                                    "The longest cell allowed, in characters (default 32767, "
                                    "Excel's limit)."),
    "help.option.colophon": (
        "Skriv eksportens filnavn og kl-surveys version sidst i rapporten (også med "
        "spec-filens [report] colophon = true). Ellers står de kun i results.json og "
        "results.xlsx.",
        "Print the export's file name and kl-survey's version at the end of the report (also "
        "with the spec file's [report] colophon = true). Otherwise they are only in "
        "results.json and results.xlsx."),
    "help.option.compare": (
        "Sammenlign med en tidligere runde: en rundemappe med responses.* og survey.toml "
        "(eller en eksport). Hvert spørgsmål får udviklingen siden da: søjlepar og den "
        "største ændring blandt kommunerne i begge runder.",
        "Compare with an earlier round: a round folder with responses.* and survey.toml (or "
        "an export). Every question gets the change since then: pairs of bars and the "
        "largest change among the municipalities in both rounds."),
    "help.option.by": (
        "Opdel hvert spørgsmål i grupper: region, et enkeltvalgsspørgsmåls id (fx q1) eller "
        "en kolonne i --groups-filen.",
        "Split every question into groups: region, a single-choice question's id (for "
        "example q1) or a column of the --groups file."),
    "help.option.groups": (
        "CSV eller xlsx, der knytter kommuner (navn eller kode) til grupper; --by er "
        "kolonnen med grupperne.",
        "CSV or xlsx that ties municipalities (name or code) to groups; --by is the column "
        "with the groups."),
    "help.option.min-base": (
        "Andele i en gruppe med færre besvarelser vises som »–« (standard: [analysis] "
        "min_base i spec-filen, ellers 5).",
        "Shares in a group with fewer responses are shown as »–« (default: [analysis] "
        "min_base in the spec file, else 5)."),
    "help.option.ci": (
        "Vis et 95%-interval for andelen i populationen (Wilson med "
        "endelighedskorrektion).",
        "Show a 95% interval for the share in the population (Wilson with the finite "
        "population correction)."),
    "help.option.bounds-analyze": (
        "Vis grænserne for andelen blandt hele populationen, uanset hvad de, der ikke har "
        "svaret, ville have svaret.",
        "Show the bounds of the share in the whole population, whatever those who did not "
        "answer would have answered."),
    "help.option.bounds-report": (
        "Vis grænserne for andelen blandt hele populationen i metodeboksen og ved hvert "
        "spørgsmål.",
        "Show the bounds of the share in the whole population in the method box and with "
        "every question."),
    "help.option.municipality": (
        "Kun svar fra denne kommune: navn eller kode, fx København, 101 eller 'Københavns "
        "Kommune'. Kan gentages.",
        "Only answers from this municipality: a name or code, for example Aarhus, 751 or "
        "'Aarhus Kommune'. May be repeated."),
    "help.option.keep-cpr": (
        "Skriv CPR-numre i fritekst, som de står (standard: de skrives som [CPR fjernet]).",
        "Print CPR numbers in free text as written (default: they are written as [CPR "
        "fjernet])."),
    "help.option.maps": (
        "Spørgsmål der også vises på et Danmarkskort (et svar eller et tal pr. kommune), fx "
        "q1,q5; kortene kommer også i figures/qNN-kort.*.",
        "Questions also shown on a map of Denmark (one answer or number per municipality), "
        "for example q1,q5; the maps also go to figures/qNN-kort.*."),
    "help.option.per-municipality": (
        "Skriv også en kort rapport til hver kommune, der har svaret: "
        "MAPPE/kommuner/101-koebenhavn.pdf og .html, med kommunens svar ved siden af "
        "regionens og landets.",
        "Also write a short report for every municipality that answered: "
        "FOLDER/kommuner/101-koebenhavn.pdf and .html, with its answers beside its region's "
        "and the country's."),
    "help.option.lang": (
        "Sproget for output, hjælp og fejl: da eller en (standard: da, eller "
        "miljøvariablen KL_SURVEY_LANG).",
        "The language of output, help and errors: da or en (default: da, or the "
        "KL_SURVEY_LANG environment variable)."),
    "help.option.quiet": ("Skriv kun fejl på stderr: ingen advarsler, statuslinjer eller "
                          "fremdriftslinjer.",
                          "Write only errors to stderr: no warnings, status lines or "
                          "progress bars."),
    "help.option.spec": ("Spec-filen (survey.toml) med rundens beslutninger; lav en med "
                         "kl-survey init.",
                         "The spec file (survey.toml) with the round's decisions; make one "
                         "with kl-survey init."),
    "help.option.strict": ("Gør uoverensstemmelser mellem spec og data (og andre advarsler) "
                           "til fejl (exit 2).",
                           "Make disagreements between spec and data (and other warnings) "
                           "errors (exit 2)."),
    "help.option.strict-validate": ("Advarsler tæller også som fejl (exit 1).",
                                    "Warnings count as errors too (exit 1)."),
    # analyze's and validate's own options
    "help.option.format-analyze": ("table, json, csv, xlsx eller markdown (standard: table).",
                                   "table, json, csv, xlsx or markdown (default: table)."),
    "help.option.format-validate": ("table (til mennesker) eller json (stabilt format til CI; "
                                    "standard: table).",
                                    "table (for people) or json (a stable format for CI; "
                                    "default: table)."),
    "help.option.output-analyze": (
        "Skriv til denne fil i stedet for stdout (krævet for xlsx); manglende mapper "
        "oprettes, og filen skrives helt eller slet ikke.",
        "Write to this file instead of stdout (required for xlsx); missing folders are "
        "created, and the file is written whole or not at all."),
    "help.option.output-validate": (
        "Skriv rapporten til denne fil i stedet for stdout; manglende mapper oprettes.",
        "Write the report to this file instead of stdout; missing folders are created."),
    "help.option.dedupe": (
        "Kommuner der har svaret flere gange: first, last eller most-complete beholder "
        "første, sidste eller mest udfyldte besvarelse (standard: behold alle og advar).",
        "Municipalities that answered more than once: first, last or most-complete keeps "
        "the first, last or most complete response (default: keep all and warn)."),
    # init's and report's own options
    "help.option.output-init": (
        "Hvor spec-filen skrives; - skriver til stdout (standard: survey.toml ved siden af "
        "eksporten). Manglende mapper oprettes.",
        "Where the spec file goes; - writes to stdout (default: survey.toml beside the "
        "export). Missing folders are created."),
    "help.option.force": ("Overskriv en eksisterende spec-fil.",
                          "Overwrite an existing spec file."),
    "help.option.output-report": (
        "Mappen rapporten skrives i, fx reports/kl-2025-05; den oprettes om nødvendigt, og "
        "en tidligere rapport i mappen erstattes helt.",
        "The folder the report is written to, for example reports/kl-2025-05; it is created "
        "if needed, and a previous report in it is replaced whole."),
    "help.option.title": ("Rapportens titel (standard: titlen fra spec-filen, ellers en "
                          "neutral titel).",
                          "The report's title (default: the spec file's title, else a "
                          "neutral one)."),
    "help.option.formats": (
        "Kommasepareret liste over det, der skal skrives: html (report.html), pdf "
        "(report.pdf), png og svg (figures/qNN.*), xlsx og json (results.*); standard: "
        "alle.",
        "Comma-separated list of what to write: html (report.html), pdf (report.pdf), png "
        "and svg (figures/qNN.*), xlsx and json (results.*); default: all."),
}
