"""The lattice in force: the built-in moves with an organisation's added or replacing them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from careerpath.core.model import Lattice, Move, Role


def fitted(move: Move, roles: Mapping[str, Role]) -> Move:
    """`move` with only the skills its roles still bear out.

    A built-in move into a role an organisation has replaced keeps the skills of its `carries`
    that both roles still ask for, and of its `builds` those the target still asks more of.
    """
    start, target = roles[move.from_], roles[move.to]

    def asks_more(skill: str) -> bool:
        wanted, had = target.skills.get(skill), start.skills.get(skill)
        return wanted is not None and (had is None or wanted.level > had.level)

    carries = [s for s in move.carries if s in start.skills and s in target.skills]
    builds = [s for s in move.builds if asks_more(s)]
    if carries == move.carries and builds == move.builds:
        return move
    return move.model_copy(update={"carries": carries, "builds": builds})


def merge(lattices: Iterable[Lattice], roles: Mapping[str, Role]) -> Lattice:
    """The moves of each lattice in turn; a later move between the same two roles replaces one,
    and a later entry role the earlier."""
    moves: dict[tuple[str, str], Move] = {}
    entry = None
    for lattice in lattices:
        entry = lattice.entry or entry
        for move in lattice.moves:
            moves[(move.from_, move.to)] = fitted(move, roles)
    return Lattice(entry=entry, moves=list(moves.values()))
