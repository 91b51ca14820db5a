"""What a rendered plan shows: the goals whose due date or evidence a user's template left out.

The other half of the SMART check (careerpath.core.plan.smart): a goal is SMART in the plan,
and it must stay so on the page. Pure: a plan and its text in, findings out.
"""

from __future__ import annotations

import html

from careerpath.core.plan.goals import Goal
from careerpath.core.plan.smart import SmartProblem
from careerpath.core.plan.values import Plan
from careerpath.views.escape import md_inline
from careerpath.views.formatting import long_date


def unshown(plan: Plan, text: str, *, is_html: bool = False) -> tuple[SmartProblem, ...]:
    """Goals whose due date or evidence a rendered plan leaves out (for users' templates).

    A date counts in ISO form (2026-12-02) or the plan's long form (Wed 2 Dec 2026); the
    evidence counts when its text appears word for word, or escaped as a Markdown template
    writes it (careerpath.views.escape.md_inline).
    """
    if is_html:
        text = html.unescape(text)
    found = []
    for goal in plan.goals:
        missing = []
        if goal.due is not None and not _has_date(text, goal):
            missing.append("due date")
        if goal.measure and goal.measure not in text and md_inline(goal.measure) not in text:
            missing.append("evidence")
        if missing:
            found.append(SmartProblem(goal, tuple(missing)))
    return tuple(found)


def _has_date(text: str, goal: Goal) -> bool:
    due = goal.due
    assert due is not None
    return due.isoformat() in text or long_date(due) in text
