"""What the ``kl-survey`` commands themselves say (``kl_survey/cli/``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error": ("fejl", "error"),
    "cli.warning": ("advarsel", "warning"),
    "cli.info": ("info", "info"),
    "cli.aborted": ("Afbrudt.", "Aborted."),
    "cli.out-of-memory": (
        "Der var ikke hukommelse nok til at læse filen. Prøv en CSV-eksport eller en maskine "
        "med mere hukommelse",
        "There was not enough memory to read the file. Try a CSV export or a machine with "
        "more memory"),
    "cli.internal": (
        "Intern fejl ({kind}: {detail}). Kør igen med --debug og send outputtet til "
        "udviklerne",
        "Internal error ({kind}: {detail}). Run again with --debug and send the output to "
        "the developers"),
    "cli.not-positive": ("{flag} skal være et positivt tal, ikke {value}",
                         "{flag} must be a positive number, not {value}"),
    "cli.not-positive.hint": ("Udelad {flag} for at bruge standardgrænsen",
                              "Leave out {flag} to use the default limit"),
    "cli.not-positive-unit": ("{flag} skal være et positivt tal i {unit}, ikke {value}",
                              "{flag} must be a positive number of {unit}, not {value}"),
    "cli.not-positive-unit.hint": ("Udelad {flag} for at bruge standardgrænsen",
                                   "Leave out {flag} to use the default limit"),
    "cli.xlsx-needs-output": ("xlsx skal skrives til en fil. Angiv -o resultater.xlsx",
                              "xlsx must be written to a file. Give -o results.xlsx"),
    "cli.csv-no-extras": ("CSV har ikke plads til opdelinger, grænser og intervaller (--by, "
                          "--bounds, --ci). Brug -f xlsx, json, markdown eller table",
                          "CSV has no room for breakdowns, bounds and intervals (--by, "
                          "--bounds, --ci). Use -f xlsx, json, markdown or table"),
    "cli.compare-xlsx-needs-output": ("xlsx skal skrives til en fil. Angiv -o "
                                      "sammenligning.xlsx",
                                      "xlsx must be written to a file. Give -o "
                                      "comparison.xlsx"),
    "cli.compare-spec-first": ("--spec {spec} står før den første runde",
                               "--spec {spec} comes before the first round"),
    "cli.compare-spec-first.hint": ("Skriv --spec lige efter den eksport, den hører til: "
                                    "GAMMEL --spec gammel.toml NY --spec ny.toml",
                                    "Put --spec right after the export it belongs to: OLD "
                                    "--spec old.toml NEW --spec new.toml"),
    "cli.compare-spec-twice": ("--spec {spec} står efter en runde, der har én",
                               "--spec {spec} comes after a round that has one"),
    "cli.compare-spec-twice.hint": ("Skriv --spec lige efter den eksport, den hører til: "
                                    "GAMMEL --spec gammel.toml NY --spec ny.toml",
                                    "Put --spec right after the export it belongs to: OLD "
                                    "--spec old.toml NEW --spec new.toml"),
    "cli.compare-spec-unclear": ("Kan ikke se, hvilken runde hver --spec hører til",
                                 "Cannot tell which round each --spec belongs to"),
    "cli.compare-spec-unclear.hint": ("Brug rundemapper med survey.toml",
                                      "Use round folders with survey.toml"),
    "cli.groups-needs-by": ("--groups kræver --by KOLONNE, der siger hvilken kolonne i filen "
                            "der er grupperne",
                            "--groups needs --by COLUMN, saying which column of the file "
                            "holds the groups"),
    "cli.min-base": ("--min-base skal være mindst 1, fik {value}",
                     "--min-base must be at least 1, got {value}"),
    "cli.municipality-with-compare": ("--municipality kan endnu ikke bruges sammen med "
                                      "--compare",
                                      "--municipality cannot be used with --compare yet"),
    "cli.municipality-with-compare.hint": ("Lav sammenligningen for alle kommuner, eller brug "
                                           "kl-survey analyze --municipality på hver runde",
                                           "Compare all municipalities, or use kl-survey "
                                           "analyze --municipality on each round"),
    "cli.validate-format": ("validate skriver table eller json, ikke {format}",
                            "validate writes table or json, not {format}"),
    "cli.init-stdin-needs-output": ("Når eksporten kommer fra stdin, skal -o sige, hvor "
                                    "spec-filen skrives",
                                    "When the export comes from stdin, -o must say where "
                                    "the spec file goes"),
    "cli.init-stdin-needs-output.hint": ("Fx -o survey.toml, eller -o - for stdout",
                                         "For example -o survey.toml, or -o - for stdout"),
    "cli.spec-exists": ("Spec-filen findes allerede og overskrives ikke",
                        "The spec file already exists and is not overwritten"),
    "cli.spec-exists.hint": ("Brug --force for at overskrive den, eller vælg en anden fil "
                             "med -o",
                             "Use --force to overwrite it, or choose another file with -o"),
    "cli.wrote-spec": ("Skrev {target} ({n} spørgsmål). Ret den, og kør: kl-survey analyze "
                       "{file} --spec {target}",
                       "Wrote {target} ({n} questions). Edit it, then run: kl-survey analyze "
                       "{file} --spec {target}"),
    "cli.wrote-files.one": ("Skrev {n} fil i {folder}", "Wrote {n} file in {folder}"),
    "cli.wrote-files.other": ("Skrev {n} filer i {folder}", "Wrote {n} files in {folder}"),
    "cli.stdin-terminal": ("Standard-input er en terminal, ikke en eksport",
                           "Standard input is a terminal, not an export"),
    "cli.stdin-terminal.hint": ("Send filen ind med < besvarelser.xlsx eller en pipe, eller "
                                "angiv filnavnet i stedet for -",
                                "Pipe the file in with < responses.xlsx, or give the file "
                                "name instead of -"),
    "cli.stdin-too-big": ("Standard-input fylder mere end grænsen på {mb} MB",
                          "Standard input is larger than the limit of {mb} MB"),
    "cli.stdin-too-big.hint": ("Stoler du på dataene, kan grænsen hæves med --max-size",
                               "If you trust the data, raise the limit with --max-size"),
    "cli.unreadable": ("Filen kan ikke læses (ingen læseadgang)",
                       "The file cannot be read (no read permission)"),
    "cli.unreadable.hint": ("Tjek filens rettigheder, eller kopiér den til en mappe, du ejer",
                            "Check the file's permissions, or copy it to a folder you own"),
    "cli.output-is-input": ("-o peger på inputfilen {input}, som ville blive overskrevet",
                            "-o points at the input file {input}, which would be "
                            "overwritten"),
    "cli.output-is-input.hint": ("Vælg et andet filnavn med -o", "Choose another name with -o"),
    "cli.report-folder-holds-input": ("Rapportmappen indeholder inputfilen {input}; en ny "
                                      "rapport erstatter mappens indhold",
                                      "The report folder holds the input file {input}; a new "
                                      "report replaces what the folder holds"),
    "cli.report-folder-holds-input.hint": ("Vælg en anden mappe med -o, fx reports/runde",
                                           "Choose another folder with -o, for example "
                                           "reports/round"),
}
