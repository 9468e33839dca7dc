"""Danish-first UI strings. English is a translation of the Danish, never the reverse."""

from __future__ import annotations

from kl_survey.numbers import Lang

_STRINGS: dict[str, dict[str, str]] = {
    "question": {"da": "Spørgsmål", "en": "Question"},
    "option": {"da": "Svarmulighed", "en": "Option"},
    "count": {"da": "Antal", "en": "Count"},
    "share": {"da": "Andel", "en": "Share"},
    "base": {"da": "Base", "en": "Base"},
    "yes": {"da": "Ja i alt", "en": "Yes, total"},
    "excluded": {"da": "udeladt af basen", "en": "excluded from base"},
    # the two terms of every output: those who took part, and those who were invited
    "respondents": {"da": "Deltagende", "en": "Participating"},
    "population": {"da": "Inviterede", "en": "Invited"},
    "response_rate": {"da": "Svarprocent", "en": "Response rate"},
    "non_respondents": {"da": "Har ikke svaret", "en": "Did not answer"},
    "partial": {"da": "heraf delvise besvarelser", "en": "of which partial"},
    "multi": {"da": "Flere svar muligt", "en": "Multiple answers possible"},
    "answers": {"da": "Svar", "en": "Answers"},
    "other": {"da": "Andet (fritekst)", "en": "Other (free text)"},
    "no_answers": {"da": "Ingen svar", "en": "No answers"},
    "municipalities": {"da": "kommuner", "en": "municipalities"},
    "municipality": {"da": "kommune", "en": "municipality"},  # --municipality: one of them
    "n_answers": {"da": "Antal besvarelser", "en": "Number of responses"},
    "stat_n": {"da": "Antal", "en": "n"},
    "stat_sum": {"da": "Sum", "en": "Sum"},
    "stat_mean": {"da": "Gennemsnit", "en": "Mean"},
    "stat_median": {"da": "Median", "en": "Median"},
    "stat_min": {"da": "Mindste", "en": "Min"},
    "stat_max": {"da": "Største", "en": "Max"},
    "source": {"da": "Kilde", "en": "Source"},
    "type": {"da": "Type", "en": "Type"},
    "text": {"da": "Tekst", "en": "Text"},
    "value": {"da": "Værdi", "en": "Value"},
    "id": {"da": "Id", "en": "Id"},
    # grids (issue 16): Tabel 1's "Samlet" column and its bottom "I alt" row
    "row_total": {"da": "Samlet", "en": "Total"},
    "column_total": {"da": "I alt", "en": "Total"},
    "grid": {"da": "Gitter", "en": "Grid"},
    "stat_q1": {"da": "Nedre kvartil", "en": "Lower quartile"},
    "stat_q3": {"da": "Øvre kvartil", "en": "Upper quartile"},
}


def t(key: str, lang: Lang = "da") -> str:
    return _STRINGS[key][lang]
