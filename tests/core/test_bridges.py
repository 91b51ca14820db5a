"""Bridging experiences placed in a plan: one after another, within the horizon."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.model import Bridge, Lattice, Move, Role
from careerpath.core.plan.bridges import placed
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.carryover import Previous
from careerpath.core.plan.goals import Done
from careerpath.core.plan.horizon import parse_horizon
from careerpath.core.plan.smart import missing_parts
from careerpath.core.plan.values import Plan
from tests.builders import catalogue, inventory, move, role

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
    assert shown.text == "support -> testing (a direct move, lateral)"


def test_bridges_beyond_the_horizon_are_left_for_the_next_plan() -> None:
    many = move("helpdesk", "testing", ["a"]).model_copy(update={"bridges": bridges(4, 12, 1)})
    shown = placed(many, ("helpdesk", "support", "testing"), START, START + dt.timedelta(weeks=12))
    assert [b.bridge.title for b in shown.bridges] == ["Trial 1"]
    assert [b.title for b in shown.later] == ["Trial 2", "Trial 3"]  # kept in order
    assert shown.text.startswith("helpdesk -> support -> testing (2 moves;")


# --- in a plan -----------------------------------------------------------------------------

CAT = catalogue("a", "b", "c")
SUPPORT = role("support", a=(2, 4), b=(2, 3))
TARGET = role("target", a=(3, 5), b=(3, 4), c=(2, 3))
MIDDLE = role("middle", a=(3, 4), b=(2, 3), c=(1, 2))


def lattice(*moves: Move, entry: str | None = None) -> Lattice:
    return Lattice(entry=entry, moves=list(moves))


def plan_with(
    the_lattice: Lattice | None,
    current_role: str = "support",
    target: Role = TARGET,
    horizon: str = "6m",
    previous: Previous | None = None,
) -> Plan:
    return build_plan(
        inventory(targets=["target"], current_role=current_role, a=2, b=1, c=0),
        target,
        CAT,
        [SUPPORT, MIDDLE, TARGET],
        start=START,
        horizon=parse_horizon(horizon),
        lattice=the_lattice,
        previous=previous,
    )


def with_bridges(one: Move, *weeks: int) -> Move:
    return one.model_copy(update={"bridges": bridges(*weeks)})


def test_a_direct_move_dates_its_bridges_in_the_timeline_and_names_the_route() -> None:
    plan = plan_with(lattice(with_bridges(move("support", "target", ["c"]), 2, 6)))
    assert plan.route is not None
    assert plan.route.text == "support -> target (a direct move, lateral)"
    assert [g.id for g in plan.bridges] == ["bridge:trial-1", "bridge:trial-2"]
    timeline = {g.id: (g, m) for m in plan.milestones for g in m.goals}
    for goal in plan.bridges:
        dated, milestone = timeline[goal.id]
        assert goal.starts is not None and goal.due == milestone.date == dated.due
        assert goal.starts + dt.timedelta(weeks=goal.weeks or 0) <= milestone.date
        assert goal.kind == "bridge" and goal.outcome and goal.measure and goal.owner == "Alex"
    first, second = plan.bridges
    assert first.starts == START + dt.timedelta(weeks=2)  # a fortnight to arrange it
    assert second.starts == first.starts + dt.timedelta(weeks=2)  # after the first ends
    assert missing_parts(first) == ()


def test_bridges_are_work_time_beside_the_persons_hours() -> None:
    without = plan_with(None)
    plan = plan_with(lattice(with_bridges(move("support", "target", ["c"]), 2, 6)))
    assert plan.time is not None and without.time is not None
    assert plan.time.bridge_hours == 8 + 24
    assert plan.time.planned == without.time.planned  # the skill steps keep their hours
    assert [g.id for g in plan.goals if g.kind != "bridge"] == [g.id for g in without.goals]


def test_a_route_of_two_moves_takes_the_bridges_of_the_move_made_next() -> None:
    plan = plan_with(
        lattice(
            with_bridges(move("support", "middle", ["a"]), 1),
            with_bridges(move("middle", "target", ["c"]), 3),
        )
    )
    assert plan.route is not None
    assert plan.route.roles == ("support", "middle", "target")
    assert plan.route.text == "support -> middle -> target (2 moves; the first, lateral)"
    assert [g.title for g in plan.bridges] == ["Try: Trial 1"]
    assert plan.bridges[0].weeks == 1  # the support -> middle move's bridge, not middle's


def test_a_person_off_the_lattice_starts_from_its_entry_role() -> None:
    the_lattice = lattice(with_bridges(move("support", "target", ["c"]), 2), entry="support")
    plan = plan_with(the_lattice, current_role="night shift")
    assert plan.route is not None and plan.route.roles == ("support", "target")


@pytest.mark.parametrize(
    ("the_lattice", "current_role"),
    [
        (None, "support"),  # no lattice given
        (lattice(move("middle", "target", ["c"])), "support"),  # no move from support
        (lattice(move("support", "target", ["c"])), "target"),  # in the role already
        (lattice(move("support", "target", ["c"])), "night shift"),  # no entry role
    ],
)
def test_no_route_no_bridges(the_lattice: Lattice | None, current_role: str) -> None:
    plan = plan_with(the_lattice, current_role=current_role)
    assert plan.route is None and plan.bridges == ()
    assert not any(g.kind == "bridge" for g in plan.goals)


def test_bridges_beyond_the_horizon_wait_for_the_next_plan_by_name() -> None:
    plan = plan_with(lattice(with_bridges(move("support", "target", ["c"]), 4, 20)), horizon="3m")
    assert plan.route is not None
    assert [g.title for g in plan.bridges] == ["Try: Trial 1"]
    assert [b.title for b in plan.route.later] == ["Trial 2"]


def test_a_bridge_done_in_the_previous_plan_is_not_repeated() -> None:
    the_lattice = lattice(with_bridges(move("support", "target", ["c"]), 2, 6))
    first = plan_with(the_lattice)
    done = Done(START + dt.timedelta(weeks=4), "The tester's notes.")
    goals = tuple(g._replace(done=done) if g.id == "bridge:trial-1" else g for g in first.goals)
    previous = Previous(start=START, role="target", role_title="Target", goals=goals)
    later = plan_with(the_lattice, previous=previous)
    assert [g.id for g in later.bridges] == ["bridge:trial-2"]
    assert later.bridges[0].carried_from == START
