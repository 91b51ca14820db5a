"""Movement over time: one person's dated inventories, skill by skill and role by role.

Pure: values in, values out. `careerpath progress OLD NEW` is a history of two inventories,
`careerpath history PERSON` of all of them, oldest first; careerpath.views.history_text writes
it as text, Markdown and JSON-ready data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from careerpath.core.assessment import skill_order
from careerpath.core.gaps import analyse
from careerpath.core.model import (
    Catalogue,
    Inventory,
    Rating,
    Role,
    level_of,
    same_person,
)
from careerpath.errors import CareerpathError


class SkillTrack(NamedTuple):
    skill: str
    name: str
    ratings: tuple[Rating | None, ...]  # one per inventory, oldest first

    @property
    def change(self) -> int | None:
        """Levels moved from the first known level to the last (n/a as 0); None if unknown."""
        levels = [level_of(r) for r in self.ratings]
        known = [level for level in levels if level is not None]
        if len(known) < 2:
            return None
        return known[-1] - known[0]


class RoleTrack(NamedTuple):
    role: str
    title: str
    readiness: tuple[float, ...]  # one per inventory, oldest first

    @property
    def change(self) -> float:
        return self.readiness[-1] - self.readiness[0]


class History(NamedTuple):
    person: str
    dates: tuple[str, ...]  # one per inventory, oldest first (a date, or date-2 for a second)
    skills: tuple[SkillTrack, ...]  # catalogue order
    roles: tuple[RoleTrack, ...]  # the targets (latest first), else every role

    @property
    def moved(self) -> tuple[SkillTrack, ...]:
        return tuple(track for track in self.skills if track.change)


def _labels(inventories: Sequence[Inventory]) -> tuple[str, ...]:
    labels: list[str] = []
    for inventory in inventories:
        base = inventory.date.isoformat()
        label, number = base, 2
        while label in labels:
            label, number = f"{base}-{number}", number + 1
        labels.append(label)
    return tuple(labels)


def of_person(inventories: Iterable[Inventory], person: str) -> list[Inventory]:
    """The inventories of `person`, in the order given."""
    return [inventory for inventory in inventories if same_person(inventory.person, person)]


def check_one_person(inventories: Sequence[Inventory]) -> None:
    """Movement is one person's: a data error when the inventories name two people or more."""
    for inventory in inventories[1:]:
        if not same_person(inventory.person, inventories[0].person):
            raise CareerpathError(
                f"the inventories are of two people, {inventories[0].person} and"
                f" {inventory.person}; progress follows one person: give two inventories of"
                " the same person"
            )


def chronological(inventories: Iterable[Inventory]) -> list[Inventory]:
    """Oldest first; the same date keeps the given (file) order."""
    return sorted(inventories, key=lambda inventory: inventory.date)


def history(
    inventories: Sequence[Inventory],
    roles: Iterable[Role],
    catalogue: Catalogue,
    role_id: str | None = None,
) -> History:
    """Every skill and target role across `inventories` (given oldest first)."""
    if not inventories:
        raise ValueError("history needs at least one inventory")
    check_one_person(inventories)
    by_id = {role.id: role for role in roles}
    rated = {skill for inventory in inventories for skill in inventory.ratings}
    skills = tuple(
        SkillTrack(
            skill_id,
            catalogue.skills[skill_id].name,
            tuple(inventory.ratings.get(skill_id) for inventory in inventories),
        )
        for skill_id in skill_order(catalogue)
        if skill_id in rated
    )
    if role_id is not None:
        wanted = [role_id]
    else:
        wanted = []
        for inventory in reversed(inventories):
            wanted += [t for t in inventory.targets if t in by_id and t not in wanted]
        wanted = wanted or sorted(by_id)
    role_tracks = tuple(
        RoleTrack(
            role,
            by_id[role].title,
            tuple(
                analyse(inventory.ratings, by_id[role], catalogue).readiness
                for inventory in inventories
            ),
        )
        for role in wanted
    )
    return History(inventories[-1].person, _labels(inventories), skills, role_tracks)
