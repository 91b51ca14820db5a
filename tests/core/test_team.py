"""The team view, pure: heatmap, readiness, thinnest skills, mentors, and what is hidden."""

from __future__ import annotations

import json

import pytest

from careerpath.core.gaps import analyse
from careerpath.core.model import Inventory, Rating
from careerpath.core.reviews.team import (
    MIN_GROUP,
    _coverage_rows,
    latest_per_person,
    readiness,
    team,
)
from tests.builders import NAMES, catalogue, member, role, team_of

CATALOGUE = catalogue("troubleshooting", "test_design", "scripting", "people_leadership")
ROLES = [
    role("testing", troubleshooting=(3, 4), test_design=(3, 5), scripting=(2, 3)),
    role("support", troubleshooting=(4, 5), people_leadership=(1, 1)),
]


def inventories(data: list[dict[str, object]]) -> list[Inventory]:
    return [Inventory.model_validate(d) for d in data]


def test_readiness_is_the_gap_analysis_arithmetic() -> None:
    for inv in inventories(team_of(6)):
        for target in ROLES:
            expected = analyse(inv.ratings, target, CATALOGUE).readiness
            got = readiness(inv.ratings, _coverage_rows(target, CATALOGUE))
            assert got == pytest.approx(expected)


def test_latest_inventory_per_person_counts() -> None:
    data = [*team_of(2), member("ana lopez ", {"troubleshooting": 1}, day=20)]
    latest, older = latest_per_person(inventories(data))
    assert older == 1
    ana = next(i for i in latest if i.person.strip().lower() == "ana lopez")
    assert ana.ratings == {"troubleshooting": Rating(level=1)}


def test_heatmap_readiness_thinnest_and_mentors() -> None:
    result = team(inventories(team_of(6)), ROLES, CATALOGUE)
    assert result.people == tuple(sorted(NAMES))
    assert len(result.heatmap) == 6 and len(result.heatmap[0]) == len(result.skills)
    assert [r for r, _ in result.roles] == ["support", "testing"]
    assert result.median_readiness is not None
    assert result.thinnest and result.hidden == ()
    mentoring = {m.skill: m for m in result.mentoring}
    assert mentoring["troubleshooting"].mentors == (("Ana Lopez", 5),)
    mentees = {m.person for m in mentoring["troubleshooting"].mentees}
    assert "Ana Lopez" not in mentees and mentees
    assert all(mentor == "Ana Lopez" for mentor, _ in mentoring["troubleshooting"].pairs)


def test_a_group_smaller_than_five_has_no_aggregates() -> None:
    result = team(inventories(team_of(MIN_GROUP - 1)), ROLES, CATALOGUE)
    assert result.median_readiness is None and result.thinnest == ()
    assert any("fewer than 5" in note for note in result.hidden)
    assert len(result.people) == MIN_GROUP - 1  # named rows are the manager's own view


def test_anonymous_replaces_names_and_hides_small_groups() -> None:
    big = team(inventories(team_of(6)), ROLES, CATALOGUE, anonymous=True)
    assert set(big.people) == {f"Person {n}" for n in range(1, 7)}
    text = json.dumps(big._asdict(), default=str)
    assert not any(name in text for name in NAMES)
    small = team(inventories(team_of(3)), ROLES, CATALOGUE, anonymous=True)
    assert small.people == () and small.heatmap == () and small.readiness == ()
    assert small.size == 3  # counted, though their rows are hidden
    assert small.mentoring == ()  # Ana at 5 and two with a gap: no pairs without names
    assert any("too few to stay anonymous" in note for note in small.hidden)


def test_role_narrows_skills_and_roles() -> None:
    testing = ROLES[0]
    result = team(inventories(team_of(6)), ROLES, CATALOGUE, role=testing)
    assert result.roles == (("testing", testing.title),)
    assert {s for s, _ in result.skills} <= set(testing.skills)
