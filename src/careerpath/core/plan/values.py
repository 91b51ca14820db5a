"""A growth plan as values: what the builder makes and every view reads. Pure.

At the bottom of the plan package, so the builder and the agenda both import it, never each other.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, NamedTuple

from careerpath.core.basis import CONSERVATIVE_RULE, DESCRIPTIONS
from careerpath.core.effort import ESTIMATE_RULE
from careerpath.core.gaps import (
    BASELINE_RULE,
    EFFORT_RULE,
    PRIORITY_FORMULA,
    RANK_RULE,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleFigures,
    RoleGaps,
    SkillGap,
)
from careerpath.core.model import Credential, Role
from careerpath.core.plan.goals import Goal
from careerpath.core.plan.role_goals import MentorGoals
from careerpath.core.plan.schedule import FIT_RULE

if TYPE_CHECKING:
    from careerpath.core.plan.bridges import RouteShown
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


HoursSource = Literal["plan", "inventory", "default"]


class TimeFit(NamedTuple):
    """The plan against the person's time (careerpath.core.plan.schedule)."""

    hours_per_week: float
    source: HoursSource  # where the figure came from: asked for this plan, the inventory's, or
    # careerpath's default
    weeks: float  # the horizon in weeks
    available: float  # hours_per_week x weeks
    planned: float  # the hours of everything dated in this plan
    deferred_steps: tuple[Goal, ...]  # every skill step of a known gap not dated in this plan
    deferred_goals: tuple[Goal, ...]  # the other goals that did not fit
    steps: int  # skill steps needed for every known gap
    estimated: int  # of which use the default estimate for their level
    too_big: tuple[Goal, ...] = ()  # steps first by priority that wait for more time
    bridge_hours: float = 0.0  # the bridging experiences': work time, not the person's hours

    @property
    def deferred_hours(self) -> float:
        return sum(g.hours or 0 for g in self.deferred_steps + self.deferred_goals)

    @property
    def needed(self) -> float:
        """Everything this role's profile asks of the person: the plan and what waits."""
        return self.planned + self.deferred_hours

    @property
    def fit(self) -> float:
        """The share of what is needed that this plan holds."""
        return 1.0 if self.needed <= 0 else self.planned / self.needed

    @property
    def weeks_needed(self) -> float:
        """How long everything needed takes at this many hours a week."""
        return self.needed / self.hours_per_week


class ThisMonth(NamedTuple):
    """The page that opens a plan: what to do before the first milestone."""

    until: dt.date  # the first milestone
    hours: float  # the person's hours until then
    steps: tuple[Goal, ...]  # the next two skill steps
    person: Goal | None  # one person to meet
    influence: Goal | None  # one influence action
    checkin: CheckIn | None  # the next check-in


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
    analysis: RoleGaps  # the plan's role in full
    ranking: tuple[RoleFigures, ...]  # every role's figures, closest first
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
    time: TimeFit | None = None
    this_month: ThisMonth | None = None
    direction: str = ""  # the role as read after "into" (careerpath.core.plan.role_goals)
    credentials: tuple[Credential, ...] = ()  # the role's, less those the person holds
    credentials_held: tuple[Credential, ...] = ()
    agenda: OneOnOne = OneOnOne("", (), ())
    guidance: str = GUIDANCE
    priority_formula: str = PRIORITY_FORMULA
    readiness_formula: str = READINESS_FORMULA
    unknown_rule: str = UNKNOWN_RULE
    baseline_rule: str = BASELINE_RULE
    rank_rule: str = RANK_RULE
    effort_rule: str = EFFORT_RULE
    places: tuple[str, ...] = ()  # each ranked role's place: "1", "2=", ... (gaps.places)
    fit_rule: str = FIT_RULE
    estimate_rule: str = ESTIMATE_RULE
    basis: str = "self"  # whose ratings it is built on (careerpath.core.basis)
    comparison: Comparison | None = None  # self against manager, when both views exist
    followup: FollowUp | None = None  # what it took over from the previous plan (--previous)
    route: RouteShown | None = None  # the route through the lattice, when it reaches the role
    bridges: tuple[Goal, ...] = ()  # the bridging experiences of its last move, dated

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
