"""Every shipped step (catalogue steps and role actions) carries its effort and minimum duration."""

from __future__ import annotations

import re

import pytest

from careerpath.core.model import Step
from careerpath.edges.load import load_library

SHIPPED = load_library()


# A step whose text names a duration must last at least that long (weeks).
DURATIONS = [
    (
        re.compile(
            r"\bfor (a|one) quarter\b|\bfor three months\b|\bthree monthly\b|"
            r"\bnext quarter\b|\brunning for a quarter\b",
            re.IGNORECASE,
        ),
        12,
    ),
    (re.compile(r"\bfor two months\b|\bfollowing two months\b", re.IGNORECASE), 8),
    (re.compile(r"\bfor six weeks\b", re.IGNORECASE), 6),
    (re.compile(r"\bfor (a|one) month\b|\ba month's\b|\ba month of\b", re.IGNORECASE), 4),
    (re.compile(r"\bfor two weeks\b|\bover two weeks\b|\ba two-week\b", re.IGNORECASE), 2),
]


def _sources(known: bool = False) -> list[object]:
    cases: list[object] = [pytest.param("catalogue", id="catalogue")]
    for role_id in SHIPPED.roles:
        cases.append(pytest.param(role_id, id=role_id))
    return cases


def _steps(source: str) -> dict[str, Step]:
    if source == "catalogue":
        return {
            f"{skill_id}.{level}": step
            for skill_id, skill in SHIPPED.catalogue.skills.items()
            for level, step in skill.steps.items()
        }
    return {
        f"{skill_id}.{level}": step
        for skill_id, steps in SHIPPED.roles[source].actions.items()
        for level, step in steps.items()
    }


@pytest.mark.parametrize("source", _sources(known=True))
def test_every_step_has_hours_and_weeks(source: str) -> None:
    missing = [
        key for key, step in _steps(source).items() if step.hours is None or step.weeks is None
    ]
    assert not missing, f"{source}: no hours or weeks on {missing}"


@pytest.mark.parametrize("source", _sources())
def test_weeks_cover_the_duration_the_text_names(source: str) -> None:
    """A step without weeks is left to the test above."""
    short = []
    for key, step in _steps(source).items():
        text = f"{step.do} {step.evidence}"
        need = max((weeks for pattern, weeks in DURATIONS if pattern.search(text)), default=0)
        if step.weeks is not None and step.weeks < need:
            short.append(f"{key} ({step.weeks} < {need})")
    assert not short, f"{source}: weeks shorter than the text says: {short}"


def test_the_duration_patterns_read_the_usual_phrases() -> None:
    def need(text: str) -> int:
        return max((weeks for pattern, weeks in DURATIONS if pattern.search(text)), default=0)

    assert need("Run it for a quarter.") == 12
    assert need("Hold three monthly sessions.") == 12
    assert need("For a month, record every ticket.") == 4
    assert need("Run a clinic for six weeks.") == 6
    assert need("Analyse three months of tickets.") == 0  # past data, not a duration
