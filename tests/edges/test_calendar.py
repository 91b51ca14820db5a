"""The plan's calendar: every stamp comes from the plan, never from the clock."""

from __future__ import annotations

import datetime as dt

import icalendar

from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.horizon import parse_horizon
from careerpath.edges.calendar import plan_calendar
from tests.builders import catalogue, inventory, role

START = dt.date(2021, 3, 1)  # long past: a stamp taken from the clock cannot match it


def calendar_of(start: dt.date) -> icalendar.Calendar:
    target = role(a=(3, 5), b=(2, 4))
    plan = build_plan(
        inventory(a=1, b=0),
        target,
        catalogue("a", "b"),
        [target],
        start=start,
        horizon=parse_horizon("6m"),
    )
    return icalendar.Calendar.from_ical(plan_calendar(plan))


def test_every_dtstamp_is_the_plans_start_not_the_clock() -> None:
    events = list(calendar_of(START).walk("VEVENT"))
    assert events
    midnight = dt.datetime(2021, 3, 1, tzinfo=dt.UTC)
    assert {event.decoded("dtstamp") for event in events} == {midnight}


def test_the_stamp_moves_with_the_plan() -> None:
    later = dt.date(2022, 7, 4)
    stamps = {event.decoded("dtstamp") for event in calendar_of(later).walk("VEVENT")}
    assert stamps == {dt.datetime(2022, 7, 4, tzinfo=dt.UTC)}
