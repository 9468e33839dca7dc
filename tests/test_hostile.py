"""Hostile and broken files through the CLI: one stderr line naming the file, a
non-zero exit, no traceback, and bounded memory and time by construction.

Every file is built in tmp_path; the bomb is a valid xlsx whose sheet inflates to
~300 MB of spaces but is only ~300 KB on disk.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kl_survey.cli import app

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"
_SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
               b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_SHEET_TAIL = b"</sheetData></worksheet>"
_ENTITIES = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1
                                                       else b"&lol;") * 10) for i in range(1, 10))
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' + _ENTITIES
          + b"]>\n" + _SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is>'
          + b"</c></row>" + _SHEET_TAIL)


def benign_xlsx(path: Path, rows: int = 5, width: int = 3) -> Path:
    """A plain survey sheet: a question column per width, text that does not compress much."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Besvarelser"
    ws.append([f"{i + 1}. Spørgsmål nummer {i + 1}?" for i in range(width)])
    for r in range(rows):
        ws.append([("Ja", "Nej", "Ved ikke")[(r * 7 + c) % 3] + f" {r}-{c}-{(r * 31 + c) % 97}"
                   if c else ("Ja", "Nej")[r % 2] for c in range(width)])
    wb.save(path)
    return path


def rebuild(src: Path, dst: Path, member: str, write: Callable[[zipfile.ZipFile, str], None]
            ) -> Path:
    """Copy an xlsx, letting ``write`` produce one member itself."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            if name == member:
                write(new, name)
            else:
                new.writestr(name, old.read(name))
    return dst


def spaces(megabytes: int) -> Callable[[zipfile.ZipFile, str], None]:
    """A valid sheet padded with ``megabytes`` MB of spaces, streamed (never in memory)."""
    def write(zf: zipfile.ZipFile, name: str) -> None:
        info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 9  # type: ignore[attr-defined]
        with zf.open(info, "w") as fh:
            fh.write(_SHEET_HEAD)
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(_SHEET_TAIL)
    return write


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bomb")
    return rebuild(benign_xlsx(tmp / "ok.xlsx"), tmp / "bombe.xlsx", SHEET, spaces(300))


def _hostile(tmp: Path, case: str) -> Path:
    if case == "billion_laughs":
        return rebuild(benign_xlsx(tmp / "ok.xlsx"), tmp / "latter.xlsx", SHEET,
                       lambda zf, name: zf.writestr(name, LAUGHS))
    if case == "html_as_xls":  # a login page saved under the export's name
        path = tmp / "besvarelser.xls"
        path.write_text("<!DOCTYPE html><html><head><title>Log ind</title></head><body>"
                        "<form><input name='user'></form><p>Din session er udløbet.</p>"
                        "</body></html>", encoding="utf-8")
        return path
    if case == "truncated":
        full = benign_xlsx(tmp / "hel.xlsx", rows=400)
        path = tmp / "afkortet.xlsx"
        path.write_bytes(full.read_bytes()[: full.stat().st_size * 2 // 3])
        return path
    if case == "random_bytes":
        path = tmp / "tilfældig.xlsx"
        path.write_bytes(bytes((i * 131 + 7) % 251 for i in range(20_000)))
        return path
    raise AssertionError(case)


def _assert_one_line_refusal(exit_code: int, stderr: str, output: str, path: Path) -> None:
    assert exit_code == 2, output
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kl-survey: fejl: ")
    assert path.name in lines[0]
    assert "Traceback" not in output and "Traceback" not in stderr


@pytest.mark.parametrize("case", ["billion_laughs", "html_as_xls", "truncated", "random_bytes"])
def test_hostile_file_gives_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    path = _hostile(tmp_path, case)
    before = path.read_bytes()
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    _assert_one_line_refusal(res.exit_code, res.stderr, res.output, path)
    assert res.stdout == ""
    assert path.read_bytes() == before  # never touched


def test_billion_laughs_message_names_the_dtd(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(_hostile(tmp_path, "billion_laughs"))])
    assert "DTD" in res.stderr and "sikkerhedshensyn" in res.stderr


def test_zip_bomb_is_refused_in_one_line(bomb: Path) -> None:
    res = runner.invoke(app, ["analyze", str(bomb)])
    _assert_one_line_refusal(res.exit_code, res.stderr, res.output, bomb)
    assert "zip-bombe" in res.stderr


def test_zip_bomb_is_refused_with_any_source(bomb: Path) -> None:
    for source in ("generic", "surveyxact"):
        res = runner.invoke(app, ["analyze", str(bomb), "--source", source])
        _assert_one_line_refusal(res.exit_code, res.stderr, res.output, bomb)


def test_a_real_html_table_saved_as_xls_is_read(tmp_path: Path) -> None:
    """The contrast to the login page: some tools really do export HTML tables as .xls."""
    path = tmp_path / "eksport.xls"
    path.write_text("<html><body><table><tr><th>Kommune</th><th>1. Er tilbuddet i drift?</th>"
                    "</tr><tr><td>Aarhus</td><td>Ja</td></tr><tr><td>Lemvig</td><td>Nej</td>"
                    "</tr><tr><td>Læsø</td><td>Ja</td></tr></table></body></html>",
                    encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert '"respondents": 3' in res.stdout


def _two_gib() -> None:
    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_bomb_in_a_subprocess_under_a_memory_cap(bomb: Path) -> None:
    """Bounded by construction: 2 GiB of address space and a minute are plenty, because
    the bomb is refused from the zip directory before anything inflates it."""
    proc = subprocess.run([sys.executable, "-m", "kl_survey", "analyze", str(bomb)],
                          capture_output=True, text=True, timeout=60, preexec_fn=_two_gib)
    _assert_one_line_refusal(proc.returncode, proc.stderr, proc.stdout, bomb)
    assert proc.stdout == ""


# ---------------------------------------------------------------- --max-size


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_max_size_refuses_then_admits_a_large_benign_file(tmp_path: Path, kind: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """With the default limit lowered to 1 MB, a ~2 MB benign file is refused with a hint
    naming --max-size, and --max-size 50 lets the same file through."""
    import kl_survey.pipeline

    monkeypatch.setattr(kl_survey.pipeline, "DEFAULT_MAX_BYTES", 1024 * 1024)
    if kind == "xlsx":
        path = benign_xlsx(tmp_path / "stor.xlsx", rows=12_000, width=4)
    else:
        path = tmp_path / "stor.csv"
        lines = ["Kommune;1. Er tilbuddet i drift?;2. Kommentar"]
        lines += [f"Aarhus;{('Ja', 'Nej')[i % 2]};kommentar nummer {i} " + "x" * (i % 40)
                  for i in range(30_000)]
        path.write_text("\n".join(lines), encoding="utf-8")
    refused = runner.invoke(app, ["analyze", str(path)])
    _assert_one_line_refusal(refused.exit_code, refused.stderr, refused.output, path)
    assert "--max-size" in refused.stderr
    admitted = runner.invoke(app, ["analyze", str(path), "--max-size", "50", "-f", "json"])
    assert admitted.exit_code == 0, admitted.output
    assert '"respondents":' in admitted.stdout
    tight = runner.invoke(app, ["analyze", str(path), "--max-size", "1"])
    assert tight.exit_code == 2 and "--max-size" in tight.stderr
