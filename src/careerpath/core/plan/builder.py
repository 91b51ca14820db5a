"""Building a growth plan from a gap analysis. Pure: the start date comes in as an argument."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from careerpath.core.effort import step_of
from careerpath.core.gaps import (
    Baseline,
    RoleGaps,
    SkillGap,
    analysed_and_ranked,
    baseline_for,
    places,
    readiness_of,
    transferable,
)
from careerpath.core.model import Catalogue, Inventory, Lattice, Rating, Role
from careerpath.core.plan.agenda import agenda
from careerpath.core.plan.bridges import bridge_goal, route_into
from careerpath.core.plan.bridges import placed as placed_bridges
from careerpath.core.plan.carryover import Previous, carried_first, follow, follow_up
from careerpath.core.plan.goals import Goal, due_on, identify, scheduled
from careerpath.core.plan.horizon import Horizon, add_months, check_start
from careerpath.core.plan.role_goals import (
    credentials_for,
    direction,
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
from careerpath.core.plan.schedule import (
    DEFAULT_HOURS_PER_WEEK,
    OTHER_GOALS_PER_MONTH,
    OTHER_SHARE,
    SKILL_STEPS_PER_MONTH,
    Ledger,
    Slot,
    slot_of_week,
    slots_of,
)
from careerpath.core.plan.values import (
    CheckIn,
    GapPlan,
    HoursSource,
    Milestone,
    Plan,
    ThisMonth,
    TimeFit,
)

if TYPE_CHECKING:  # a plan with a manager's view is given its comparison, made by the caller
    from careerpath.core.reviews.compare import Comparison

CHECKIN_DAYS = 14
MAX_GAPS = 8  # an upper bound: gaps are taken by priority while the hours and months have room


@functools.lru_cache(maxsize=64)  # the plans of a batch share their start and end
def _timeline(start: dt.date, end: dt.date) -> tuple[tuple[Slot, ...], tuple[dt.date, ...]]:
    """The milestones (with their weeks) and the check-in days of a plan from `start` to `end`."""
    weeks = Ledger(start, end, 0.0)  # its weeks, which do not depend on the hours
    return slots_of(weeks, _milestone_days(start, end)), tuple(_checkin_days(start, end))


def _milestone_days(start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    marks = [(f"Day {d}", start + dt.timedelta(days=d)) for d in (30, 60, 90)]
    month = 4
    while add_months(start, month) < end:
        marks.append((f"Month {month}", add_months(start, month)))
        month += 1
    marks = [(label, day) for label, day in marks if day < end]
    marks.append(("Horizon", end))
    return marks


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


def hours_of(inventory: Inventory, hours_per_week: float | None) -> tuple[float, HoursSource]:
    """The hours a week the plan fits, and where the figure comes from."""
    if hours_per_week is not None:
        return hours_per_week, "plan"
    if inventory.hours_per_week is not None:
        return inventory.hours_per_week, "inventory"
    return DEFAULT_HOURS_PER_WEEK, "default"


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
    hours_per_week: float | None = None,
    lattice: Lattice | None = None,
) -> Plan:
    """A dated growth plan for moving toward `role`, starting on `start`, that fits the hours
    a week the person has (`hours_per_week`, else the inventory's, else the default).

    `inventory` holds the ratings of `basis` (careerpath.core.basis); `comparison` is self against
    manager when both views exist. With `previous`, the previous plan's unfinished goals are
    carried over and its done goals are not repeated (careerpath.core.plan.carryover). With
    `lattice`, the plan follows the route `careerpath paths` follows to `role` and dates the
    bridging experiences of the move that reaches it (careerpath.core.plan.bridges).
    """
    person = inventory.person
    baseline = baseline_for(inventory.current_role, roles)
    analysis, figures = analysed_and_ranked(inventory, role, roles, catalogue)
    ranking = tuple(figures)
    end = horizon.end(check_start(start))
    hours, source = hours_of(inventory, hours_per_week)
    ledger = Ledger(start, end, hours)
    slots, checkin_days = _timeline(start, end)
    follow = _Follow(previous)
    # The order of these calls is the order of the goals' ids.
    gap_steps = _gap_steps(person, role, catalogue, analysis, follow)
    relationships = follow(relationship_goals(person, role))
    exposure = follow(exposure_goals(person, role))
    influence = follow(influence_goals(person, role))
    practised = follow(practices(person, role))
    first = follow(first_goals(person, role, analysis.unknowns, hours))
    middle = follow((mid_review(person),)) if len(slots) > 1 else ()
    final = follow((final_review(person),))
    route = None
    if lattice is not None:
        found = route_into(inventory, role, roles, catalogue, lattice)
        if found is not None:
            next_role = next(r for r in roles if r.id == found[1].to)
            route = placed_bridges(found[1], found[0], start, end, direction(next_role))
    bridges = follow(tuple(bridge_goal(person, b) for b in route.bridges)) if route else ()

    # The plan's own goals first, then people, exposure and influence (the mentor first).
    own: list[list[Goal]] = [[] for _ in slots]
    own[0].extend(g for g in first if g.kind != "mentor")
    own[_middle(len(slots))].extend(middle)
    own[-1].extend(final)
    for index, slot_goals in enumerate(own):
        for goal in slot_goals:
            ledger.reserve(goal.hours or 0, slots[index].first_week, slots[index].end_week)
    for goal in bridges:  # work time agreed with the manager: not taken from the person's hours
        if goal.due is not None:
            own[slot_of_week(slots, ledger.week_of(goal.due - dt.timedelta(days=1)))].append(goal)
    queue = [g for g in first if g.kind == "mentor"] + [
        goal
        for round_ in _interleave(relationships, influence, exposure, practised)
        for goal in round_
    ]
    social, social_later = _place_others(queue, slots, ledger)
    placed, top_gaps, deferred_steps, too_big = _place_steps(gap_steps, max_gaps, slots, ledger)
    # The previous plan's open skills are scheduled first (they were started); the gaps are
    # shown by priority all the same.
    rank = {gap.skill: n for n, gap in enumerate(analysis.gaps)}
    top_gaps = tuple(sorted(top_gaps, key=lambda gp: rank[gp.gap.skill]))

    milestones = tuple(
        Milestone(
            slot.label,
            (slot.date - start).days,
            slot.date,
            tuple(due_on(g, slot.date) for g in placed[index] + social[index] + own[index]),
        )
        for index, slot in enumerate(slots)
    )
    due = {g.id: g.due for m in milestones for g in m.goals}

    def dated_as_placed(goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
        return tuple(due_on(g, due.get(g.id)) for g in goals)

    followup = None
    if previous is not None:
        all_goals = tuple(g for m in milestones for g in m.goals)
        all_goals += tuple(g for gp in top_gaps for g in gp.later)
        followup = follow_up(previous, all_goals, inventory.ratings)
    checkins = _checkins(checkin_days, milestones)
    steps_needed = [g for _, steps in gap_steps for g in steps]
    time = TimeFit(
        hours_per_week=hours,
        source=source,
        weeks=ledger.days / 7,
        available=hours * ledger.days / 7,
        planned=ledger.used,
        deferred_steps=deferred_steps,
        deferred_goals=tuple(social_later),
        too_big=too_big,
        bridge_hours=sum(g.hours or 0 for g in bridges),
        steps=len(steps_needed),
        estimated=sum(
            1
            for gap, steps in gap_steps
            for g in steps
            if step_of(role, catalogue, gap.skill, g.level or 1).hours is None
            or step_of(role, catalogue, gap.skill, g.level or 1).weeks is None
        ),
    )
    recommended, held = credentials_for(role, inventory.credentials)
    relationships, influence = dated_as_placed(relationships), dated_as_placed(influence)
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
        ranking=ranking,
        places=tuple(places(ranking, inventory.targets)),
        projected_readiness=_projected(inventory, top_gaps, role, catalogue, baseline),
        transferable=tuple(
            (skill_id, catalogue.skills[skill_id].name, level)
            for skill_id, level in transferable(dict(inventory.ratings), role, catalogue)
        ),
        top_gaps=top_gaps,
        mentor=mentor_goals(role),
        relationships=relationships,
        exposure=dated_as_placed(exposure),
        influence=influence,
        milestones=milestones,
        checkins=checkins,
        checkin_days=CHECKIN_DAYS,
        practices=dated_as_placed(practised),
        time=time,
        this_month=_this_month(slots[0], ledger, top_gaps, relationships, influence, checkins),
        direction=direction(role),
        credentials=recommended,
        credentials_held=held,
        agenda=agenda(person, role, analysis, top_gaps, comparison, hours),
        basis=basis,
        comparison=comparison,
        followup=followup,
        route=route,
        bridges=dated_as_placed(bridges),
    )


def _gap_steps(
    person: str, role: Role, catalogue: Catalogue, analysis: RoleGaps, follow: _Follow
) -> list[tuple[SkillGap, list[Goal]]]:
    """Every known gap, by priority (the previous plan's open skills first), with its steps up;
    a gap whose every step is done already waits for the ratings to show it."""
    candidates = analysis.gaps
    if follow.previous is not None:
        candidates = carried_first(follow.previous, analysis.gaps)
    found = []
    for gap in candidates:
        levels = range((gap.current or 0) + 1, gap.required + 1)
        steps = tuple(
            step_goal(
                person, gap, level, step_of(role, catalogue, gap.skill, level), role, catalogue
            )
            for level in levels
        )
        followed = list(follow(steps))
        if followed:
            found.append((gap, followed))
    return found


def _place_others(
    queue: list[Goal], slots: tuple[Slot, ...], ledger: Ledger
) -> tuple[list[list[Goal]], list[Goal]]:
    """People, exposure and influence, in turn, month by month (careerpath.core.plan.schedule)."""
    placed: list[list[Goal]] = [[] for _ in slots]
    waiting = list(queue)
    for index, slot in enumerate(slots):
        share = OTHER_SHARE * sum(ledger.capacity[slot.first_week : slot.end_week])
        used = 0.0
        for goal in list(waiting):
            if len(placed[index]) == OTHER_GOALS_PER_MONTH:
                break
            hours = goal.hours or 0
            if used + hours > share + 1e-9:
                continue
            if hours > ledger.room(slot.first_week, slot.end_week) + 1e-9:
                continue
            ledger.reserve(hours, slot.first_week, slot.end_week)
            placed[index].append(goal)
            waiting.remove(goal)
            used += hours
    return placed, waiting


def _place_steps(
    gap_steps: list[tuple[SkillGap, list[Goal]]],
    max_gaps: int,
    slots: tuple[Slot, ...],
    ledger: Ledger,
) -> tuple[list[list[Goal]], tuple[GapPlan, ...], tuple[Goal, ...], tuple[Goal, ...]]:
    """Each gap's steps in order, one level of each gap in turn, highest priority first.

    Returns the steps due per milestone, the gaps the plan works on (each with its dated steps
    and the steps beyond the horizon), every step not dated, in priority order, and the steps
    that wait although they come before dated ones by priority (they need more time).
    """
    worked = gap_steps[:max_gaps]
    due: list[list[Goal]] = [[] for _ in slots]
    dated: list[list[Goal]] = [[] for _ in worked]
    later: list[list[Goal]] = [[] for _ in worked]
    finished = [-1 for _ in worked]
    depth = max((len(steps) for _, steps in worked), default=0)
    for round_ in range(depth):
        for index, (_, steps) in enumerate(worked):
            if round_ >= len(steps):
                continue
            goal = steps[round_]
            if later[index]:  # an earlier level already waits for the next plan
                later[index].append(goal)
                continue
            span = _fit(goal, finished[index] + 1, slots, ledger, due)
            if span is None:
                later[index].append(goal)
                continue
            start_week, finish_week, slot, taken = span
            ledger.commit(start_week, taken)
            finished[index] = finish_week
            goal = scheduled(goal, ledger.week_start(start_week), slots[slot].date)
            due[slot].append(goal)
            dated[index].append(goal)
    top_gaps = tuple(
        GapPlan(gap, tuple(dated[index]), tuple(later[index]))
        for index, (gap, _) in enumerate(worked)
        if dated[index]
    )
    deferred = [g for index in range(len(worked)) if not dated[index] for g in later[index]]
    deferred = [g for gp in top_gaps for g in gp.later] + deferred
    deferred += [g for _, steps in gap_steps[max_gaps:] for g in steps]
    order = {goal.id: n for n, goal in enumerate(g for _, steps in gap_steps for g in steps)}
    # a gap's next step waits while a gap after it by priority has a step dated: too big
    last = max((index for index in range(len(worked)) if dated[index]), default=-1)
    too_big = tuple(later[index][0] for index in range(last) if later[index])
    return due, top_gaps, tuple(sorted(deferred, key=lambda g: order[g.id])), too_big


def _fit(
    goal: Goal, earliest: int, slots: tuple[Slot, ...], ledger: Ledger, due: list[list[Goal]]
) -> tuple[int, int, int, list[float]] | None:
    """Where a step fits: its weeks, the milestone it is due at, and the hours per week."""
    try:
        start_week, finish_week, taken = ledger.fit_step(goal.hours or 0, goal.weeks or 0, earliest)
    except LookupError:
        return None
    slot = slot_of_week(slots, finish_week)
    while slot < len(slots) and len(due[slot]) >= SKILL_STEPS_PER_MONTH:
        slot += 1
    if slot == len(slots):
        return None
    return start_week, finish_week, slot, taken


def _middle(slots: int) -> int:
    """The milestone of the mid-plan review."""
    return slots // 2 - 1 if slots > 3 else 0


def _checkin_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every CHECKIN_DAYS to the end."""
    days = []
    day = start + dt.timedelta(days=CHECKIN_DAYS)
    while day <= end:
        days.append(day)
        day += dt.timedelta(days=CHECKIN_DAYS)
    return days


def _checkins(days: Sequence[dt.date], milestones: tuple[Milestone, ...]) -> tuple[CheckIn, ...]:
    """Each about the skill steps due at the next milestone (or, when none is, those under way)
    and the days left to it, so that no two are alike."""
    checkins = []
    for number, day in enumerate(days, 1):
        upcoming = next((m for m in milestones if m.date >= day), milestones[-1])
        due = [f"{g.subject} to level {g.level}" for g in upcoming.goals if g.kind == "skill"]
        going = [
            f"{g.subject} to level {g.level}"
            for m in milestones
            if m.date > upcoming.date
            for g in m.goals
            if g.kind == "skill" and g.starts is not None and g.starts <= day
        ]
        left = (upcoming.date - day).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        if due:
            focus = f"evidence for {', '.join(due)}, due at {upcoming.label} ({when})"
        elif going:
            focus = f"progress on {', '.join(going)}; {upcoming.label} {when}"
        else:
            focus = f"people, influence and the mentor; what to change; {upcoming.label} {when}"
        checkins.append(CheckIn(number, day, focus))
    return tuple(checkins)


def _this_month(
    slot: Slot,
    ledger: Ledger,
    top_gaps: tuple[GapPlan, ...],
    relationships: tuple[Goal, ...],
    influence: tuple[Goal, ...],
    checkins: tuple[CheckIn, ...],
) -> ThisMonth:
    """The next two skill steps, one person to meet, one influence action, the next check-in."""
    steps = sorted(
        (g for gp in top_gaps for g in gp.steps),
        key=lambda g: (g.starts or dt.date.max, g.due or dt.date.max),
    )

    def first_of(goals: tuple[Goal, ...]) -> Goal | None:
        dated = sorted((g for g in goals if g.due is not None), key=lambda g: g.due or slot.date)
        return dated[0] if dated else (goals[0] if goals else None)

    return ThisMonth(
        until=slot.date,
        hours=sum(ledger.capacity[slot.first_week : slot.end_week]),
        steps=tuple(steps[:2]),
        person=first_of(relationships),
        influence=first_of(influence),
        checkin=checkins[0] if checkins else None,
    )


def _projected(
    inventory: Inventory,
    top_gaps: tuple[GapPlan, ...],
    role: Role,
    catalogue: Catalogue,
    baseline: Baseline,
) -> float:
    """Readiness if every dated step is done (with its evidence, so no longer a claim)."""
    projected = dict(inventory.ratings)
    for gap_plan in top_gaps:
        if gap_plan.steps:
            step = gap_plan.steps[-1]
            projected[gap_plan.gap.skill] = Rating(level=step.level, evidence=step.measure)
    return readiness_of(projected, role, catalogue, baseline)


def _interleave(*groups: tuple[Goal, ...]) -> list[tuple[Goal, ...]]:
    depth = max((len(g) for g in groups), default=0)
    return [tuple(g[i] for g in groups if i < len(g)) for i in range(depth)]
