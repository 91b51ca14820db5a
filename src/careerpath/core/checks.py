"""Cross-file checks: references between the catalogue, role profiles and inventories.

Pure functions returning Problems with key paths; the loader turns paths into file lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from careerpath.core.model import Catalogue, Inventory, Lattice, Move, Role
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


def check_lattice(
    lattice: Lattice, roles: Mapping[str, Role], catalogue: Catalogue
) -> list[Problem]:
    """Every move joins two known roles, once; its skills are ones those roles ask for."""
    problems: list[Problem] = []
    if lattice.entry is not None and lattice.entry not in roles:
        problems.append(
            Problem(("entry",), _unknown("role", lattice.entry, roles, "careerpath roles"))
        )
    seen: dict[tuple[str, str], int] = {}
    for index, move in enumerate(lattice.moves):
        where = ("moves", index)
        pair = (move.from_, move.to)
        if pair in seen:
            problems.append(
                Problem(
                    where,
                    f"moves.{index} repeats the move {move.from_} -> {move.to} of"
                    f" moves.{seen[pair]}; keep one",
                )
            )
        seen.setdefault(pair, index)
        if move.from_ == move.to:
            problems.append(
                Problem((*where, "to"), f"moves.{index} leads from {move.to} to itself")
            )
        unknown = move.from_ == move.to
        for field, role_id in (("from", move.from_), ("to", move.to)):
            if role_id not in roles:
                unknown = True
                problems.append(
                    Problem((*where, field), _unknown("role", role_id, roles, "careerpath roles"))
                )
        if not unknown:
            problems.extend(_move_skills(index, move, roles, catalogue))
    return problems


def _move_skills(
    index: int, move: Move, roles: Mapping[str, Role], catalogue: Catalogue
) -> list[Problem]:
    problems: list[Problem] = []
    start, target = roles[move.from_], roles[move.to]
    for field, skills in (("carries", move.carries), ("builds", move.builds)):
        for position, skill_id in enumerate(skills):
            path = ("moves", index, field, position)
            name = f"moves.{index}.{field}"
            if skill_id not in catalogue.skills:
                problems.append(
                    Problem(
                        path,
                        _unknown("skill", skill_id, catalogue.skills, "careerpath roles skills"),
                    )
                )
                continue
            if skills.index(skill_id) != position:
                problems.append(Problem(path, f"{name} lists {skill_id} twice; list it once"))
                continue
            wanted = target.skills.get(skill_id)
            had = start.skills.get(skill_id)
            if wanted is None:
                problems.append(
                    Problem(path, f"{name} lists {skill_id}, which {move.to} does not ask for")
                )
            elif field == "carries" and had is None:
                problems.append(
                    Problem(
                        path,
                        f"{name} lists {skill_id}, which {move.from_} does not ask for;"
                        " move it to builds",
                    )
                )
            elif field == "builds" and had is not None and had.level >= wanted.level:
                problems.append(
                    Problem(
                        path,
                        f"{name} lists {skill_id}, but {move.to} asks level {wanted.level}"
                        f" and {move.from_} already {had.level}; move it to carries",
                    )
                )
            elif field == "builds" and skill_id in move.carries:
                problems.append(Problem(path, f"{name} lists {skill_id}, which carries lists too"))
    return problems
