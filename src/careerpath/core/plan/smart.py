"""The SMART check: every goal in a plan needs a measurable outcome, an owner, a due date and
the evidence that will show it is done. Pure: plans and text in, findings out.

`plan` runs it on the plan it built (a role file may leave a relationship's success signal out)
and, through careerpath.views.shown, on what a user's template made of it (a template may leave
the due dates or the evidence out). It warns rather than refuses: the plan is still worth
having, and the warning says what to add.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from careerpath.core.plan.goals import Goal
from careerpath.core.plan.values import Plan

PARTS = ("measurable outcome", "owner", "due date", "evidence")


class SmartProblem(NamedTuple):
    goal: Goal
    missing: tuple[str, ...]  # from PARTS

    @property
    def message(self) -> str:
        hint = ""
        if self.goal.kind == "relationship" and "measurable outcome" in self.missing:
            hint = f"; give the relationship with '{self.goal.subject}' a `signal:`"
        return f"goal '{self.goal.title}' has no {' or '.join(self.missing)}{hint}"


def missing_parts(goal: Goal) -> tuple[str, ...]:
    """What `goal` lacks of the four SMART parts careerpath checks, in PARTS order."""
    if (
        goal.due is not None
        and goal.outcome.strip()
        and goal.owner.strip()
        and goal.measure.strip()
    ):
        return ()  # as nearly every goal is: no tuple to build
    present = (
        bool(goal.outcome.strip()),
        bool(goal.owner.strip()),
        goal.due is not None,
        bool(goal.measure.strip()),
    )
    return tuple(part for part, ok in zip(PARTS, present, strict=True) if not ok)


def check_goals(goals: Iterable[Goal]) -> tuple[SmartProblem, ...]:
    found = []
    for goal in goals:
        missing = missing_parts(goal)
        if missing:
            found.append(SmartProblem(goal, missing))
    return tuple(found)


def check_plan(plan: Plan) -> tuple[SmartProblem, ...]:
    """Every dated goal of the plan (the timeline holds them all)."""
    return check_goals(plan.goals)
