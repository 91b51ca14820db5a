"""A growth plan as values: what the builder makes and every view reads. Pure.

At the bottom of the plan package, so the builder and the agenda both import it, never each other.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.basis import CONSERVATIVE_RULE, DESCRIPTIONS
from careerpath.core.gaps import (
    PRIORITY_FORMULA,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    SkillGap,
)
from careerpath.core.model import Role
from careerpath.core.plan.goals import Goal
from careerpath.core.plan.role_goals import MentorGoals

if TYPE_CHECKING:
    from careerpath.core.plan.carryover import FollowUp
    from careerpath.core.reviews.compare import Comparison


class AgendaItem(NamedTuple):
    """One discussion point for the manager's one-on-one, drawn from the analysis."""

    topic: str
    question: str
    skill: str | None = None
    priority: int | None = None


class OneOnOne(NamedTuple):
    """The one-on-one agenda page: for the manager, to talk the plan through with the person."""

    purpose: str
    items: tuple[AgendaItem, ...]
    agree: tuple[str, ...]


class GapPlan(NamedTuple):
    gap: SkillGap
    steps: tuple[Goal, ...]  # scheduled within the horizon, in order
    later: tuple[Goal, ...]  # the steps that fall beyond the horizon


class Milestone(NamedTuple):
    label: str
    day: int
    date: dt.date
    goals: tuple[Goal, ...]


class CheckIn(NamedTuple):
    number: int
    date: dt.date
    focus: str


GUIDANCE = (
    "This plan is guidance for a conversation with your manager and mentor, not a promotion"
    " checklist: it names the steps most likely to close the gaps that matter for this role, and"
    " the evidence that will show them. Change it when you learn something."
)


class Plan(NamedTuple):
    person: str
    current_role: str
    targets: tuple[str, ...]
    aspirations: str
    role: Role
    start: dt.date
    end: dt.date
    horizon: str
    analysis: RoleGaps
    ranking: tuple[RoleGaps, ...]
    projected_readiness: float
    transferable: tuple[tuple[str, str, int], ...]  # (skill id, name, level)
    top_gaps: tuple[GapPlan, ...]
    mentor: MentorGoals
    relationships: tuple[Goal, ...]
    exposure: tuple[Goal, ...]
    influence: tuple[Goal, ...]
    milestones: tuple[Milestone, ...]
    checkins: tuple[CheckIn, ...]
    checkin_days: int
    practices: tuple[Goal, ...] = ()  # relationship practices: story, shadow, cross-team, ...
    agenda: OneOnOne = OneOnOne("", (), ())
    guidance: str = GUIDANCE
    priority_formula: str = PRIORITY_FORMULA
    readiness_formula: str = READINESS_FORMULA
    unknown_rule: str = UNKNOWN_RULE
    basis: str = "self"  # whose ratings it is built on (careerpath.core.basis)
    comparison: Comparison | None = None  # self against manager, when both views exist
    followup: FollowUp | None = None  # what it took over from the previous plan (--previous)

    @property
    def goals(self) -> tuple[Goal, ...]:
        return tuple(goal for milestone in self.milestones for goal in milestone.goals)

    @property
    def basis_description(self) -> str:
        return DESCRIPTIONS.get(self.basis, self.basis)

    @property
    def basis_rule(self) -> str:
        if self.basis != "conservative":
            return ""
        return "Per skill: " + CONSERVATIVE_RULE.removeprefix("conservative: ")
