"""Which ratings gaps and plans use: the self-rating, the manager's, or the lower of the two.

Pure: values in, values out. The two views are never averaged; `conservative` takes, skill by
skill, the lower of the two, with n/a and unsure handled by explicit rules (CONSERVATIVE_RULE).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from careerpath.core.model import Inventory, Rating
from careerpath.errors import UsageError, flag, one_of

Basis = Literal["self", "manager", "conservative"]
BASES: tuple[str, ...] = get_args(Basis)
DEFAULT_BASIS: Basis = "self"

DESCRIPTIONS: dict[str, str] = {
    "self": "the self-rating",
    "manager": "the manager's rating",
    "conservative": "the lower of the self and manager ratings, skill by skill",
}
CONSERVATIVE_RULE = (
    "conservative: the lower level of the two; n/a counts as 0, as in gaps; a skill either"
    " side is unsure of is unsure (to assess first); a skill only one side rated keeps that"
    " rating"
)


def lower(one: Rating | None, other: Rating | None) -> Rating | None:
    """The more conservative of two ratings of one skill; None only when neither exists."""
    if one is None or other is None:
        return one if other is None else other
    level_one, level_other = one.comparable_level, other.comparable_level
    if level_one is None or level_other is None:  # unsure: to assess first
        return one if level_one is None else other
    if level_one != level_other:
        return one if level_one < level_other else other
    # the same level (n/a is 0): keep the rated one, and the self-rating when both are
    return other if one.status == "n/a" and other.status == "rated" else one


def conservative(
    self_ratings: Mapping[str, Rating], manager: Mapping[str, Rating]
) -> dict[str, Rating]:
    """The lower of the two views for every skill either rated, in the self-rating's order."""
    skills = [*self_ratings, *(s for s in manager if s not in self_ratings)]
    chosen: dict[str, Rating] = {}
    for skill in skills:
        rating = lower(self_ratings.get(skill), manager.get(skill))
        if rating is not None:
            chosen[skill] = rating
    return chosen


def check_basis(text: str) -> Basis:
    return one_of(text, BASES, option="basis")  # type: ignore[return-value]


def ratings_for(inventory: Inventory, basis: Basis) -> dict[str, Rating]:
    """The ratings `basis` selects; a usage error if it needs a manager view that is missing."""
    if basis == "self":
        return dict(inventory.ratings)
    if inventory.manager is None:
        raise UsageError(
            f"{{option}} {basis} needs a manager rating, and this inventory has none; add one"
            f" with careerpath assess {flag('as_manager')} FILE, or use {{option}} self",
            option="basis",
        )
    if basis == "manager":
        return dict(inventory.manager.ratings)
    return conservative(inventory.ratings, inventory.manager.ratings)


def with_basis(inventory: Inventory, basis: Basis) -> Inventory:
    """The inventory with its ratings replaced by those `basis` selects (for gaps and plans)."""
    if basis == "self":
        return inventory
    return inventory.model_copy(update={"ratings": ratings_for(inventory, basis)})


OTHER_BASES = "{option} manager or conservative"  # the CLI puts in its flag


def basis_line(inventory: Inventory, basis: Basis) -> str:
    """One line saying which ratings a result uses, and what else there is."""
    text = f"Basis: {basis}, {DESCRIPTIONS[basis]}"
    if inventory.manager is not None:
        text += f" (manager: {inventory.manager.name}, {inventory.manager.date.isoformat()})"
        if basis == "self":
            text += f"; {OTHER_BASES} uses the manager's view"
    if basis == "conservative":
        text += f".\n{CONSERVATIVE_RULE}"
    return text + "."
