"""Recovering options from joined multi-select cells, shared by the form-tool readers."""

from __future__ import annotations

import pandas as pd

from kl_survey.readers.common_forms import (
    MIN_FOR_OTHER,
    Numberer,
    form_order,
    joined_multi,
    plausible_multi,
    split_cells,
)


def _cells(values: list[str | None], sep: str = ", ", glue: bool = True) -> list[list[str]]:
    c = split_cells(pd.Series(values, dtype="str"), sep, glue=glue)
    return [c.units[k] if k >= 0 else [] for k in c.codes]


def test_lower_case_after_comma_continues_the_label() -> None:
    assert _cells(["Ja, til PPR, Ja, til sundhedsplejen, Aula", None]) == [
        ["Ja, til PPR", "Ja, til sundhedsplejen", "Aula"], []]


def test_space_after_comma_continues_with_qualtrics_separator() -> None:
    assert _cells(["Ja, til PPR,Aula,Nej, ikke endnu"], sep=",") == [
        ["Ja, til PPR", "Aula", "Nej, ikke endnu"]]


def test_semicolons_split_plainly_and_trailing_semicolon_is_ignored() -> None:
    assert _cells(["Aula;andet ting;", "Aula;"], sep=";", glue=False) == [
        ["Aula", "andet ting"], ["Aula"]]


def test_capital_after_comma_in_a_single_choice_is_one_label() -> None:
    values = ["Ja, KL's anbefaling", "Nej", "Ja, KL's anbefaling", "Ved ikke"]
    cells = split_cells(pd.Series(values, dtype="str"), ", ")
    assert not plausible_multi(cells)
    assert sorted(u[0] for u in cells.units) == ["Ja, KL's anbefaling", "Nej", "Ved ikke"]


def test_a_rare_option_with_the_same_companion_is_not_merged() -> None:
    values = ["Aula, Sundhed.dk", "Aula, Sundhed.dk", "Aula", "Hjemmeside", "Hjemmeside, Aula"]
    cells = split_cells(pd.Series(values, dtype="str"), ", ")
    assert plausible_multi(cells)
    frame, _ = joined_multi(cells, ", ")
    assert frame.sum().to_dict() == {"Hjemmeside": 2, "Aula": 4, "Sundhed.dk": 2}


def test_form_order_is_recovered_from_cells() -> None:
    assert form_order([["B", "C"], ["A", "B"], ["C"], ["A", "D"], ["D", "C"]]) == [
        "A", "B", "D", "C"]


def test_one_off_trailing_answer_is_other_text_once_there_are_enough_answers() -> None:
    values = ["Aula, Hjemmeside"] * (MIN_FOR_OTHER - 2) + ["Aula, Lokalavisen, Facebook",
                                                            "Hjemmeside", None]
    frame, other = joined_multi(split_cells(pd.Series(values, dtype="str"), ", "), ", ")
    assert list(frame.columns) == ["Aula", "Hjemmeside", "Andet"]
    assert frame["Andet"].sum() == 1 and frame["Aula"].sum() == MIN_FOR_OTHER - 1
    assert other.dropna().tolist() == ["Lokalavisen, Facebook"]
    assert len(frame) == len(other) == len(values)
    assert not frame.iloc[-1].any()


def test_free_text_with_commas_is_not_a_multi_select() -> None:
    values = [f"Svar nummer {i}, med komma, og mere" for i in range(40)]
    assert not plausible_multi(split_cells(pd.Series(values, dtype="str"), ", "))


def test_numberer_uses_prefixes_when_free() -> None:
    n = Numberer()
    got = [n.next(t) for t in ["2. To", "Uden nummer", "2. Igen", "Spm. 7: Syv"]]
    # as the generic reader: an unnumbered question takes its position, or the next free
    assert got == [(2, "To"), (3, "Uden nummer"), (4, "Igen"), (7, "Syv")]
