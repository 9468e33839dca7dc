"""Report wording, Danish first: the sentences an editor would otherwise write by hand.

Kept apart from :mod:`kl_survey.i18n` because these are whole newsletter phrases with
placeholders, not table labels, and the report is their only user.
"""

from __future__ import annotations

from kl_survey.numbers import Lang

_S: dict[str, dict[str, str]] = {
    "heading": {"da": "Spørgsmål {n}: {text}", "en": "Question {n}: {text}"},
    "n_answers": {"da": "Antal besvarelser: {n}", "en": "Number of responses: {n}"},
    "n_excluded": {"da": "{k} svar »{labels}« indgår ikke i andelene",
                   "en": "{k} “{labels}” answers are not included in the shares"},
    "n_everyone": {"da": "Base: alle {n} deltagende", "en": "Base: all {n} participants"},
    "filtered": {"da": "Kun dem, der svarede »{labels}« til spørgsmål {n}",
                 "en": "Only those who answered “{labels}” to question {n}"},
    "multi": {"da": "Flere svar muligt", "en": "Multiple answers possible"},
    # Two terms, used everywhere: the invited (the population, 98) and those who took
    # part (the respondents, 95). Every share in the report is out of the latter.
    "who_kommuner": {"da": "de deltagende kommuner", "en": "the participating municipalities"},
    "who_other": {"da": "respondenterne", "en": "the respondents"},
    "yes_sentence": {"da": "{pct} af {who} svarer ja{detail}.",
                     "en": "{pct} of {who} answer yes{detail}."},
    "top_sentence": {"da": "Flest har svaret {items}.",
                     "en": "The most common answers are {items}."},
    "top_one": {"da": "Flest har svaret {items}.", "en": "The most common answer is {items}."},
    "largest_sentence": {"da": "{pct} af {who} har svaret »{label}«.",
                         "en": "{pct} of {who} answered “{label}”."},
    "tied_sentence": {"da": "Lige mange ({pct}) har svaret {items}.",
                      "en": "Equally many ({pct}) answered {items}."},
    "nobody": {"da": "Ingen har besvaret spørgsmålet.", "en": "Nobody answered this question."},
    "text_sentence": {"da": "{n} har skrevet et svar. Svarene står i bilaget.",
                      "en": "{n} wrote an answer. The answers are listed in the appendix."},
    "numeric_sentence": {"da": "Gennemsnittet er {mean} (median {median}), ud fra {n} svar.",
                         "en": "The mean is {mean} (median {median}), based on {n} answers."},
    "and": {"da": "og", "en": "and"},
    "or": {"da": "eller", "en": "or"},
    "quote_open": {"da": "»", "en": "“"},
    "quote_close": {"da": "«", "en": "”"},
    "alt_bars": {"da": "Vandret søjlediagram for spørgsmål {n}.",
                 "en": "Horizontal bar chart for question {n}."},
    "alt_stacked": {"da": "Stablet søjle (100%) for spørgsmål {n}.",
                    "en": "Stacked 100% bar for question {n}."},
    "kicker": {"da": "Resultater fra spørgeskemaundersøgelse", "en": "Survey results"},
    "default_title": {"da": "Resultater af spørgeskemaundersøgelsen",
                      "en": "Results of the survey"},
    "lede_population": {"da": "{r} af de {p} inviterede {unit} besvarede spørgeskemaet "
                              "(svarprocent {rate}). Nedenfor gengives hovedresultaterne og "
                              "derefter resultaterne spørgsmål for spørgsmål.",
                        "en": "{r} of the {p} invited {unit} answered the questionnaire "
                              "(response rate {rate}). The main results come first, then the "
                              "results question by question."},
    "lede_one": {"da": "{r} af 1 inviteret {unit} besvarede spørgeskemaet (svarprocent {rate}). "
                       "Nedenfor gengives hovedresultaterne og derefter resultaterne spørgsmål "
                       "for spørgsmål.",
                 "en": "{r} of 1 invited {unit} answered the questionnaire (response rate "
                       "{rate}). The main results come first, then the results question by "
                       "question."},
    "lede_plain": {"da": "{r} besvarede spørgeskemaet. Nedenfor gengives hovedresultaterne og "
                         "derefter resultaterne spørgsmål for spørgsmål.",
                   "en": "{r} answered the questionnaire. The main results come first, then "
                         "the results question by question."},
    "method": {"da": "Om undersøgelsen", "en": "About the survey"},
    "m_respondents": {"da": "Deltagende", "en": "Participating"},
    "m_partial": {"da": "heraf {k} delvise", "en": "of which {k} partial"},
    "m_population": {"da": "Inviterede", "en": "Invited"},
    "m_rate": {"da": "Svarprocent", "en": "Response rate"},
    "m_missing": {"da": "Har ikke svaret", "en": "Did not answer"},
    "m_none_missing": {"da": "Alle har svaret", "en": "Everybody answered"},
    "m_sheet": {"da": "{file}, ark »{sheet}«", "en": "{file}, sheet “{sheet}”"},
    "m_bases": {"da": "Sådan er andelene beregnet", "en": "How the shares are calculated"},
    "bases_text": {
        "da": "Andelene er beregnet ud af de deltagende, der har besvaret det enkelte "
              "spørgsmål. Ved spørgsmål med flere svarmuligheder er andelen ud af antallet "
              "af besvarelser, ikke ud af antallet af afkrydsninger, så andelene kan summere "
              "til mere end 100%. »Ved ikke« indgår i basen. Procenterne er afrundet til én "
              "decimal.",
        "en": "Shares are out of the participants who answered each question. For questions with "
              "multiple answers the share is out of the number of responses, not the number "
              "of ticks, so shares can add up to more than 100%. “Don't know” is included "
              "in the base. Percentages are rounded to one decimal.",
    },
    "bases_exceptions": {"da": "Undtagelser: {items}.", "en": "Exceptions: {items}."},
    "exc_exclude": {"da": "spørgsmål {n} (uden »{labels}«)",
                    "en": "question {n} (without “{labels}”)"},
    "exc_everyone": {"da": "spørgsmål {n} (ud af alle deltagende)",
                     "en": "question {n} (out of all participants)"},
    "exc_filter": {"da": "spørgsmål {n} (kun stillet til en del af de deltagende)",
                   "en": "question {n} (asked of some participants only)"},
    "table_summary": {"da": "Vis tal: antal og andele", "en": "Show figures: counts and shares"},
    "table_caption": {"da": "Antal og andele, spørgsmål {n}",
                      "en": "Counts and shares, question {n}"},
    "appendix": {"da": "Bilag: Fritekstsvar", "en": "Appendix: Free-text answers"},
    "appendix_intro": {"da": "Svarene er gengivet som skrevet, i den rækkefølge de kom ind.",
                       "en": "Answers are shown as written, in the order they came in."},
    "appendix_intro_cpr": {"da": "Svarene er gengivet som skrevet, i den rækkefølge de kom "
                                 "ind, men CPR-numre er erstattet af [CPR fjernet].",
                           "en": "Answers are shown as written, in the order they came in, "
                                 "except that CPR numbers are replaced by [CPR fjernet]."},
    "appendix_other": {"da": "{heading} – svar under »{label}«",
                       "en": "{heading} – answers under “{label}”"},
    "other_generic": {"da": "Andet", "en": "Other"},
    "page": {"da": "Side", "en": "Page"},
    "of": {"da": "af", "en": "of"},
    "highlights": {"da": "Hovedresultater", "en": "Main results"},
    "hl_yes": {"da": "ja{detail}", "en": "yes{detail}"},
    "hl_label": {"da": "»{label}«", "en": "“{label}”"},
    "hl_top": {"da": "flest har svaret »{label}«", "en": "most answered “{label}”"},
    "hl_mean": {"da": "gennemsnit", "en": "mean"},
    "order_note": {"da": "Sorteret efter andel; sidst, i gråt: {items}",
                   "en": "Sorted by share; last, in grey: {items}"},
    "why_other": {"da": "samlekategori", "en": "catch-all"},
    "why_no": {"da": "nej-svar", "en": "a no"},
    "why_dont_know": {"da": "ikke taget stilling", "en": "no opinion"},
    "colophon": {"da": "Om filerne", "en": "About the files"},
    "c_data": {"da": "Datagrundlag: {data}", "en": "Data: {data}"},
    "made_with": {"da": "Lavet med kl-survey {version} ud fra {file}.",
                  "en": "Made with kl-survey {version} from {file}."},
    "unit_kommuner": {"da": "kommuner", "en": "municipalities"},
    "unit_kommune": {"da": "kommune", "en": "municipality"},
    "unit_respondents": {"da": "respondenter", "en": "respondents"},
    "unit_respondent": {"da": "respondent", "en": "respondent"},
    # Maps of the municipalities (report/mapmodel.py)
    "map_alt_categorical": {"da": "Danmarkskort over kommunernes svar på spørgsmål {n}.",
                            "en": "Map of Denmark showing each municipality's answer to "
                                  "question {n}."},
    "map_alt_choropleth": {"da": "Danmarkskort over kommunernes svar på spørgsmål {n}, "
                                 "inddelt i {k} klasser.",
                           "en": "Map of Denmark showing each municipality's answer to "
                                 "question {n}, in {k} classes."},
    "map_alt_categorical_row": {"da": "Danmarkskort over kommunernes svar på spørgsmål {n}, "
                                      "rækken »{row}«.",
                                "en": "Map of Denmark showing each municipality's answer to "
                                      "question {n}, row “{row}”."},
    "map_alt_choropleth_row": {"da": "Danmarkskort over kommunernes svar på spørgsmål {n}, "
                                     "rækken »{row}«, inddelt i {k} klasser.",
                               "en": "Map of Denmark showing each municipality's answer to "
                                     "question {n}, row “{row}”, in {k} classes."},
    "map_row_total": {"da": "{row}, samlet", "en": "{row}, total"},
    "map_total_complete": {"da": "Samlet: summen af {columns} for de kommuner, der har "
                                 "udfyldt dem alle",
                           "en": "Total: the sum of {columns} for the municipalities that "
                                 "filled in all of them"},
    "map_total_all": {"da": "Samlet: summen af de udfyldte felter ({columns})",
                      "en": "Total: the sum of the cells filled in ({columns})"},
    "map_n_municipalities": {"da": "{n} kommuner", "en": "{n} municipalities"},
    "map_one_municipality": {"da": "1 kommune", "en": "1 municipality"},
    # the issue's wording: also covers a respondent who skipped this one question
    "map_not_answered": {"da": "Ikke besvaret", "en": "No answer"},
    "map_not_asked": {"da": "Ikke med i opgørelsen", "en": "Not included"},
    "map_base": {"da": "Antal kommuner med svar: {n}", "en": "Municipalities answering: {n}"},
    "map_disagree": {"da": "{n} med flere forskellige besvarelser vises med den hyppigste",
                     "en": "{n} with several differing responses are shown by the most "
                           "frequent one"},
    "map_disagree_numeric": {"da": "{n} med flere besvarelser vises med gennemsnittet",
                             "en": "{n} with several responses are shown by their mean"},
    # Per-municipality feedback reports (report/feedback.py, feedback_bars.py)
    "fb_kicker": {"da": "Tilbagemelding til kommunen", "en": "Feedback to the municipality"},
    "fb_lede": {"da": "Jeres svar i undersøgelsen »{title}« sammenlignet med kommunerne i "
                      "Region {region} og i hele landet.",
                "en": "Your answers in the survey “{title}” compared with the "
                      "municipalities in Region {region} and in all of Denmark."},
    "fb_coverage": {"da": "{r} af {p} kommuner har svaret, heraf {rr} af {rp} i Region "
                          "{region}.",
                    "en": "{r} of {p} municipalities answered, {rr} of {rp} of them in "
                          "Region {region}."},
    "fb_region": {"da": "Region {region}", "en": "Region {region}"},
    "fb_yours_one": {"da": "Jeres svar: {answer}.", "en": "Your answer: {answer}."},
    "fb_yours_many": {"da": "Jeres svar: {answer}.", "en": "Your answers: {answer}."},
    "fb_none": {"da": "I har ikke besvaret spørgsmålet.",
                "en": "You did not answer this question."},
    "fb_compare": {"da": "{answer}: {country} af de deltagende kommuner og {region} i Region "
                         "{name}.",
                   "en": "{answer}: {country} of the participating municipalities and "
                         "{region} in Region {name}."},
    "fb_numeric": {"da": "Jeres svar: {value}. Medianen er {country} for hele landet og "
                         "{region} i Region {name}.",
                   "en": "Your answer: {value}. The median is {country} for all of Denmark "
                         "and {region} in Region {name}."},
    "fb_text": {"da": "Jeres svar", "en": "Your answer"},
    "fb_other": {"da": "Jeres uddybning under »{label}«", "en": "Your text under “{label}”"},
    "fb_alt": {"da": "Søjler for spørgsmål {n}: andel af de deltagende kommuner i hele "
                     "landet og i Region {region} for hvert svar. {items}. {yours}",
               "en": "Bars for question {n}: share of the participating municipalities in "
                     "all of Denmark and in Region {region} for each answer. {items}. "
                     "{yours}"},
    "fb_several": {"da": "Kommunen har {k} besvarelser; alle indgår.",
                   "en": "The municipality has {k} responses; all are included."},
    "fb_footer": {"da": "Lavet med kl-survey ud fra {file}. Kun jeres egne fritekstsvar er "
                        "gengivet.",
                  "en": "Made with kl-survey from {file}. Only your own free-text answers "
                        "are shown."},
    "fb_country": {"da": "Hele landet", "en": "All of Denmark"},
    "fb_yours": {"da": "◀ Jeres svar", "en": "◀ Your answer"},
    # grids (issue 16): Tabel 1, Figur 1 and the Likert chart
    "grid_rose": {"da": "{subject} er steget fra {a} i {first} til {b} i {last}.",
                  "en": "{subject} rose from {a} in {first} to {b} in {last}."},
    "grid_fell": {"da": "{subject} er faldet fra {a} i {first} til {b} i {last}.",
                  "en": "{subject} fell from {a} in {first} to {b} in {last}."},
    "grid_same": {"da": "{subject} er uændret: {a} i {first} og {b} i {last}.",
                  "en": "{subject} is unchanged: {a} in {first} and {b} in {last}."},
    "grid_count_of": {"da": "Antallet af {what}", "en": "The number of {what}"},
    "grid_in": {"da": "i {period}", "en": "in {period}"},
    "grid_from_to": {"da": "fra {first} til {last}", "en": "from {first} to {last}"},
    "grid_total": {"da": "I alt {n} {what} {when}.", "en": "In all, {n} {what} {when}."},
    "grid_total_quoted": {"da": "{label}: i alt {n} {when}.", "en": "{label}: {n} in all {when}."},
    "grid_split": {"da": "I alt {total}: {items}.", "en": "{total} in all: {items}."},
    "grid_likert": {"da": "Flest svarer {answer} ved {row} ({pct}), færrest ved {least} "
                          "({least_pct}).",
                    "en": "Most answer {answer} for {row} ({pct}), fewest for {least} "
                          "({least_pct})."},
    "grid_likert_one": {"da": "{pct} svarer {answer} ved {row}.",
                        "en": "{pct} answer {answer} for {row}."},
    "alt_likert": {"da": "Stablede søjler (100%) for spørgsmål {n}, én pr. række.",
                   "en": "Stacked 100% bars for question {n}, one per row."},
    "alt_periods": {"da": "Søjlediagram for spørgsmål {n}, hver række pr. periode.",
                    "en": "Column chart for question {n}, each row by period."},
    "grid_fb_likert": {"da": "{row}: {answer} (alle: {pct})", "en": "{row}: {answer} (all: {pct})"},
    "grid_fb_number": {"da": "{row}: {n} (alle: {all})", "en": "{row}: {n} (all: {all})"},
    "table_caption_grid": {"da": "Tabel {n}: {title}", "en": "Table {n}: {title}"},
}


def s(key: str, lang: Lang, **values: object) -> str:
    """The phrase ``key`` in ``lang`` with its placeholders filled."""
    text = _S[key][lang]
    return text.format(**values) if values else text


def quote(label: str, lang: Lang) -> str:
    return f"{s('quote_open', lang)}{label}{s('quote_close', lang)}"


def join_list(items: list[str], lang: Lang, word: str = "and") -> str:
    """``a, b og c`` — Danish lists take no comma before the conjunction, English neither."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {s(word, lang)} {items[-1]}"
