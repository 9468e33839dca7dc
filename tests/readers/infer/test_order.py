"""Options the source gives no order for are ordered as a questionnaire would."""

from kl_survey.readers.infer import dont_know_options, order_options


def test_ja_first_then_others_then_nej_andet_ved_ikke() -> None:
    labels = ["Ved ikke", "Nej", "Andet, angiv", "Måske", "Ja, helt"]
    assert order_options(labels) == ("Ja, helt", "Måske", "Nej", "Andet, angiv", "Ved ikke")


def test_frequency_orders_within_a_group_and_codes_sort_by_value() -> None:
    assert order_options(["B", "A"], {"A": 5, "B": 2}) == ("A", "B")
    assert order_options(["10", "2", "1"]) == ("1", "2", "10")


def test_dont_know_options() -> None:
    assert dont_know_options(("Ja", "Ved ikke", "Don't know.")) == ("Ved ikke", "Don't know.")
