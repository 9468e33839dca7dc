"""The words survey exports use, defined once: ticks, "Andet", "Ved ikke", metadata headers.

Every reader, the model and the report ask here, so a word added for one tool (German
``Zeitstempel``, ``N/A`` from LimeSurvey) is understood by all of them. Words are kept
case-folded; compare with :func:`key`. Nothing here imports the rest of the package.
"""

from __future__ import annotations

import re


def key(text: object) -> str:
    """How a label or header is compared: whitespace folded, case-folded."""
    return " ".join(str(text).replace("\u00a0", " ").split()).casefold()


def _keys(*words: str) -> frozenset[str]:
    return frozenset(key(w) for w in words)


# ---------------------------------------------------------------- ticks

#: A tick column's cell meaning "chosen" (the option's own label counts too).
TICKED = _keys("x", "1", "1.0", "ja", "valgt", "y", "yes", "true", "sand", "checked",
               "selected", "wahr", "ausgewählt")
#: ... and meaning "not chosen". LimeSurvey writes ``N/A`` where the question was not
#: shown, so it is no answer either: never an option, never in the base.
NOT_TICKED = _keys("", "0", "0.0", "nej", "ikke valgt", "n", "no", "false", "falsk",
                   "unchecked", "not selected", "-", "n/a", "nicht ausgewählt", "falsch",
                   "nein")

# ---------------------------------------------------------------- options

#: Words that open an "Other, please specify" option, in the Nordic languages, English
#: and German.
OTHER_HEADS = ("andet", "anden", "andre", "annet", "annen", "annat", "andra", "other",
               "øvrig", "øvrige", "sonstige", "sonstiges", "andere")
#: The label an "Other" option gets when the export writes only the free text.
OTHER_LABEL = "Andet"
_FIRST_WORD = re.compile(r"[\w']+")


def first_word(label: str) -> str:
    m = _FIRST_WORD.match(label.strip().casefold())
    return m.group(0) if m else ""


def is_other(label: str) -> bool:
    """"Andet", "Andet, angiv", "Other (please specify)", "Sonstiges:"."""
    return first_word(label) in OTHER_HEADS


#: "Ved ikke"-style answers: kept in the base unless the spec says otherwise.
DONT_KNOW = _keys("ved ikke", "ved ikke/ønsker ikke at svare", "don't know", "dont know",
                  "do not know", "vet ikke", "vet inte", "weiß nicht", "weiss nicht",
                  "ønsker ikke at svare", "prefer not to say", "keine angabe")


def is_dont_know(label: str) -> bool:
    """Whether an option is a "Ved ikke"-style answer (kept in the base by default)."""
    return key(label).rstrip(".") in DONT_KNOW


#: Rating scales as questionnaires list them, strongest first. Forms and hand-built
#: sheets carry no option order; a grid's bars must still come in scale order.
SCALES: tuple[tuple[str, ...], ...] = tuple(tuple(key(w) for w in scale) for scale in (
    ("I meget høj grad", "I høj grad", "I nogen grad", "I mindre grad", "I lav grad",
     "I meget lav grad", "I ringe grad", "Slet ikke", "I meget ringe grad"),
    ("Helt enig", "Meget enig", "Enig", "Delvist enig", "Overvejende enig",
     "Hverken enig eller uenig", "Hverken/eller", "Overvejende uenig", "Delvist uenig",
     "Uenig", "Meget uenig", "Helt uenig"),
    ("Meget tilfreds", "Tilfreds", "Hverken tilfreds eller utilfreds", "Utilfreds",
     "Meget utilfreds"),
    ("Meget godt", "Godt", "Hverken godt eller dårligt", "Dårligt", "Meget dårligt"),
    ("Meget stor", "Stor", "Middel", "Nogen", "Lille", "Meget lille", "Ingen"),
    ("Altid", "Ofte", "Nogle gange", "Sjældent", "Aldrig"),
    ("Strongly agree", "Agree", "Somewhat agree", "Neither agree nor disagree", "Neutral",
     "Somewhat disagree", "Disagree", "Strongly disagree"),
    ("Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied",
     "Very dissatisfied"),
    ("To a great extent", "To some extent", "To a small extent", "Not at all"),
    ("Always", "Often", "Sometimes", "Rarely", "Never"),
))


def scale_rank(labels: list[str]) -> dict[str, int] | None:
    """Each label's place on the one known scale holding all of them (answers such
    as "Ved ikke" and "Andet" aside, which the caller puts last); None otherwise."""
    words = [x for x in labels if not is_dont_know(x) and not is_other(x)]
    for scale in SCALES:
        if words and all(key(x) in scale for x in words):
            return {x: scale.index(key(x)) for x in words}
    return None


#: First words of affirmative and negative options ("Ja, helt i drift", "Nej, ikke endnu").
YES_HEADS = ("ja", "yes")
NO_HEADS = ("nej", "no", "none", "ingen")

# ---------------------------------------------------------------- numbers

#: Words that mark a number as an estimate: "ca. 20", "cirka 20", "omkring 20", "~20".
#: The number is counted and ``validate`` lists it as approximate.
APPROXIMATE = ("ca.", "ca", "cirka", "circa", "omkring", "ungefär", "approx.", "approx",
               "approximately", "about", "around", "~", "≈")
_APPROX = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in APPROXIMATE) + r")(?=[\s\d~])\s*"
                     r"|^\s*[~≈]\s*", re.I)


def strip_approximate(text: str) -> str | None:
    """The rest of ``text`` after an approximation word ("ca. 20" → "20"); None when
    it has none."""
    m = _APPROX.match(text)
    return text[m.end():] if m and text[m.end():].strip() else None


# ---------------------------------------------------------------- metadata headers

#: Bookkeeping columns of hand-built sheets and of any tool: never questions.
METADATA = _keys(
    "id", "respondent", "respondent id", "respondentid", "svar-id", "løbenummer",
    "timestamp", "tidsstempel", "zeitstempel", "start time", "completion time",
    "starttidspunkt", "fuldførelsestidspunkt", "email", "e-mail", "mail", "name", "navn",
    "last modified time", "tidspunkt for seneste ændring", "dato", "date", "datum",
    "region", "status",
)

MSFORMS_METADATA = _keys(
    "id", "start time", "completion time", "email", "name", "last modified time",
    "starttidspunkt", "fuldførelsestidspunkt", "mail", "navn", "tidspunkt for seneste ændring",
    "e-mail", "total points", "quiz feedback", "point i alt", "samlet antal point",
    "quizfeedback", "startzeit", "fertigstellungszeit", "e-mail-adresse",
    "zeitpunkt der letzten änderung", "gesamtpunktzahl", "quizfeedback",
)
GOOGLEFORMS_STAMP = _keys("timestamp", "tidsstempel", "tidsstempling", "zeitstempel",
                          "marca temporal", "horodateur", "tidsstämpel")
GOOGLEFORMS_METADATA = GOOGLEFORMS_STAMP | _keys(
    "email address", "e-mailadresse", "mailadresse", "e-mail-adresse", "score", "point",
    "resultat", "punktzahl")
LIMESURVEY_CODES = _keys("id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
                         "datestamp", "ipaddr", "refurl", "token", "interviewtime")
LIMESURVEY_METADATA = LIMESURVEY_CODES | _keys(
    "response id", "answer id", "date submitted", "last page", "start language", "seed",
    "date started", "date last action", "ip address", "referrer url", "token", "total time",
    "svar-id", "svar id", "dato indsendt", "indsendt", "sidste side", "startsprog",
    "dato startet", "startdato", "dato for sidste handling", "sidste handling", "ip-adresse",
    "henvisnings-url", "henvisende url", "adgangsnøgle", "samlet tid", "antwort id",
    "antwort-id", "datum abgeschickt", "letzte seite", "start-sprache", "startsprache",
    "datum gestartet", "datum letzte aktivität", "ip-adresse", "referrer-url", "zugangsschlüssel",
    "gesamtzeit")
QUALTRICS_METADATA = _keys(
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
    "Finished", "RecordedDate", "ResponseId", "ResponseID", "RecipientLastName",
    "RecipientFirstName", "RecipientEmail", "ExternalReference", "ExternalDataReference",
    "LocationLatitude", "LocationLongitude", "LocationAccuracy", "DistributionChannel",
    "UserLanguage", "ResponseSet", "Name", "EmailAddress",
)
SURVEYMONKEY_METADATA = _keys(
    "respondent id", "collector id", "start date", "end date", "ip address", "email address",
    "first name", "last name", "custom data 1", "custom data", "respondent-id", "indsamler-id",
    "startdato", "slutdato", "ip-adresse", "e-mailadresse", "fornavn", "efternavn",
    "brugerdefinerede data 1", "tilpassede data 1", "befragten-id", "collector-id",
    "startdatum", "enddatum", "e-mail-adresse", "vorname", "nachname",
    "benutzerdefinierte daten 1",
)
#: SurveyXact's respondent bookkeeping and contact variables (Danish, Norwegian, Swedish).
SURVEYXACT_METADATA = _keys(
    "respondent", "responde", "respondentid", "closetime", "closetim", "starttime", "starttim",
    "email", "e-mail", "mail", "name", "navn", "id", "orgnr", "forn", "ettern", "fornavn",
    "efternavn", "fornamn", "efternamn", "mobil", "telefon", "cpr", "survey",
    "distributiontime", "distribut",
)

# ---------------------------------------------------------------- the municipality

#: A column headed like this holds the respondent's municipality, whatever its values
#: (a misspelt name is then reported, not taken for an answer).
MUNICIPALITY_HEADERS = _keys(
    "kommune", "kommunenavn", "kommunekode", "kommunenummer", "kommunenr", "kommunenr.",
    "kommune-nr", "kommunens navn", "kommune (navn)", "kommune (kode)", "din kommune",
    "municipality", "municipality name", "municipality code", "gemeinde", "kommun",
)


def is_municipality_header(header: str) -> bool:
    return key(header) in MUNICIPALITY_HEADERS


#: every tool's bookkeeping headers at once (what no reader reads as a question)
ANY_METADATA = (METADATA | MSFORMS_METADATA | GOOGLEFORMS_METADATA | LIMESURVEY_METADATA
                | QUALTRICS_METADATA | SURVEYMONKEY_METADATA | SURVEYXACT_METADATA)


def is_metadata(header: str, tool: frozenset[str] = frozenset()) -> bool:
    """Whether a header names a bookkeeping column rather than a question: one of any
    tool's (:data:`METADATA`) or of the exporting tool's own (``tool``, keys)."""
    k = key(header)
    return k in METADATA or k in tool
