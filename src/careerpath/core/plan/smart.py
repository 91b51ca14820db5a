"""The SMART check: every goal in a plan needs a measurable outcome, an owner, a due date and
the evidence that will show it is done. Pure: plans and text in, findings out.

`plan` runs it on the plan it built (a role file may leave a relationship's success signal out)
and on what a user's template made of it (a template may leave the due dates or the evidence
out). It warns rather than refuses: the plan is still worth having, and the warning says what
to add.
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


def unshown(plan: Plan, text: str, *, is_html: bool = False) -> tuple[SmartProblem, ...]:
    """Goals whose due date or evidence a rendered plan leaves out (for users' templates).

    A date counts in ISO form (2026-12-02) or the plan's long form (Wed 2 Dec 2026); the
    evidence counts when its text appears word for word.
    """
    if is_html:
        import html  # only user HTML templates are checked this way

        text = html.unescape(text)
    found = []
    for goal in plan.goals:
        missing = []
        if goal.due is not None and not _has_date(text, goal):
            missing.append("due date")
        if goal.measure and goal.measure not in text:
            missing.append("evidence")
        if missing:
            found.append(SmartProblem(goal, tuple(missing)))
    return tuple(found)


def _has_date(text: str, goal: Goal) -> bool:
    due = goal.due
    assert due is not None
    long = f"{due.strftime('%a')} {due.day} {due.strftime('%b %Y')}"
    return due.isoformat() in text or long in text
