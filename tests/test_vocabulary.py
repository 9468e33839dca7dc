"""One vocabulary: every reader, the model and the report use these words."""

from kl_survey import vocabulary as v
from kl_survey.model import is_dont_know
from kl_survey.report.order import is_other


def test_words_are_compared_folded() -> None:
    assert v.key("  Ved\u00a0IKKE ") == "ved ikke"
    assert v.is_dont_know("Ved ikke.") and is_dont_know("Weiß nicht")
    assert v.is_other("Andet, angiv") and v.is_other("Other (please specify)")
    assert not v.is_other("Andelsboliger")
    assert is_other("Sonstiges:")  # the report asks the same vocabulary


def test_tick_words_do_not_overlap() -> None:
    assert not v.TICKED & v.NOT_TICKED
    assert {"checked", "x", "1"} <= v.TICKED and {"n/a", "unchecked", ""} <= v.NOT_TICKED


def test_metadata_and_municipality_headers() -> None:
    assert v.is_metadata("Tidsstempel") and v.is_metadata("Collector ID", v.SURVEYMONKEY_METADATA)
    assert not v.is_metadata("Kommune")  # issue 10 #3: a Kommune column is data
    assert v.is_municipality_header("Kommunenavn") and v.is_municipality_header("Municipality")
    assert {"answer id", "antwort id", "date submitted"} <= v.LIMESURVEY_METADATA
