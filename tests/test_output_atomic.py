"""replace_folder: a folder holds exactly one run's files (issue 10, #9)."""

import os
from pathlib import Path

import pytest

from kl_survey.errors import OutputError
from kl_survey.output import atomic


def _owned(rel: Path) -> bool:
    return rel.suffix == ".out"


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".kl-" in p.name)


@pytest.fixture(params=["exchange", "two-renames"])
def swap(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with Linux's atomic exchange and with the portable fallback."""
    if request.param == "two-renames":
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    return str(request.param)


def test_new_folder(tmp_path: Path, swap: str) -> None:
    target = tmp_path / "a" / "rapport"
    with atomic.replace_folder(target, _owned) as tmp:
        assert tmp.parent == target.parent and tmp != target
        _write(tmp, {"x.out": "1", "sub/y.out": "2"})
    assert _tree(target) == {"x.out": "1", "sub/y.out": "2"}
    assert oct(target.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    assert _leftovers(target.parent) == []


def test_a_rerun_replaces_every_file(tmp_path: Path, swap: str) -> None:
    """The previous run's extra files (its q05–q08 figures) do not survive."""
    target = tmp_path / "rapport"
    _write(target, {"q1.out": "old", "q5.out": "old", "figures/q8.out": "old"})
    with atomic.replace_folder(target, _owned) as tmp:
        _write(tmp, {"q1.out": "new"})
    assert _tree(target) == {"q1.out": "new"}
    assert _leftovers(tmp_path) == []


def test_a_failing_run_leaves_the_old_folder(tmp_path: Path, swap: str) -> None:
    target = tmp_path / "rapport"
    _write(target, {"q1.out": "old"})
    with pytest.raises(RuntimeError), atomic.replace_folder(target, _owned) as tmp:
        _write(tmp, {"q1.out": "half"})
        raise RuntimeError("killed")
    assert _tree(target) == {"q1.out": "old"}
    assert _leftovers(tmp_path) == []


def test_foreign_files_are_never_replaced(tmp_path: Path) -> None:
    """-o pointing at a folder with other files (the input, notes) must not delete them."""
    target = tmp_path / "data"
    _write(target, {"q1.out": "old", "responses.xlsx": "input"})
    with pytest.raises(OutputError) as info, atomic.replace_folder(target, _owned):
        pytest.fail("must not start")
    assert "('responses.xlsx')" in info.value.message
    assert _tree(target) == {"q1.out": "old", "responses.xlsx": "input"}


def test_file_browser_junk_does_not_block(tmp_path: Path) -> None:
    target = tmp_path / "rapport"
    _write(target, {"q1.out": "old", ".DS_Store": "", "Thumbs.db": ""})
    with atomic.replace_folder(target, _owned) as tmp:
        _write(tmp, {"q1.out": "new"})
    assert _tree(target) == {"q1.out": "new"}


def test_a_file_in_the_way_and_the_current_folder_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "en-fil"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="stien er en fil"), \
            atomic.replace_folder(blocker, _owned):
        pass
    monkeypatch.chdir(tmp_path)
    for target in (Path("."), tmp_path, tmp_path.parent):
        with pytest.raises(OutputError, match="den aktuelle mappe"), \
                atomic.replace_folder(target, _owned):
            pass


def test_a_symlinked_folder_keeps_its_link(tmp_path: Path, swap: str) -> None:
    real = tmp_path / "real"
    _write(real, {"q1.out": "old"})
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    with atomic.replace_folder(link, _owned) as tmp:
        _write(tmp, {"q2.out": "new"})
    assert link.is_symlink() and _tree(link) == {"q2.out": "new"}


def test_leftovers_of_killed_runs_are_cleaned_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "rapport"
    _write(target, {"q1.out": "old"})
    _write(tmp_path / ".rapport.kl-tmp-dead1", {"q1.out": "half"})
    _write(tmp_path / ".andet.kl-tmp-live", {"q1.out": "another folder's run"})
    with atomic.replace_folder(target, _owned) as tmp:
        _write(tmp, {"q1.out": "new"})
    assert _leftovers(tmp_path) == [".andet.kl-tmp-live"]


def test_a_run_killed_between_the_two_renames_gets_the_old_folder_back(
        tmp_path: Path) -> None:
    """Without renameat2 the swap is two renames; dying between them leaves the old
    folder under a temporary name, which the next run puts back first."""
    target = tmp_path / "rapport"
    _write(tmp_path / ".rapport.kl-old-abc", {"q1.out": "old"})
    _write(tmp_path / ".rapport.kl-tmp-def", {"q1.out": "new but unconfirmed"})
    with pytest.raises(RuntimeError), atomic.replace_folder(target, _owned):
        raise RuntimeError("this run dies too")
    assert _tree(target) == {"q1.out": "old"}
    assert _leftovers(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
