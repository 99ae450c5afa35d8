"""Time axes that read well for any span: one bar per month, quarter or year, labels thinned to fit.

Up to three years of months are shown month by month, up to ten years quarter by quarter, longer
spans year by year, so that long empty stretches do not turn into hundreds of hair-thin bars.
Labels stand only at "round" periods (every 3rd month, every 5th year …) spaced far enough apart
for their text, and empty periods carry no count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Unit = Literal["month", "quarter", "year"]
MAX_MONTHS = 36
MAX_QUARTERS = 40
# Label strides that stay aligned to the calendar, per unit (in units).
STRIDES: dict[Unit, tuple[int, ...]] = {"month": (1, 2, 3, 6, 12, 24, 60, 120),
                                        "quarter": (1, 2, 4, 8, 20, 40),
                                        "year": (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)}


@dataclass(frozen=True)
class TimeBins:
    """Consecutive periods from the first to the last one with data, with their counts."""

    unit: Unit
    ordinals: list[int]
    counts: list[int]

    @property
    def labels(self) -> list[str]:
        """Each period as text: `2024-03`, `2024 Q1` or `2024`."""
        return [period_label(self.unit, p) for p in self.ordinals]


def period_label(unit: Unit, ordinal: int) -> str:
    """A period's label from its ordinal (months or quarters since year 0, or the year)."""
    if unit == "month":
        return f"{ordinal // 12:04d}-{ordinal % 12 + 1:02d}"
    if unit == "quarter":
        return f"{ordinal // 4:04d} Q{ordinal % 4 + 1}"
    return f"{ordinal:04d}"


def time_bins(pairs: Sequence[tuple[str, int]]) -> TimeBins:
    """Bin (YYYY-MM, count) pairs by month, quarter or year, whichever keeps the bars readable."""
    months: dict[int, int] = {}
    for key, n in pairs:
        ordinal = int(key[:4]) * 12 + int(key[5:7]) - 1
        months[ordinal] = months.get(ordinal, 0) + n
    if not months:
        return TimeBins("month", [], [])
    first, last = min(months), max(months)
    unit: Unit = "month" if last - first < MAX_MONTHS else (
        "quarter" if last // 3 - first // 3 < MAX_QUARTERS else "year")
    size = {"month": 1, "quarter": 3, "year": 12}[unit]
    binned: dict[int, int] = {}
    for ordinal, n in months.items():
        binned[ordinal // size] = binned.get(ordinal // size, 0) + n
    ordinals = list(range(first // size, last // size + 1))
    return TimeBins(unit, ordinals, [binned.get(p, 0) for p in ordinals])


def label_stride(unit: Unit, step: float, label_width: float) -> int:
    """The smallest calendar-aligned stride (in periods) whose labels, `step` pixels per period
    apart, leave room for `label_width` pixels each."""
    for stride in STRIDES[unit]:
        if stride * step >= label_width:
            return stride
    return STRIDES[unit][-1] * max(1, int(label_width / (STRIDES[unit][-1] * step)) + 1)


def labelled(bins: TimeBins, stride: int) -> list[int]:
    """Indexes of the bins that carry a label: those at a multiple of `stride`, or the first bin
    when none is."""
    picked = [i for i, p in enumerate(bins.ordinals) if p % stride == 0]
    return picked or ([0] if bins.ordinals else [])
