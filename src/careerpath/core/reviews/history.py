"""Movement over time: one person's dated inventories, skill by skill and role by role.

Pure: values in, values out. `careerpath progress OLD NEW` is a history of two inventories,
`careerpath history PERSON` of all of them, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from careerpath.core.assessment import describe, skill_order
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

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(cell(r) for r in self.ratings)


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


def cell(rating: Rating | None) -> str:
    """A rating in a table cell: 3, n/a, ? (unsure) or - (not rated)."""
    if rating is None:
        return "-"
    if rating.status == "unsure":
        return "?"
    return "n/a" if rating.status == "n/a" else str(rating.level)


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


def _signed(number: int | None) -> str:
    if number is None:
        return ""
    return f"{number:+d}" if number else "0"


def _points(share: float) -> str:
    return f"{round(share * 100):+d} pts"


def history_text(result: History) -> str:
    """For the terminal: a table of levels per date, then readiness per role."""
    first, last = result.dates[0], result.dates[-1]
    span = first if len(result.dates) == 1 else f"{first} to {last}"
    lines = [f"{result.person}: {len(result.dates)} inventories, {span}", ""]
    width = max([len("Skill"), *(len(t.name) for t in result.skills)])
    columns = "".join(f"  {date:>10}" for date in result.dates)
    lines.append(f"  {'Skill':<{width}}{columns}  change")
    for track in result.skills:
        cells = "".join(f"  {label:>10}" for label in track.labels)
        lines.append(f"  {track.name:<{width}}{cells}  {_signed(track.change):>6}")
    lines += ["", "  Readiness per role"]
    role_width = max(len(t.title) for t in result.roles)
    for role in result.roles:
        cells = "".join(f"  {round(r * 100):>9}%" for r in role.readiness)
        lines.append(f"  {role.title:<{role_width}}{cells}  {_points(role.change)}")
    moved = result.moved
    lines.append("")
    if len(result.dates) == 1:
        lines.append("  One inventory so far: re-assess with careerpath assess --update FILE.")
    elif moved:
        up = sum(1 for t in moved if (t.change or 0) > 0)
        lines.append(f"  {len(moved)} skills moved ({up} up, {len(moved) - up} down).")
    else:
        lines.append("  No skill moved between these inventories.")
    lines.append("  Cells: a level 0-5, n/a, ? (unsure) or - (not rated); change is first to last")
    lines.append("  known level (n/a as 0); readiness is careerpath gaps' arithmetic.")
    return "\n".join(lines)


def history_markdown(result: History) -> str:
    head = "| Skill | " + " | ".join(result.dates) + " | change |"
    rule = "|---|" + "---:|" * len(result.dates) + "---:|"
    lines = [f"# Progress: {result.person}", "", head, rule]
    for track in result.skills:
        lines.append(
            f"| {_md(track.name)} | " + " | ".join(track.labels) + f" | {_signed(track.change)} |"
        )
    lines += [
        "",
        "## Readiness per role",
        "",
        "| Role | " + " | ".join(result.dates) + " | change |",
    ]
    lines.append(rule)
    for role in result.roles:
        cells = " | ".join(f"{round(r * 100)}%" for r in role.readiness)
        lines.append(f"| {_md(role.title)} | {cells} | {_points(role.change)} |")
    lines += [
        "",
        "Cells: a level 0-5, n/a, ? (unsure) or - (not rated). Change is from the first to the"
        " last known level (n/a counts as 0).",
    ]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def history_data(result: History) -> dict[str, object]:
    return {
        "schema": "careerpath.history/1",
        "person": result.person,
        "dates": list(result.dates),
        "skills": [
            {
                "skill": t.skill,
                "name": t.name,
                "ratings": [describe(r) if r is not None else None for r in t.ratings],
                "levels": [level_of(r) for r in t.ratings],
                "cells": list(t.labels),
                "change": t.change,
            }
            for t in result.skills
        ],
        "roles": [
            {
                "role": r.role,
                "title": r.title,
                "readiness": [round(x, 4) for x in r.readiness],
                "change": round(r.change, 4),
            }
            for r in result.roles
        ],
    }
