"""Rebuild the issue-13 screenshots in docs/: four maps and one per-municipality page.

    python docs/make_maps.py      # from the repository root

map-q01.png and map-q05.png are the example's Q1 and Q5; map-choropleth.png is a numeric
question with synthetic numbers (the example has none); map-grid-row.png is one row of
the activity example's Likert grid (``--maps "q3:Fysiske rammer"``);
kommune-101-page1.png is page 1 of København's report from ``--per-municipality``. PNGs
are reduced to 48 colours so they stay small in git.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from kl_survey import municipalities as mun
from kl_survey.analysis import QuestionResult, analyse
from kl_survey.by_municipality import Placed, placed, resolve
from kl_survey.model import QType, Question
from kl_survey.pipeline import LoadOptions, load
from kl_survey.report import mapmodel, maps
from kl_survey.report.feedback_writer import write_per_municipality

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05"
ACTIVITY = ROOT / "data" / "examples" / "kl-2025-q1-aktivitet"
DOCS = ROOT / "docs"


def _save(png: bytes, name: str, size: int = 1100) -> None:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    img.thumbnail((size, size * 2))
    img.quantize(colors=48, method=Image.Quantize.MEDIANCUT,
                 dither=Image.Dither.NONE).save(DOCS / name, optimize=True)


def main() -> None:
    survey = load(EXAMPLE / "responses.xlsx", LoadOptions(spec=EXAMPLE / "survey.toml")).survey
    analysis = analyse(survey)
    for r in analysis.questions:
        if r.question.id in ("q1", "q5"):
            model = mapmodel.build(r, placed(survey, r.question.id), "da",
                                   analysis.meta.credit or "")
            _save(maps.render(model).png, f"map-q{r.question.number:02d}.png")
    rng = np.random.default_rng(7)
    values = {m.code: float(round(rng.lognormal(3.2, 0.8))) for m in mun.register()
              if m.code not in (187, 665, 825)}
    q = Question("q9", 9, "Antal henvendelser i 1. kvartal", QType.NUMERIC,
                 title="Henvendelser i 1. kvartal (syntetiske tal)")
    model = mapmodel.build(QuestionResult(q, base=len(values), answered=len(values)),
                           Placed("q9", tuple(sorted(values.items()))), "da",
                           "Kilde: syntetiske tal til dokumentationen")
    _save(maps.render(model).png, "map-choropleth.png")
    _grid_row()
    with tempfile.TemporaryDirectory() as out:
        write_per_municipality(survey, Path(out), formats=("pdf",),
                               chosen=resolve(["København"]), workers=1)
        page = pdfium.PdfDocument(Path(out) / "kommuner" / "101-koebenhavn.pdf")[0]
        buf = io.BytesIO()
        page.render(scale=1.6).to_pil().save(buf, format="PNG")
    _save(buf.getvalue(), "kommune-101-page1.png", size=953)


def _grid_row() -> None:
    survey = load(ACTIVITY / "responses.xlsx",
                  LoadOptions(spec=ACTIVITY / "survey.toml")).survey
    analysis = analyse(survey)
    where = placed(survey, "q3:Fysiske rammer")
    result = next(r for r in analysis.questions if r.question.id == where.qid)
    model = mapmodel.build(result, where, "da", analysis.meta.credit or "")
    _save(maps.render(model).png, "map-grid-row.png")


if __name__ == "__main__":
    main()
