"""Breakdown tables as text: terminal, Markdown and the xlsx sheet agree, "–" included."""

import io

import pytest
from rich.console import Console

from kl_survey.census import Bounds, Interval
from kl_survey.extras import Extras, extend
from kl_survey.output import breakdown_tables as bt
from kl_survey.output import census_text as ct
from kl_survey.pipeline import run

from paths import EXAMPLE


@pytest.fixture(scope="module")
def example() -> tuple:
    return run(EXAMPLE)


def _by_region(example: tuple, **kw: object):  # type: ignore[no-untyped-def]
    a, loaded = example
    return extend(a, loaded.survey, Extras(by="region", **kw), loaded.spec)[0]  # type: ignore[arg-type]


def _terminal(block: object) -> str:
    console = Console(width=100, record=True, file=io.StringIO(), force_terminal=False)
    console.print(block)
    return console.export_text()


def test_formats() -> None:
    assert ct.bounds_text(Bounds(92, 95, 98)) == "93,9%–96,9%"
    assert ct.bounds_text(Bounds(92, 95, 98), "en") == "93.9%–96.9%"
    assert ct.ci_text(Interval(0.96162, 95 / 98)) == "96,2%–96,9%"
    assert ct.ci_text(Interval(0.0, 0.00049)) == "0,0%–0,0%"
    assert ct.group_heading("Nordjylland", 10) == "Nordjylland (n=10)"


def test_grid_by_region_rows_are_groups_with_their_n(example: tuple) -> None:
    header, rows = bt.grid(_by_region(example).questions[0])
    assert header[0] == "Region" and header[-1] == "Ja i alt"
    assert [r[0] for r in rows] == ["Hovedstaden (n=28)", "Sjælland (n=17)",
                                    "Syddanmark (n=22)", "Midtjylland (n=18)",
                                    "Nordjylland (n=10)", "I alt (n=95)"]
    assert rows[0][1] == "60,7% (17)" and rows[-1][-1] == "96,8% (92)"


def test_withheld_groups_print_a_dash_and_the_note_says_why(example: tuple) -> None:
    r = _by_region(example, min_base=11).questions[0]
    _, rows = bt.grid(r)
    north = rows[4]
    assert north[0] == "Nordjylland (n=10)" and set(north[1:]) == {"–"}
    assert set(rows[1][1:]) == {"–"}  # Sjælland, the secondary cell
    text = _terminal(bt.rich_block(r))
    assert "Færre end 11 besvarelser" in text and "stabile tal" in text
    assert "Sjælland er også skjult (sekundær diskretionering)" in text
    md = "\n".join(bt.markdown(r))
    assert "| Nordjylland (n=10) | – | – | – | – | – |" in md
    assert "– Færre end 11 besvarelser." in md


def test_privacy_wording_for_people_and_english() -> None:
    from kl_survey.breakdown import Breakdown, GroupResult

    def group(label: str, base: int, mark: str | None) -> GroupResult:
        return GroupResult(label, None, base, base, (), None, mark)  # type: ignore[arg-type]

    b = Breakdown("q1", "Køn", 5, "privacy", False,
                  (group("Kvinde", 40, None), group("Mand", 3, "primary"),
                   group("Andet", 6, "secondary")))
    assert ct.breakdown_notes(b) == [
        "– Færre end 5 besvarelser. Grænsen beskytter de enkelte svarpersoners fortrolighed.",
        "Andet er også skjult (sekundær diskretionering), så Mand ikke kan regnes ud fra "
        "totalen."]
    assert ct.breakdown_notes(b, "en")[0] == (
        "– Fewer than 5 responses. The threshold protects the privacy of individual "
        "respondents.")
    assert ct.breakdown_notes(Breakdown("q1", "Køn", 5, "privacy", False, ())) == []


def test_ranges_table_only_when_asked(example: tuple) -> None:
    assert bt.ranges_grid(_by_region(example).questions[0]) == ([], [])
    r = _by_region(example, bounds=True, ci=True).questions[0]
    header, rows = bt.ranges_grid(r)
    assert header == ["Region", "Ja i alt", "Grænser", "95%-interval"]
    assert rows[-1][:3] == ["I alt (n=95)", "96,8% (92)", "93,9%–96,9%"]
    assert rows[4][2] == "90,9%–100,0%"  # Nordjylland: 10 of 11, Læsø did not answer


def test_xlsx_rows_write_dash_as_text_and_real_numbers(example: tuple) -> None:
    from decimal import Decimal

    a = _by_region(example, min_base=11, bounds=True)
    assert bt.xlsx_header("da")[8:12] == ["antal", "andel_pct_afrundet",
                                          "andel_brøk_præcis", "skjult"]
    assert bt.sheet_name(a, "da") == "Fordeling"
    rows = bt.xlsx_rows(a)
    north = [row for row in rows if row[0] == "q1" and row[4] == "Nordjylland"]
    assert north and all(row[8:12] == ["–", "–", "–", "primær"] for row in north)
    first = next(row for row in rows if row[0] == "q1" and row[4] == "Hovedstaden")
    assert first[5:12] == [29, 28, "Ja, helt i drift", 17, Decimal("60.7"), 17 / 28, None]
    assert first[12:14] == [17 / 29, 18 / 29]  # Vallensbæk did not answer
    total_yes = next(row for row in rows if row[0] == "q1" and row[4] == "I alt"
                     and row[7] == "Ja i alt")
    assert total_yes[8:] == [92, Decimal("96.8"), 92 / 95, None, 92 / 98, 95 / 98, None,
                             None]


def test_xlsx_rows_for_bounds_alone_and_nothing_without_extras(example: tuple) -> None:
    a, loaded = example
    assert bt.xlsx_rows(a) == []
    bounded = extend(a, loaded.survey, Extras(bounds=True))[0]
    assert bt.sheet_name(bounded, "da") == "Grænser"
    assert {row[4] for row in bt.xlsx_rows(bounded)} == {"I alt"}


def test_key_sentence_and_method_notes(example: tuple) -> None:
    a, loaded = example
    b = extend(a, loaded.survey, Extras(bounds=True, ci=True))[0]
    assert ct.key_sentence(b, b.questions[0]) == (
        "Uanset hvad de 3 kommuner, der ikke har svaret, ville have svaret, ligger andelen "
        "mellem 93,9% og 96,9%.")
    notes = ct.method_notes(b)
    assert notes[0].startswith("Grænser: andelen blandt alle 98 kommuner")
    assert "Wilson med endelighedskorrektion (wilson-fpc)" in notes[1]
    assert ct.key_sentence(a, a.questions[0]) is None and ct.method_notes(a) == []


def test_long_group_names_never_squeeze_the_numbers_away_at_80_columns(example: tuple) -> None:
    # --by q1 has a 53-character group name; at a terminal's 80 columns the numbers
    # were squeezed to zero width and the table showed empty cells
    a, loaded = example
    r = extend(a, loaded.survey, Extras(by="q1"), loaded.spec)[0].questions[1]
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=False)
    console.print(bt.rich_block(r))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    _, rows = bt.grid(r)
    for row in rows:
        for cell in row[1:]:
            assert cell.split(" ")[0] in text  # every share (or "–") is on the screen
    assert "86,7%" in text and "(52)" in text and "Ja, helt" in text
