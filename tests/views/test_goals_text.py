"""`goals list` as text: every line within 80 columns, nothing cut off, text from a plan made
inert (the plan may be someone else's)."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.plan.goals import Done, Goal, short_ids
from careerpath.views.goals_text import LINE_WIDTH, goals_table

DUE = dt.date(2027, 1, 31)
LONG_SKILL = "skill:cross_team_collaboration_with_stakeholders_abroad:3"  # an organisation's


def goal(id_: str, title: str, **fields: object) -> Goal:
    return Goal("exposure", title, "A", "E", "Alex", id=id_, due=DUE, **fields)  # type: ignore[arg-type]


def is_title(line: str) -> bool:
    """A line of a goal's title: indented six, where rows are indented two (or, without their
    id, much more)."""
    return line.startswith(" " * 6) and not line[6].isspace()


@pytest.mark.parametrize(
    "title",
    [
        "See: Release management",
        "Influence: " + "share a monthly list of the defects customers hit most " * 4,
        "See: https://wiki.example.com/" + "a" * 120,  # one word longer than a line
    ],
    ids=["short", "long", "unbroken"],
)
def test_every_line_fits_and_the_title_is_whole(title: str) -> None:
    goals = [
        goal("exposure:" + "-".join(["word"] * 12), title, done=Done(DUE, "x")),
        goal(LONG_SKILL, title, carried_from=DUE),
    ]
    lines = goals_table(goals, short_ids([g.id for g in goals]))
    assert max(len(line) for line in lines) <= LINE_WIDTH
    below = [line.strip() for line in lines if is_title(line)]
    assert "".join(below).replace(" ", "") == 2 * title.replace(" ", "")
    rows = [line.split() for line in lines if not is_title(line)]
    assert rows == [
        ["id", "due", "status"],
        ["exposure:word-word-word", "2027-01-31", "done", "2027-01-31"],
        [LONG_SKILL],  # too long to leave room beside it: the due date and status below
        ["2027-01-31", "open,", "carried"],
    ]


def test_control_characters_in_a_plan_are_shown_inert() -> None:
    lines = goals_table([goal("exposure:x\x1b[2J", "See: \x1b]0;owned\x07it")], {})
    assert all("\x1b" not in line and "\x07" not in line for line in lines)
