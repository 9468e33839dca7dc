"""A text file's encoding: BOMs, UTF-8 confirmed over the file, Windows-1252."""


from __future__ import annotations

import random
from pathlib import Path

import pytest

from kl_survey.errors import InputError
from kl_survey.readers.source import decode_text, encoding, read_table

from fixtures.raw_tables import assert_pandas_str, grid, write


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
     ("cp1252", b"", "cp1252"), ("utf-16-le", b"\xff\xfe", "utf-16"),
     ("utf-16-be", b"\xfe\xff", "utf-16")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, bom: bytes, expected: str) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(bom + "navn;by\nSøren Æbelø;Århus\nJens;Køge\n".encode(encoding))
    table = read_table(path)
    assert grid(table) == [["navn", "by"], ["Søren Æbelø", "Århus"], ["Jens", "Køge"]]
    assert (table.kind, table.encoding, table.delimiter) == ("csv", expected, ";")
    assert table.rows == (1, 2, 3)
    assert_pandas_str(table)


def test_cp1252_after_a_long_ascii_head_is_still_cp1252(tmp_path: Path) -> None:
    """The head (64 KB) is ASCII; the only 'ø' comes later, in cp1252."""
    lines = ["id;svar"] + [f"{i};ja" for i in range(20_000)] + ["20000;nø"]
    table = read_table(write(tmp_path / "late.csv", "\n".join(lines) + "\n", "cp1252"))
    assert table.encoding == "cp1252"
    assert grid(table)[-1] == ["20000", "nø"]
    assert table.rows[-1] == 20_002


def test_tab_separated_utf16_with_crlf(tmp_path: Path) -> None:
    text = "a\tb\tc\r\n1\tx, y\t\r\n2\t\"q\"\"uote\"\tz\r\n"
    table = read_table(write(tmp_path / "t.csv", "\ufeff" + text, "utf-16-le"))
    assert (table.delimiter, table.encoding) == ("\t", "utf-16")
    assert grid(table) == [["a", "b", "c"], ["1", "x, y", None], ["2", 'q"uote', "z"]]


def test_decode_text(tmp_path: Path) -> None:
    assert decode_text(write(tmp_path / "a.txt", "\ufeffæ", "utf-8")) == ("æ", "utf-8-sig")
    assert decode_text(write(tmp_path / "b.txt", "æ", "cp1252")) == ("æ", "cp1252")
    assert decode_text(write(tmp_path / "c.txt", "\ufeffæ", "utf-16-le")) == ("æ", "utf-16")


GOOD = [b"a", b";", b"\n", "ø".encode(), "€".encode(), "😀".encode()]
BAD = [b"\xf8", b"\x81", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"]
CUT = [b"\xc3", b"\xe2\x82", b"\xf0\x9f"]


def _python_verdict(body: bytes) -> encoding.Encoding:
    """The rule, told by Python's decoder: UTF-8; else mixed when some multi-byte UTF-8
    character is there; else Windows-1252."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        chars = len(body.decode("utf-8", "surrogateescape"))
        return encoding.Encoding("utf-8", mixed=True) if chars < len(body) else \
            encoding.Encoding("cp1252")
    return encoding.Encoding("utf-8")


@pytest.mark.parametrize("block", [997, 1000, 4096])
def test_confirm_agrees_with_python_s_decoder(tmp_path: Path, block: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Arrow validates in blocks; small ones put block ends inside multi-byte characters."""
    monkeypatch.setattr(encoding, "_BLOCK", block)
    rng = random.Random(block)
    verdicts = set()
    for _ in range(60):
        body = b"x" * 70_000 + b"".join(rng.choice(GOOD) for _ in range(rng.randint(0, 3000)))
        if rng.random() < 0.2:  # only ASCII before the bad byte: that is Windows-1252
            body = b"x" * 70_000
        pick = rng.random()
        if pick < 0.25:
            body += rng.choice(BAD) + b"".join(rng.choice(GOOD) for _ in range(40))
        elif pick < 0.35:
            body += rng.choice(CUT)
        path = tmp_path / "f.csv"
        path.write_bytes(body)
        verdict = encoding.confirm(path, body[:encoding.TEXT_HEAD], "utf-8")
        assert verdict == _python_verdict(body), body[-12:]
        verdicts.add(verdict)
    assert verdicts == {encoding.Encoding("utf-8"), encoding.Encoding("utf-8", mixed=True),
                        encoding.Encoding("cp1252")}


def test_confirm_trusts_a_whole_head_and_utf16(tmp_path: Path) -> None:
    small = write(tmp_path / "small.csv", "a;ø\n")
    assert encoding.confirm(small, small.read_bytes(), "utf-8") == encoding.Encoding("utf-8")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 70_000 + b"\xf8")
    head = big.read_bytes()[:encoding.TEXT_HEAD]
    assert encoding.confirm(big, head, "utf-16-le") == encoding.Encoding("utf-16-le")
    assert encoding.confirm(big, head, "utf-8") == encoding.Encoding("cp1252")
    # a byte-order mark says UTF-8, so a byte that is not makes the file mixed
    assert encoding.confirm(big, head, "utf-8-sig") == encoding.Encoding("utf-8-sig", mixed=True)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    """Some tools write UTF-16 without a byte-order mark; it was refused as binary."""
    path = write(tmp_path / "u16.csv", "navn;by\r\nSøren Æbelø;Århus\r\nJens;Køge\r\n", codec)
    table = read_table(path)
    assert (table.encoding, table.delimiter) == (codec, ";")
    assert grid(table) == [["navn", "by"], ["Søren Æbelø", "Århus"], ["Jens", "Køge"]]


def test_binary_with_nuls_is_still_not_utf16(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="hverken et regneark"):
        read_table(path)


def test_a_utf8_file_is_not_walked_twice(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the 64 KB head, Arrow's own UTF-8 check of every cell stands in for
    confirming the file first; the confirming walk is only for a file that fails it."""
    walked: list[Path] = []
    real = encoding._all_utf8

    def all_utf8(path: Path) -> bool:
        walked.append(path)
        return real(path)

    monkeypatch.setattr(encoding, "_all_utf8", all_utf8)
    lines = ["id;svar"] + [f"{i};Ja, på børneområdet" for i in range(5_000)]
    good = write(tmp_path / "good.csv", "\n".join(lines) + "\n")
    table = read_table(good)
    assert (table.encoding, grid(table)[-1]) == ("utf-8", ["4999", "Ja, på børneområdet"])
    assert walked == []
    late = write(tmp_path / "late.csv", "\n".join(lines) + "\n5000;nø\n", "utf-8")
    late.write_bytes(late.read_bytes().replace("nø".encode(), "nø".encode("cp1252")))
    with pytest.raises(InputError):
        read_table(late)
    assert walked == [late]
