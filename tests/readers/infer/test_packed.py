"""Options packed into one cell: recovering the labels, and telling lists from prose."""

from __future__ import annotations

import pandas as pd

from kl_survey.readers.infer import Column
from kl_survey.readers.infer.packed import (
    MIN_FOR_OTHER,
    find_list,
    form_order,
    is_list,
    joined_multi,
    split_cells,
)


def _col(values: list[str | None]) -> Column:
    return Column.of(0, "Q", pd.Series(values, dtype="str"))


def _cells(values: list[str | None], sep: str = ", ") -> list[list[str]]:
    c = split_cells(_col(values), sep)
    return [c.units[k] if k >= 0 else [] for k in c.codes]


def test_lower_case_after_comma_continues_the_label() -> None:
    assert _cells(["Ja, til PPR, Ja, til sundhedsplejen, Aula", None]) == [
        ["Ja, til PPR", "Ja, til sundhedsplejen", "Aula"], []]


def test_a_lower_case_piece_given_on_its_own_elsewhere_is_an_option() -> None:
    """Lower-case labels ("yellow, black") are options when another cell holds them alone."""
    assert _cells(["yellow, black", "black", "yellow"]) == [["yellow", "black"], ["black"],
                                                             ["yellow"]]


def test_space_after_comma_continues_with_qualtrics_separator() -> None:
    assert _cells(["Ja, til PPR,Aula,Nej, ikke endnu"], sep=",") == [
        ["Ja, til PPR", "Aula", "Nej, ikke endnu"]]


def test_qualtrics_lower_case_options_are_split() -> None:
    """Regression: ``yellow,black`` was glued into one label (real Qualtrics export)."""
    assert _cells(["yellow,black", "black,green,blue,red", "green"], sep=",") == [
        ["yellow", "black"], ["black", "green", "blue", "red"], ["green"]]


def test_semicolons_split_plainly_and_trailing_semicolon_is_ignored() -> None:
    assert _cells(["Aula;andet ting;", "Aula;"], sep=";") == [["Aula", "andet ting"], ["Aula"]]


def test_capital_after_comma_in_a_single_choice_is_one_label() -> None:
    values = ["Ja, KL's anbefaling", "Nej", "Ja, KL's anbefaling", "Ved ikke"]
    cells = split_cells(_col(values), ", ")
    assert not is_list(cells)
    assert sorted(u[0] for u in cells.units) == ["Ja, KL's anbefaling", "Nej", "Ved ikke"]


def test_a_rare_option_with_the_same_companion_is_not_merged() -> None:
    values = ["Aula, Sundhed.dk", "Aula, Sundhed.dk", "Aula", "Hjemmeside", "Hjemmeside, Aula"]
    cells = split_cells(_col(values), ", ")
    assert is_list(cells)
    frame, _ = joined_multi(cells)
    assert frame.sum().to_dict() == {"Hjemmeside": 2, "Aula": 4, "Sundhed.dk": 2}


def test_form_order_is_recovered_from_cells() -> None:
    assert form_order([["B", "C"], ["A", "B"], ["C"], ["A", "D"], ["D", "C"]]) == [
        "A", "B", "D", "C"]


def test_one_off_trailing_answer_is_other_text_once_there_are_enough_answers() -> None:
    values = ["Aula, Hjemmeside"] * (MIN_FOR_OTHER - 2) + ["Aula, Lokalavisen, Facebook",
                                                            "Hjemmeside", None]
    frame, other = joined_multi(split_cells(_col(values), ", "))
    assert list(frame.columns) == ["Aula", "Hjemmeside", "Andet"]
    assert frame["Andet"].sum() == 1 and frame["Aula"].sum() == MIN_FOR_OTHER - 1
    assert other.dropna().tolist() == ["Lokalavisen, Facebook"]
    assert len(frame) == len(other) == len(values)
    assert not frame.iloc[-1].any()


def test_free_text_with_commas_is_not_a_multi_select() -> None:
    values = [f"Svar nummer {i}, med komma, og mere" for i in range(40)]
    assert find_list(_col(values), (";", ", ")) is None


def test_places_that_share_a_few_words_are_not_options() -> None:
    """Regression (real Google Forms export): "Virginia, USA" and "CA, USA" share pieces,
    but a third of the pieces are one-offs, so the birthplace column is free text."""
    values = (["Virginia"] * 21 + ["United States"] * 5 + ["Maryland"] * 5
              + ["Virginia, USA"] * 2 + ["VA, USA"] * 2 + ["CA, USA", "Texas", "China",
                                                           "Ohio, United States", "Peru",
                                                           "New Jersey", "Utah", "Oregon",
                                                           "Kenya", "India", "Chile, Santiago",
                                                           "Nepal", "Iowa", "Maine", "Idaho"])
    assert find_list(_col(values), (";", ", ")) is None


def test_a_forms_cell_ending_with_the_separator_is_a_list_even_of_one() -> None:
    cells = find_list(_col(["Aula;", "Hjemmeside;", "Aula;", None]), (";",))
    assert cells is not None
    assert joined_multi(cells)[0].sum().to_dict() == {"Aula": 2, "Hjemmeside": 1}
