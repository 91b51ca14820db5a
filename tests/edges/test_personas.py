"""The readiness formula on the personas (tests/core/personas.py): the role an adviser would pick
comes first, roles are told apart, and an essential gap is never averaged away.

The targets (issue 11): the expected role first for at least 13 of 15 (here: all but two of
the personas), a median spread of 25 points or more between a person's best and worst role,
and no role above 60% for anyone with a known level 0 or 1 on one of its importance-5 skills.
They hold for whatever profiles the library has: each persona names its pick in order of
preference, and the first profile that exists is the expected one.
"""

from __future__ import annotations

import statistics

import pytest

from careerpath.core.gaps import RoleGaps, ranking_of
from careerpath.edges.load import Library
from tests.core.personas import PERSONAS, Persona

MISSES_ALLOWED = 2  # 13 of 15 in the terms


def moves(persona: Persona, library: Library) -> list[RoleGaps]:
    """The persona's ranking without their current role and the roles it already covers."""
    ids = set(library.roles)
    inventory = persona.inventory(ids)
    ranking = ranking_of(inventory, library.roles.values(), library.catalogue)
    return [r for r in ranking if r.role != inventory.current_role and not r.step_back]


def test_there_are_at_least_fifteen_personas_with_a_pick_in_the_library(library: Library) -> None:
    assert len(PERSONAS) >= 15
    for persona in PERSONAS:
        assert persona.pick(set(library.roles)) in library.roles, persona.name


def test_the_expected_role_comes_first(library: Library) -> None:
    misses = []
    for persona in PERSONAS:
        ranking = moves(persona, library)
        expected = persona.pick(set(library.roles))
        if ranking[0].role != expected:
            top = ", ".join(f"{r.role} {r.percent}%" for r in ranking[:3])
            place = next(i for i, r in enumerate(ranking, 1) if r.role == expected)
            misses.append(f"{persona.name}: expected {expected} (place {place}), got {top}")
    assert len(misses) <= MISSES_ALLOWED, "\n".join(misses)


def test_roles_are_told_apart(library: Library) -> None:
    spreads = []
    for persona in PERSONAS:
        ranking = moves(persona, library)
        spreads.append(ranking[0].percent - ranking[-1].percent)
    assert statistics.median(spreads) >= 25, spreads


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name.split(",")[0] for p in PERSONAS])
def test_no_role_above_60_percent_with_an_essential_skill_at_0_or_1(
    persona: Persona, library: Library
) -> None:
    inventory = persona.inventory(set(library.roles))
    for result in ranking_of(inventory, library.roles.values(), library.catalogue):
        low = [
            s.name
            for s in result.skills
            if s.importance == 5 and s.current is not None and s.current <= 1
        ]
        if low:
            assert result.readiness <= 0.6, (result.role, low, result.percent)
            assert result.high <= 0.6
            assert {s.name for s in result.essential} >= set(low)
