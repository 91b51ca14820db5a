"""The bridging experiences of the move a plan follows, as dated goals. Pure.

A plan for a role the lattice reaches by a move includes that move's bridges (careerpath.core
.model.Bridge): ways to try the move before applying, each run after the one before, the first
once a fortnight has gone to arranging it with the manager. Those that would end after the
plan's horizon are left for the next plan, by name.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from careerpath.core.model import MOVE_KINDS, Bridge, Move

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
    """The route a plan follows through the lattice, and the move that reaches its role."""

    roles: tuple[str, ...]  # from the person's role to the plan's, e.g. helpdesk, support, testing
    move: Move  # the move into the plan's role
    bridges: tuple[Bridged, ...]  # within the horizon, in order
    later: tuple[Bridge, ...]  # those that would end after it

    @property
    def text(self) -> str:
        moves = len(self.roles) - 1
        way = "a direct move" if moves == 1 else f"{moves} moves"
        kind = MOVE_KINDS[self.move.kind]
        return f"{' -> '.join(self.roles)} ({way}; the last, {kind})"


def placed(move: Move, roles: tuple[str, ...], start: dt.date, end: dt.date) -> RouteShown:
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
    return RouteShown(roles, move, tuple(bridges), tuple(later))


def kind_name(bridge: Bridge) -> str:
    return KIND_NAMES[bridge.kind]
