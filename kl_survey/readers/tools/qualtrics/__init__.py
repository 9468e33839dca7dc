"""Qualtrics: its header rows (:mod:`.layout`) and its reader (:mod:`.reader`)."""

from kl_survey.readers.tools.qualtrics.reader import READER

__all__ = ["READER"]
