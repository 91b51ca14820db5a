"""Bridging experiences placed in a plan: one after another, within the horizon."""

from __future__ import annotations

import datetime as dt

from careerpath.core.model import Bridge
from careerpath.core.plan.bridges import placed
from tests.builders import move

START = dt.date(2026, 11, 2)


def bridges(*weeks: int) -> list[Bridge]:
    return [
        Bridge(
            kind="trial-project",
            title=f"Trial {n}",
            how="Ask.",
            evidence="It worked.",
            weeks=w,
            hours=w * 4,
        )
        for n, w in enumerate(weeks, 1)
    ]


def test_bridges_run_one_after_another_after_a_fortnight_to_arrange() -> None:
    shown = placed(
        move("support", "testing", ["a"]).model_copy(update={"bridges": bridges(2, 6)}),
        ("support", "testing"),
        START,
        START + dt.timedelta(days=182),
    )
    assert [(b.starts, b.due) for b in shown.bridges] == [
        (dt.date(2026, 11, 16), dt.date(2026, 11, 30)),
        (dt.date(2026, 11, 30), dt.date(2027, 1, 11)),
    ]
    assert shown.later == ()
    assert shown.text == "support -> testing (a direct move; the last, lateral)"


def test_bridges_beyond_the_horizon_are_left_for_the_next_plan() -> None:
    many = move("helpdesk", "testing", ["a"]).model_copy(update={"bridges": bridges(4, 12, 1)})
    shown = placed(many, ("helpdesk", "support", "testing"), START, START + dt.timedelta(weeks=12))
    assert [b.bridge.title for b in shown.bridges] == ["Trial 1"]
    assert [b.title for b in shown.later] == ["Trial 2", "Trial 3"]  # kept in order
    assert shown.text.startswith("helpdesk -> support -> testing (2 moves;")
