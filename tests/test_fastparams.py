"""The pydantic-free option coercion gives exactly what typer's own gives, errors included."""

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.core
from typer._coercion import resolve_type_descriptor
from typer.models import ArgumentInfo, OptionInfo

from kl_survey.cli import fastparams

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"


class Fmt(str, Enum):
    table = "table"
    json = "json"


@pytest.fixture(scope="module")
def builders() -> tuple[Any, Any]:
    """(typer's builder, the fast one); installing twice is harmless."""
    if not typer.__version__.startswith(fastparams.TESTED_TYPER):
        pytest.skip(f"typer {typer.__version__} is not a tested series; Typer's own path is used")
    assert fastparams.install()
    assert fastparams.install()
    fast = typer.core.build_runtime_param
    assert getattr(fast, "kl_fast", False)
    return fast.original, fast


@pytest.fixture(scope="module")
def ctx_param() -> tuple[Any, Any]:
    app = typer.Typer()

    @app.command()
    def cmd(a: int = 1) -> None:  # pragma: no cover - never run
        pass

    command = typer.main.get_command(app)
    return command.make_context("cmd", []), command.params[0]


def _run(builder: Any, ann: Any, info: Any, value: Any, ctx_param: tuple[Any, Any]) -> Any:
    ctx, param = ctx_param
    try:
        result = builder(resolve_type_descriptor(ann, info)).coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the comparison includes the exact error
        return ("error", type(exc).__name__, str(exc))
    return ("ok", type(result), result)


CASES = [
    (int, OptionInfo(), ["5", "+5", "-3", "007", " 5", "1_000", "5.0", "x", "", "٣", 7, True]),
    (str, OptionInfo(), ["a", "", "æøå", 5]),
    (bool, OptionInfo(), [True, False, "true", "0", ""]),
    (Fmt, OptionInfo(), ["json", "JSON", "xml", Fmt.json]),
    (Fmt, OptionInfo(case_sensitive=False), ["JSON", "Json", "xml"]),
    (Path, OptionInfo(), ["a.txt", "/tmp", Path("x"), ""]),
    (Path, OptionInfo(exists=True), ["/nonexistent/x", str(EXAMPLE)]),
    (Path, OptionInfo(exists=True, dir_okay=False), ["/tmp", str(EXAMPLE)]),
    (Path, OptionInfo(resolve_path=True), ["x/../y"]),
    (Path, ArgumentInfo(), ["x.xlsx"]),
    (float, OptionInfo(), ["1.5", "x"]),  # not handled here: typer's path, unchanged
]


@pytest.mark.parametrize(("ann", "info", "values"), CASES)
def test_same_result_as_typer(builders: tuple[Any, Any], ctx_param: tuple[Any, Any],
                              ann: Any, info: Any, values: list[Any]) -> None:
    typer_builder, fast = builders
    for value in values:
        assert _run(fast, ann, info, value, ctx_param) == \
            _run(typer_builder, ann, info, value, ctx_param), value


def test_cli_errors_are_typers(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kl_survey.cli import app

    res = CliRunner().invoke(app, ["analyze", str(EXAMPLE), "--format", "foo"])
    assert res.exit_code == 2
    assert "'foo' is not one of 'table', 'json'" in res.stderr
    res = CliRunner().invoke(app, ["analyze", str(EXAMPLE), "--max-size", "abc"])
    assert res.exit_code == 2 and "valid integer" in res.stderr


def test_untested_typer_versions_keep_typers_own_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typer, "__version__", "9.9.9")
    assert fastparams.install() is False
