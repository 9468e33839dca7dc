"""The example survey's export layouts, and what every reader must agree on.

Shared by ``readers/test_agree.py`` and its Hypothesis variant.
"""

from __future__ import annotations

from kl_survey.analysis import Analysis

import make_fixtures

LAYOUTS = [
    ("generic", "xlsx"), ("generic", "csv"),
    ("msforms", "xlsx"),
    ("googleforms", "csv"),
    ("limesurvey", "csv_code"), ("limesurvey", "csv_text"), ("limesurvey", "xlsx"),
    ("qualtrics", "csv"), ("qualtrics", "csv_legacy"),
    ("surveymonkey", "xlsx"), ("surveymonkey", "csv"),
    ("surveyxact", "xlsx"), ("surveyxact", "csv_semicolon"), ("surveyxact", "csv_comma"),
    ("surveyxact", "csv_tab"),
]
#: Tools whose export has no label for the "Other" option (the text replaces it).
OTHER_RENAMED = {"msforms", "googleforms"}


def summary(a: Analysis, rename_other: bool = False) -> dict[int, tuple]:
    """Per question: type, text, base, option counts and the "Other" texts."""
    def label(o: str) -> str:
        return "Andet" if rename_other and o == make_fixtures.OTHER_OPTION else o

    return {
        r.question.number: (r.question.type.value, r.question.text, r.base,
                            {label(o.label): o.count for o in r.options}, sorted(r.other))
        for r in a.questions
    }
