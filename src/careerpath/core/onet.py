"""A draft role profile from an O*NET occupation's ratings. Pure: rows in, a draft out.

The mapping (docs/formats.md "A draft from O*NET"): O*NET rates each skill's level (LV, 0 to
7) and importance (IM, 1 to 5). Level: over the catalogue skills the draft keeps, each LV is
replaced by its rank among them, and the rank is read off careerpath's own spread, the levels
the hand-written profiles give their O*NET-linked skills: the skill O*NET rates highest gets a
level from the top of that spread, the median skill the spread's median. O*NET's order is kept
(ties stay ties), the levels are spread the way careerpath's own profiles are, and a kept skill
is never below level 1; LV x 5/7 keeps the order too, but crowds each occupation into two
levels. Importance: IM rounded, the two scales being the same 1 to 5 (read off the profiles'
spread the same way, it agreed less with them: see the README).

Left out: a skill O*NET marks Not Relevant for the occupation, or rates below importance 2.
`Recommend Suppress` (O*NET's warning that a rating is unreliable) and the rating date are
carried into the draft beside each skill.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from careerpath.core.model import MAX_IMPORTANCE, MAX_LEVEL, Catalogue, Role

MIN_IMPORTANCE_KEPT = 2.0  # O*NET IM below this: not part of the role
MAPPING_RULE = (
    "level = O*NET's LV ranked among the skills kept, read off the spread of levels in"
    " careerpath's hand-written profiles (ties stay ties), at least 1; importance = O*NET's IM"
    " rounded; a skill O*NET marks Not Relevant, or with IM below 2, is left out"
)


class Rating(NamedTuple):
    """One O*NET element's importance and level for an occupation, as published."""

    element: str
    name: str
    importance: float | None  # IM, 1 to 5
    level: float | None  # LV, 0 to 7
    not_relevant: bool  # the LV row's Not Relevant flag
    suppress: bool  # Recommend Suppress on either row
    date: str  # MM/YYYY, the later of the two rows'


class Occupation(NamedTuple):
    code: str
    title: str
    description: str
    ratings: Mapping[str, Rating]  # element id -> rating


class Kept(NamedTuple):
    skill: str
    level: int
    importance: int
    rating: Rating


class Dropped(NamedTuple):
    skill: str
    why: str  # "not relevant", "importance 1.6" or "not rated"
    rating: Rating | None


class Draft(NamedTuple):
    id: str
    occupation: Occupation
    kept: tuple[Kept, ...]  # most important first
    dropped: tuple[Dropped, ...]
    unlinked: tuple[str, ...]  # catalogue skills with no O*NET element: to write by hand


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1; tied values share their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def onto_spread(values: Sequence[float], spread: Sequence[int]) -> list[int]:
    """Each value's rank among `values`, read off the sorted `spread` at the same quantile."""
    if not values:
        return []
    ordered = sorted(spread)
    ranks = average_ranks(values)
    return [
        ordered[min(len(ordered) - 1, math.floor((r - 0.5) / len(values) * len(ordered)))]
        for r in ranks
    ]


def scaled(level: float) -> int:
    """The naive mapping, for comparison: LV x 5/7, rounded, kept within 0 to 5."""
    return max(0, min(MAX_LEVEL, round(level * MAX_LEVEL / 7)))


def spread(roles: Sequence[Role], catalogue: Catalogue) -> list[int]:
    """The levels the profiles give their O*NET-linked skills (1 to 4 evenly without any)."""
    linked = {s for s, skill in catalogue.skills.items() if skill.onet}
    levels = [
        r.level
        for role in roles
        for skill, r in role.skills.items()
        if skill in linked and r.level > 0
    ]
    return levels or [1, 2, 3, 4]


def rounded(importance: float) -> int:
    """IM to careerpath's importance: rounded half up, kept within 1 to 5."""
    return max(1, min(MAX_IMPORTANCE, math.floor(importance + 0.5)))


def draft(
    occupation: Occupation,
    catalogue: Catalogue,
    levels: Sequence[int],
    role_id: str,
) -> Draft:
    """The draft profile: catalogue skills O*NET rates as part of the occupation, mapped."""
    kept: list[tuple[str, Rating]] = []
    dropped: list[Dropped] = []
    unlinked: list[str] = []
    for skill_id, skill in catalogue.skills.items():
        if skill.onet is None:
            unlinked.append(skill_id)
            continue
        rating = occupation.ratings.get(skill.onet)
        if rating is None or rating.level is None or rating.importance is None:
            dropped.append(Dropped(skill_id, "not rated", rating))
        elif rating.not_relevant:
            dropped.append(Dropped(skill_id, "not relevant", rating))
        elif rating.importance < MIN_IMPORTANCE_KEPT:
            dropped.append(Dropped(skill_id, f"importance {rating.importance:.2f}", rating))
        else:
            kept.append((skill_id, rating))
    mapped = onto_spread([r.level or 0.0 for _, r in kept], levels)
    rows = [
        Kept(skill_id, max(1, min(MAX_LEVEL, level)), rounded(rating.importance or 0.0), rating)
        for (skill_id, rating), level in zip(kept, mapped, strict=True)
    ]
    rows.sort(key=lambda k: (-k.importance, -k.level, -(k.rating.level or 0), k.skill))
    return Draft(role_id, occupation, tuple(rows), tuple(dropped), tuple(unlinked))
