"""The manager's one-on-one page: discussion questions drawn from a plan's gaps. Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerpath.core.model import LEVEL_NAMES, Role
from careerpath.core.plan.role_goals import direction
from careerpath.core.plan.values import AgendaItem, GapPlan, OneOnOne

if TYPE_CHECKING:
    from careerpath.core.gaps import RoleGaps
    from careerpath.core.reviews.compare import Comparison


def agenda(
    person: str,
    role: Role,
    analysis: RoleGaps,
    top_gaps: tuple[GapPlan, ...],
    comparison: Comparison | None = None,
    hours_per_week: float = 1.0,
) -> OneOnOne:
    """The manager's one-on-one page: discussion questions drawn from the gaps."""
    items: list[AgendaItem] = []
    if comparison is not None and comparison.flagged:
        names = ", ".join(row.name for row in comparison.flagged)
        items.append(
            AgendaItem(
                "Self and manager ratings",
                f"Your ratings differ by two levels or more on {names}: go through the"
                " discussion prompts in the plan. What has each of you seen, and what evidence"
                " would settle it?",
            )
        )
    for gap_plan in top_gaps[:5]:
        gap = gap_plan.gap
        step = gap_plan.steps[0] if gap_plan.steps else None
        target = step.level if step is not None else gap.required
        items.append(
            AgendaItem(
                f"{gap.name}: {gap.current} → {gap.required} (priority {gap.priority})",
                f"Where could {person} practise {gap.name.lower()} at level {target}"
                f" ({LEVEL_NAMES[target or 0]})"
                + (f" by {step.due.isoformat()}" if step is not None and step.due else "")
                + ", and what evidence would you accept?",
                gap.skill,
                gap.priority,
            )
        )
    for gap in analysis.unknowns[:3]:
        items.append(
            AgendaItem(
                f"{gap.name}: {gap.status} (needs {gap.required})",
                f"What have you seen of {person}'s {gap.name.lower()}, and what level would you"
                " give it?",
                gap.skill,
                None,
            )
        )
    for gap in analysis.strengths[:2]:
        items.append(
            AgendaItem(
                f"{gap.name}: a strength at {gap.current}",
                f"Where could {person}'s {gap.name.lower()} be made visible to people"
                f" in {direction(role)}?",
                gap.skill,
                None,
            )
        )
    items.append(
        AgendaItem(
            "Mentor",
            f"Who inside the organisation could mentor {person} for this move?",
        )
    )
    items.append(
        AgendaItem(
            "People",
            "Which of the people and teams in this plan can you introduce "
            f"{person} to, and who is missing?",
        )
    )
    return OneOnOne(
        purpose=(
            f"For the manager: thirty minutes with {person} to agree this plan. The questions"
            " come from the gaps, the skills still to assess and the strengths; the plan is"
            f" guidance for {person}'s development, not a promotion checklist."
        ),
        items=tuple(items),
        agree=(
            "Which goals to start with, and which to drop or change",
            f"{'An hour' if hours_per_week == 1 else f'{hours_per_week:g} hours'} a week for"
            " this plan, protected",
            "The date of the first check-in",
        ),
    )
