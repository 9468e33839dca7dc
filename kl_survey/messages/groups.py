"""Groups for a breakdown: ``--by`` and ``--groups`` (``kl_survey/grouping.py``).

The issues a grouping reports are ``issue.breakdown-unplaced`` and ``issue.groups-*``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # the group of respondents a grouping cannot place (Danmarks Statistik's word)
    "groups.unplaced": ("Uoplyst", "Not stated"),
    "groups.no-municipality.one": ("har ingen kommune", "has no municipality"),
    "groups.no-municipality.other": ("har ingen kommune", "have no municipality"),
    "groups.no-answer.one": ("har ikke svaret på {qid}", "did not answer {qid}"),
    "groups.no-answer.other": ("har ikke svaret på {qid}", "did not answer {qid}"),
    "groups.unknown-by": ("--by {qid}: der er hverken en region eller et spørgsmål med det id",
                          "--by {qid}: there is neither a region nor a question with that id"),
    "groups.unknown-by.hint": ("Brug --by region eller et enkeltvalgsspørgsmål: {ids}. Med "
                               "--groups FIL er --by kolonnen i filen",
                               "Use --by region or a single-choice question: {ids}. With "
                               "--groups FILE, --by is the column in the file"),
    "groups.not-single": ("--by {qid}: kun enkeltvalgsspørgsmål kan danne grupper (spørgsmål "
                          "{n} er {type})",
                          "--by {qid}: only single-choice questions can form groups (question "
                          "{n} is {type})"),
    "groups.not-single.hint": ("Vælg et spørgsmål med ét svar pr. respondent",
                               "Choose a question with one answer per respondent"),
    "groups.file-no-municipality": ("Gruppefilen har ingen kolonne med kommuner (navn eller "
                                    "kode)",
                                    "The groups file has no column of municipalities (name or "
                                    "code)"),
    "groups.file-no-municipality.hint": ("Tilføj en kolonne med kommunenavne eller -koder",
                                         "Add a column of municipality names or codes"),
    "groups.file-no-column": ("Gruppefilen har ingen kolonne {column}",
                              "The groups file has no column {column}"),
    "groups.file-no-column.hint": ("--by skal være en af kolonnerne: {names}",
                                   "--by must be one of the columns: {names}"),
    "groups.two-groups": ("{name} står i to grupper: »{first}« og »{second}«",
                          "{name} is in two groups: “{first}” and “{second}”"),
    "groups.two-groups.hint": ("Hver kommune må kun have én gruppe",
                               "Each municipality may have only one group"),
    "groups.did-you-mean": (" — mente du {name} ({code})?", " — did you mean {name} ({code})?"),
}
