"""Fitting a plan to the person's time. Pure: values in, values out.

The rules, in the order they apply (README, "Plans that fit your time"):
- The time available is the hours a week the person gives (the inventory's `hours_per_week`,
  or the plan's own figure, or DEFAULT_HOURS_PER_WEEK) times the weeks of the horizon.
- Every step takes its `hours` and lasts at least its `weeks`; a step without them uses the
  estimate for the level it reaches (careerpath.core.effort). Other goals take the hours their maker
  gives them (careerpath.core.plan.role_goals). Check-ins belong in the one-on-ones the person
  has already, so they are not counted.
- The plan's own goals (protected time, rating the unknowns, the reviews) are placed first.
  Then, month by month, the goals about people, exposure and influence (a mentor first), in
  turn, as many as fit in OTHER_SHARE of that month's hours, at most OTHER_GOALS_PER_MONTH.
- Then the skill steps, highest priority first and one level of each skill in turn: a step
  starts in the first week with hours left after the same skill's previous level is done,
  spreads its hours evenly over its minimum duration (longer when the weeks are full), runs
  beside at most AT_ONCE - 1 other steps,
  and is due at the first milestone after it ends, at most SKILL_STEPS_PER_MONTH steps to a
  milestone.
- Whatever does not fit by the horizon is deferred to the next plan, and the plan says so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import NamedTuple

from careerpath.errors import UsageError

DEFAULT_HOURS_PER_WEEK = 2.0  # what most people can protect beside a full-time job
MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK = 0.5, 40.0
SKILL_STEPS_PER_MONTH = 3
OTHER_GOALS_PER_MONTH = 2
OTHER_SHARE = 0.4
AT_ONCE = 3  # skill steps under way in the same week

FIT_RULE = (
    "hours available = hours a week × the weeks of the plan; each month holds at most"
    f" {SKILL_STEPS_PER_MONTH} skill steps and {OTHER_GOALS_PER_MONTH} goals about people,"
    f" exposure and influence (within {round(OTHER_SHARE * 100)}% of its hours) beside the"
    " plan's own reviews; a step never runs shorter than its minimum duration; check-ins"
    " belong in your one-on-ones and bridging experiences in work time agreed with your manager,"
    " so neither is counted; what does not fit waits for the next plan"
)


def check_hours(text: str) -> float:
    """Hours a week for a plan, as typed: a number from half an hour to forty."""
    try:
        hours = float(text.strip().replace(",", "."))
    except ValueError:
        hours = math.nan
    if not MIN_HOURS_PER_WEEK <= hours <= MAX_HOURS_PER_WEEK:
        raise UsageError(
            f"{{option}} must be a number of hours a week from {MIN_HOURS_PER_WEEK:g} to"
            f" {MAX_HOURS_PER_WEEK:g}, got '{text}'",
            option="hours",
        )
    return hours


class Slot(NamedTuple):
    """One milestone's stretch of the plan: the weeks that end on or before its date."""

    label: str
    date: dt.date
    first_week: int
    end_week: int  # exclusive


class Span(NamedTuple):
    """Where a skill step sits: the weeks it runs (inclusive) and the milestone it is due at."""

    start_week: int
    finish_week: int
    slot: int


class Ledger:
    """The hours left in each week of the plan, and the skill steps under way in each."""

    def __init__(self, start: dt.date, end: dt.date, hours_per_week: float) -> None:
        self.start = start
        self.days = (end - start).days
        self.weeks = max(1, math.ceil(self.days / 7))
        self.capacity = [
            hours_per_week * min(7, self.days - 7 * week) / 7 for week in range(self.weeks)
        ]
        self.left = list(self.capacity)
        self.busy = [0] * self.weeks
        self.used = 0.0

    def week_of(self, day: dt.date) -> int:
        return min(self.weeks - 1, max(0, (day - self.start).days // 7))

    def week_start(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * week)

    def week_end(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=min(self.days, 7 * (week + 1)))

    def room(self, first: int, end: int) -> float:
        return sum(self.left[first:end])

    def reserve(self, hours: float, first: int, end: int) -> None:
        """Take `hours` from the weeks first..end-1, evenly, then from any week with room left
        (a week may run short: the plan's own goals and check-ins are always kept)."""
        weeks = range(first, max(end, first + 1))
        share = hours / len(weeks)
        rest = 0.0
        for week in weeks:
            take = min(share, self.left[week])
            self.left[week] -= take
            rest += share - take
        for week in weeks:
            take = min(rest, self.left[week])
            self.left[week] -= take
            rest -= take
        self.used += hours

    def fit_step(self, hours: float, weeks: int, earliest: int) -> tuple[int, int, list[float]]:
        """The first start from `earliest` at which a step of `hours` over at least `weeks`
        weeks finishes within the plan: (start, finish, hours taken per week from start).
        Raises LookupError when no start does."""
        rate = hours / max(weeks, 1)
        start = earliest
        while start < self.weeks and self.left[start] <= 1e-9:
            start += 1
        while start < self.weeks:
            taken: list[float] = []
            need = hours
            week = start
            blocked = False
            while week < self.weeks:
                if self.busy[week] >= AT_ONCE:
                    blocked = True
                    break
                take = min(rate, need, self.left[week])
                taken.append(take)
                need -= take
                if need <= 1e-9 and week - start + 1 >= weeks:
                    return start, week, taken
                week += 1
            if not blocked:
                break  # it ran out of weeks: a later start cannot finish sooner
            start = week + 1
            while start < self.weeks and self.left[start] <= 1e-9:
                start += 1
        raise LookupError("does not fit")

    def commit(self, start: int, taken: Sequence[float]) -> None:
        for offset, take in enumerate(taken):
            self.left[start + offset] -= take
            self.busy[start + offset] += 1
        self.used += sum(taken)


def slots_of(ledger: Ledger, marks: Sequence[tuple[str, dt.date]]) -> tuple[Slot, ...]:
    """Each milestone with the weeks that end on or before its date (the last takes the rest)."""
    slots: list[Slot] = []
    first = 0
    for index, (label, day) in enumerate(marks):
        if index == len(marks) - 1:
            end = ledger.weeks
        else:
            end = first
            while end < ledger.weeks and ledger.week_end(end) <= day:
                end += 1
            end = max(end, first + 1) if first < ledger.weeks else first
        slots.append(Slot(label, day, first, min(end, ledger.weeks)))
        first = min(end, ledger.weeks)
    return tuple(slots)


def slot_of_week(slots: Sequence[Slot], week: int) -> int:
    """The milestone a step that ends in `week` is due at."""
    for index, slot in enumerate(slots):
        if week < slot.end_week:
            return index
    return len(slots) - 1
