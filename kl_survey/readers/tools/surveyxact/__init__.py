"""SurveyXact: its three tables (:mod:`.load`), their plan (:mod:`.structure`) and the
reader that builds the survey from them (:mod:`.reader`)."""

from kl_survey.readers.tools.surveyxact.reader import READER

__all__ = ["READER"]
