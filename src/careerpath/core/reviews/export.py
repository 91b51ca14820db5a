"""A team's data as rows for the tools an organisation already has (`careerpath export`). Pure.

The column set is versioned (EXPORT_VERSION) and documented in docs/formats.md from COLUMNS;
a column is only ever added at the end, and a change of meaning is a new version. Three kinds
of record share the columns, each leaving empty what is not its own:

- `skill`: one per person and skill (every skill, or --role's): the self and manager levels.
- `target`: one per person, target role (or --role) and skill that role asks for: the level
  required, its importance and the gap.
- `role`: one per person and role (every role, or --role): readiness, as the team view and
  `careerpath gaps` compute it, and the effort still to climb.

Levels are compared as everywhere in careerpath: n/a counts as level 0 (its status says n/a),
unsure and unrated are unknown (empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from careerpath.core.model import Catalogue, Inventory, Rating, Role, level_of
from careerpath.core.paths import effort
from careerpath.core.reviews.team import Scope, summarise
from careerpath.errors import flag

EXPORT_VERSION = "export/1"


class Column(NamedTuple):
    name: str
    kind: str  # text, date, integer, number, boolean
    records: str  # which records fill it
    meaning: str


COLUMNS = (
    Column("record", "text", "all", "skill, target or role: what the row is about"),
    Column("person", "text", "all", f"the inventory's person; with {flag('anonymous')}, Person 1,"
           f" 2, ... as in careerpath team {flag('anonymous')}"),
    Column("date", "date", "all", "the date of the person's latest inventory, YYYY-MM-DD;"
           f" empty with {flag('anonymous')}"),
    Column("current_role", "text", "all", "the inventory's current role; empty with"
           f" {flag('anonymous')}"),
    Column("skill", "text", "skill, target", "the skill's id (careerpath roles skills lists them)"),
    Column("self_level", "integer", "skill, target", "the person's own level 0-5; n/a counts"
           " as 0; empty when unsure or not rated"),
    Column("self_status", "text", "skill, target", "rated, n/a, unsure or unrated"),
    Column("manager_level", "integer", "skill", "the manager's level, as self_level; empty"
           " without a manager's view"),
    Column("manager_status", "text", "skill", "as self_status for the manager's view; empty"
           " without one"),
    Column("role", "text", "target, role", "the role's id"),
    Column("target", "boolean", "target, role", "true for one of the person's targets (or"
           f" {flag('role')}); false for a role they do not aim at"),
    Column("required", "integer", "target", "the level 1-5 the role asks for"),
    Column("importance", "integer", "target", "the skill's importance 1-5 for the role"),
    Column("gap", "integer", "target", "levels still to climb: required - self_level, 0 when"
           " met; empty when self_level is"),
    Column("readiness", "number", "role", "0 to 1: the team view's and careerpath gaps'"
           " readiness for the role"),
    Column("effort_levels", "integer", "role", "importance x levels still to climb, summed"
           " over the role's skills (unsure and unrated from 0)"),
    Column("effort_steps", "integer", "role", "the level steps still to take"),
    Column("effort_hours", "integer", "role", "the hours of those steps; empty when a step"
           " gives none"),
)  # fmt: skip
NAMES = tuple(column.name for column in COLUMNS)

Row = tuple[object, ...]


def _status(rating: Rating | None) -> str:
    return "unrated" if rating is None else rating.status


def person_rows(
    inventory: Inventory,
    scope: Scope,
    roles: Mapping[str, Role],
    catalogue: Catalogue,
    label: str | None = None,
) -> list[Row]:
    """Every row of one person's inventory (see the module's notes). `label` replaces the name
    and leaves out the date and current role (--anonymous)."""
    person = inventory.person if label is None else label
    date = inventory.date.isoformat() if label is None else None
    current = inventory.current_role if label is None else None
    head = (person, date, current)
    ratings = inventory.ratings
    manager = inventory.manager.ratings if inventory.manager is not None else None
    shown = {role_id for role_id, _ in scope.roles}
    only = roles[scope.role].skills if scope.role is not None else None
    skills = [s for s in scope.skills if only is None or (s in only and only[s].level)]

    rows: list[Row] = []
    for skill in skills:
        rating = ratings.get(skill)
        other = None if manager is None else manager.get(skill)
        rows.append(
            (
                "skill", *head, skill, level_of(rating), _status(rating),
                None if manager is None else level_of(other),
                None if manager is None else _status(other),
                None, None, None, None, None, None, None, None, None,
            )
        )  # fmt: skip
    aims = [scope.role] if scope.role is not None else [t for t in inventory.targets if t in shown]
    for role_id in aims:
        for skill, requirement in roles[role_id].skills.items():
            if requirement.level == 0 or skill not in catalogue.skills:
                continue
            rating = ratings.get(skill)
            level = level_of(rating)
            gap = None if level is None else max(0, requirement.level - level)
            rows.append(
                (
                    "target", *head, skill, level, _status(rating), None, None, role_id, True,
                    requirement.level, requirement.importance, gap, None, None, None, None,
                )
            )  # fmt: skip
    readiness = summarise(inventory, scope).readiness  # the team view's own numbers
    targets = set(aims)
    for (role_id, _), ready in zip(scope.roles, readiness, strict=True):
        still = effort(ratings, roles[role_id], catalogue)
        rows.append(
            (
                "role", *head, None, None, None, None, None, role_id, role_id in targets,
                None, None, None, ready, still.levels, still.steps, still.hours,
            )
        )  # fmt: skip
    return rows
