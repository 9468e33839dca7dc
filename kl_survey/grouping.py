"""Who belongs to which group for a breakdown: by region, by an answer, or by a file.

A grouping assigns every respondent to one group (or to "Uoplyst" when it cannot) and
knows, where it can, each group's population N, so bounds and intervals apply within
groups too. Nobody is dropped silently: respondents without a group land in "Uoplyst"
and every unknown or missing municipality comes back as an :class:`Issue`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from kl_survey import municipalities as mun
from kl_survey.errors import InputError
from kl_survey.issues import Issue, Severity, Where
from kl_survey.messages import msg, plural, quote
from kl_survey.model import QType, Survey

#: the label of respondents a grouping cannot place (Danmarks Statistik's word). It is
#: data, the same in every language like the options' labels, so JSON keeps it;
#: :func:`display` shows it in the reader's language.
UNPLACED = "Uoplyst"


def display(label: str, lang: str | None = None) -> str:
    """A group's label as a reader sees it: :data:`UNPLACED` is "Not stated" in English."""
    return msg("groups.unplaced").render(lang) if label == UNPLACED else label
GroupKind = Literal["region", "question", "file"]


@dataclass(frozen=True)
class Grouping:
    """``members[i]`` is respondent i's index into ``labels`` (-1: :data:`UNPLACED`)."""

    by: str
    title: str
    kind: GroupKind
    labels: tuple[str, ...]
    populations: tuple[int | None, ...]
    members: tuple[int, ...]

    def masks(self) -> list[tuple[str, int | None, np.ndarray]]:
        """(label, population, row mask) per group in order, "Uoplyst" last if used."""
        members = np.asarray(self.members, dtype=np.int64)
        out = [(label, pop, members == i)
               for i, (label, pop) in enumerate(zip(self.labels, self.populations, strict=True))]
        unplaced_rows = members < 0
        if unplaced_rows.any():
            out.append((UNPLACED, None, unplaced_rows))
        return out


def resolve(survey: Survey, by: str, groups: Path | None = None) -> tuple[Grouping, list[Issue]]:
    """The grouping ``--by`` asks for: ``region``, a question id, or a groups-file column."""
    if groups is not None:
        return by_file(survey, groups, by)
    if by.strip().casefold() == "region":
        return by_region(survey)
    return by_question(survey, by)


def _members(codes: pd.Series, group_of: dict[int, int]) -> tuple[int, ...]:
    """Each respondent's group index by municipality code (-1: none), through a lookup
    table over the 3-digit codes rather than one dict access per respondent (citizen
    surveys have 500 000 rows)."""
    table = np.full(1000, -1, dtype=np.int64)
    for code, group in group_of.items():
        table[code] = group
    values = codes.astype("Int64")
    known = (values.notna() & values.between(0, 999)).to_numpy(dtype=bool)
    found = np.full(len(values), -1, dtype=np.int64)
    found[known] = table[values[known].to_numpy(dtype=np.int64)]
    return tuple(found.tolist())


def _codes(survey: Survey) -> pd.Series:
    codes = survey.respondents.get("municipality")
    if codes is None:
        return pd.Series(pd.NA, index=survey.respondents.index, dtype="Int64")
    return codes


def _all_municipalities(survey: Survey) -> bool:
    """Whether the population is the 98 municipalities, so group sizes come from the
    register; a spec's own list of codes is not carried this far, so then N is unknown."""
    pop = survey.population
    return (pop is not None and pop.unit == "kommuner" and pop.size == len(mun.register())
            and survey.n <= pop.size)


def by_region(survey: Survey) -> tuple[Grouping, list[Issue]]:
    """The five regions in the official order; N per region from the register."""
    codes = _codes(survey)
    index = {r: i for i, r in enumerate(mun.REGIONS)}
    members = _members(codes, {m.code: index[m.region] for m in mun.register()})
    sizes = Counter(m.region for m in mun.register())
    known = _all_municipalities(survey)
    populations = tuple(sizes[r] if known else None for r in mun.REGIONS)
    grouping = Grouping("region", "Region", "region", mun.REGIONS, populations, members)
    return grouping, _unplaced_issue(survey, grouping)


def by_question(survey: Survey, qid: str) -> tuple[Grouping, list[Issue]]:
    """Groups are the options of a single-choice question, in the question's order."""
    wanted = qid.strip().casefold()
    q = next((q for q in survey.questions if q.id.casefold() == wanted), None)
    if q is None:
        ids = ", ".join(q.id for q in survey.questions if q.type is QType.SINGLE)
        raise InputError(msg("groups.unknown-by", qid=qid, ids=ids))
    if q.type is not QType.SINGLE:
        raise InputError(msg("groups.not-single", qid=q.id, n=q.number, type=q.type.value))
    data = survey.answers[q.id]
    assert isinstance(data, pd.Series)  # single choice: one categorical column
    codes = pd.Categorical(data.astype(object), categories=list(q.options)).codes
    grouping = Grouping(q.id, q.title or q.text, "question", q.options,
                        (None,) * len(q.options), tuple(int(c) for c in codes))
    return grouping, _unplaced_issue(survey, grouping, q.id)


def _unplaced_issue(survey: Survey, g: Grouping, question: str | None = None,
                    count: int | None = None) -> list[Issue]:
    """The warning for respondents in "Uoplyst": without a municipality, or (for groups
    by a ``question``) without an answer to it."""
    count = sum(1 for m in g.members if m < 0) if count is None else count
    if not count:
        return []
    why = (plural(count, "groups.no-answer", qid=question) if question
           else plural(count, "groups.no-municipality"))
    message = plural(count, "issue.breakdown-unplaced", why=why, group=msg("groups.unplaced"))
    return [Issue(Severity.WARNING, "breakdown-unplaced", message,
                  Where(file=survey.source.file), message.hint())]


# ---------------------------------------------------------------- groups file


def by_file(survey: Survey, path: Path, column: str) -> tuple[Grouping, list[Issue]]:
    """Groups from a CSV/xlsx mapping municipality (code or name) to a group.

    Read with the exports' source layer and municipality matcher, so "0101",
    "Københavns Kommune" and "Koebenhavn" all work. Group order is the order of first
    appearance in the file, which is the order the analyst keeps.
    """
    from kl_survey.readers.source import read_table

    table = read_table(Path(path))
    frame, rows = table.frame, table.rows
    headers = [str(h).strip() if pd.notna(h) else "" for h in frame.iloc[0]]
    body = frame.iloc[1:]
    where = Where(file=str(path), sheet=table.sheet)
    group_col = _group_column(headers, column, where)
    muni_col = _municipality_column(headers, body, group_col)
    if muni_col is None:
        raise InputError(msg("groups.file-no-municipality"), file=path, sheet=table.sheet)
    mapping, issues = _mapping(body[muni_col], body[group_col], rows[1:], where,
                               headers[group_col])
    labels = tuple(dict.fromkeys(mapping.values()))
    index = {label: i for i, label in enumerate(labels)}
    codes = _codes(survey)
    members = _members(codes, {code: index[label] for code, label in mapping.items()})
    issues += _missing(survey, mapping, where)
    populations: tuple[int | None, ...] = (None,) * len(labels)
    if _all_municipalities(survey) and all(m.code in mapping for m in mun.register()):
        sizes = Counter(mapping.values())
        populations = tuple(sizes[label] for label in labels)
    grouping = Grouping(column, headers[group_col], "file", labels, populations, members)
    # those whose municipality is missing from the file are named by _missing already
    no_code = int(codes.isna().sum())
    return grouping, issues + _unplaced_issue(survey, grouping, count=no_code)


def _group_column(headers: list[str], column: str, where: Where) -> int:
    wanted = column.strip().casefold()
    for i, h in enumerate(headers):
        if h.casefold() == wanted:
            return i
    names = ", ".join(quote(h) for h in headers if h)
    raise InputError(msg("groups.file-no-column", column=quote(column), names=names),
                     file=where.file, sheet=where.sheet)


def _municipality_column(headers: list[str], body: pd.DataFrame, skip: int) -> int | None:
    """The exports' detector (half the cells must name a municipality, so a few unknown
    names do not hide the column); a tiny file falls back to a header saying Kommune."""
    found = mun.detect_column({str(i): body[i].tolist() for i in range(len(headers))
                               if i != skip}, min_share=0.5)
    if found is not None:
        return int(found)
    named = [i for i, h in enumerate(headers) if i != skip and "kommune" in h.casefold()]
    return named[0] if named else None


def _mapping(munis: pd.Series, groups: pd.Series, rows: tuple[int, ...], where: Where,
             group_header: str) -> tuple[dict[int, str], list[Issue]]:
    """Municipality code -> group; unknown names are warnings, contradictions errors."""
    mapping: dict[int, str] = {}
    issues: list[Issue] = []
    for raw, group, row in zip(munis.tolist(), groups.tolist(), rows, strict=True):
        if pd.isna(raw) or not str(raw).strip():
            continue
        m = mun.match(raw)
        if m is None:
            issues.append(_unknown(str(raw).strip(), row, where))
            continue
        label = str(group).strip() if pd.notna(group) else ""
        if not label:
            continue  # reported below as missing if the municipality answered
        if mapping.setdefault(m.code, label) != label:
            raise InputError(msg("groups.two-groups", name=m.name, first=mapping[m.code],
                                 second=label),
                             file=where.file, sheet=where.sheet, row=row, column=group_header)
    return mapping, issues


def _unknown(value: str, row: int, where: Where) -> Issue:
    close = mun.suggest(value, limit=1)
    guess = msg("groups.did-you-mean", name=close[0].name, code=close[0].code) if close else ""
    message = msg("issue.groups-unknown-municipality", value=value, guess=guess)
    return Issue(Severity.WARNING, "groups-unknown-municipality", message,
                 Where(file=where.file, sheet=where.sheet, row=row, municipality=value),
                 message.hint())


def _missing(survey: Survey, mapping: dict[int, str], where: Where) -> list[Issue]:
    """Municipalities that answered but have no group, and a note if non-respondents lack
    one too (then the groups' N is unknown and no bounds are given within groups)."""
    codes = {int(c) for c in _codes(survey).dropna()}
    issues = []
    absent = sorted(codes - set(mapping))
    if absent:
        message = msg("issue.groups-missing-municipality", names=_names(absent),
                      group=msg("groups.unplaced"))
        issues.append(Issue(Severity.WARNING, "groups-missing-municipality", message, where,
                            message.hint()))
    others = sorted(m.code for m in mun.register() if m.code not in mapping
                    and m.code not in codes)
    if others and _all_municipalities(survey):
        message = msg("issue.groups-incomplete", names=_names(others))
        issues.append(Issue(Severity.INFO, "groups-incomplete", message, where,
                            message.hint()))
    return issues


def _names(codes: list[int], limit: int = 8) -> str:
    names = [f"{mun.by_code(c).name} ({c})" for c in codes[:limit]]
    if len(codes) > limit:
        return msg("words.more", shown=", ".join(names), n=len(codes) - limit)
    return ", ".join(names)
