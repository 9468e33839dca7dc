"""Finding and loading the rounds of ``kl-survey compare`` (``kl_survey/compare/rounds.py``).

The comparison's own output words are in :mod:`kl_survey.compare.strings`; its issues
are ``issue.compare-*``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "compare.missing": ("Filen eller mappen findes ikke", "The file or folder does not exist"),
    "compare.missing.hint": ("Angiv en eksport eller en rundemappe med responses.* og "
                             "survey.toml",
                             "Give an export, or a round folder with responses.* and "
                             "survey.toml"),
    "compare.several-responses": ("Rundemappen har flere svarfiler ({names})",
                                  "The round folder holds several response files ({names})"),
    "compare.several-responses.hint": ("Lad kun én ligge i mappen, eller angiv filen direkte "
                                       "med dens --spec",
                                       "Leave only one in the folder, or give the file itself "
                                       "with its --spec"),
    "compare.not-a-round": ("Mappen er hverken en rundemappe eller en SurveyXact-eksport",
                            "The folder is neither a round folder nor a SurveyXact export"),
    "compare.not-a-round.hint": ("En rundemappe har responses.xlsx (eller .csv) og survey.toml; "
                                 "en SurveyXact-mappe har dataset.csv, labels.csv og "
                                 "structure.csv",
                                 "A round folder holds responses.xlsx (or .csv) and "
                                 "survey.toml; a SurveyXact folder holds dataset.csv, "
                                 "labels.csv and structure.csv"),
    "compare.one-round": ("Sammenligningen kræver mindst to runder",
                          "The comparison needs at least two rounds"),
    "compare.one-round.hint": ("Angiv den gamle og den nye runde, fx kl-survey compare "
                               "data/examples/kl-2025-05 data/examples/kl-2025-11",
                               "Give the old and the new round, for example kl-survey compare "
                               "data/examples/kl-2025-05 data/examples/kl-2025-11"),
    "compare.labels": ("{labels} --label til {rounds} runder",
                       "{labels} --label for {rounds} rounds"),
    "compare.labels.hint": ("Angiv én --label pr. runde i samme rækkefølge",
                            "Give one --label per round, in the same order"),
    "compare.specs.one": ("{n} spec-fil til {rounds} runder", "{n} spec file for {rounds} rounds"),
    "compare.specs.other": ("{n} spec-filer til {rounds} runder",
                            "{n} spec files for {rounds} rounds"),
    "compare.specs.hint": ("Angiv spec-filen lige efter den eksport, den hører til",
                           "Put each spec file right after the export it belongs to"),
    "compare.quoted": ("{label}: »{text}«", "{label}: “{text}”"),
}
