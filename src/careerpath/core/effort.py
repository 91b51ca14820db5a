"""The effort of a step up a skill: its own hours and weeks, or the estimate for its level. Pure.

Both readiness (the hours a move still needs) and the plan's schedule read it from here.
"""

from __future__ import annotations

from typing import NamedTuple

from careerpath.core.model import Catalogue, Role, Step

# The estimate for a step without its own hours and weeks, by the level it reaches.
LEVEL_ESTIMATES: dict[int, tuple[float, int]] = {
    1: (3, 1),
    2: (8, 3),
    3: (16, 6),
    4: (24, 8),
    5: (32, 12),
}

ESTIMATE_RULE = "a step without its own estimate takes " + ", ".join(
    f"{hours:g} hours over at least {weeks} week{'s' if weeks != 1 else ''} for level {level}"
    for level, (hours, weeks) in LEVEL_ESTIMATES.items()
)


class Effort(NamedTuple):
    hours: float
    weeks: int  # the minimum duration
    estimated: bool  # True when the step had no hours or weeks of its own


def step_effort(step: Step, level: int) -> Effort:
    """The step's own hours and weeks; what it lacks comes from LEVEL_ESTIMATES."""
    hours, weeks = LEVEL_ESTIMATES[level]
    return Effort(
        hours=float(step.hours) if step.hours is not None else hours,
        weeks=step.weeks if step.weeks is not None else weeks,
        estimated=step.hours is None or step.weeks is None,
    )


def step_of(role: Role, catalogue: Catalogue, skill: str, level: int) -> Step:
    """The role's own step for this level of the skill, or the catalogue's."""
    return role.actions.get(skill, {}).get(level) or catalogue.skills[skill].steps[level]
