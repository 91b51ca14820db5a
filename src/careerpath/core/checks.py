"""Cross-file checks: references between the catalogue, role profiles and inventories.

Pure functions returning Problems with key paths; the loader turns paths into file lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from careerpath.core.model import Catalogue, Inventory, Role
from careerpath.errors import Problem


def _unknown(kind: str, name: str, known: Iterable[str], listing: str) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"{listing} lists them"
    return f"unknown {kind} '{name}'; {hint}"


def check_catalogue(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for skill_id, skill in catalogue.skills.items():
        if skill.category not in catalogue.categories:
            problems.append(
                Problem(
                    ("skills", skill_id, "category"),
                    _unknown("category", skill.category, catalogue.categories, "categories:"),
                )
            )
        missing = [n for n in range(6) if n not in skill.levels]
        if missing:
            problems.append(
                Problem(
                    ("skills", skill_id, "levels"),
                    f"skills.{skill_id}.levels needs a descriptor for every level 0 to 5;"
                    f" missing {', '.join(map(str, missing))}",
                )
            )
        missing = [n for n in range(1, 6) if n not in skill.steps]
        if missing:
            problems.append(
                Problem(
                    ("skills", skill_id, "steps"),
                    f"skills.{skill_id}.steps needs an action for every step 1 to 5;"
                    f" missing {', '.join(map(str, missing))}",
                )
            )
    return problems


def check_role(role: Role, catalogue: Catalogue, file_stem: str | None = None) -> list[Problem]:
    problems = []
    if file_stem is not None and role.id != file_stem:
        problems.append(
            Problem(("id",), f"id '{role.id}' must match the file name; rename one of them")
        )
    for skill_id in role.skills:
        if skill_id not in catalogue.skills:
            problems.append(
                Problem(
                    ("skills", skill_id),
                    _unknown("skill", skill_id, catalogue.skills, "careerpath roles skills"),
                )
            )
    for skill_id, steps in role.actions.items():
        requirement = role.skills.get(skill_id)
        if requirement is None:
            problems.append(
                Problem(
                    ("actions", skill_id),
                    f"actions.{skill_id} is for a skill the role does not list under skills;"
                    " add it there or remove the actions",
                )
            )
            continue
        for level in steps:
            if level > requirement.level:
                problems.append(
                    Problem(
                        ("actions", skill_id, level),
                        f"actions.{skill_id}.{level} goes beyond the required level"
                        f" {requirement.level}; remove it or raise the level",
                    )
                )
    return problems


def check_inventory(
    inventory: Inventory, catalogue: Catalogue, role_ids: Iterable[str]
) -> list[Problem]:
    problems = []
    role_ids = list(role_ids)
    for skill_id in inventory.ratings:
        if skill_id not in catalogue.skills:
            problems.append(
                Problem(
                    ("ratings", skill_id),
                    _unknown("skill", skill_id, catalogue.skills, "careerpath roles skills"),
                )
            )
    if inventory.manager is not None:
        for skill_id in inventory.manager.ratings:
            if skill_id not in catalogue.skills:
                problems.append(
                    Problem(
                        ("manager", "ratings", skill_id),
                        _unknown("skill", skill_id, catalogue.skills, "careerpath roles skills"),
                    )
                )
    for index, target in enumerate(inventory.targets):
        if target not in role_ids:
            problems.append(
                Problem(("targets", index), _unknown("role", target, role_ids, "careerpath roles"))
            )
    return problems
