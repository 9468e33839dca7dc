"""Hypothesis: every reader agrees on the same survey, whatever the answers are.

The parametrised test in ``test_agree.py`` proves it for the one published
round. Here the example's questionnaire is kept but who answered what is drawn at
random (20-30 municipalities, any mix of options), written in every tool's layout by
``make_fixtures`` and read back; each layout must match the generic reader's CSV.

Two differences are inherent in the formats, not in the readers, and are factored out:
tools that export their option list (SurveyXact, LimeSurvey, …) report options nobody
chose with a count of 0, which a hand-built sheet cannot know about; and Forms/Google
Forms call the "Other" option "Andet". Forms needs 20 or more answers before it treats
a one-off trailing answer as "Other" text, hence at least 20 municipalities, and a
"none" option (which Forms lists last) is never drawn for exactly one respondent.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kl_survey.analysis import analyse
from kl_survey.municipalities import register
from kl_survey.readers import read_survey

import make_fixtures
from layouts import LAYOUTS, OTHER_RENAMED, summary

Answers = tuple[list[str], list[dict[int, object]]]


def _draw_answers(n: int, seed: int) -> Answers:
    """``generate.responses()``'s shape: names, and per question the answers in order."""
    gen = make_fixtures._gen
    rng = random.Random(seed)
    other_texts_left = len(gen.OTHER_Q2)  # the writers have this many Q2 "Andet" texts
    munis = [m for m in register() if m.code not in gen.NON_RESPONDENTS]
    rng.shuffle(munis)
    munis = munis[:n]
    per_q: dict[int, object] = {}
    for number, _text, kind, options, none in gen.SURVEY:
        labels = [label for label, _ in options]
        if kind == "single":
            per_q[number] = [rng.choice(labels) for _ in munis]
            continue
        pool = [label for label in labels if label != none]
        sets: list[set[str]] = []
        for _ in munis:
            if none is not None and rng.random() < 0.25:
                sets.append({none})
            else:
                picked = set(rng.sample(pool, rng.randint(1, len(pool))))
                if number == 2 and make_fixtures.OTHER_OPTION in picked:
                    if other_texts_left == 0 and len(picked) > 1:
                        picked.discard(make_fixtures.OTHER_OPTION)
                    elif other_texts_left == 0:
                        picked = {pool[0]}
                    else:
                        other_texts_left -= 1
                sets.append(picked)
        if sum(s == {none} for s in sets) == 1:
            # One respondent alone on the last option is, in a Forms/Google export,
            # indistinguishable from "Other" free text (see the module docstring):
            # give it a second taker, so the draw stays within what the formats can say.
            sets[next(i for i, s in enumerate(sets) if s != {none})] = {none}
        per_q[number] = sets
    return [gen._display_name(m.name, m.code) for m in munis], [per_q]


def _generators() -> list[object]:
    """Both copies of the example generator: make_fixtures' and the SurveyXact writer's."""
    mods = [make_fixtures._gen]
    sx = sys.modules.get("kl_example_generate")
    if sx is None:
        from fixtures import surveyxact_layout  # type: ignore[import-not-found]

        sx = surveyxact_layout._example()
    return [*mods, sx]


def _chosen(summary: dict[int, tuple]) -> dict[int, tuple]:
    """The summary without options nobody chose (see the module docstring)."""
    return {k: (*v[:3], {o: c for o, c in v[3].items() if c}, v[4])
            for k, v in summary.items()}


# The answers come from a seeded RNG, so shrinking cannot simplify them: skip it.
@settings(max_examples=4, deadline=None, print_blob=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(min_value=20, max_value=30), seed=st.integers(0, 2**32 - 1))
def test_every_reader_agrees_on_random_answers(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        n: int, seed: int) -> None:
    drawn = _draw_answers(n, seed)
    for mod in _generators():
        monkeypatch.setattr(mod, "responses", lambda drawn=drawn: drawn)
    files = make_fixtures.write_all(tmp_path_factory.mktemp("random"))
    reference = analyse(read_survey(Path(files["generic"]["csv"])))  # written from `drawn`
    assert all(r.base == n for r in reference.questions)  # everybody answered everything
    for tool, layout in LAYOUTS:
        if (tool, layout) == ("generic", "xlsx") or layout not in files.get(tool, {}):
            continue  # the generic xlsx is the bundled example, not the drawn answers
        survey = read_survey(Path(files[tool][layout]))
        assert survey.source.format == tool, (tool, layout)
        got = _chosen(summary(analyse(survey)))
        want = _chosen(summary(reference, rename_other=tool in OTHER_RENAMED))
        assert got == want, (tool, layout, n, seed)
