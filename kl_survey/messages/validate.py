"""``kl-survey validate``'s report around the issues (``kl_survey/validate.py``, output part).

The issues' own messages are in ``messages/issue.py``, keyed ``issue.<code>``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "validate.column-level": ("Niveau", "Level"),
    "validate.column-where": ("Sted", "Where"),
    "validate.column-problem": ("Problem", "Problem"),
    "validate.level-error": ("FEJL", "ERROR"),
    "validate.level-warning": ("ADVARSEL", "WARNING"),
    "validate.level-info": ("INFO", "INFO"),
    "validate.summary": ("{file}: {errors}, {warnings}, {info} — {verdict}{strict}",
                         "{file}: {errors}, {warnings}, {info} — {verdict}{strict}"),
    "validate.errors.one": ("{n} fejl", "{n} error"),
    "validate.errors.other": ("{n} fejl", "{n} errors"),
    "validate.warnings.one": ("{n} advarsel", "{n} warning"),
    "validate.warnings.other": ("{n} advarsler", "{n} warnings"),
    "validate.info.one": ("{n} oplysning", "{n} note"),
    "validate.info.other": ("{n} oplysninger", "{n} notes"),
    "validate.approved": ("godkendt", "approved"),
    "validate.failed": ("ikke godkendt", "not approved"),
}
