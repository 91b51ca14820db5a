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


# The range a plan may start in: every date it computes (at most three years on, and the
# check-ins and milestones within them) stays a real date, far from datetime's year 9999.
EARLIEST_START = dt.date(1900, 1, 1)
LATEST_START = dt.date(2999, 12, 31)
_DAYS = {"d": 1, "w": 7}
_MONTHS = {"m": 1, "y": 12}
_MAX_DIGITS = 6  # more cannot be in range, and is not converted to a number at all


def parse_horizon(text: str) -> Horizon:
    """`6m`, `26w`, `180d` or `1y`; between two weeks and three years.

    The range is checked on the numbers, before any date is computed from them.
    """
    match = _HORIZON.fullmatch(text)
    if not match:
        raise UsageError(
            f"{{option}} must look like 6m, 26w, 180d or 1y, got '{text}'", option="horizon"
        )
    digits, unit = match.group(1).lstrip("0") or "0", match.group(2).lower()
    amount = int(digits) if len(digits) <= _MAX_DIGITS else None
    if unit in _DAYS:  # 14 days to 3 years of 366 days
        fits = amount is not None and 14 <= amount * _DAYS[unit] <= 3 * 366
    else:  # a month (28 to 31 days) to 36 months
        fits = amount is not None and 1 <= amount * _MONTHS[unit] <= 36
    if not fits or amount is None:
        raise UsageError(
            f"{{option}} must be between two weeks and three years, got '{text}'",
            option="horizon",
        )
    return Horizon(amount, unit)


def check_start(day: dt.date) -> dt.date:
    """`day` if a plan may start on it (EARLIEST_START to LATEST_START), else a usage error."""
    if not EARLIEST_START <= day <= LATEST_START:
        raise UsageError(
            f"{{option}} must be between {EARLIEST_START.isoformat()} and"
            f" {LATEST_START.isoformat()}, got {day.isoformat()}",
            option="date",
        )
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or the month's last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    next_first = dt.date(year + month // 12, month % 12 + 1, 1)
    month_days = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, month_days))
