"""CSV, Markdown and xlsx from ``analyze`` (issue 14 items 11-13, issue 10 items 8 and 15)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from kl_survey.analysis import Analysis, analyse
from kl_survey.model import QType, Question, SourceInfo, Survey
from kl_survey.output import emit, tables, view
from kl_survey.pipeline import run

from paths import EXAMPLE


@pytest.fixture(scope="module")
def example() -> Analysis:
    return run(EXAMPLE)[0]


def _csv(a: Analysis, lang: str = "da") -> list[dict[str, str]]:
    text = emit.render_bytes(a, "csv", lang).decode("utf-8-sig")  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(text), delimiter=";" if lang == "da" else ","))


def _survey(options: tuple[str, ...], answers: list[str | None],
            comments: list[str | None] | None = None) -> Survey:
    """A one-question survey, plus a free-text question when ``comments`` is given."""
    n = len(answers)
    qs = [Question(id="q1", number=1, text="Er I med?", type=QType.SINGLE, options=options)]
    data: dict[str, pd.Series] = {"q1": pd.Series(pd.Categorical(answers,
                                                                 categories=list(options)))}
    if comments is not None:
        qs.append(Question(id="q2", number=2, text="Kommentarer", type=QType.TEXT))
        data["q2"] = pd.Series(comments, dtype="str")
    respondents = pd.DataFrame({"row": range(2, n + 2), "municipality": pd.array(
        [pd.NA] * n, dtype="Int64"), "municipality_raw": [None] * n, "complete": [True] * n})
    return Survey(source=SourceInfo("t.csv", "generic", "0" * 64), questions=tuple(qs),
                  respondents=respondents, answers=data)


# CSV (14.11) ---------------------------------------------------------------------------


def test_csv_gives_the_rounded_percentage_and_the_exact_fraction(example: Analysis) -> None:
    rows = _csv(example)
    assert list(rows[0]) == ["id", "nummer", "spørgsmål", "række", "svarmulighed", "antal",
                             "andel_pct_afrundet", "andel_brøk_præcis", "base", "værdi"]
    first = rows[0]
    assert (first["svarmulighed"], first["andel_pct_afrundet"]) == ("Ja, helt i drift", "63,2")
    assert first["andel_brøk_præcis"] == "0,631578947368421"
    yes = next(r for r in rows if r["række"] == "ja i alt")
    assert (yes["antal"], yes["andel_pct_afrundet"]) == ("92", "96,8")
    en = _csv(example, "en")
    assert list(en[0])[6:8] == ["share_pct_rounded", "share_fraction_exact"]
    assert en[0]["share_pct_rounded"] == "63.2" and en[0]["row"] == "option"


def test_csv_rounds_once_half_up_from_the_counts() -> None:
    """1 of 16 is 6,25%: printed 6,3 (float or half-even rounding would give 6,2)."""
    a = analyse(_survey(("Ja", "Nej"), ["Ja"] + ["Nej"] * 15))
    rows = {r["svarmulighed"]: r for r in _csv(a)}
    assert rows["Ja"]["andel_pct_afrundet"] == "6,3"
    assert rows["Ja"]["andel_brøk_præcis"] == "0,0625"
    assert rows["Nej"]["andel_pct_afrundet"] == "93,8"
    for r in tables.rows(a):
        if r.count is not None and r.share is not None:
            assert tables.rounded_pct(r) == Decimal(rows[r.label]["andel_pct_afrundet"]
                                                    .replace(",", "."))


# Markdown (14.12, 10.15) ---------------------------------------------------------------


def test_markdown_has_everything_the_table_output_has(example: Analysis) -> None:
    md = emit.render_bytes(example, "markdown", "da").decode("utf-8")
    table = emit.render_bytes(example, "table", "da").decode("utf-8")
    assert "Deltagende: 95 · Inviterede: 98 kommuner · Svarprocent: 96,9%" in md
    assert "Har ikke svaret: Vallensbæk (187), Lemvig (665), Læsø (825)" in md
    assert "| **Ja i alt** | **92** | **96,8%** |" in md
    assert md.count("Flere svar muligt") == 4
    # every cell of the terminal table is in the Markdown, in the same order
    flat = " ".join(table.split())  # rich wraps long titles
    for r in example.questions:
        v = view.question(r)
        assert " ".join(v.title.split()) in flat
        assert f"## {v.title}" in md
        for cells in v.rows:
            assert " | ".join(cells) in md.replace("**", "")
    summary = view.summary(example)
    assert summary.line in table


def test_markdown_escapes_html_and_markdown_in_free_text() -> None:
    """Issue 10.15: a Markdown viewer would run <script>; escape it as the HTML does."""
    a = analyse(_survey(("Ja", "Nej"), ["Ja", "Nej"],
                        ["<script>alert(1)</script>", "[klik](javascript:alert(1)) | *fed*"]))
    md = tables.to_markdown(a)
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(", md)  # no unescaped "](": no link
    assert r"\[klik\](javascript:alert(1)) \| \*fed\*" in md
    assert md.count("\n| ") >= 4  # the pipe in the answer did not open a new cell


# xlsx (14.13, 10.8) --------------------------------------------------------------------


def _xlsx(a: Analysis, monkeypatch: pytest.MonkeyPatch, epoch: str | None = None) -> bytes:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    return emit.render_bytes(a, "xlsx", "da")


def _sheet_xml(data: bytes, n: int) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{n}.xml").decode()


def test_xlsx_text_is_an_explicit_string_never_a_formula(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    texts = ["- via skolen", "+45 12 34 56 78", '=HYPERLINK("http://x.example","klik")',
             "@SUM(A1)"]
    a = analyse(_survey(("Ja", "Nej"), ["Ja"] * 4, texts))
    data = _xlsx(a, monkeypatch)
    wb = load_workbook(io.BytesIO(data))
    free = wb["Fritekst"]
    cells = [row[4] for row in free.iter_rows(min_row=2)]
    assert [c.value for c in cells] == texts  # no apostrophe
    assert all(c.data_type == "s" for c in cells)
    xml = _sheet_xml(data, 2)
    assert "<f>" not in xml and "<f " not in xml
    assert xml.count('t="inlineStr"') >= len(texts)
    csv_text = emit.render_bytes(a, "csv", "da").decode("utf-8-sig")
    assert "'- via skolen" in csv_text and "'=HYPERLINK" in csv_text  # CSV keeps it


def test_xlsx_sheets_filter_danish_kinds_and_provenance(
        example: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(_xlsx(example, monkeypatch)))
    assert wb.sheetnames == ["Resultater", "Fritekst", "Om data"]
    results, free, about = wb["Resultater"], wb["Fritekst"], wb["Om data"]
    assert results.auto_filter.ref == results.dimensions
    assert free.auto_filter.ref == free.dimensions
    assert results.freeze_panes == "A2"
    kinds = {row[3].value for row in results.iter_rows(min_row=2)}
    assert kinds == {"svarmulighed", "ja i alt"}
    assert {row[3].value for row in free.iter_rows(min_row=2)} == {"andet-tekst"}
    first = [c.value for c in results[2]]
    assert first[6] == 63.2 and first[7] == pytest.approx(60 / 95)
    facts = {row[0].value: row[1].value for row in about.iter_rows()}
    assert facts["Fil"] == "responses.xlsx" and facts["Ark"] == "Besvarelser"
    assert facts["SHA-256"] == example.source.sha256
    assert facts["Lavet med"].startswith("kl-survey ")


@pytest.mark.parametrize("epoch", [None, "", "1748736000"])
def test_xlsx_date_is_source_date_epoch_or_none(example: Analysis, epoch: str | None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    data = _xlsx(example, monkeypatch, epoch)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    if epoch:
        assert "<dcterms:created" in core and ">2025-06-01T00:00:00Z<" in core
        assert "<dcterms:modified" in core
    else:
        assert "dcterms:created" not in core and "dcterms:modified" not in core
        assert "2000-01-01" not in core
    assert data == _xlsx(example, monkeypatch, epoch)  # the same bytes every time


def test_control_characters_are_shown_not_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10.8: openpyxl refused NUL/ESC (IllegalCharacterError, exit 70)."""
    from openpyxl import load_workbook

    a = analyse(_survey(("Ja\x07", "Nej"), ["Ja\x07", "Nej"], ["hej\x00med\x1bdig", "ok"]))
    wb = load_workbook(io.BytesIO(_xlsx(a, monkeypatch)))
    assert wb["Fritekst"]["E2"].value == "hej\ufffdmed\ufffddig"
    assert wb["Resultater"]["E2"].value == "Ja\ufffd"
    for fmt in ("csv", "markdown", "table"):
        out = emit.render_bytes(a, fmt, "da").decode("utf-8")
        assert "hej\ufffdmed\ufffddig" in out and not re.search("[\x00-\x08\x1b]", out)
    assert '"hej\\u0000med\\u001bdig"' in emit.render_bytes(a, "json", "da").decode()
