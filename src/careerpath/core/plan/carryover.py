"""Goals across time: what a new plan takes over from the previous one. Pure: values in, out.

The previous plan's goals come in as values (careerpath.edges.plan_files reads them from its JSON).
- A goal marked done is not repeated (nor is one done in the plans before it).
- An unfinished skill step that is still a gap under the new ratings keeps its place: its skill
  goes first in the new plan and the step is re-dated there, marked carried over.
- An unfinished skill step the new ratings already meet was reached since.
- Other unfinished goals (mentor, people, exposure, influence) are carried over when the new
  plan has them (the same id); reviews and assessment are each plan's own.
- Whatever is neither carried over nor reached is listed as not carried over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from careerpath.core.gaps import SkillGap
from careerpath.core.model import Rating, level_of
from careerpath.core.plan.goals import PER_PLAN, Goal


class Previous(NamedTuple):
    """The previous plan, as far as a new plan needs it."""

    start: dt.date
    role: str  # its role id
    role_title: str
    goals: tuple[Goal, ...]  # each goal once, timeline order, then the steps beyond its horizon
    done_before: tuple[str, ...] = ()  # ids completed in the plans before it


class FollowUp(NamedTuple):
    """What the new plan did with the previous plan's goals."""

    since: dt.date  # the previous plan's start
    role: str
    role_title: str
    carried: tuple[Goal, ...]  # this plan's goals carried over (with their new dates)
    completed: tuple[Goal, ...]  # marked done in the previous plan, with the evidence
    reached: tuple[Goal, ...]  # unfinished skill steps the new ratings meet
    dropped: tuple[Goal, ...]  # unfinished goals this plan does not take over
    done_ids: tuple[str, ...]  # every goal completed so far: never repeated in a later plan
    unconfirmed: tuple[str, ...]  # completed skill steps the ratings do not show yet


def done_ids(previous: Previous) -> frozenset[str]:
    return frozenset(previous.done_before) | {g.id for g in previous.goals if g.done is not None}


def unfinished(previous: Previous) -> dict[str, Goal]:
    """The previous plan's open goals that can carry over, by id."""
    return {g.id: g for g in previous.goals if g.done is None and g.kind not in PER_PLAN}


def carried_first(previous: Previous, gaps: tuple[SkillGap, ...]) -> tuple[SkillGap, ...]:
    """`gaps` with the skills of the previous plan's unfinished steps that are still gaps first,
    in the previous plan's order (where each skill first appears in it), then the rest in their
    own order (by priority)."""
    by_skill = {gap.skill: gap for gap in gaps}
    still_open = {
        goal.skill
        for goal in unfinished(previous).values()
        if goal.kind == "skill"
        and goal.skill in by_skill
        and goal.level is not None
        and (by_skill[goal.skill].current or 0) < goal.level <= by_skill[goal.skill].required
    }
    first: list[str] = []
    for goal in previous.goals:
        if goal.kind == "skill" and goal.skill in still_open and goal.skill not in first:
            first.append(goal.skill)
    return (
        *(by_skill[skill] for skill in first),
        *(gap for gap in gaps if gap.skill not in first),
    )


def follow(goal: Goal, previous: Previous) -> Goal | None:
    """`goal` of the new plan as the previous plan leaves it: None when it was done already,
    marked carried over when it was open, unchanged when it is new."""
    if goal.kind in PER_PLAN:
        return goal
    if goal.id in done_ids(previous):
        return None
    if goal.id in unfinished(previous):
        return goal._replace(carried_from=previous.start)
    return goal


def follow_up(
    previous: Previous, new_goals: tuple[Goal, ...], ratings: Mapping[str, Rating]
) -> FollowUp:
    """The summary a new plan shows: `new_goals` are all its goals (dated and later)."""
    in_plan = {g.id for g in new_goals}
    completed = tuple(g for g in previous.goals if g.done is not None)
    reached: list[Goal] = []
    dropped: list[Goal] = []
    for goal in unfinished(previous).values():
        if goal.id in in_plan:
            continue
        level = level_of(ratings.get(goal.skill or ""))
        met = goal.kind == "skill" and None not in (level, goal.level)
        (reached if met and (level or 0) >= (goal.level or 0) else dropped).append(goal)
    unconfirmed = tuple(
        g.id
        for g in completed
        if g.kind == "skill"
        and g.level is not None
        and (level_of(ratings.get(g.skill or "")) or 0) < g.level
    )
    return FollowUp(
        since=previous.start,
        role=previous.role,
        role_title=previous.role_title,
        carried=tuple(g for g in new_goals if g.carried_from is not None),
        completed=completed,
        reached=tuple(reached),
        dropped=tuple(dropped),
        done_ids=tuple(sorted(done_ids(previous))),
        unconfirmed=unconfirmed,
    )
