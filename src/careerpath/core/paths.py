"""The lattice as seen from one person: where their moves lead, how ready they are for each
role, what each move takes, and the routes of several moves where a direct one is long. Pure.

Readiness is careerpath.core.gaps' (the number `careerpath gaps` prints); effort is what is
still to climb: importance x missing levels, and the hours of the steps that climb them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from careerpath.core.gaps import baseline_for, readiness_of
from careerpath.core.model import Catalogue, Lattice, Move, Rating, Role, level_of
from careerpath.errors import UsageError

MAX_MOVES = 3  # the longest route looked for
LONG_MOVE = 60  # a move of more effort is long (the median move; some 250 hours of steps)
SHORTER = 0.75  # a route's every move must be at most this share of the long direct move
ROUTES_SHOWN = 3  # routes of several moves shown per role, best first
EFFORT_RULE = (
    "effort = sum over the role's skills of importance x levels still to climb (unsure and"
    " unrated count from 0), with the hours of the steps that climb them; a route's effort is"
    " the sum of its moves, each counted from where the one before leaves you"
)
LONG_RULE = (
    f"a move of effort above {LONG_MOVE} is long: the best routes of up to {MAX_MOVES} moves are"
    " shown beside it with their total effort, and one is followed instead when none of its"
    f" moves is more than {round(SHORTER * 100)}% of the direct move's effort"
)


class Effort(NamedTuple):
    levels: int  # importance x levels still to climb, summed over the role's skills
    steps: int  # level steps to take
    hours: int | None  # their hours, where every step gives its hours

    def plus(self, other: Effort) -> Effort:
        hours = None if self.hours is None or other.hours is None else self.hours + other.hours
        return Effort(self.levels + other.levels, self.steps + other.steps, hours)


class Leg(NamedTuple):
    """One move of a route, with the person's standing when they set out on it."""

    move: Move
    readiness: float
    effort: Effort


class Route(NamedTuple):
    legs: tuple[Leg, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.legs[0].move.from_, *(leg.move.to for leg in self.legs))

    @property
    def effort(self) -> Effort:
        total = self.legs[0].effort
        for leg in self.legs[1:]:
            total = total.plus(leg.effort)
        return total

    @property
    def longest(self) -> int:
        return max(leg.effort.levels for leg in self.legs)


class Build(NamedTuple):
    skill: str
    current: int  # unsure and unrated as 0
    required: int


class Reach(NamedTuple):
    """A role the lattice leads to from the start, as it stands for the person today."""

    role: str
    title: str
    readiness: float  # careerpath gaps' readiness for the role, from the ratings today
    effort: Effort  # what the role still asks, from the ratings today
    move: Move | None  # the direct move, if the lattice has one
    route: Route  # the route to follow: the direct move unless it is long and a route is shorter
    routes: tuple[Route, ...]  # other routes worth a look, best first
    target: bool  # one of the person's own targets
    builds: tuple[Build, ...]  # the direct move's skills still short for this person, levels today


class Paths(NamedTuple):
    start: str
    reaches: tuple[Reach, ...]  # the closest first
    to: str | None = None  # the one role asked about, if any


def start_of(current_role: str | None, lattice: Lattice, roles: Mapping[str, Role]) -> str:
    """Where a person's paths start: their current role if it is a profile, else the entry."""
    if current_role is not None and current_role in roles:
        return current_role
    if current_role is None:
        raise UsageError(
            "name the role to start from with {option}, or give an inventory", option="from_role"
        )
    if lattice.entry is None:
        raise UsageError(
            f"the current role '{current_role}' is not a role profile and the lattice names no"
            " entry role; name the role to start from with {option}",
            option="from_role",
        )
    return lattice.entry


def effort(ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue) -> Effort:
    """What `role` still asks of someone with `ratings`."""
    levels = steps = hours = 0
    hours_known = True
    for skill_id, requirement in role.skills.items():
        current = level_of(ratings.get(skill_id)) or 0
        if current >= requirement.level:
            continue
        levels += (requirement.level - current) * requirement.importance
        own = role.actions.get(skill_id, {})
        generic = catalogue.skills[skill_id].steps
        for level in range(current + 1, requirement.level + 1):
            step = own.get(level) or generic.get(level)
            steps += 1
            if step is None or step.hours is None:
                hours_known = False
            else:
                hours += step.hours
    return Effort(levels, steps, hours if hours_known else None)


def readiness(
    ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue, start: Role
) -> float:
    """careerpath gaps' readiness for `role`, measured from the profile of `start`."""
    return readiness_of(ratings, role, catalogue, baseline_for(start.id, (start,)))


def meeting(role: Role) -> dict[str, Rating]:
    """The ratings of someone who meets `role` exactly: the start of a move from the role."""
    return {skill: Rating(level=r.level) for skill, r in role.skills.items()}


def after(ratings: Mapping[str, Rating], role: Role) -> dict[str, Rating]:
    """`ratings` once `role` is reached: every skill it asks for at least at its level."""
    reached = dict(ratings)
    for skill, requirement in role.skills.items():
        if (level_of(ratings.get(skill)) or 0) < requirement.level:
            reached[skill] = Rating(level=requirement.level)
    return reached


def _walks(lattice: Lattice, start: str, limit: int) -> Iterator[tuple[Move, ...]]:
    """Every chain of up to `limit` moves from `start` that visits no role twice."""

    def extend(chain: tuple[Move, ...], seen: frozenset[str]) -> Iterator[tuple[Move, ...]]:
        here = chain[-1].to if chain else start
        for move in lattice.moves_from(here):
            if move.to in seen:
                continue
            longer = (*chain, move)
            yield longer
            if len(longer) < limit:
                yield from extend(longer, seen | {move.to})

    yield from extend((), frozenset({start}))


def _route(
    chain: Sequence[Move],
    ratings: Mapping[str, Rating],
    roles: Mapping[str, Role],
    catalogue: Catalogue,
) -> Route:
    legs = []
    standing = dict(ratings)
    for move in chain:
        target = roles[move.to]
        legs.append(
            Leg(
                move,
                readiness(standing, target, catalogue, roles[move.from_]),
                effort(standing, target, catalogue),
            )
        )
        standing = after(standing, target)
    return Route(tuple(legs))


def _builds(move: Move, ratings: Mapping[str, Rating], target: Role) -> tuple[Build, ...]:
    """What the move builds that this person has still to build: a skill they already hold at
    the target's level is not a build for them ("writing 4 -> 4" would read as work to do)."""
    builds = (
        Build(skill, level_of(ratings.get(skill)) or 0, target.skills[skill].level)
        for skill in move.builds
    )
    return tuple(b for b in builds if b.current < b.required)


def _best_first(route: Route) -> tuple[int, int, int]:
    """Shorter steps first, then less effort in all, then fewer moves."""
    return (route.longest, route.effort.levels, len(route.legs))


def _choose(
    direct: Route | None, longer: list[Route], *, every: bool
) -> tuple[Route, tuple[Route, ...]]:
    """The route to follow and the others to show beside it (`every`: all the others).

    The direct move, unless it is long and a route exists none of whose moves is more than
    SHORTER of it; without a direct move, the best route. Beside a long direct move, the best
    routes of several moves are shown whichever is followed; beside a short one, none.
    """
    if direct is None:
        route, others = longer[0], longer[1:]
    else:
        long = direct.longest > LONG_MOVE
        shorter = [r for r in longer if long and r.longest <= SHORTER * direct.longest]
        route = shorter[0] if shorter else direct
        others = [r for r in [direct, *longer] if r is not route] if long or every else []
    return route, tuple(others if every else others[:ROUTES_SHOWN])


def paths(
    start: str,
    ratings: Mapping[str, Rating],
    lattice: Lattice,
    roles: Mapping[str, Role],
    catalogue: Catalogue,
    *,
    targets: Sequence[str] = (),
    to: str | None = None,
) -> Paths:
    """Every role the lattice leads to from `start` for someone with `ratings`, closest first.

    Closest: highest readiness, then the person's own targets, then least effort. With `to`,
    only that role, with every route to it.
    """
    by_target: dict[str, list[Route]] = {}
    for chain in _walks(lattice, start, MAX_MOVES):
        if to is None or chain[-1].to == to:
            by_target.setdefault(chain[-1].to, []).append(_route(chain, ratings, roles, catalogue))
    reaches = []
    for role_id, routes in by_target.items():
        role = roles[role_id]
        direct = next((r for r in routes if len(r.legs) == 1), None)
        route, others = _choose(
            direct,
            sorted((r for r in routes if len(r.legs) > 1), key=_best_first),
            every=to is not None,
        )
        reaches.append(
            Reach(
                role=role_id,
                title=role.title,
                readiness=readiness(ratings, role, catalogue, roles[start]),
                effort=effort(ratings, role, catalogue),
                move=None if direct is None else direct.legs[0].move,
                route=route,
                routes=others,
                target=role_id in targets,
                builds=() if direct is None else _builds(direct.legs[0].move, ratings, role),
            )
        )
    reaches.sort(key=lambda r: (-round(r.readiness, 4), not r.target, r.effort.levels, r.role))
    return Paths(start, tuple(reaches), to)
