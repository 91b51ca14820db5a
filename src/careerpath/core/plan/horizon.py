"""A plan's horizon: how far ahead it runs, parsed from `6m`, `26w`, `180d` or `1y`. Pure."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from careerpath.errors import UsageError

_HORIZON = re.compile(r"\s*([0-9]+)\s*([dwmy])\s*", re.IGNORECASE)


class Horizon(NamedTuple):
    amount: int
    unit: str  # d, w, m or y

    @property
    def label(self) -> str:
        words = {"d": "day", "w": "week", "m": "month", "y": "year"}
        word = words[self.unit]
        return f"{self.amount} {word}{'' if self.amount == 1 else 's'}"

    def end(self, start: dt.date) -> dt.date:
        if self.unit == "d":
            return start + dt.timedelta(days=self.amount)
        if self.unit == "w":
            return start + dt.timedelta(weeks=self.amount)
        months = self.amount if self.unit == "m" else 12 * self.amount
        return add_months(start, months)


def parse_horizon(text: str) -> Horizon:
    """`6m`, `26w`, `180d` or `1y`; between two weeks and three years."""
    match = _HORIZON.fullmatch(text)
    if not match:
        raise UsageError(
            f"{{option}} must look like 6m, 26w, 180d or 1y, got '{text}'", option="horizon"
        )
    horizon = Horizon(int(match.group(1)), match.group(2).lower())
    start = dt.date(2000, 1, 1)
    days = (horizon.end(start) - start).days
    if not 14 <= days <= 3 * 366:
        raise UsageError(
            f"{{option}} must be between two weeks and three years, got '{text}'",
            option="horizon",
        )
    return horizon


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or the month's last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    next_first = dt.date(year + month // 12, month % 12 + 1, 1)
    month_days = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, month_days))
