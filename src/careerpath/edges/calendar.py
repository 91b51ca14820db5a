"""The plan's milestones and check-ins as an iCalendar file (RFC 5545), for `plan --ics FILE`.

The only module that imports icalendar, and only when a calendar is asked for. Returns text;
the CLI writes it. Deterministic: the UIDs come from the person, role and dates, and DTSTAMP
is the plan's start (the core has no clock).
"""

from __future__ import annotations

import datetime as dt
import re

from careerpath import __version__
from careerpath.core.plan.values import Plan

PRODID = f"-//careerpath//careerpath {__version__}//EN"


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _text(text: str) -> str:
    """Text for a property value: line breaks kept (icalendar escapes them as \\n), every other
    control character dropped (RFC 5545 allows none in text)."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _line(text: str) -> str:
    """Text for a one-line value, such as the calendar's name: line breaks become spaces."""
    return " ".join(_text(text).split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "plan"


def plan_calendar(plan: Plan) -> str:
    """Every milestone (with its goals) and every check-in as an all-day event."""
    import icalendar  # only `plan --ics` pays for it

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar escapes the properties it knows; this extension's only when given as vText.
    name = _line(f"Growth plan: {plan.person} → {plan.role.title}")
    calendar.add("x-wr-calname", icalendar.vText(name))
    stamp = dt.datetime.combine(plan.start, dt.time(0, 0), tzinfo=dt.UTC)
    prefix = f"careerpath-{_slug(plan.person)}-{plan.role.id}-{plan.start.isoformat()}"

    def event(uid: str, day: dt.date, summary: str, description: str) -> icalendar.Event:
        item = icalendar.Event()
        item.add("uid", f"{prefix}-{uid}@careerpath")
        item.add("dtstamp", stamp)
        item.add("dtstart", day)
        item.add("dtend", day + dt.timedelta(days=1))
        item.add("summary", _line(summary))
        item.add("description", _text(description))
        item.add("categories", ["careerpath"])
        item.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        return item

    for index, milestone in enumerate(plan.milestones, 1):
        lines = [
            f"Growth plan toward {plan.role.title}: the goals due {milestone.date.isoformat()}.",
            "",
        ]
        for goal in milestone.goals:
            lines.append(f"- {goal.title}")
            if goal.outcome:
                lines.append(f"  Done when: {goal.outcome}")
            lines.append(f"  Evidence: {goal.measure}")
        calendar.add_component(
            event(
                f"milestone-{index}",
                milestone.date,
                f"Growth plan: {milestone.label} milestone ({len(milestone.goals)} goals)",
                "\n".join(lines),
            )
        )
    for checkin in plan.checkins:
        calendar.add_component(
            event(
                f"checkin-{checkin.number}",
                checkin.date,
                f"Growth plan check-in {checkin.number}",
                f"Thirty minutes with your manager or mentor. {checkin.focus}.",
            )
        )
    data: bytes = calendar.to_ical()
    return data.decode("utf-8")
