"""Survey rounds over time: ``kl-survey compare OLD NEW``.

:mod:`.rounds` finds and loads each round, :mod:`.match` pairs the questions,
:mod:`.panel` follows the municipalities, :mod:`.changes` counts, and the output
modules only format what :class:`~.model.Comparison` holds.
"""

from kl_survey.compare.changes import compare
from kl_survey.compare.model import Comparison, Round

__all__ = ["Comparison", "Round", "compare"]
