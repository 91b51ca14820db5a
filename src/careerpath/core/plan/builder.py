"""Building a growth plan from a gap analysis. Pure: the start date comes in as an argument."""

from __future__ import annotations

import datetime as dt

from careerpath.core.gaps import (
    RoleGaps,
    SkillGap,
    analyse,
    rank,
    transferable,
)
from careerpath.core.model import Catalogue, Inventory, Rating, Role
from careerpath.core.plan.agenda import agenda
from careerpath.core.plan.carryover import Previous, carried_first, follow, follow_up
from careerpath.core.plan.goals import Goal, identify
from careerpath.core.plan.horizon import Horizon, add_months, check_start
from careerpath.core.plan.role_goals import (
    PRACTICE_SLOT,
    exposure_goals,
    final_review,
    first_goals,
    influence_goals,
    mentor_goals,
    mid_review,
    practices,
    relationship_goals,
    step_goal,
)
from careerpath.core.plan.values import CheckIn, GapPlan, Milestone, Plan
from careerpath.core.reviews.compare import Comparison

STEPS_PER_MILESTONE = 2  # level steps a person can work on at once next to a full-time job
CHECKIN_DAYS = 14
MAX_GAPS = 8  # an upper bound: gaps are taken by priority while the timeline has room


def _milestone_days(start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    marks = [(f"Day {d}", start + dt.timedelta(days=d)) for d in (30, 60, 90)]
    month = 4
    while add_months(start, month) < end:
        marks.append((f"Month {month}", add_months(start, month)))
        month += 1
    marks = [(label, day) for label, day in marks if day < end]
    marks.append(("Horizon", end))
    return marks


def _schedule(gap_steps: list[list[Goal]], slots: int) -> tuple[list[list[Goal]], list[list[Goal]]]:
    """Place each gap's steps in order, round by round, at most STEPS_PER_MILESTONE per slot.

    A step goes in the earliest slot after the same skill's previous step, so a person never
    works on two levels of one skill at once. Returns per-slot goals and per-gap leftovers.
    """
    placed: list[list[Goal]] = [[] for _ in range(slots)]
    later: list[list[Goal]] = [[] for _ in gap_steps]
    last_slot = [-1 for _ in gap_steps]
    depth = max((len(steps) for steps in gap_steps), default=0)
    for round_ in range(depth):
        for index, steps in enumerate(gap_steps):
            if round_ >= len(steps):
                continue
            goal = steps[round_]
            if later[index]:  # an earlier level already fell beyond the horizon
                later[index].append(goal)
                continue
            slot = next(
                (
                    s
                    for s in range(last_slot[index] + 1, slots)
                    if len(placed[s]) < STEPS_PER_MILESTONE
                ),
                None,
            )
            if slot is None:
                later[index].append(goal)
            else:
                placed[slot].append(goal)
                last_slot[index] = slot
    return placed, later


class _Follow:
    """Gives goals ids unique within the plan, in the order they are made, and applies the
    previous plan to them: its done goals leave, its open ones are carried over."""

    def __init__(self, previous: Previous | None) -> None:
        self.previous = previous
        self.taken: set[str] = set()

    def __call__(self, goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
        named = identify(goals, self.taken)
        if self.previous is None:
            return named
        followed = (follow(goal, self.previous) for goal in named)
        return tuple(goal for goal in followed if goal is not None)


def build_plan(
    inventory: Inventory,
    role: Role,
    catalogue: Catalogue,
    roles: list[Role],
    *,
    start: dt.date,
    horizon: Horizon,
    max_gaps: int = MAX_GAPS,
    basis: str = "self",
    comparison: Comparison | None = None,
    previous: Previous | None = None,
) -> Plan:
    """A dated growth plan for moving toward `role`, starting on `start`.

    `inventory` holds the ratings of `basis` (careerpath.core.basis); `comparison` is self against
    manager when both views exist. With `previous`, the previous plan's unfinished goals are
    carried over and its done goals are not repeated (careerpath.core.plan.carryover).
    """
    person = inventory.person
    analysis = analyse(inventory.ratings, role, catalogue)
    end = horizon.end(check_start(start))
    marks = _milestone_days(start, end)
    follow = _Follow(previous)
    top_gaps, dated = _skill_steps(person, role, catalogue, analysis, marks, max_gaps, follow)
    # The order of these calls is the order of the goals' ids.
    relationships = follow(relationship_goals(person, role))
    exposure = follow(exposure_goals(person, role))
    influence = follow(influence_goals(person, role))
    practised = follow(practices(person, role))
    first = follow(first_goals(person, role, analysis.unknowns))
    extra = _other_goals(len(marks), first, (relationships, exposure, influence), practised)
    middle = _middle(len(marks))
    if len(marks) > 1:
        extra[middle].extend(follow((mid_review(person),)))
    extra[-1].extend(follow((final_review(person),)))
    milestones = tuple(
        Milestone(
            label,
            (day - start).days,
            day,
            tuple(goal._replace(due=day) for goal in dated[slot] + extra[slot]),
        )
        for slot, (label, day) in enumerate(marks)
    )
    due = {(g.kind, g.title, g.action): g.due for m in milestones for g in m.goals}

    def dated_as_placed(goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
        return tuple(g._replace(due=due.get((g.kind, g.title, g.action))) for g in goals)

    followup = None
    if previous is not None:
        all_goals = tuple(g for m in milestones for g in m.goals)
        all_goals += tuple(g for gp in top_gaps for g in gp.later)
        followup = follow_up(previous, all_goals, inventory.ratings)
    return Plan(
        person=person,
        current_role=inventory.current_role,
        targets=tuple(inventory.targets),
        aspirations=inventory.aspirations,
        role=role,
        start=start,
        end=end,
        horizon=horizon.label,
        analysis=analysis,
        ranking=tuple(rank(inventory.ratings, roles, catalogue)),
        projected_readiness=_projected_readiness(inventory, top_gaps, role, catalogue),
        transferable=tuple(
            (skill_id, catalogue.skills[skill_id].name, level)
            for skill_id, level in transferable(dict(inventory.ratings), role, catalogue)
        ),
        top_gaps=top_gaps,
        mentor=mentor_goals(role),
        relationships=dated_as_placed(relationships),
        exposure=dated_as_placed(exposure),
        influence=dated_as_placed(influence),
        milestones=milestones,
        checkins=_checkins(start, end, milestones),
        checkin_days=CHECKIN_DAYS,
        practices=dated_as_placed(practised),
        agenda=agenda(person, role, analysis, top_gaps, comparison),
        basis=basis,
        comparison=comparison,
        followup=followup,
    )


def _skill_steps(
    person: str,
    role: Role,
    catalogue: Catalogue,
    analysis: RoleGaps,
    marks: list[tuple[str, dt.date]],
    max_gaps: int,
    follow: _Follow,
) -> tuple[tuple[GapPlan, ...], list[list[Goal]]]:
    """The gaps the plan works on (the previous plan's open skills first, then by priority
    while the timeline has room), listed by priority, each with its steps up; and the steps
    placed per milestone (at most STEPS_PER_MILESTONE each), the open skills' first."""

    def steps_of(gap: SkillGap) -> list[Goal]:
        levels = range((gap.current or 0) + 1, gap.required + 1)
        steps = (
            step_goal(
                person,
                gap,
                level,
                role.actions.get(gap.skill, {}).get(level)
                or catalogue.skills[gap.skill].steps[level],
                role,
                catalogue,
            )
            for level in levels
        )
        return list(follow(tuple(steps)))

    candidates = analysis.gaps
    if follow.previous is not None:
        candidates = carried_first(follow.previous, analysis.gaps)
    capacity = STEPS_PER_MILESTONE * len(marks)
    top: list[SkillGap] = []
    gap_steps: list[list[Goal]] = []
    for gap in candidates[:max_gaps]:
        if top and sum(g.gap or 0 for g in top) >= capacity:
            break
        steps = steps_of(gap)
        if steps:  # a gap whose every step is done already waits for the ratings to show it
            top.append(gap)
            gap_steps.append(steps)
    placed, later = _schedule(gap_steps, len(marks))
    dated = [
        [goal._replace(due=marks[slot][1]) for goal in goals] for slot, goals in enumerate(placed)
    ]
    due_of = {(g.skill, g.level): g.due for goals in dated for g in goals}
    top_gaps = tuple(
        GapPlan(
            gap,
            tuple(
                g._replace(due=due_of[(g.skill, g.level)])
                for g in steps
                if (g.skill, g.level) in due_of
            ),
            tuple(later[index]),
        )
        for index, (gap, steps) in enumerate(zip(top, gap_steps, strict=True))
    )
    # The previous plan's open skills are scheduled first (they were started); the gaps are
    # shown by priority all the same.
    rank = {gap.skill: n for n, gap in enumerate(analysis.gaps)}
    return tuple(sorted(top_gaps, key=lambda gp: rank[gp.gap.skill])), dated


def _middle(slots: int) -> int:
    """The milestone of the mid-plan review."""
    return slots // 2 - 1 if slots > 3 else 0


def _other_goals(
    slots: int,
    first: tuple[Goal, ...],
    social: tuple[tuple[Goal, ...], ...],
    practised: tuple[Goal, ...],
) -> list[list[Goal]]:
    """The goals beyond the skill steps, per milestone: the first steps at the start, then
    people, exposure and influence taken in turn, two per milestone, and the practices."""
    extra: list[list[Goal]] = [list(first) if slot == 0 else [] for slot in range(slots)]
    in_turn = [goal for trio in _interleave(*social) for goal in trio]
    for index, goal in enumerate(in_turn):
        extra[min(index // 2, slots - 1)].append(goal)
    # The story first, then a session to shadow, then a piece of cross-team work; reputation
    # is reviewed at the mid-plan review.
    for goal in practised:
        extra[min(PRACTICE_SLOT.get(goal.subject or "", _middle(slots)), slots - 1)].append(goal)
    return extra


def _checkins(
    start: dt.date, end: dt.date, milestones: tuple[Milestone, ...]
) -> tuple[CheckIn, ...]:
    """Every CHECKIN_DAYS to the end, each about the next milestone's goals."""
    checkins = []
    day, number = start + dt.timedelta(days=CHECKIN_DAYS), 1
    while day <= end:
        upcoming = next((m for m in milestones if m.date >= day), milestones[-1])
        skills = [g.title.split(":")[0] for g in upcoming.goals if g.kind == "skill"]
        focus = (
            f"evidence and blockers for {', '.join(skills)}"
            if skills
            else "relationships, mentor, what to change"
        )
        checkins.append(CheckIn(number, day, f"{upcoming.label} goals: {focus}"))
        day += dt.timedelta(days=CHECKIN_DAYS)
        number += 1
    return tuple(checkins)


def _projected_readiness(
    inventory: Inventory, top_gaps: tuple[GapPlan, ...], role: Role, catalogue: Catalogue
) -> float:
    """Readiness if every dated step is done."""
    projected = dict(inventory.ratings)
    for gap_plan in top_gaps:
        if gap_plan.steps:
            projected[gap_plan.gap.skill] = Rating(level=gap_plan.steps[-1].level)
    return analyse(projected, role, catalogue).readiness


def _interleave(*groups: tuple[Goal, ...]) -> list[tuple[Goal, ...]]:
    depth = max((len(g) for g in groups), default=0)
    return [tuple(g[i] for g in groups if i < len(g)) for i in range(depth)]
