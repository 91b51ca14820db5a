"""The shipped role profiles against real O*NET data, and their content rules."""

from __future__ import annotations

import csv

import pytest

from careerpath.edges.load import Library, load_library
from tests.fidelity import spearman
from tests.helpers import ONET

ROLES = ["support", "testing", "development", "consulting", "leadership"]
SHIPPED = list(load_library().roles)  # every profile gets the same depth checks, new ones too


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
        ([1, 2, 3, 4], [40, 30, 20, 10], -1.0),
        ([1, 1, 2, 2], [1, 2, 3, 4], 0.8944),
        ([3, 1, 2], [30, 20, 10], 0.5),
    ],
)
def test_spearman_matches_known_values(a: list[float], b: list[float], expected: float) -> None:
    assert spearman(a, b) == pytest.approx(expected, abs=1e-4)


def onet_levels(code: str) -> dict[str, float]:
    with (ONET / "Skills.txt").open(encoding="utf-8") as stream:
        rows = csv.DictReader(stream, delimiter="\t")
        return {
            r["Element ID"]: float(r["Data Value"])
            for r in rows
            if r["O*NET-SOC Code"] == code and r["Scale ID"] == "LV"
        }


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_five_required_roles_are_shipped(library: Library) -> None:
    assert set(ROLES) <= set(library.roles)


def test_catalogue_has_enough_skills_in_every_category(library: Library) -> None:
    skills = library.catalogue.skills
    assert len(skills) >= 24
    used = {s.category for s in skills.values()}
    assert used == set(library.catalogue.categories)


def test_onet_links_name_real_elements_once_each(library: Library) -> None:
    known = set(onet_levels("15-1232.00"))
    links = [s.onet for s in library.catalogue.skills.values() if s.onet]
    assert len(links) >= 20
    assert set(links) <= known
    assert len(links) == len(set(links))


@pytest.mark.parametrize("role_id", SHIPPED)
def test_every_important_skill_has_role_actions_for_each_step(
    library: Library, role_id: str
) -> None:
    role = library.roles[role_id]
    for skill_id, requirement in role.skills.items():
        if requirement.importance >= 4:
            steps = role.actions.get(skill_id, {})
            assert sorted(steps) == list(range(1, requirement.level + 1)), skill_id


@pytest.mark.parametrize("role_id", SHIPPED)
def test_role_content_is_substantial(library: Library, role_id: str) -> None:
    role = library.roles[role_id]
    assert len(role.credentials) >= 3
    assert len(role.experiences) >= 4
    assert len(role.relationships) >= 4
    assert all(r.ask.strip() for r in role.relationships)
    assert len(role.exposure) >= 3
    assert len(role.mentor.questions) >= 4
    assert len(role.influence) >= 3


def test_catalogue_descriptors_are_distinct_per_level(library: Library) -> None:
    for skill_id, skill in library.catalogue.skills.items():
        assert len(set(skill.levels.values())) == 6, skill_id
        assert all(len(text) <= 240 for text in skill.levels.values()), skill_id


@pytest.mark.parametrize("role_id", SHIPPED)
def test_the_quick_path_of_every_shipped_role_asks_ten_skills(
    library: Library, role_id: str
) -> None:
    from careerpath.core.assessment import QUICK_COUNT, skills_to_ask

    role = library.roles[role_id]
    asked = skills_to_ask(library.catalogue, role)
    assert len(asked) == QUICK_COUNT and set(asked) <= set(role.skills)
    least_asked = min(role.skills[s].importance for s in asked)
    assert all(role.skills[s].importance <= least_asked for s in role.skills if s not in asked)


def test_the_full_inventory_asks_every_shipped_skill_grouped_by_category(library: Library) -> None:
    from careerpath.core.assessment import skills_to_ask

    order = skills_to_ask(library.catalogue)
    assert sorted(order) == sorted(library.catalogue.skills)
    categories = [library.catalogue.skills[s].category for s in order]
    blocks = [c for i, c in enumerate(categories) if i == 0 or categories[i - 1] != c]
    assert blocks == [c for c in library.catalogue.categories if c in categories]
