"""Hostile xlsx files are refused before calamine parses them, in one line.

How fast they are refused is measured in ``benches/bombs.py``, not asserted here."""

from __future__ import annotations

import contextlib
import hashlib
import struct
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import openpyxl
import pytest

from kl_survey.errors import InputError, UnsafeInputError
from kl_survey.readers.source import read_table, safety

from paths import REAL_EXPORTS

SHEET = "xl/worksheets/sheet1.xml"
REAL_XLSX = REAL_EXPORTS / "surveyxact-readSX" / "ex_survey2.xlsx"


def benign_xlsx(path: Path, rows: int = 3) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["id", "svar"])
    for i in range(rows):
        ws.append([i, f"tekst {i} " * 3])
    wb.save(path)
    return path


def rebuild(src: Path, dst: Path, parts: dict[str, Callable[[zipfile.ZipFile, str], None]],
            extra: Iterable[tuple[str, bytes]] = ()) -> Path:
    """Copy an xlsx member by member, letting `parts` write chosen members themselves."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            if name in parts:
                parts[name](new, name)
            else:
                new.writestr(name, old.read(name))
        for name, data in extra:
            new.writestr(name, data)
    return dst


def spaces_member(megabytes: int) -> Callable[[zipfile.ZipFile, str], None]:
    """A valid sheet XML padded with `megabytes` MB of spaces, streamed (never in memory)."""
    def write(zf: zipfile.ZipFile, name: str) -> None:
        info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 9  # type: ignore[attr-defined]  # smallest bomb, ~1 s to build
        with zf.open(info, "w") as fh:
            fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org'
                     b'/spreadsheetml/2006/main"><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")
    return write


def text_member(text: bytes) -> Callable[[zipfile.ZipFile, str], None]:
    return lambda zf, name: zf.writestr(name, text)


def declare_size(path: Path, member: str, size: int) -> None:
    """Make the zip lie about a member's uncompressed size (local and central headers)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        struct.pack_into("<I", data, zf.getinfo(member).header_offset + 22, size)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, pos + 24, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))


def refused(path: Path, **kwargs: int) -> UnsafeInputError:
    with pytest.raises(UnsafeInputError) as info:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    line = info.value.one_line()
    assert path.name in line and "\n" not in line and info.value.hint
    return info.value


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bomb")
    return rebuild(benign_xlsx(folder / "src.xlsx"), folder / "bomb.xlsx",
                   {SHEET: spaces_member(300)})


def test_zip_bomb_refused(bomb: Path) -> None:
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo(SHEET)
    assert info.file_size > 300 * 1024**2 and info.file_size / info.compress_size > 200
    error = refused(bomb)
    assert "zip-bombe" in error.message and SHEET in error.message


def test_bomb_with_lying_sizes_refused(bomb: Path, tmp_path: Path) -> None:
    """calamine ignores declared sizes, so a bomb declaring a modest size must not pass."""
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bomb.read_bytes())
    with zipfile.ZipFile(liar) as zf:
        declared = zf.getinfo(SHEET).compress_size * 3  # ratio 3:1 looks honest
    declare_size(liar, SHEET, declared)
    error = refused(liar)
    assert "størrelsesangivelse" in error.message


def test_lying_size_on_small_member(tmp_path: Path) -> None:
    src = benign_xlsx(tmp_path / "src.xlsx")
    liar = rebuild(src, tmp_path / "small_liar.xlsx", {})
    declare_size(liar, "xl/workbook.xml", 10)
    assert "størrelsesangivelse" in refused(liar).message


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize(
    ("member", "content"),
    [(SHEET, LAUGHS),
     (SHEET, LAUGHS.decode().encode("utf-16")),
     ("_rels/.rels", b'<?xml version="1.0"?><!doctype r SYSTEM "file:///etc/passwd"><R/>'),
     (SHEET, b'<?xml version="1.0"?><!--' + b"x" * 5000 + b"-->" + LAUGHS[22:])],
    ids=["billion-laughs", "utf-16", "rels-external-dtd", "dtd-after-long-comment"],
)
def test_xml_dtd_refused(tmp_path: Path, member: str, content: bytes) -> None:
    path = rebuild(benign_xlsx(tmp_path / "src.xlsx"), tmp_path / "dtd.xlsx",
                   {member: text_member(content)})
    error = refused(path)
    assert member in error.message and "sikkerhedshensyn" in error.message


LONG_PI = (b'<?xml version="1.0"?>\n<?kl-survey <a note="en rod-lignende tekst"?>\n'
           + b" " * 5000 + LAUGHS[22:])


@pytest.mark.parametrize(
    ("member", "content", "rename"),
    [(SHEET, LAUGHS.replace(b"?>\n", b'?>\n<?xml-stylesheet href="s.xsl"?>\n', 1), None),
     (SHEET, LONG_PI, None),
     (SHEET, LAUGHS, "xl/worksheets/data.dat"),
     (SHEET, LONG_PI, "xl/worksheets/ark"),
     ("docProps/app.xml", LAUGHS.replace(b"worksheet", b"Properties"), "docProps/app.txt")],
    ids=["after-pi", "after-long-pi", "part-not-named-xml", "long-pi-no-suffix", "other-part"],
)
def test_dtd_after_a_pi_or_in_a_part_not_named_xml(tmp_path: Path, member: str, content: bytes,
                                                    rename: str | None) -> None:
    """The screen reads the prolog item by item, and screens every part that holds XML,
    whatever its name (the relationships decide what calamine opens, not the suffix)."""
    def write(zf: zipfile.ZipFile, name: str) -> None:
        zf.writestr(rename or name, content)

    parts: dict[str, Callable[[zipfile.ZipFile, str], None]] = {member: write}
    if rename:
        old = member.split("/", 1)[1] if member.startswith("xl/") else member
        new = rename.split("/", 1)[1] if rename.startswith("xl/") else rename
        for rels in ("xl/_rels/workbook.xml.rels", "_rels/.rels", "[Content_Types].xml"):
            def fix(zf: zipfile.ZipFile, name: str, src: Path = tmp_path / "src.xlsx") -> None:
                with zipfile.ZipFile(src) as old_zip:
                    zf.writestr(name, old_zip.read(name).replace(old.encode(), new.encode()))
            parts[rels] = fix
    path = rebuild(benign_xlsx(tmp_path / "src.xlsx"), tmp_path / "dtd.xlsx", parts)
    error = refused(path)
    assert (rename or member) in error.message and "sikkerhedshensyn" in error.message


def test_binary_and_plain_parts_are_not_taken_for_xml(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    extra = [("xl/media/image1.png", png), ("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + png),
             ("customXml/item1.xml", b"\xef\xbb\xbf  <root/>"),
             ("docProps/note.txt", b"Aftalt med <b>KL</b>")]
    path = rebuild(benign_xlsx(tmp_path / "src.xlsx"), tmp_path / "ok.xlsx", {}, extra)
    safety.check_xlsx(path)


def test_too_many_members(tmp_path: Path) -> None:
    extra = ((f"xl/media/pad{i}.bin", b"") for i in range(safety.MAX_MEMBERS))
    path = rebuild(benign_xlsx(tmp_path / "src.xlsx"), tmp_path / "many.xlsx", {}, extra)
    assert "dele" in refused(path).message


def test_max_bytes_can_be_raised_for_a_big_benign_file(tmp_path: Path) -> None:
    path = benign_xlsx(tmp_path / "stor.xlsx", rows=20_000)
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
    error = refused(path, max_bytes=total // 2)
    assert "--max-size" in error.one_line() and "udpakket" in error.message
    table = read_table(path, max_bytes=total * 2)
    assert len(table.frame) == 20_001 and table.frame.iat[20_000, 0] == "19999"


def test_benign_workbooks_pass(tmp_path: Path) -> None:
    """No false alarms: a sheet big enough for the inflate probe, and a real export."""
    path = benign_xlsx(tmp_path / "ok.xlsx", rows=30_000)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo(SHEET).compress_size > safety.PROBE_IN
    safety.check_xlsx(path)
    if REAL_XLSX.is_file():
        safety.check_xlsx(REAL_XLSX)


def test_corrupt_member_data_is_input_error(tmp_path: Path) -> None:
    path = benign_xlsx(tmp_path / "ok.xlsx", rows=2000)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(SHEET)
    start = info.header_offset + 30 + len(SHEET) + 200
    data[start : start + 400] = bytes(400)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as error:
        read_table(path)
    assert not isinstance(error.value, UnsafeInputError)
    assert "ok.xlsx" in error.value.one_line()


def test_checks_never_modify_the_input(bomb: Path, tmp_path: Path) -> None:
    good = benign_xlsx(tmp_path / "ok.xlsx")
    for path in (bomb, good):
        before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        with contextlib.suppress(UnsafeInputError):
            read_table(path)
        assert before == (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
