"""Write the spec inference would use, as a commented TOML file a person can edit.

Everything inference decided is written out explicitly (option order, which options
are "yes", the "Ved ikke" options, the base), so the unedited file reproduces the
inferred numbers exactly and every later change is a visible diff in git. Keys that
are not decided yet (short titles, chart kind, notes) are written as comments.
"""

from __future__ import annotations

import datetime as dt

import tomlkit
from tomlkit.items import Array, Table

from kl_survey.model import QType, Question, Survey, yes_options

HEADER = """\
kl-survey specifikation for {file}
Skrevet af `kl-survey init`. Ret den, og læg den i git ved siden af data:
  kl-survey analyze {file} --spec {spec}
  kl-survey validate {file} --spec {spec} --strict

Nøgler pr. [[question]] (svarmuligheder skrives som de står EFTER rename/merge):
  options    rækkefølgen af svarmulighederne
  yes        svarmuligheder der tæller som "ja" i overskriftsandelen
  dont_know  "Ved ikke"-svar; de tæller med i basen, medmindre base = "exclude"
  base       "answered" (dem der svarede), "respondents" (alle) eller "exclude"
             (dem der svarede, minus exclude; standard for exclude: dont_know)
  filter     { question = "q1", options = ["Ja"] }: basen er kun dem, der svarede Ja til q1
  merge      { "Ja" = ["Ja, helt", "Ja, delvist"] } slår svarmuligheder sammen
  rename     { "Gammelt navn" = "Nyt navn" } omdøber en svarmulighed
  title      kort titel til figurer;  chart: "bars", "stacked" eller "map" (kort)
  note       note under figuren
  hidden     true skjuler spørgsmålet i output
  other_of   (fritekstspørgsmål) vis svarene som "Andet"-tekst under et andet spørgsmål
  rows       (gitre) rækkernes navne; grid_columns: et talgitters kolonner (fx måneder)
  totals     (talgitre) "complete": Samlet over dem, der har udfyldt alle felter; "all":
             over alle svar. [[question.derived]] name/numerator/denominator: afledte tal

[report] maps = ["q1", "q5"] viser også de spørgsmål på et Danmarkskort i rapporten."""


def spec_text(survey: Survey, *, spec_name: str = "survey.toml", sheet: str | None = None,
              respondent_column: str | None = None) -> str:
    """The commented TOML for ``survey``. ``sheet`` is written only when it was chosen;
    the municipality column is the one the reader used, unless ``respondent_column``."""
    doc = tomlkit.document()
    header = HEADER.replace("{file}", survey.source.file).replace("{spec}", spec_name)
    for line in header.splitlines():
        doc.add(tomlkit.comment(line) if line else tomlkit.nl())
    doc.add(tomlkit.nl())
    doc.add("version", 1)
    doc.add("survey", _survey_table(survey, sheet))
    doc.add("respondents", _respondents_table(
        survey, respondent_column or survey.municipality_column))
    aot = tomlkit.aot()
    for q in survey.questions:
        aot.append(_question_table(q))
    doc.add("question", aot)
    return tomlkit.dumps(doc)


def _set(t: Table, key: str, value: object, comment: str | None = None) -> None:
    t.add(key, value)
    if comment:
        t[key].comment(comment)


def _placeholder(t: Table, key: str, example: str, comment: str) -> None:
    t.add(tomlkit.comment(f"{key} = {example}  # {comment}"))


def _survey_table(survey: Survey, sheet: str | None) -> Table:
    meta = survey.meta
    t = tomlkit.table()
    values = {
        "title": (meta.title, '""', "rapportens titel"),
        "round": (meta.round, '"Maj 2025"', "runden, som den skrives i rapporten"),
        "date": (_date(meta.date), "2025-05-19", "rundens dato"),
        "credit": (meta.credit, '"Kilde: KL\'s rundspørge blandt kommunerne"',
                   "kildelinjen under figurerne"),
    }
    for key, (value, example, comment) in values.items():
        if value:
            _set(t, key, value, comment)
        else:
            _placeholder(t, key, example, comment)
    _set(t, "unit", meta.unit)
    _set(t, "source", survey.source.format,
         "eksportens format; bruges når formatet ikke kan genkendes")
    if sheet:
        _set(t, "sheet", sheet, "arket der læses")
    elif survey.source.sheet:
        _placeholder(t, "sheet", f'"{survey.source.sheet}"',
                     "arket der læses (standard: det første med data)")
    _set(t, "file", survey.source.file, "eksporten specifikationen er skrevet ud fra")
    return t


def _date(value: str | None) -> dt.date | str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _respondents_table(survey: Survey, column: str | None) -> Table:
    t = tomlkit.table()
    if column:
        _set(t, "column", column, "kolonnen med kommunen")
    else:
        _placeholder(t, "column", '"Kommune"', "kolonnen med kommunen")
    _set(t, "population", "alle",
         'alle 98 kommuner; eller en liste af kommunekoder, fx [101, 147]')
    return t


def _strings(values: tuple[str, ...] | list[str]) -> Array:
    arr = tomlkit.array()
    arr.extend(values)
    if len(values) > 1 or sum(len(v) for v in values) > 60:
        arr.multiline(True)
    return arr


def _question_table(q: Question) -> Table:
    t = tomlkit.table()
    _set(t, "id", q.id)
    _set(t, "number", q.number)
    _set(t, "text", q.text)
    if q.title:
        _set(t, "title", q.title, "kort titel til figurer")
    else:
        _placeholder(t, "title", '""', "kort titel til figurer")
    _set(t, "type", q.type.value, "single | multi | numeric | text | grid | numeric_grid")
    _set(t, "columns", _strings(q.columns))
    if q.type in (QType.GRID, QType.NUMERIC_GRID):
        _set(t, "rows", _strings(q.rows), "rækkerne i rækkefølge")
    if q.type is QType.NUMERIC_GRID:
        if q.grid_columns:
            _set(t, "grid_columns", _strings(q.grid_columns), "kolonnerne i rækkefølge")
        _set(t, "totals", q.totals, "complete (dem der har udfyldt alle felter) | all")
    if q.type in (QType.SINGLE, QType.MULTI, QType.GRID):
        _choice_keys(t, q)
    for key, example, comment in (("chart", '"bars"', "bars | stacked | map"),
                                  ("note", '""', "note under figuren")):
        value = getattr(q, key)
        if value:
            _set(t, key, value, comment)
        else:
            _placeholder(t, key, example, comment)
    _set(t, "hidden", q.hidden)
    return t


def _choice_keys(t: Table, q: Question) -> None:
    _set(t, "options", _strings(q.options))
    _set(t, "yes", _strings(yes_options(q)), 'tæller som "ja"')
    _set(t, "dont_know", _strings(q.dont_know))
    _set(t, "base", q.base.kind, "answered | respondents | exclude")
    if q.base.kind == "exclude":
        _set(t, "exclude", _strings(q.base.exclude))
    if q.base.filter is not None:
        flt = tomlkit.inline_table()
        flt.update({"question": q.base.filter.question,
                    "options": list(q.base.filter.options)})
        _set(t, "filter", flt)
