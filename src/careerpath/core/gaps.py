"""Gap analysis: a self-inventory against role profiles. Pure functions, values in and out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from careerpath.core.model import Catalogue, Rating, Role

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
Band = Literal["high", "medium", "low"]
BANDS: tuple[tuple[Band, int], ...] = (("high", 8), ("medium", 4), ("low", 1))


def priority_band(priority: int) -> Band:
    """high: 8 or more (two levels on an important skill); medium: 4 to 7; low: below 4."""
    for band, floor in BANDS:
        if priority >= floor:
            return band
    return "low"


class SkillGap(NamedTuple):
    """One skill of a role, compared with the person's rating.

    NamedTuples rather than dataclasses: a team run builds thousands of these, and start-up
    pays for every dataclass definition.
    """

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


class RoleGaps(NamedTuple):
    """A person's standing against one role, with the arithmetic that led to it."""

    role: str
    title: str
    skills: tuple[SkillGap, ...]  # most urgent first
    total_weight: int
    covered_weight: float
    readiness: float
    unknown_weight: int
    gaps: tuple[SkillGap, ...]  # known gaps, highest priority first
    unknowns: tuple[SkillGap, ...]  # unsure or unrated, most important first
    strengths: tuple[SkillGap, ...]  # met or exceeded, most important, most exceeded first

    @classmethod
    def of(cls, role: str, title: str, skills: tuple[SkillGap, ...]) -> RoleGaps:
        total = sum(s.importance for s in skills)
        covered = sum(s.importance * s.coverage for s in skills)
        return cls(
            role=role,
            title=title,
            skills=skills,
            total_weight=total,
            covered_weight=covered,
            readiness=covered / total if total else 1.0,
            unknown_weight=sum(s.importance for s in skills if not s.known),
            gaps=tuple(s for s in skills if s.gap),
            unknowns=tuple(
                sorted((s for s in skills if not s.known), key=lambda s: (-s.importance, s.skill))
            ),
            strengths=tuple(
                sorted(
                    (s for s in skills if s.met),
                    key=lambda s: (-s.importance, -(s.current or 0) + s.required, s.skill),
                )
            ),
        )


def _current(rating: Rating | None) -> tuple[GapStatus, int | None, str]:
    if rating is None:
        return "unrated", None, ""
    return rating.status, rating.comparable_level, rating.evidence


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
    return RoleGaps.of(role.id, role.title, tuple(sorted(rows, key=_urgency)))


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
