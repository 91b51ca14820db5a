"""Gap analysis: a self-inventory against role profiles. Pure functions, values in and out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from careerpath.model import Catalogue, Rating, Role

PRIORITY_FORMULA = "priority = gap x importance, where gap = required level - current level"
READINESS_FORMULA = (
    "readiness = sum over the role's skills of importance x min(current, required) / required,"
    " divided by the sum of importance"
)
UNKNOWN_RULE = (
    "n/a counts as level 0 where the role needs the skill; unsure and unrated skills count as"
    " not yet covered and are listed to assess, never guessed"
)

GapStatus = Literal["rated", "n/a", "unsure", "unrated"]


@dataclass(frozen=True)
class SkillGap:
    """One skill of a role, compared with the person's rating."""

    skill: str
    name: str
    category: str
    status: GapStatus
    current: int | None  # None when unsure or unrated
    required: int
    importance: int
    evidence: str = ""

    @property
    def known(self) -> bool:
        return self.current is not None

    @property
    def gap(self) -> int | None:
        """Levels still to climb; None when the current level is not known."""
        return None if self.current is None else max(0, self.required - self.current)

    @property
    def priority(self) -> int | None:
        gap = self.gap
        return None if gap is None else gap * self.importance

    @property
    def met(self) -> bool:
        return self.current is not None and self.current >= self.required

    @property
    def coverage(self) -> float:
        """The share of the required level reached; unknown counts as 0."""
        if self.current is None:
            return 0.0
        return min(self.current, self.required) / self.required


@dataclass(frozen=True)
class RoleGaps:
    """A person's standing against one role, with the arithmetic that led to it."""

    role: str
    title: str
    skills: tuple[SkillGap, ...]  # most urgent first

    @property
    def total_weight(self) -> int:
        return sum(s.importance for s in self.skills)

    @property
    def covered_weight(self) -> float:
        return sum(s.importance * s.coverage for s in self.skills)

    @property
    def readiness(self) -> float:
        return self.covered_weight / self.total_weight if self.total_weight else 1.0

    @property
    def unknown_weight(self) -> int:
        return sum(s.importance for s in self.skills if not s.known)

    @property
    def gaps(self) -> tuple[SkillGap, ...]:
        """Known gaps, highest priority first."""
        return tuple(s for s in self.skills if s.gap)

    @property
    def unknowns(self) -> tuple[SkillGap, ...]:
        """Skills to assess before trusting the numbers: unsure or unrated, most important first."""
        return tuple(
            sorted((s for s in self.skills if not s.known), key=lambda s: (-s.importance, s.skill))
        )

    @property
    def strengths(self) -> tuple[SkillGap, ...]:
        """Requirements met or exceeded, the most important and the furthest exceeded first."""
        met = (s for s in self.skills if s.met)
        return tuple(
            sorted(met, key=lambda s: (-s.importance, -(s.current or 0) + s.required, s.skill))
        )


def _current(rating: Rating | None) -> tuple[GapStatus, int | None, str]:
    if rating is None:
        return "unrated", None, ""
    if rating.status == "n/a":
        return "n/a", 0, rating.evidence
    if rating.status == "unsure":
        return "unsure", None, rating.evidence
    return "rated", rating.level, rating.evidence


def _urgency(gap: SkillGap) -> tuple[int, int, int, str]:
    return (-(gap.priority or 0), -gap.importance, -(gap.gap or 0), gap.skill)


def analyse(ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue) -> RoleGaps:
    """Compare ratings with every skill the role requires (level 0 requirements are skipped)."""
    rows = []
    for skill_id, requirement in role.skills.items():
        if requirement.level == 0:
            continue
        skill = catalogue.skills[skill_id]
        status, current, evidence = _current(ratings.get(skill_id))
        rows.append(
            SkillGap(
                skill=skill_id,
                name=skill.name,
                category=skill.category,
                status=status,
                current=current,
                required=requirement.level,
                importance=requirement.importance,
                evidence=evidence,
            )
        )
    return RoleGaps(role.id, role.title, tuple(sorted(rows, key=_urgency)))


def rank(
    ratings: Mapping[str, Rating], roles: Iterable[Role], catalogue: Catalogue
) -> list[RoleGaps]:
    """Every role, closest first (highest readiness; ties by role id)."""
    results = [analyse(ratings, role, catalogue) for role in roles]
    return sorted(results, key=lambda r: (-r.readiness, r.role))


def transferable(
    ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue, minimum: int = 3
) -> list[tuple[str, int]]:
    """Skills rated `minimum` or more that the role does not ask for: strengths to carry along."""
    return sorted(
        (
            (skill_id, rating.level)
            for skill_id, rating in ratings.items()
            if rating.level is not None
            and rating.level >= minimum
            and role.skills.get(skill_id) is None
            and skill_id in catalogue.skills
        ),
        key=lambda item: (-item[1], item[0]),
    )
