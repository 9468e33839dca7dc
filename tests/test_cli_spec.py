"""init, analyze --spec/--strict/--dedupe and validate through the CLI."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"
EXAMPLE_SPEC = EXAMPLE.parent / "survey.toml"
runner = CliRunner()

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_validate import example_rows, write_csv  # noqa: E402


def _published() -> tuple:
    sys.path.insert(0, str(EXAMPLE.parent))
    from generate import PUBLISHED  # type: ignore[import-not-found]

    return PUBLISHED


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("init") / "survey.toml"
    res = runner.invoke(app, ["init", str(EXAMPLE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Skrev" in res.stderr
    return out


def test_init_writes_an_editable_commented_spec(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    assert text.startswith("# kl-survey specifikation for responses.xlsx")
    assert 'column = "Kommune"' in text and 'population = "alle"' in text
    assert 'source = "generic"' in text
    assert text.count("\n[[question]]\n") == 8
    assert '# title = ""' in text and 'base = "answered"' in text


def test_round_trip_unedited_spec_gives_identical_json(spec: Path) -> None:
    plain = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json"])
    with_spec = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--spec", str(spec)])
    assert plain.exit_code == with_spec.exit_code == 0, with_spec.output
    assert with_spec.stdout == plain.stdout
    assert with_spec.stderr == ""


def test_init_never_overwrites_without_force(spec: Path) -> None:
    before = spec.read_bytes()
    res = runner.invoke(app, ["init", str(EXAMPLE), "-o", str(spec)])
    assert res.exit_code == 2
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1
    assert str(spec) in err and "--force" in err
    assert spec.read_bytes() == before
    spec.write_text("# redigeret\n", encoding="utf-8")
    assert runner.invoke(app, ["init", str(EXAMPLE), "-o", str(spec), "--force"]).exit_code == 0
    assert spec.read_bytes() == before  # deterministic: same export, same spec


def test_init_to_stdout() -> None:
    res = runner.invoke(app, ["init", str(EXAMPLE), "-o", "-", "--sheet", "Besvarelser"])
    assert res.exit_code == 0
    assert 'sheet = "Besvarelser"' in res.stdout and "[[question]]" in res.stdout


def test_example_spec_keeps_every_published_percentage() -> None:
    from fractions import Fraction

    from kl_survey.numbers import format_decimal, round_half_up

    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--spec",
                              str(EXAMPLE_SPEC), "--strict"])
    assert res.exit_code == 0, res.output
    qs = {q["number"]: q for q in json.loads(res.stdout)["questions"]}
    for number, label, pct in _published():
        q = qs[number]
        if label is None:
            count, base = q["yes"]["count"], q["base"]
        else:
            (opt,) = [o for o in q["options"] if o["label"] == label]
            count, base = opt["count"], q["base"]
        assert format_decimal(round_half_up(Fraction(100 * count, base))) == pct
    assert qs[6]["yes"]["labels"] == ["Formaliseret samarbejde (fx en skriftlig aftale)"]
    assert all(q.get("title") for q in qs.values())


def test_example_spec_validates_clean_under_strict() -> None:
    res = runner.invoke(app, ["validate", str(EXAMPLE), "--spec", str(EXAMPLE_SPEC),
                              "--strict", "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["ok"] is True and doc["summary"]["errors"] == doc["summary"]["warnings"] == 0


def test_broken_spec_gives_one_line_with_file_and_line(tmp_path: Path, spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    broken = tmp_path / "survey.toml"
    broken.write_text(text.replace('base = "answered"', 'base = "alle"', 1), encoding="utf-8")
    line = next(i + 1 for i, s in enumerate(broken.read_text().splitlines()) if "alle\"" in s
                and s.startswith("base"))
    for cmd in ("analyze", "validate"):
        res = runner.invoke(app, [cmd, str(EXAMPLE), "--spec", str(broken)])
        assert res.exit_code == 2, res.output
        err = res.stderr.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in res.output
        assert err.startswith(f"kl-survey: fejl: {broken}:{line}: question[1].base: "
                              "forventede 'answered', 'respondents' eller 'exclude', fik 'alle'")


def test_disagreement_is_a_warning_and_fatal_under_strict(tmp_path: Path, spec: Path) -> None:
    text = spec.read_text(encoding="utf-8").replace('    "Ved ikke",\n', "", 1)
    text = text.replace('dont_know = ["Ved ikke"]', "dont_know = []", 1)
    edited = tmp_path / "survey.toml"
    edited.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "json", "--spec", str(edited)])
    assert res.exit_code == 0
    (warning,) = res.stderr.strip().splitlines()
    assert warning.startswith("kl-survey: advarsel: responses.xlsx")
    assert "spørgsmål q5" in warning and "'Ved ikke' (3 svar)" in warning
    q5 = next(q for q in json.loads(res.stdout)["questions"] if q["id"] == "q5")
    assert q5["options"][-1] == {"label": "Ved ikke", "count": 3, "share": 3 / 95}
    strict = runner.invoke(app, ["analyze", str(EXAMPLE), "--spec", str(edited), "--strict"])
    assert strict.exit_code == 2 and strict.stdout == ""
    (line,) = strict.stderr.strip().splitlines()
    assert line.startswith("kl-survey: fejl: ") and "'Ved ikke'" in line
    v = runner.invoke(app, ["validate", str(EXAMPLE), "--spec", str(edited)])
    assert v.exit_code == 0 and "ADVARSEL" in v.stdout
    assert runner.invoke(app, ["validate", str(EXAMPLE), "--spec", str(edited),
                               "--strict"]).exit_code == 1


def _bad_export(tmp_path: Path) -> tuple[Path, Path]:
    header, body = example_rows()
    good = write_csv(tmp_path / "rettet.csv", header, body)
    body = [list(r) for r in body]
    body[0][0] = "Kobenhavn" if body[0][0] != "Københavns Kommune" else "Aarhuus"
    body.append(list(body[5]))
    body[-1][1] = "Nej"
    return write_csv(tmp_path / "fejl.csv", header, body), good


def test_validate_exit_codes_and_json(tmp_path: Path) -> None:
    bad, good = _bad_export(tmp_path)
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 1
    assert "FEJL" in res.stdout and "mente du" in res.stdout
    assert "ikke godkendt" in res.stdout
    res = runner.invoke(app, ["validate", str(bad), "-f", "json"])
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["schema"] == "kl-survey/validation/1" and doc["ok"] is False
    assert [i["code"] for i in doc["issues"] if i["severity"] == "error"] == [
        "municipality-duplicate", "municipality-unknown"]
    again = runner.invoke(app, ["validate", str(bad), "-f", "json"])
    assert again.stdout == res.stdout  # stable for CI diffs
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    out = tmp_path / "rapport.json"
    assert runner.invoke(app, ["validate", str(good), "-f", "json", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["ok"] is True


def test_analyze_dedupe(tmp_path: Path) -> None:
    bad, _ = _bad_export(tmp_path)
    warn = runner.invoke(app, ["analyze", str(bad), "-f", "json"])
    assert warn.exit_code == 0
    assert "advarsel" in warn.stderr and "har svaret 2 gange" in warn.stderr
    assert json.loads(warn.stdout)["respondents"] == 96
    for strategy in ("first", "last", "most-complete"):
        res = runner.invoke(app, ["analyze", str(bad), "-f", "json", "--dedupe", strategy])
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["respondents"] == 95
        assert f"--dedupe {strategy}" in res.stderr
    strict = runner.invoke(app, ["analyze", str(bad), "--strict"])
    assert strict.exit_code == 2 and "har svaret 2 gange" in strict.stderr
    assert runner.invoke(app, ["analyze", str(bad), "--dedupe", "alle"]).exit_code == 2


def test_missing_spec_file_is_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLE), "--spec", str(tmp_path / "nej.toml")])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "kl-survey init" in res.stderr


@pytest.mark.parametrize("cmd", ["init", "validate"])
def test_help_ends_with_an_example(cmd: str) -> None:
    res = runner.invoke(app, [cmd, "--help"])
    assert res.exit_code == 0
    flat = " ".join(res.stdout.split())
    tail = flat[flat.rindex("Eksempel: "):]
    assert tail.startswith(f"Eksempel: kl-survey {cmd} data/examples/kl-2025-05/")
    assert "Options" not in tail  # the example is the last thing in the help


def test_spec_path_does_not_import_heavy_modules(spec: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kl_survey.cli import app\n"
        f"r = CliRunner().invoke(app, ['analyze', {str(EXAMPLE)!r}, '-f', 'json', "
        f"'--spec', {str(spec)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('matplotlib', 'weasyprint', 'jinja2') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def _real_exports() -> Path:
    here = Path(__file__).resolve().parents[2] / "shared" / "real-exports"
    return here if here.is_dir() else Path("/work/shared/real-exports")


@pytest.mark.parametrize("name", ["qualtrics-qualtRics/sample.csv",
                                  "surveyxact-readSX/ex_survey2_semicolon_ansi"])
def test_round_trip_on_real_exports(tmp_path: Path, name: str) -> None:
    path = _real_exports() / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    spec = tmp_path / "survey.toml"
    init = runner.invoke(app, ["init", str(path), "-o", str(spec)])
    assert init.exit_code == 0, init.output
    plain = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    with_spec = runner.invoke(app, ["analyze", str(path), "-f", "json", "--spec", str(spec),
                                    "--strict"])
    assert plain.exit_code == with_spec.exit_code == 0, with_spec.output
    assert with_spec.stdout == plain.stdout
    res = runner.invoke(app, ["validate", str(path), "--spec", str(spec), "-f", "json"])
    assert res.exit_code in (0, 1), res.output
    assert json.loads(res.stdout)["schema"] == "kl-survey/validation/1"
