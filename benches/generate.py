"""Synthetic national-scale survey exports for the benchmark (xlsx and csv), cached.

The layout is what the generic reader meets in a large citizen or employee survey:
60 columns = respondent id, timestamp, municipality, 25 single-choice questions,
4 multi-select groups of 6 ``Q - Option`` columns (two groups ticked ``X``/blank with
free text under "Andet", two as 0/1 numbers), 4 numeric questions and 4 free-text
questions (mostly blank, long, nearly all distinct). Values are drawn with a fixed
seed, so a size always gives the same file.

The xlsx is written as raw sheet XML into a zip (shared strings, ``r`` references,
numbers as numeric cells) because openpyxl needs minutes for 500 000 rows; the CSV is
``;``-separated UTF-8 with decimal commas, as a Danish Excel would save it.

    python benches/generate.py 100000          # writes benches/out/survey-100000.{xlsx,csv}
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out"
SEED = 20250519
CHUNK = 20_000  # rows per XML chunk: bounds memory while writing 500 000 rows

_SCALES: list[list[str]] = [
    ["Ja", "Nej", "Ved ikke"],
    ["Ja, helt", "Ja, delvist", "Nej", "Ved ikke"],
    ["Meget enig", "Enig", "Hverken enig eller uenig", "Uenig", "Meget uenig", "Ved ikke"],
    ["Meget tilfreds", "Tilfreds", "Neutral", "Utilfreds", "Meget utilfreds"],
    ["Dagligt", "Ugentligt", "Månedligt", "Sjældnere", "Aldrig"],
    ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"],
    ["Under 1 år", "1-3 år", "4-10 år", "Over 10 år"],
]
_TOPICS = [
    "Er du tilfreds med kommunens service", "Bruger du den digitale selvbetjening",
    "Oplever du ventetid på sagsbehandling", "Har du kontakt med borgerservice",
    "Føler du dig tryg i dit lokalområde", "Bruger du kommunens biblioteker",
    "Er du tilfreds med den kollektive trafik", "Har du været i kontakt med jobcentret",
    "Oplever du at blive inddraget i beslutninger", "Er informationen på hjemmesiden klar",
    "Bruger du kommunens idrætsfaciliteter", "Er du tilfreds med affaldsordningen",
    "Har du børn i dagtilbud", "Er du tilfreds med skolernes kvalitet",
    "Oplever du god tilgængelighed til sundhedstilbud", "Har du deltaget i borgermøder",
    "Er du tilfreds med vedligeholdelsen af veje", "Bruger du kommunens app",
    "Har du modtaget hjemmehjælp", "Er du tilfreds med ældreplejen",
    "Oplever du at din henvendelse blev løst", "Anbefaler du kommunen som bosted",
    "Hvor længe har du boet i kommunen", "Har du søgt om byggetilladelse",
    "Er du tilfreds med kulturtilbuddene",
]
_MULTI = [
    ("Hvordan holder du dig orienteret om kommunen?",
     ["Kommunens hjemmeside", "Lokalavisen", "Sociale medier", "Nyhedsbrev", "Digital Post",
      "Andet, angiv"], "x"),
    ("Hvilke tilbud har du brugt det seneste år?",
     ["Bibliotek", "Svømmehal", "Borgerservice", "Genbrugsplads", "Kulturhus", "Andet"], "x"),
    ("Hvad bør kommunen prioritere?",
     ["Skoler", "Ældrepleje", "Veje og cykelstier", "Klima", "Erhverv", "Ingen af delene"], "01"),
    ("Hvordan kontakter du typisk kommunen?",
     ["Telefon", "E-mail", "Selvbetjening", "Personligt fremmøde", "Brev", "Ved ikke"], "01"),
]
_NUMERIC = [("Hvor gammel er du?", "age"), ("Hvor mange personer bor i husstanden?", "count"),
            ("Hvor mange timer arbejder du om ugen?", "hours"),
            ("Hvor mange km har du til arbejde?", "km")]
_TEXT = ["Hvad fungerer godt i kommunen?", "Hvad kan kommunen gøre bedre?",
         "Har du forslag til nye tilbud?", "Øvrige kommentarer"]
_WORDS = (
    "kommunen", "borgerservice", "ventetid", "hjemmesiden", "skolen", "biblioteket",
    "trafikken", "bussen", "cykelstien", "pladsen", "personalet", "sagsbehandlingen",
    "tilbuddet", "naboerne", "parken", "vejene", "god", "dårlig", "hurtig", "langsom",
    "venlig", "svær", "nem", "bedre", "mere", "mindre", "altid", "aldrig", "ofte", "ikke",
    "meget", "lidt", "rigtig", "og", "men", "også", "fordi", "når", "hvis", "der", "som",
    "det", "er", "var", "har", "kan", "vil", "skal", "burde", "gerne", "nok", "især",
    "særligt", "tilfreds", "utilfreds", "glad", "træt", "åben", "lukket"
)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # "text" (strings, None = blank) | "number" (float, nan = blank)
    values: np.ndarray


def _municipalities() -> list[str]:
    """Names as respondents write them: short, with "Kommune", genitive, codes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from kl_survey import municipalities as mun

    names: list[str] = []
    for m in mun.register():
        names += [m.name, f"{m.name} Kommune", f"{m.code:04d}"]
    return names


def _choice(rng: np.random.Generator, labels: list[str], n: int, blank: float) -> np.ndarray:
    weights = rng.dirichlet(np.ones(len(labels)) * 2)
    out = np.asarray(labels, dtype=object)[rng.choice(len(labels), size=n, p=weights)]
    out[rng.random(n) < blank] = None
    return out


def _free_text(rng: np.random.Generator, n: int, filled: float) -> np.ndarray:
    out = np.full(n, None, dtype=object)
    idx = np.flatnonzero(rng.random(n) < filled)
    lengths = rng.integers(6, 30, size=len(idx))
    words = np.asarray(_WORDS, dtype=object)
    picks = rng.integers(0, len(words), size=int(lengths.sum()))
    pos = 0
    for i, k in zip(idx, lengths, strict=True):
        text = " ".join(words[picks[pos:pos + k]])
        out[i] = text[0].upper() + text[1:] + "."
        pos += k
    return out


def _numeric(rng: np.random.Generator, kind: str, n: int) -> np.ndarray:
    if kind == "age":
        v = rng.integers(18, 95, size=n).astype(float)
    elif kind == "count":
        v = rng.integers(1, 8, size=n).astype(float) + (rng.random(n) < 0.01) * 12
    elif kind == "hours":
        v = np.round(rng.normal(34, 8, size=n).clip(0, 80) * 2) / 2
    else:
        v = np.round(rng.gamma(2.0, 9.0, size=n), 1)
    v[rng.random(n) < 0.08] = np.nan
    return v


def columns(n: int) -> list[Column]:
    """The 60 columns for ``n`` respondents, drawn column by column from one seed."""
    rng = np.random.default_rng(SEED)
    cols = [
        Column("Respondent ID", "number", np.arange(1, n + 1, dtype=float)),
        Column("Tidsstempel", "text", np.asarray(
            [f"2025-05-{19 + s // 86400 % 10:02d} {s // 3600 % 24:02d}:{s // 60 % 60:02d}:"
             f"{s % 60:02d}" for s in rng.integers(0, 864_000, size=n)], dtype=object)),
        Column("Kommune", "text", _choice(rng, _municipalities(), n, 0.01)),
    ]
    number = 1
    for i, topic in enumerate(_TOPICS):
        cols.append(Column(f"{number}. {topic}?", "text",
                           _choice(rng, _SCALES[i % len(_SCALES)], n, 0.06)))
        number += 1
    for question, options, style in _MULTI:
        answered = rng.random(n) > 0.07
        for j, option in enumerate(options):
            ticked = answered & (rng.random(n) < rng.uniform(0.05, 0.6))
            header = f"{number}. {question} - {option}"
            if style == "01":
                vals = np.where(answered, ticked.astype(float), np.nan)
                cols.append(Column(header, "number", vals))
                continue
            vals = np.where(ticked, "X", None).astype(object)
            if j == len(options) - 1:  # "Andet": some write what instead of an X
                text = _free_text(rng, n, 0.5)
                vals = np.where(ticked & (text != None), text, vals)  # noqa: E711
            cols.append(Column(header, "text", vals))
        number += 1
    for question, kind in _NUMERIC:
        cols.append(Column(f"{number}. {question}", "number", _numeric(rng, kind, n)))
        number += 1
    for question in _TEXT:
        cols.append(Column(f"{number}. {question}", "text", _free_text(rng, n, 0.2)))
        number += 1
    assert len(cols) == 60, len(cols)
    return cols


# ---------------------------------------------------------------- csv


def _csv_cell(col: Column) -> list[str]:
    if col.kind == "text":
        return ["" if v is None else v for v in col.values]
    return ["" if np.isnan(v) else (f"{v:.0f}" if v == int(v) else f"{v}".replace(".", ","))
            for v in col.values]


def write_csv(cols: list[Column], path: Path) -> None:
    """``;``-separated, decimal commas, quoted only where needed."""
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow([c.header for c in cols])
        cells = [_csv_cell(c) for c in cols]
        w.writerows(zip(*cells, strict=True))
    tmp.replace(path)


# ---------------------------------------------------------------- xlsx


def _letters(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_templates(col: Column, shared: dict[str, int], letter: str, rows: range) -> list[str]:
    """One ``<c>`` element per row of the chunk ("" for a blank cell)."""
    vals = col.values[rows.start - 2:rows.stop - 2]
    if col.kind == "number":
        return ["" if np.isnan(v) else
                f'<c r="{letter}{r}"><v>{int(v) if v == int(v) else v}</v></c>'
                for r, v in zip(rows, vals, strict=True)]
    out = []
    for r, v in zip(rows, vals, strict=True):
        if v is None:
            out.append("")
            continue
        idx = shared.get(v)
        if idx is None:
            idx = shared[v] = len(shared)
        out.append(f'<c r="{letter}{r}" t="s"><v>{idx}</v></c>')
    return out


_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""  # noqa: E501
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""  # noqa: E501
_WB = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Besvarelser" sheetId="1" r:id="rId1"/></sheets></workbook>"""  # noqa: E501
_WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""  # noqa: E501
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def write_xlsx(cols: list[Column], path: Path) -> None:
    """A one-sheet workbook written as XML, streamed into the zip chunk by chunk."""
    n = len(cols[0].values)
    letters = [_letters(i) for i in range(len(cols))]
    shared: dict[str, int] = {}
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WB), ("xl/_rels/workbook.xml.rels", _WB_RELS)):
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            dim = f"A1:{letters[-1]}{n + 1}"
            fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                     f'{_NS}><dimension ref="{dim}"/><sheetData>'.encode())
            ids = [shared.setdefault(c.header, len(shared)) for c in cols]
            head = "".join(f'<c r="{letters[j]}1" t="s"><v>{i}</v></c>' for j, i in enumerate(ids))
            fh.write(f'<row r="1">{head}</row>'.encode())
            for start in range(2, n + 2, CHUNK):
                rows = range(start, min(start + CHUNK, n + 2))
                cells = [_cell_templates(c, shared, letters[j], rows) for j, c in enumerate(cols)]
                buf = io.StringIO()
                for r, row in zip(rows, zip(*cells, strict=True), strict=True):
                    buf.write(f'<row r="{r}">{"".join(row)}</row>')
                fh.write(buf.getvalue().encode())
            fh.write(b"</sheetData></worksheet>")
        strings = io.StringIO()
        strings.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {_NS} '
                      f'count="{len(shared)}" uniqueCount="{len(shared)}">')
        for text in shared:
            strings.write(f"<si><t>{_esc(text)}</t></si>")
        strings.write("</sst>")
        zf.writestr("xl/sharedStrings.xml", strings.getvalue())
    tmp.replace(path)


def ensure(n: int, kind: str) -> Path:
    """The cached export with ``n`` respondents (``kind`` "xlsx" or "csv"), made if missing."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"survey-{n}.{kind}"
    if not path.exists():
        cols = columns(n)
        (write_xlsx if kind == "xlsx" else write_csv)(cols, path)
    return path


def main() -> None:
    """argparse, so that ``--help`` explains instead of failing as a row count."""
    import argparse

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("rows", nargs="*", type=int, default=[95, 10_000],
                        help="respondents per export (default: 95 and 10000)")
    for n in parser.parse_args().rows:
        for kind in ("csv", "xlsx"):
            print(ensure(n, kind))


if __name__ == "__main__":
    main()
