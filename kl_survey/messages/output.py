"""Writing outputs (``kl_survey/output/``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "output.is-dir": ("Stien er en mappe", "The path is a folder"),
    "output.is-dir.hint": ("Angiv et filnavn med -o", "Give a file name with -o"),
    "output.device": ("Kan ikke skrive: {reason}", "Cannot write: {reason}"),
    "output.folder": ("Kan ikke skrive i mappen: {reason}",
                      "Cannot write in the folder: {reason}"),
    "output.folder.hint": ("Vælg en anden mappe med -o", "Choose another folder with -o"),
    "output.file": ("Kan ikke skrive filen: {reason}", "Cannot write the file: {reason}"),
    "output.file.hint": ("Tjek at du har skriveadgang, og at filen ikke er åben i Excel",
                         "Check that you may write there and that the file is not open in "
                         "Excel"),
    "output.bad-epoch": ("SOURCE_DATE_EPOCH er ikke et gyldigt tidspunkt: {value}",
                         "SOURCE_DATE_EPOCH is not a valid time: {value}"),
    "output.bad-epoch.hint": ("Angiv sekunder siden 1970, fx 1748736000",
                              "Give seconds since 1970, for example 1748736000"),
    "output.reason.system": ("{folder} er en systemmappe, hvor der ikke kan oprettes filer",
                             "{folder} is a system folder where files cannot be created"),
    "output.reason.denied": ("ingen skriveadgang", "no write permission"),
    "output.reason.read-only": ("filsystemet er skrivebeskyttet",
                                "the file system is read-only"),
    "output.reason.full": ("disken er fuld", "the disk is full"),
    "output.reason.not-dir": ("en del af stien er en fil, ikke en mappe",
                              "part of the path is a file, not a folder"),
    "output.reason.too-long": ("navnet er for langt", "the name is too long"),
    "output.reason.is-dir": ("stien er en mappe", "the path is a folder"),
    "output.reason.other": ("{detail}", "{detail}"),
}
