"""Reader for surveymonkey exports (placeholder until the reader lands)."""

from __future__ import annotations

from kl_survey.errors import InputError
from kl_survey.model import Survey
from kl_survey.readers.base import Probe, ReadOptions, Reader


def _detect(probe: Probe) -> float:
    return 0.0


def _read(probe: Probe, options: ReadOptions) -> Survey:
    raise InputError("Kilden 'surveymonkey' er endnu ikke understøttet", file=probe.path)


READER = Reader(name="surveymonkey", label="surveymonkey", detect=_detect, read=_read)
