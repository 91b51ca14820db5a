"""Plan building: horizons, dates, scheduling of level steps, goals. Pure values, no files."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from careerpath.core.effort import LEVEL_ESTIMATES, step_effort
from careerpath.core.model import Step
from careerpath.core.plan.builder import build_plan, hours_of
from careerpath.core.plan.goals import Goal
from careerpath.core.plan.horizon import (
    EARLIEST_START,
    LATEST_START,
    add_months,
    check_start,
    parse_horizon,
)
from careerpath.core.plan.schedule import (
    DEFAULT_HOURS_PER_WEEK,
    OTHER_GOALS_PER_MONTH,
    SKILL_STEPS_PER_MONTH,
    check_hours,
)
from careerpath.core.plan.smart import PARTS, missing_parts
from careerpath.core.plan.values import Plan
from careerpath.errors import CareerpathError, UsageError
from tests.builders import catalogue, inventory, relationship, role

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


def plan_for(
    horizon: str = "6m",
    hours: float | None = None,
    more: dict[str, object] | None = None,
    actions: dict[str, dict[int, Step]] | None = None,
    **ratings: int | str,
) -> Plan:
    target = role(
        a=(4, 5),
        b=(3, 4),
        c=(2, 2),
        d=(1, 1),
        e=(3, 3),
        actions=actions or {"a": {2: Step(do="role-specific a2", evidence="role evidence a2")}},
        more={
            "relationships": [relationship(f"Person {n}") for n in range(1, 6)],
            "influence": [f"Propose change {n}." for n in range(1, 5)],
            **(more or {}),
        },
    )
    inv = inventory(targets=["target"], **ratings)
    return build_plan(
        inv,
        target,
        CAT,
        [target],
        start=START,
        horizon=parse_horizon(horizon),
        hours_per_week=hours,
    )


def skill_steps(plan: Plan) -> list[Goal]:
    return [g for g in plan.goals if g.kind == "skill"]


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


HOURS = [0.5, 1, 2, 5, 10, 40]


@pytest.mark.parametrize("hours", HOURS)
def test_each_month_holds_a_handful_of_goals(hours: float) -> None:
    plan = plan_for(hours=hours, a=0, b=0, c=0, d=0, e=0)
    for milestone in plan.milestones:
        kinds = [g.kind for g in milestone.goals]
        assert sum(k == "skill" for k in kinds) <= SKILL_STEPS_PER_MONTH
        assert sum(k not in ("skill", "review", "assess") for k in kinds) <= OTHER_GOALS_PER_MONTH


@pytest.mark.parametrize("hours", HOURS)
def test_the_plan_fits_the_hours_available(hours: float) -> None:
    plan = plan_for(hours=hours, a=0, b=0, c=0, d=0, e=0)
    assert plan.time is not None
    assert plan.time.available == pytest.approx(hours * 181 / 7)
    # the plan's own goals (protected time, the reviews) are kept even at half an hour a week
    own = sum(g.hours or 0 for g in plan.goals if g.kind in ("review", "assess"))
    assert plan.time.planned <= max(plan.time.available, own) + 1e-6
    assert plan.time.planned == pytest.approx(sum(g.hours or 0 for g in plan.goals))


def test_more_hours_fit_more_of_the_move() -> None:
    fits = [plan_for(hours=h, a=0, b=0, c=0, d=0, e=0).time for h in HOURS]
    assert all(f is not None for f in fits)
    planned = [f.planned for f in fits if f is not None]
    deferred = [f.deferred_hours for f in fits if f is not None]
    assert planned == sorted(planned) and planned[0] < planned[-1]
    assert deferred == sorted(deferred, reverse=True) and deferred[-1] < deferred[0]


@pytest.mark.parametrize("hours", HOURS)
def test_every_step_is_dated_or_deferred_once(hours: float) -> None:
    plan = plan_for(hours=hours, a=0, b=1, c=0, d=0, e=2)
    assert plan.time is not None
    dated = [(g.skill, g.level) for gp in plan.top_gaps for g in gp.steps]
    deferred = [(g.skill, g.level) for g in plan.time.deferred_steps]
    needed = [
        (g.skill, lv)
        for g in plan.analysis.gaps
        for lv in range((g.current or 0) + 1, g.required + 1)
    ]
    assert sorted(dated + deferred) == sorted(needed)
    assert plan.time.steps == len(needed)
    assert plan.time.needed == pytest.approx(plan.time.planned + plan.time.deferred_hours)
    later = [(g.skill, g.level) for gp in plan.top_gaps for g in gp.later]
    assert set(later) <= set(deferred)


@pytest.mark.parametrize("hours", [1, 3, 10])
def test_levels_of_a_skill_follow_each_other(hours: float) -> None:
    plan = plan_for(hours=hours, a=0, b=0, c=0, e=0)
    for gap_plan in plan.top_gaps:
        steps = gap_plan.steps
        for before, after in itertools.pairwise(steps):
            assert before.starts is not None and after.starts is not None
            assert before.starts < after.starts and before.due is not None
            assert after.due is not None and before.due <= after.due
        levels = [s.level for s in gap_plan.steps] + [s.level for s in gap_plan.later]
        assert levels == list(range((gap_plan.gap.current or 0) + 1, gap_plan.gap.required + 1))


QUARTER = Step(
    do="Run the weekly review for a quarter.", evidence="Twelve reviews.", hours=12, weeks=12
)


@pytest.mark.parametrize("hours", [2, 10, 40])
def test_a_step_never_runs_shorter_than_its_minimum_duration(hours: float) -> None:
    plan = plan_for(hours=hours, actions={"a": {2: QUARTER}}, a=1)
    (step,) = [g for g in skill_steps(plan) if (g.skill, g.level) == ("a", 2)]
    assert step.starts is not None and step.due is not None
    assert (step.due - step.starts).days >= 12 * 7
    assert (step.hours, step.weeks) == (12, 12)


def test_a_step_longer_than_the_horizon_is_deferred_with_its_later_levels() -> None:
    plan = plan_for("45d", hours=40, actions={"a": {2: QUARTER}}, a=1)
    assert plan.time is not None
    assert ("a", 2) not in {(g.skill, g.level) for g in skill_steps(plan)}
    assert {("a", 2), ("a", 3), ("a", 4)} <= {(g.skill, g.level) for g in plan.time.deferred_steps}


@pytest.mark.parametrize(
    ("level", "hours", "weeks"), [(lv, h, w) for lv, (h, w) in LEVEL_ESTIMATES.items()]
)
def test_steps_without_an_estimate_use_the_default_for_their_level(
    level: int, hours: float, weeks: int
) -> None:
    bare = Step(do="Do it.", evidence="It is done.")
    assert step_effort(bare, level) == (hours, weeks, True)
    half = Step(do="Do it.", evidence="It is done.", hours=5)
    assert step_effort(half, level) == (5, weeks, True)
    assert step_effort(QUARTER, level) == (12, 12, False)
    if level <= 4:  # the role's skill a goes to 4
        plan = plan_for(hours=40, horizon="1y", a=level - 1)
        assert plan.time is not None
        found = skill_steps(plan) + list(plan.time.deferred_steps)
        (step,) = [g for g in found if (g.skill, g.level) == ("a", level)]
        assert (step.hours, step.weeks) == (hours, weeks)


def test_own_estimates_count_and_the_rest_are_reported_as_estimated() -> None:
    plan = plan_for(actions={"a": {2: QUARTER}}, a=1, b=3, c=2, d=1, e=3)
    assert plan.time is not None
    assert (plan.time.steps, plan.time.estimated) == (3, 2)


@pytest.mark.parametrize(
    ("given", "in_inventory", "expected"),
    [(5.0, 3.0, (5.0, "plan")), (None, 3.0, (3.0, "inventory")), (None, None, (2.0, "default"))],
)
def test_hours_come_from_the_plan_then_the_inventory_then_the_default(
    given: float | None, in_inventory: float | None, expected: tuple[float, str]
) -> None:
    inv = inventory(more={"hours_per_week": in_inventory}, a=1)
    assert hours_of(inv, given) == expected
    assert DEFAULT_HOURS_PER_WEEK == 2.0


@pytest.mark.parametrize(
    ("text", "hours"), [("2", 2.0), (" 1,5 ", 1.5), ("0.5", 0.5), ("40", 40.0)]
)
def test_hours_a_week_as_typed(text: str, hours: float) -> None:
    assert check_hours(text) == hours


@pytest.mark.parametrize("text", ["0", "0.4", "40.5", "-1", "nan", "inf", "two", ""])
def test_hours_outside_half_an_hour_to_forty_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_hours(text)
    assert caught.value.option == "hours"
    assert f"got '{text}'" in str(caught.value)


def test_the_highest_priority_gap_starts_first() -> None:
    plan = plan_for(hours=5, a=1, b=2, c=0, d=0, e=3)
    first = sorted(skill_steps(plan), key=lambda g: (g.starts, g.due))[0]
    # priorities: a 15, b 4 (importance 4), c 4 (importance 2), d 1
    assert (first.skill, first.level) == ("a", 2)


def test_role_specific_action_replaces_the_catalogue_step() -> None:
    plan = plan_for(hours=10, a=1)
    steps = [s for gp in plan.top_gaps if gp.gap.skill == "a" for s in gp.steps + gp.later]
    step = next(s for s in steps if s.level == 2)
    assert (step.action, step.measure) == ("role-specific a2", "role evidence a2")
    other = next(s for s in steps if s.level == 3)
    assert other.action == "generic a step 3"


def test_every_goal_is_smart() -> None:
    plan = plan_for(a=0, b="unsure", c=1)
    for goal in plan.goals:
        assert goal.action and goal.measure and goal.owner == "Alex" and goal.hours
        assert goal.due is not None and START < goal.due <= plan.end


def test_unsure_skills_become_an_assessment_goal_not_a_gap() -> None:
    plan = plan_for(a=4, b="unsure", c=2, d=1, e=3)
    assert all(gp.gap.skill != "b" for gp in plan.top_gaps)
    (assess,) = [g for g in plan.goals if g.kind == "assess"]
    assert "B" in assess.action


def test_checkins_recur_every_fourteen_days_to_the_end_each_row_once() -> None:
    plan = plan_for(a=1)
    dates = [c.date for c in plan.checkins]
    assert dates[0] == START + dt.timedelta(days=14)
    assert all((b - a).days == 14 for a, b in itertools.pairwise(dates))
    assert dates[-1] <= plan.end < dates[-1] + dt.timedelta(days=14)
    focus = [c.focus for c in plan.checkins]
    assert len(set(focus)) == len(focus)


def test_this_month_has_two_steps_a_person_an_influence_action_and_the_next_checkin() -> None:
    plan = plan_for(hours=5, a=1, b=2, c=0)
    month = plan.this_month
    assert month is not None
    assert month.until == plan.milestones[0].date
    starts = sorted((g.starts, g.due) for g in skill_steps(plan))
    assert [(g.starts, g.due) for g in month.steps] == starts[:2]
    assert month.person is not None and month.person.subject == "Person 1"
    assert month.influence is not None and month.influence.action == "Propose change 1."
    assert month.checkin == plan.checkins[0]
    assert month.hours == pytest.approx(5 * 28 / 7)


def test_goals_that_do_not_fit_are_deferred_and_named() -> None:
    plan = plan_for(hours=1, a=0, b=0)
    assert plan.time is not None
    deferred = {g.subject for g in plan.time.deferred_goals}
    dated = {g.subject for g in plan.goals}
    assert deferred and not deferred & dated
    assert all(g.due is None for g in plan.relationships if g.subject in deferred)


def test_projected_readiness_rises_when_steps_are_done() -> None:
    plan = plan_for(a=1, b=1, c=1, d=1, e=1)
    assert plan.projected_readiness > plan.analysis.readiness


def test_no_gaps_gives_a_plan_without_skill_goals() -> None:
    plan = plan_for(a=5, b=5, c=5, d=5, e=5)
    assert plan.top_gaps == ()
    assert not skill_steps(plan)
    assert plan.analysis.readiness == 1.0


def test_same_input_gives_the_same_plan() -> None:
    assert plan_for(a=1, b="n/a") == plan_for(a=1, b="n/a")


def test_a_step_too_big_for_the_hours_left_waits_and_is_named() -> None:
    big = Step(do="Run the migration project.", evidence="The migration done.", hours=60, weeks=8)
    plan = plan_for(hours=2, actions={"a": {2: big}}, a=1, b=2, c=1, d=0, e=2)
    assert plan.time is not None
    assert [(g.skill, g.level) for g in plan.time.too_big][:1] == [("a", 2)]
    dated = {(g.skill, g.level) for g in skill_steps(plan)}
    assert ("a", 2) not in dated and dated  # smaller steps use the hours instead


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


def test_the_analysis_is_the_target_s_whether_it_comes_from_the_ranking_or_not() -> None:
    """build_plan takes the target's analysis from the ranking when the target is one of the
    ranked roles, and analyses it on its own when it is not: the same figures either way."""
    from careerpath.core.gaps import analyse, baseline_for

    target, other = role(a=(4, 5), b=(3, 4)), role("other", a=(2, 3), c=(3, 3))
    person = inventory(targets=["target"], a=1, b="unsure", c=2)
    roles = [other, target]
    span = parse_horizon("6m")
    ranked = build_plan(person, target, CAT, roles, start=START, horizon=span)
    alone = build_plan(person, target.model_copy(deep=True), CAT, roles, start=START, horizon=span)
    expected = analyse(person.ratings, target, CAT, baseline_for(person.current_role, roles))
    assert ranked.analysis == alone.analysis == expected
    assert ranked == alone
