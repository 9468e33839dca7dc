"""One switch for every thread pool and worker: a second core, not switched off."""

from __future__ import annotations

import pytest

from kl_survey import cores


@pytest.mark.parametrize(("cpus", "env", "spare"), [
    (2, None, True), (8, "", True), (2, "1", True), (2, "0", False), (2, " 0 ", False),
    (1, None, False), (None, None, False),
])
def test_a_second_core_unless_switched_off(cpus: int | None, env: str | None, spare: bool,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cpus)
    if env is None:
        monkeypatch.delenv("KL_SURVEY_WORKERS", raising=False)
    else:
        monkeypatch.setenv("KL_SURVEY_WORKERS", env)
    assert cores.spare() is spare
