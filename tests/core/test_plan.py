"""Plan building: horizons, dates, scheduling of level steps, goals. Pure values, no files."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from careerpath.core.model import Step
from careerpath.core.plan.builder import STEPS_PER_MILESTONE, build_plan
from careerpath.core.plan.goals import Goal
from careerpath.core.plan.horizon import (
    EARLIEST_START,
    LATEST_START,
    add_months,
    check_start,
    parse_horizon,
)
from careerpath.core.plan.smart import PARTS, missing_parts
from careerpath.errors import CareerpathError, UsageError
from tests.builders import catalogue, inventory, role

START = dt.date(2026, 11, 2)
CAT = catalogue("a", "b", "c", "d", "e")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("6m", dt.date(2027, 5, 2)),
        ("1y", dt.date(2027, 11, 2)),
        ("26w", dt.date(2027, 5, 3)),
        ("90d", dt.date(2027, 1, 31)),
        (" 3M ", dt.date(2027, 2, 2)),
    ],
)
def test_horizon_end_dates(text: str, end: dt.date) -> None:
    assert parse_horizon(text).end(START) == end


@pytest.mark.parametrize(
    "text",
    [
        *["", "6", "m6", "six months", "1d", "4y", "-3m", "3.5m", "0m", "13d", "37m", "157w"],
        *["1099d", "8000y", "99999999999999999999d", "9" * 5000 + "d"],
    ],
    ids=lambda text: text if len(text) < 30 else f"{len(text)}-digits",
)
def test_bad_horizons_are_usage_errors(text: str) -> None:
    """8000y and 99999999999999999999d were a traceback: dates were computed before the check."""
    with pytest.raises(CareerpathError) as caught:
        parse_horizon(text)
    assert isinstance(caught.value, UsageError)
    assert caught.value.option == "horizon"
    assert "the horizon option must" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("14d", 14),
        ("2w", 14),
        ("1m", 31),
        ("36m", 1096),
        ("3y", 1096),
        ("1098d", 1098),
        ("156w", 1092),
        ("0006m", 182),
    ],
)
def test_horizons_at_the_edges_of_the_range(text: str, days: int) -> None:
    start = dt.date(2000, 1, 1)
    assert (parse_horizon(text).end(start) - start).days == days


@pytest.mark.parametrize(
    "start", [dt.date(9999, 12, 31), dt.date(9000, 1, 1), dt.date(3000, 1, 1), dt.date(1, 1, 1)]
)
def test_a_plan_outside_the_start_range_is_a_usage_error(start: dt.date) -> None:
    """--date 9999-12-31 was `year 10000 is out of range`; the start is checked first."""
    with pytest.raises(UsageError) as caught:
        check_start(start)
    assert caught.value.option == "date"
    assert str(caught.value) == (
        f"the date option must be between 1900-01-01 and 2999-12-31, got {start.isoformat()}"
    )


@pytest.mark.parametrize("start", [EARLIEST_START, LATEST_START])
def test_a_plan_at_the_ends_of_the_start_range_has_real_dates(start: dt.date) -> None:
    assert add_months(check_start(start), 36) > start


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 12, 15), 12, dt.date(2027, 12, 15)),
    ],
)
def test_add_months_keeps_the_day_or_the_month_end(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def plan_for(horizon: str = "6m", **ratings: int | str):  # type: ignore[no-untyped-def]
    target = role(
        a=(4, 5),
        b=(3, 4),
        c=(2, 2),
        d=(1, 1),
        e=(3, 3),
        actions={"a": {2: Step(do="role-specific a2", evidence="role evidence a2")}},
    )
    inv = inventory(targets=["target"], **ratings)
    return build_plan(inv, target, CAT, [target], start=START, horizon=parse_horizon(horizon))


def test_milestones_are_30_60_90_days_then_monthly_to_the_horizon() -> None:
    plan = plan_for(a=1, b=1)
    assert [(m.label, m.date) for m in plan.milestones] == [
        ("Day 30", dt.date(2026, 12, 2)),
        ("Day 60", dt.date(2027, 1, 1)),
        ("Day 90", dt.date(2027, 1, 31)),
        ("Month 4", dt.date(2027, 3, 2)),
        ("Month 5", dt.date(2027, 4, 2)),
        ("Horizon", dt.date(2027, 5, 2)),
    ]


def test_short_horizon_keeps_only_milestones_before_its_end() -> None:
    plan = plan_for("45d", a=1)
    assert [m.label for m in plan.milestones] == ["Day 30", "Horizon"]


def test_steps_follow_each_other_and_respect_capacity() -> None:
    plan = plan_for(a=0, b=0, c=0, e=0)
    for milestone in plan.milestones:
        assert sum(g.kind == "skill" for g in milestone.goals) <= STEPS_PER_MILESTONE
    for gap_plan in plan.top_gaps:
        dues = [step.due for step in gap_plan.steps]
        assert dues == sorted(dues) and len(set(dues)) == len(dues), gap_plan.gap.skill
        levels = [s.level for s in gap_plan.steps] + [s.level for s in gap_plan.later]
        assert levels == list(range((gap_plan.gap.current or 0) + 1, gap_plan.gap.required + 1))


def test_highest_priority_gap_gets_the_first_step() -> None:
    plan = plan_for(a=1, b=2, c=0, d=0, e=3)
    first = [g for g in plan.milestones[0].goals if g.kind == "skill"]
    # priorities: a 15, b 4 (importance 4), c 4 (importance 2), d 1
    assert [(g.skill, g.level) for g in first] == [("a", 2), ("b", 3)]


def test_role_specific_action_replaces_the_catalogue_step() -> None:
    plan = plan_for(a=1)
    step = next(s for gp in plan.top_gaps if gp.gap.skill == "a" for s in gp.steps if s.level == 2)
    assert (step.action, step.measure) == ("role-specific a2", "role evidence a2")
    other = next(s for gp in plan.top_gaps if gp.gap.skill == "a" for s in gp.steps if s.level == 3)
    assert other.action == "generic a step 3"


def test_every_goal_is_smart() -> None:
    plan = plan_for(a=0, b="unsure", c=1)
    for goal in plan.goals:
        assert goal.action and goal.measure and goal.owner == "Alex"
        assert goal.due is not None and START < goal.due <= plan.end


def test_unsure_skills_become_an_assessment_goal_not_a_gap() -> None:
    plan = plan_for(a=4, b="unsure", c=2, d=1, e=3)
    assert all(gp.gap.skill != "b" for gp in plan.top_gaps)
    (assess,) = [g for g in plan.goals if g.kind == "assess"]
    assert "B" in assess.action


def test_checkins_recur_every_fourteen_days_to_the_end() -> None:
    plan = plan_for(a=1)
    dates = [c.date for c in plan.checkins]
    assert dates[0] == START + dt.timedelta(days=14)
    assert all((b - a).days == 14 for a, b in itertools.pairwise(dates))
    assert dates[-1] <= plan.end < dates[-1] + dt.timedelta(days=14)


def test_projected_readiness_rises_when_steps_are_done() -> None:
    plan = plan_for(a=1, b=1, c=1, d=1, e=1)
    assert plan.projected_readiness > plan.analysis.readiness


def test_no_gaps_gives_a_plan_without_skill_goals() -> None:
    plan = plan_for(a=5, b=5, c=5, d=5, e=5)
    assert plan.top_gaps == ()
    assert not [g for g in plan.goals if g.kind == "skill"]
    assert plan.analysis.readiness == 1.0


def test_same_input_gives_the_same_plan() -> None:
    assert plan_for(a=1, b="n/a") == plan_for(a=1, b="n/a")


# --- the SMART check ---------------------------------------------------------------------------

DUE = dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("goal", "missing"),
    [
        (Goal("skill", "t", "a", "evidence", "Sam", DUE, outcome="level 3"), ()),
        (Goal("skill", "t", "a", "evidence", "Sam", None, outcome="level 3"), ("due date",)),
        (Goal("relationship", "t", "a", "evidence", "Sam", DUE), ("measurable outcome",)),
        (Goal("review", "t", "a", " ", "", DUE, outcome="x"), ("owner", "evidence")),
        (Goal("review", "t", "a", "", "", None), PARTS),
    ],
)
def test_missing_parts(goal: Goal, missing: tuple[str, ...]) -> None:
    assert missing_parts(goal) == missing
