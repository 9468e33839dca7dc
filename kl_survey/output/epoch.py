"""SOURCE_DATE_EPOCH, the reproducible-builds date: the only date any output carries.

Unset and empty both mean "no date": outputs then leave the date out rather than
invent one, so the same input gives the same bytes whatever the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from kl_survey.errors import KlSurveyError
from kl_survey.messages import msg


def source_epoch(env: Mapping[str, str] | None = None) -> int | None:
    """SOURCE_DATE_EPOCH in seconds; unset and empty both mean "no date" (None)."""
    raw = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        datetime.fromtimestamp(int(raw), tz=UTC)
        return int(raw)
    except (ValueError, OverflowError, OSError) as exc:
        raise KlSurveyError(msg("output.bad-epoch", value=repr(raw))) from exc


def created_stamp(env: Mapping[str, str] | None = None) -> str | None:
    """SOURCE_DATE_EPOCH as a W3C UTC datetime, or None when unset (then no date at all)."""
    epoch = source_epoch(env)
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
