"""Class limits for a choropleth: at most five classes, round limits, none empty.

Municipal figures are skewed (København's counts dwarf Læsø's), so equal intervals
would put 90 municipalities in the lowest class. The limits start from quantiles, which
spread the municipalities over the classes, and are then rounded to one significant
digit (3, 7, 20, 50, 100), because a reader remembers "20–49", not "18,6–47,2". Rounding
can make two limits meet or leave a class empty; those limits are dropped, so what is
left always has members. The outer limits are the data's minimum and maximum rounded
outwards to the same kind of number, so the legend covers every value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kl_survey.numbers import Lang, format_number

MAX_CLASSES = 5


@dataclass(frozen=True)
class Classes:
    """``limits`` has one more entry than there are classes. Class ``i`` holds
    ``limits[i] <= v < limits[i + 1]``; the last class also holds its upper limit.
    With ``integers`` the legend prints closed ranges (``20–49``); with ``points`` each
    class is the single value at its lower limit (few distinct whole numbers)."""

    limits: tuple[float, ...]
    integers: bool
    points: bool = False

    @property
    def count(self) -> int:
        return len(self.limits) - 1

    def index(self, value: float) -> int:
        """The class ``value`` falls in (values outside the limits clamp to the ends)."""
        inner = np.asarray(self.limits[1:-1], dtype=float)
        return int(np.searchsorted(inner, value, side="right"))

    def bounds(self, i: int) -> tuple[float, float]:
        """The closed range the legend prints for class ``i``."""
        low, high = self.limits[i], self.limits[i + 1]
        if self.points:
            return low, low
        if self.integers and i < self.count - 1:
            high -= 1
        return low, high

    def label(self, i: int, lang: Lang) -> str:
        low, high = self.bounds(i)
        if low == high:
            return _fmt(low, lang)
        return f"{_fmt(low, lang)}–{_fmt(high, lang)}"


def _fmt(x: float, lang: Lang) -> str:
    return format_number(x, lang, max_decimals=6)


def _nice_step(span: float) -> float:
    """The largest 1, 2 or 5 × 10^k not above a fifth of ``span``: the grid the outer
    limits snap to, fine enough that the ends stay close to the data."""
    target = span / MAX_CLASSES
    unit = 10.0 ** math.floor(math.log10(target))
    return max(m * unit for m in (1, 2, 5) if m * unit <= target)


def _round_to(x: float, unit: float, how: str = "round") -> float:
    """``x`` to a multiple of ``unit``, to the nearest (half up) or outwards."""
    ops = {"round": lambda v: math.floor(v + 0.5), "floor": math.floor, "ceil": math.ceil}
    return _clean(ops[how](x / unit) * unit)


def _inner_unit(x: float, step: float, integers: bool) -> float:
    """One significant digit of ``x``, but never coarser than ``step`` (so 3 stays 3
    beside a 300) nor finer than two significant digits; whole numbers for counts."""
    if x == 0:
        return step
    digit = 10.0 ** math.floor(math.log10(abs(x)))
    unit = max(min(digit, step), digit / 10)
    return max(unit, 1.0) if integers else unit


def _finer(step: float) -> list[float]:
    """``step`` and the next two smaller 1-2-5 steps: 500 → 500, 200, 100."""
    out = [step]
    for _ in range(2):
        mantissa = round(out[-1] / 10.0 ** math.floor(math.log10(out[-1])))
        out.append(_clean(out[-1] * (0.4 if mantissa == 5 else 0.5)))
    return out


def _clean(x: float) -> float:
    """Drop float noise such as 0.30000000000000004 left by the rounding."""
    return float(f"{x:.12g}")


def classify(values: Sequence[float], max_classes: int = MAX_CLASSES) -> Classes:
    """Round class limits for ``values`` (at least one finite value; magnitudes below
    1e-12 count as 0)."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        raise ValueError("classify needs at least one number")
    # Float dust (1e-300, a subnormal) would need limits finer than any legend prints.
    data = np.sort([0.0 if abs(v) < 1e-12 else v for v in finite])
    integers = bool(np.all(data == np.round(data)))
    first, last = float(data[0]), float(data[-1])
    if first == last:  # every value the same: one class, exactly that value
        return Classes((first, last), integers)
    step = _nice_step(last - first)
    if integers:
        step = max(step, 1.0)
    low, high = _round_to(first, step, "floor"), _round_to(last, step, "ceil")
    distinct = np.unique(data)
    if integers and len(distinct) <= max_classes:  # e.g. 0/1/2: one class per value
        values = tuple(float(v) for v in distinct)
        return Classes((*values, values[-1]), integers, points=True)
    k = min(max_classes, len(distinct))
    quantiles = [float(q) for q in np.quantile(data, [i / k for i in range(1, k)])]
    inner: list[float] = []
    for grid in _finer(step):  # finer grids only if rounding merged limits
        if integers and grid < 1:
            break
        found = sorted({_round_to(q, _inner_unit(q, grid, integers)) for q in quantiles})
        if len(found) > len(inner):
            inner = found
        if len(inner) >= len(quantiles) - 1:  # one merge is a fair price for round limits
            break
    limits = [low, *(x for x in inner if low < x < high), high]
    if integers and any(x != round(x) for x in limits):
        integers = False
    return Classes(_drop_empty(data, limits), integers)


def _drop_empty(data: np.ndarray, limits: list[float]) -> tuple[float, ...]:
    """Merge away classes no value falls in, by removing their upper inner limit."""
    changed = True
    while changed and len(limits) > 2:
        changed = False
        classes = Classes(tuple(limits), False)
        used = np.bincount([classes.index(v) for v in data], minlength=classes.count)
        for i, n in enumerate(used):
            if n == 0:
                del limits[i + 1 if i + 1 < len(limits) - 1 else i]
                changed = True
                break
    return tuple(limits)
