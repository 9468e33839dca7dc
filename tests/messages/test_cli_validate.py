"""``kl-survey validate``'s data checks in Danish and with ``--lang en``.

The checks of ``kl_survey/validate.py`` (municipalities, coverage, answers) as the JSON
report gives them: the same issues in the same order in both languages, each message and
hint in the chosen language, English ones without Danish words once the data (names,
answers) is taken out.
"""

from __future__ import annotations

import json
from typing import Any

from languages import danish_words, runner

from kl_survey import municipalities as mun
from kl_survey.cli import app

from paths import DATA, EXAMPLE_DIR

#: municipalities and regions: data in the messages below, not the messages' own words
PLACES = [m.name for m in mun.register()] + list(mun.REGIONS)


def _issues(args: list[str], lang: str) -> list[dict[str, Any]]:
    res = runner.invoke(app, ["validate", *args, "-f", "json", "--lang", lang],
                        env={"KL_SURVEY_LANG": ""})
    assert res.exit_code == 1, res.output
    return list(json.loads(res.stdout)["issues"])


def _both(args: list[str], data: list[str]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """``{code: (Danish issue, English issue)}`` (the first of each code); the English
    messages and hints are free of Danish words."""
    da, en = _issues(args, "da"), _issues(args, "en")
    assert [i["code"] for i in da] == [i["code"] for i in en]
    for issue in en:
        for text in (issue["message"], issue.get("hint", "")):
            assert not danish_words(text, data), text
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for a, b in zip(da, en, strict=True):
        out.setdefault(a["code"], (a, b))
    return out


def test_municipalities_an_unknown_name_with_a_suggestion_and_the_coverage() -> None:
    found = _both([str(EXAMPLE_DIR / "besvarelser-med-fejl.csv")],
                  ["Kobenhavn", *PLACES])
    da, en = found["municipality-unknown"]
    assert (da["message"], da["hint"]) == (
        "Ukendt kommune 'Kobenhavn' (række 5) — mente du København (101)?",
        "Ret navnet i eksporten til fx 'København' eller kommunekoden 101")
    assert (en["message"], en["hint"]) == (
        "Unknown municipality 'Kobenhavn' (row 5) — did you mean København (101)?",
        "Correct the name in the export to, for example, 'København' or the municipality "
        "code 101")
    da, en = found["non-respondents"]
    assert da["message"].startswith("5 af 98 kommuner har ikke svaret: København (101), ")
    assert en["message"].startswith("5 of 98 municipalities have not answered: København "
                                     "(101), ")
    da, en = found["response-rate-by-region"]
    assert da["message"].startswith("Svarprocent pr. region: Hovedstaden 27/29 (93,1%); ")
    assert en["message"].startswith("Response rate by region: Hovedstaden 27/29 (93.1%); ")


def test_answers_numbers_that_cannot_be_read() -> None:
    found = _both([str(DATA / "grids" / "bad-numbers.csv")],
                  ["12-15", "ca. 20", "—", *PLACES])
    da, en = found["numeric-unparsed"]
    assert (da["message"], da["hint"]) == (
        "1 svar i spørgsmål 1 (q1) kan ikke læses som tal: '12-15' (række 3)",
        "Skriv tallet uden tekst, fx 1.234,5 eller 12; ellers tæller svaret ikke med")
    assert (en["message"], en["hint"]) == (
        "1 answer in question 1 (q1) cannot be read as a number: '12-15' (row 3)",
        "Write the number without text, for example 1.234,5 or 12; otherwise the answer "
        "does not count")
    da, en = found["numeric-approximate"]  # the builder's warning, in the same report
    assert da["message"] == ("1 tal i spørgsmål q1 er et skøn (fx »ca. 20«) og er talt med "
                             "som tallet (række 11)")
    assert en["message"] == ("1 number in question q1 is an estimate (for example “ca. 20”) "
                             "and was counted as the number (row 11)")
