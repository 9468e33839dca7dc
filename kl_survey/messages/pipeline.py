"""Reading, applying the spec and --strict (``kl_survey/pipeline.py``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pipeline.reading": ("Læser {name}", "Reading {name}"),
    "pipeline.strict": ("{message}{more}", "{message}{more}"),
    "pipeline.strict-more": (" (og {n} flere)", " (and {n} more)"),
    "pipeline.strict-hint": ("Uden --strict er det en advarsel; kl-survey validate viser dem "
                             "alle",
                             "Without --strict it is a warning; kl-survey validate shows them "
                             "all"),
    "pipeline.strict-hint-after": ("{hint}. Uden --strict er det en advarsel; kl-survey "
                                   "validate viser dem alle",
                                   "{hint}. Without --strict it is a warning; kl-survey "
                                   "validate shows them all"),
}
