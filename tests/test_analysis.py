import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_survey.analysis import NumericStats, analyse, numeric_stats
from kl_survey.model import BaseRule, Filter, QType, Question, SourceInfo, Survey

SRC = SourceInfo(file="t.xlsx", format="generic", sha256="0" * 64)


def _survey(questions: list[Question], answers: dict, n: int) -> Survey:
    resp = pd.DataFrame({"row": range(2, n + 2), "complete": [True] * n})
    return Survey(source=SRC, questions=tuple(questions), respondents=resp, answers=answers)


def _single(values: list[str | None], options: tuple[str, ...]) -> pd.Series:
    return pd.Series(pd.Categorical(values, categories=list(options)))


def test_single_counts_shares_and_default_yes() -> None:
    opts = ("Ja, helt i drift", "Ja, delvist i drift", "Nej", "Ved ikke")
    q = Question("q1", 1, "Er tilbuddet i drift?", QType.SINGLE, opts)
    vals = ["Ja, helt i drift"] * 6 + ["Ja, delvist i drift"] * 3 + ["Nej", "Ved ikke", None]
    r = analyse(_survey([q], {"q1": _single(vals, opts)}, len(vals))).questions[0]
    assert (r.base, r.answered) == (11, 11)  # the blank is out, "Ved ikke" stays in
    assert [o.count for o in r.options] == [6, 3, 1, 1]
    assert r.yes is not None
    assert r.yes.labels == ("Ja, helt i drift", "Ja, delvist i drift")
    assert (r.yes.count, r.yes.base) == (9, 11)


def test_exclude_base_drops_dont_know_from_the_base() -> None:
    opts = ("Ja", "Nej", "Ved ikke")
    q = Question("q5", 5, "Samarbejder I?", QType.SINGLE, opts,
                 base=BaseRule("exclude", ("Ved ikke",)))
    vals = ["Ja"] * 12 + ["Nej"] * 80 + ["Ved ikke"] * 3
    r = analyse(_survey([q], {"q5": _single(vals, opts)}, 95)).questions[0]
    assert r.base == 92
    assert r.yes is not None and (r.yes.count, r.yes.base) == (12, 92)
    assert r.options[2].excluded and r.options[2].share is None


def test_multi_share_is_out_of_respondents_not_ticks() -> None:
    q = Question("q2", 2, "Kanaler", QType.MULTI, ("Web", "Aula", "Andet"))
    ticks = pd.DataFrame({"Web": [1, 1, 1, 0, 0], "Aula": [1, 1, 0, 0, 0],
                          "Andet": [0, 0, 0, 1, 0]}).astype(bool)
    r = analyse(_survey([q], {"q2": ticks}, 5)).questions[0]
    assert r.base == 4  # the respondent with no tick is not in the base
    assert [o.count for o in r.options] == [3, 2, 1]
    assert r.options[0].share == 3 / 4  # 6 ticks in all, but the share is out of 4 people


def test_respondents_base_and_filter() -> None:
    opts = ("Ja", "Nej")
    q1 = Question("q1", 1, "Har I tilbuddet?", QType.SINGLE, opts)
    q2 = Question("q2", 2, "Er det fuldt bemandet?", QType.SINGLE, opts,
                  base=BaseRule(filter=Filter("q1", ("Ja",))))
    q3 = Question("q3", 3, "Samme, ud af alle", QType.SINGLE, opts, base=BaseRule("respondents"))
    a1 = _single(["Ja", "Ja", "Ja", "Nej", "Nej"], opts)
    a2 = _single(["Ja", "Nej", None, "Ja", None], opts)
    s = _survey([q1, q2, q3], {"q1": a1, "q2": a2, "q3": a2}, 5)
    r = {x.question.id: x for x in analyse(s).questions}
    assert (r["q2"].base, r["q2"].options[0].count) == (2, 1)  # only q1 = Ja, who answered
    assert (r["q3"].base, r["q3"].options[0].count) == (5, 2)


def test_numeric_and_text() -> None:
    qn = Question("q1", 1, "Antal årsværk", QType.NUMERIC)
    qt = Question("q2", 2, "Kommentarer", QType.TEXT)
    s = _survey([qn, qt], {
        "q1": pd.Series([1.0, 2.5, None, 10.0], dtype="Float64"),
        "q2": pd.Series(["God idé", None, "  ", "Mangler midler"], dtype="str"),
    }, 4)
    rn, rt = analyse(s).questions
    assert rn.stats is not None
    assert (rn.stats.n, rn.stats.sum, rn.stats.median, rn.stats.min, rn.stats.max) == (
        3, 13.5, 2.5, 1.0, 10.0)
    assert rt.answers == ("God idé", "Mangler midler")
    assert rt.answers.arrow is not None  # kept as Arrow text for the JSON writer


def test_hidden_questions_are_not_analysed() -> None:
    q = Question("q1", 1, "Skjult", QType.SINGLE, ("Ja",), hidden=True)
    assert analyse(_survey([q], {"q1": _single(["Ja"], ("Ja",))}, 1)).questions == ()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C", "Ved ikke", None]), min_size=1, max_size=60))
def test_single_choice_shares_sum_to_one_and_lie_in_unit_interval(vals: list) -> None:
    opts = ("A", "B", "C", "Ved ikke")
    q = Question("q1", 1, "S", QType.SINGLE, opts)
    r = analyse(_survey([q], {"q1": _single(vals, opts)}, len(vals))).questions[0]
    shares = [o.share for o in r.options]
    assert all(s is not None and 0 <= s <= 1 for s in shares)
    if r.base:
        assert abs(sum(shares) - 1) < 1e-9  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.booleans(), min_size=3, max_size=3), min_size=1, max_size=40))
def test_multi_shares_lie_in_unit_interval_and_base_counts_people(ticks: list) -> None:
    q = Question("q1", 1, "M", QType.MULTI, ("A", "B", "C"))
    frame = pd.DataFrame(ticks, columns=["A", "B", "C"]).astype(bool)
    r = analyse(_survey([q], {"q1": frame}, len(ticks))).questions[0]
    assert r.base == sum(any(t) for t in ticks)
    assert all(0 <= (o.share or 0) <= 1 for o in r.options)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "Ved ikke", "Z", None]), min_size=1, max_size=60),
       st.lists(st.booleans(), min_size=60, max_size=60))
def test_single_counts_agree_for_categorical_and_plain_text(vals: list, keep: list) -> None:
    """Counts from a categorical's codes equal counts of the same answers as text: with an
    option nobody chose, a category that is no option ("Z"), blanks and a filter."""
    opts = ("A", "B", "C", "Ved ikke")
    gate = Question("q0", 0, "Med?", QType.SINGLE, ("Ja", "Nej"))
    q = Question("q1", 1, "S", QType.SINGLE, opts, base=BaseRule(filter=Filter("q0", ("Ja",))))
    gates = _single(["Ja" if k else "Nej" for k in keep[:len(vals)]], ("Ja", "Nej"))
    as_codes = pd.Series(pd.Categorical(vals, categories=["Z", *opts]))
    as_text = pd.Series(vals, dtype="str")
    results = [analyse(_survey([gate, q], {"q0": gates, "q1": data}, len(vals))).questions[1]
               for data in (as_codes, as_text)]
    chosen = [v for v, k in zip(vals, keep, strict=False) if k and v is not None]
    expected = [chosen.count(o) for o in opts]
    for r in results:
        assert [o.count for o in r.options] == expected
        assert r.answered == len(chosen)  # "Z" is an answer, if no option
    assert results[0] == results[1]


_SPACES = ["", " ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2003", "\u200b", "\u3000",
           "\ufeff", "\x00"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from([*_SPACES, "ja", "æ ø"]),
                                              max_size=4).map("".join)), max_size=30))
def test_free_text_answers_are_stripped_alike_from_arrow_and_objects(cells: list) -> None:
    """A text question's answers and an "Andet" text: the cells that are more than
    whitespace, stripped as ``str.strip`` does, whether pandas holds them in Arrow or as
    Python objects."""
    q = Question("q1", 1, "Kommentar", QType.TEXT)
    expected = tuple(c.strip() for c in cells if c is not None and c.strip())
    for data in (pd.Series(cells, dtype="str"), pd.Series(cells, dtype=object)):
        r = analyse(_survey([q], {"q1": data}, len(cells))).questions[0]
        assert (r.answers, r.base) == (expected, len(expected))


def test_arrow_trims_what_str_strip_does() -> None:
    """Why the answers may be trimmed in Arrow: for every code point c, ``c + "x" + c``
    trims to what Python's ``str.strip`` gives."""
    import sys

    import pyarrow as pa
    import pyarrow.compute as pc

    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    cells = [f"{c}x{c}" for c in points]
    trimmed = pc.utf8_trim_whitespace(pa.array(cells)).to_pylist()
    assert [c for c, t in zip(cells, trimmed, strict=True) if t != c.strip()] == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False,
                                               min_value=-1e12, max_value=1e12)),
                max_size=40), st.sampled_from(["Float64", "float64", "str"]))
def test_numeric_stats_are_pandas_own(cells: list, dtype: str) -> None:
    """numeric_stats computes in NumPy what pandas' Series methods give, bit for bit."""
    values = pd.Series([None if c is None else (str(c) if dtype == "str" else c)
                        for c in cells], dtype=dtype)
    nums = pd.to_numeric(values, errors="coerce").dropna().astype(float)
    got = numeric_stats(values)
    if not len(nums):
        assert got is None
        return
    q1, median, q3 = nums.quantile([0.25, 0.5, 0.75]).tolist()
    assert got == NumericStats(n=len(nums), sum=float(nums.sum()), mean=float(nums.mean()),
                               median=median, min=float(nums.min()), max=float(nums.max()),
                               q1=q1, q3=q3)
