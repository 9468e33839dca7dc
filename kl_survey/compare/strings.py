"""The comparison's words, Danish first; English is a translation of the Danish."""

from __future__ import annotations

from kl_survey.numbers import Lang

_S: dict[str, dict[str, str]] = {
    "title": {"da": "Sammenligning: {labels}", "en": "Comparison: {labels}"},
    "round_line": {"da": "{label}: {n} besvarelser ({file})",
                   "en": "{label}: {n} responses ({file})"},
    "panel_two": {"da": "Panel: {n} kommuner har svaret i begge runder",
                  "en": "Panel: {n} municipalities answered both rounds"},
    "panel_all": {"da": "Panel: {n} kommuner har svaret i alle {k} runder",
                  "en": "Panel: {n} municipalities answered all {k} rounds"},
    "entered": {"da": "Kom til i {label}: {names}", "en": "New in {label}: {names}"},
    "left": {"da": "Faldt fra i {label}: {names}", "en": "Dropped out in {label}: {names}"},
    "nobody": {"da": "ingen", "en": "none"},
    "unidentified": {"da": "{n} besvarelser i {label} har ingen kendt kommune og kan ikke "
                           "følges mellem runderne",
                     "en": "{n} responses in {label} have no known municipality and cannot "
                           "be followed between rounds"},
    "no_panel": {"da": "Panel: ingen kommune kan følges mellem runderne (ingen kommunekolonne)",
                 "en": "Panel: no municipality can be followed between rounds (no "
                       "municipality column)"},
    "only_in": {"da": "Kun i {label}: {items}", "en": "Only in {label}: {items}"},
    "only_item": {"da": "spørgsmål {n} ({id}) »{text}«", "en": "question {n} ({id}) “{text}”"},
    "heading": {"da": "Spørgsmål {n}: {text}", "en": "Question {n}: {text}"},
    "renumbered": {"da": "nr. {numbers}", "en": "no. {numbers}"},
    "reworded": {"da": "Formuleringen er ændret; en ændring kan skyldes den nye formulering:",
                 "en": "The wording has changed; a change may come from the new wording:"},
    "text_in": {"da": "{label}: »{text}«", "en": "{label}: “{text}”"},
    "change": {"da": "Ændring", "en": "Change"},
    "all": {"da": "alle", "en": "all"},
    "panel": {"da": "panel n={n}", "en": "panel n={n}"},
    "n": {"da": "n={n}", "en": "n={n}"},
    "missing": {"da": "–", "en": "–"},
    "not_compared": {"da": "Fritekst og tal sammenlignes ikke.",
                     "en": "Free text and numbers are not compared."},
    "switches": {"da": "Skift i panelet ({first} → {last}): {items}",
                 "en": "Switches in the panel ({first} → {last}): {items}"},
    "no_switches": {"da": "Ingen i panelet har skiftet svar ({first} → {last})",
                    "en": "Nobody in the panel changed answer ({first} → {last})"},
    "switch": {"da": "{k} »{a}« → »{b}«", "en": "{k} “{a}” → “{b}”"},
    "test": {"da": "Eksakt McNemar-test på panelet (ja / ikke ja): {yes} skiftede til ja, "
                   "{no} fra ja, p = {p}",
             "en": "Exact McNemar test on the panel (yes / not yes): {yes} switched to yes, "
                   "{no} from yes, p = {p}"},
    "and": {"da": "og", "en": "and"},
    "more": {"da": "{k} andre skift", "en": "{k} other switches"},
    "warning": {"da": "advarsel", "en": "warning"},
    # the report: key sentence, chart footer and alt text
    "largest_panel": {"da": "Den største ændring blandt de {n} kommuner, der har svaret i "
                            "begge runder, er »{label}«: fra {a} til {b} ({pp}).",
                      "en": "The largest change among the {n} municipalities that answered "
                            "both rounds is “{label}”: from {a} to {b} ({pp})."},
    "largest_all": {"da": "Den største ændring er »{label}«: fra {a} til {b} ({pp}).",
                    "en": "The largest change is “{label}”: from {a} to {b} ({pp})."},
    "unchanged": {"da": "Svarene er uændrede fra {first} til {last}.",
                  "en": "The answers are unchanged from {first} to {last}."},
    "reworded_note": {"da": "Spørgsmålet er formuleret anderledes end i {first}, så "
                            "ændringen kan skyldes formuleringen.",
                      "en": "The question was worded differently in {first}, so the "
                            "change may come from the wording."},
    "chart_bases": {"da": "Antal besvarelser: {items}", "en": "Number of responses: {items}"},
    "chart_change": {"da": "Ændring i procentpoint fra {first} til {last}, alle besvarelser",
                     "en": "Change in percentage points from {first} to {last}, all "
                           "responses"},
    "alt": {"da": "Vandrette søjlepar for spørgsmål {n}, {rounds}.",
            "en": "Paired horizontal bars for question {n}, {rounds}."},
    "since": {"da": "Udvikling siden {first}", "en": "Change since {first}"},
    "new_question": {"da": "Spørgsmålet blev ikke stillet i {rounds}.",
                     "en": "The question was not asked in {rounds}."},
    "table_caption": {"da": "Udvikling, spørgsmål {n}", "en": "Change, question {n}"},
    "f_compared": {"da": "Sammenlignet med", "en": "Compared with"},
    "f_round": {"da": "{label} ({n} deltagende)", "en": "{label} ({n} participating)"},
    "f_panel": {"da": "Panel", "en": "Panel"},
    "f_panel_text": {"da": "{n} kommuner har svaret i {rounds}; ændringerne i "
                           "nøglesætningerne gælder dem",
                     "en": "{n} municipalities answered {rounds}; the changes in the key "
                           "sentences are theirs"},
    "both": {"da": "begge runder", "en": "both rounds"},
    "every": {"da": "alle {k} runder", "en": "all {k} rounds"},
    "f_entered": {"da": "Kom til", "en": "New"},
    "f_left": {"da": "Faldt fra", "en": "Dropped out"},
    "f_only": {"da": "Kun i {label}", "en": "Only in {label}"},
}


def s(key: str, lang: Lang, **values: object) -> str:
    text = _S[key][lang]
    return text.format(**values) if values else text
