"""The bridging experiences of the move a plan follows, as dated goals. Pure.

A plan for a role the lattice reaches by a move includes that move's bridges (careerpath.core
.model.Bridge): ways to try the move before applying, each run after the one before, the first
once a fortnight has gone to arranging it with the manager. Those that would end after the
plan's horizon are left for the next plan, by name.

The route is the one `careerpath paths` follows (careerpath.core.paths): from the person's
current role, or the lattice's entry role when that is not a profile, to the plan's role; its
first move, the one the person makes next, gives the bridges (on a route through team-lead to
leadership, a support analyst can try acting as a lead now; acting as head of support waits for
the next plan). Bridges are work time agreed with
the manager (and the other team): their hours are stated but not taken from the person's own
development hours.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from careerpath.core.model import MOVE_KINDS, Bridge, Catalogue, Inventory, Lattice, Move, Role
from careerpath.core.plan.goals import TRY, Goal

ARRANGE = dt.timedelta(weeks=2)  # agreeing a bridge with the manager (and the other team)
KIND_NAMES = {
    "shadowing": "shadowing",
    "secondment": "a secondment",
    "trial-project": "a trial project",
    "apprenticeship": "an apprenticeship",
}


class Bridged(NamedTuple):
    """One bridge placed in a plan: when it starts and when it is due."""

    bridge: Bridge
    starts: dt.date
    due: dt.date


class RouteShown(NamedTuple):
    """The route a plan follows through the lattice, and the move the person makes next."""

    roles: tuple[str, ...]  # from the person's role to the plan's, e.g. helpdesk, support, testing
    move: Move  # the route's first move (the only one of a direct move): its bridges are tried now
    bridges: tuple[Bridged, ...]  # within the horizon, in order
    later: tuple[Bridge, ...]  # those that would end after it
    into: str = ""  # the first move's role as a phrase to read after "into" (role_goals.direction)

    @property
    def direct(self) -> bool:
        return len(self.roles) == 2

    @property
    def text(self) -> str:
        moves = len(self.roles) - 1
        kind = MOVE_KINDS[self.move.kind]
        way = f"a direct move, {kind}" if moves == 1 else f"{moves} moves; the first, {kind}"
        return f"{' -> '.join(self.roles)} ({way})"


def placed(
    move: Move, roles: tuple[str, ...], start: dt.date, end: dt.date, into: str = ""
) -> RouteShown:
    """The move's bridges one after another from `start`, within `end`."""
    bridges: list[Bridged] = []
    later: list[Bridge] = []
    begins = start + ARRANGE
    for bridge in move.bridges:
        due = begins + dt.timedelta(weeks=bridge.weeks)
        if later or due > end:
            later.append(bridge)
            continue
        bridges.append(Bridged(bridge, begins, due))
        begins = due
    return RouteShown(roles, move, tuple(bridges), tuple(later), into)


def kind_name(bridge: Bridge) -> str:
    return KIND_NAMES[bridge.kind]


def route_into(
    inventory: Inventory, role: Role, roles: list[Role], catalogue: Catalogue, lattice: Lattice
) -> tuple[tuple[str, ...], Move] | None:
    """The route `careerpath paths` follows to `role`, and its first move; None when the
    person is in that role already, or the lattice does not reach it."""
    from careerpath.core.paths import paths

    by_id = {r.id: r for r in roles}
    current = inventory.current_role
    start = current if current in by_id else lattice.entry
    if start is None or start not in by_id or start == role.id:
        return None
    found = paths(
        start,
        inventory.ratings,
        lattice,
        by_id,
        catalogue,
        targets=inventory.targets,
        to=role.id,
    )
    if not found.reaches:
        return None
    route = found.reaches[0].route
    return route.roles, route.legs[0].move


def bridge_goal(person: str, bridged: Bridged) -> Goal:
    """A bridge as a SMART goal: its own dates, hours and evidence; `Try: ...` in the timeline
    (as `Meet: ...` and `See: ...`), its id from the bridge's own title."""
    bridge = bridged.bridge
    kind = kind_name(bridge)
    return Goal(
        "bridge",
        f"{TRY}{bridge.title}",
        bridge.how,
        bridge.evidence,
        person,
        due=bridged.due,
        why=f"{kind[0].upper()}{kind[1:]}: a way to try the move before you apply.",
        outcome=f"The move tried for {bridge.weeks} week{'s' if bridge.weeks != 1 else ''}"
        f" ({kind}), and what it showed you talked through with your manager.",
        subject=kind,
        hours=float(bridge.hours),
        weeks=bridge.weeks,
        starts=bridged.starts,
    )
