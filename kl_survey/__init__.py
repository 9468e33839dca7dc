"""kl-survey: from a municipal questionnaire export to the published shares and charts."""

__version__ = "0.1.0"
