"""Goals across time, pure: stable ids, and what a new plan carries over from the last one."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.gaps import analyse, baseline_for
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.carryover import Previous, carried_first, follow, follow_up
from careerpath.core.plan.goals import (
    Done,
    Goal,
    goal_id,
    identify,
    matching,
    short_ids,
    slug,
)
from careerpath.core.plan.horizon import parse_horizon
from careerpath.core.plan.values import Plan
from tests.builders import catalogue, every_goal, inventory, rating, role

START = dt.date(2026, 11, 2)
LATER = dt.date(2027, 5, 2)
CAT = catalogue("a", "b", "c")
ROLE = role(a=(3, 5), b=(2, 4), c=(1, 1))


def goal(kind: str, **fields: object) -> Goal:
    return Goal(
        kind, str(fields.pop("title", "T")), str(fields.pop("action", "A")), "E", "Alex", **fields
    )  # type: ignore[arg-type]


# --- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (goal("skill", skill="test_design", level=3), "skill:test_design:3"),
        (
            goal("relationship", subject="QA lead (or test manager)"),
            "relationship:qa-lead-or-test-manager",
        ),
        (
            goal("relationship", title="Hear the story", subject="Hear the story"),
            "relationship:hear-the-story",
        ),
        (goal("exposure", subject="Release management"), "exposure:release-management"),
        (
            goal("influence", action="Propose a bug-report template for support escalations, now"),
            "influence:propose-a-bug-report-template-for-support",
        ),
        (goal("mentor", title="Find a mentor for this move"), "mentor:find"),
        (goal("assess", title="Rate the skills you are unsure of"), "assess:unsure"),
        (goal("review", title="Mid-plan review"), "review:mid-plan-review"),
    ],
)
def test_goal_ids_name_what_a_goal_is_about(value: Goal, expected: str) -> None:
    assert goal_id(value) == expected
    assert goal_id(value._replace(due=LATER, why="other")) == expected  # not when it is due


@pytest.mark.parametrize(
    ("text", "expected"),
    [("QA lead", "qa-lead"), ("  ", "goal"), ("Über & co.", "ber-co"), ("x" * 60, "x" * 48)],
)
def test_slugs(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_identify_keeps_ids_unique_within_a_plan() -> None:
    taken: set[str] = set()
    twins = identify([goal("exposure", subject="Sales"), goal("exposure", subject="sales")], taken)
    assert [g.id for g in twins] == ["exposure:sales", "exposure:sales-2"]
    assert identify([goal("exposure", subject="Sales")], taken)[0].id == "exposure:sales-3"


LONG = "bridge:shadow-a-tester-through-one-release-s-regression"


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([LONG], ["bridge:shadow-a-tester"]),  # cut after a word, 16 characters after the kind
        (["skill:requirements_analysis:3"], ["skill:requirements_analysis:3"]),  # whole
        (["mentor:find", "relationship:reputation"], ["mentor:find", "relationship:reputation"]),
        (["exposure:release-management"], ["exposure:release"]),  # its first word is enough
        # as long as it takes to tell two apart, and never a short form that starts another id
        (
            [LONG, "bridge:shadow-a-tester-at-the-desk"],
            ["bridge:shadow-a-tester-through", "bridge:shadow-a-tester-at"],
        ),
        (
            ["review:mid-plan-review", "review:mid-plan-review-2"],
            ["review:mid-plan-review", "review:mid-plan-review-2"],
        ),
        (["exposure:sales", "exposure:sales-2"], ["exposure:sales", "exposure:sales-2"]),
    ],
)
def test_short_ids_are_cut_after_a_word_and_name_one_goal(
    ids: list[str], expected: list[str]
) -> None:
    shorts = short_ids(ids)
    assert [shorts[i] for i in ids] == expected
    for id_, short in shorts.items():
        assert id_.startswith(short)
        assert matching(ids, short) == (id_,)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("skill:a:2", ("skill:a:2",)),  # an id is itself, though it starts another one
        ("skill:a:", ("skill:a:2", "skill:a:2-2", "skill:a:3")),
        ("SKILL:B", ("skill:b:1",)),  # case does not matter
        (" mentor ", ("mentor:find",)),
        ("bridge:", ()),
        ("", ()),
    ],
)
def test_matching_is_the_id_else_every_id_it_starts(typed: str, expected: tuple[str, ...]) -> None:
    ids = ["skill:a:2", "skill:a:2-2", "skill:a:3", "skill:b:1", "mentor:find"]
    assert matching(ids, typed) == expected


def test_an_id_written_by_hand_in_capitals_is_matched_too() -> None:
    assert matching(["Review:Q1", "review:q1-2"], "Review:Q1") == ("Review:Q1",)
    assert matching(["Review:Q1", "review:q1-2"], "review:q1") == ("Review:Q1",)
    assert matching(["Review:Q1", "review:q1-2"], "REVIEW:Q") == ("Review:Q1", "review:q1-2")


# --- carry-over: the core ----------------------------------------------------------------------


def plan_for(ratings: dict[str, int | str], previous: Previous | None = None) -> Plan:
    return build_plan(
        inventory(**ratings),
        ROLE,
        CAT,
        [ROLE],
        start=START if previous is None else LATER,
        horizon=parse_horizon("6m"),
        previous=previous,
    )


def as_previous(plan: Plan, done: dict[str, Done] | None = None) -> Previous:
    marks = done or {}
    return Previous(
        plan.start,
        plan.role.id,
        plan.role.title,
        tuple(g._replace(done=marks.get(g.id)) for g in every_goal(plan)),
    )


DONE = Done(dt.date(2027, 1, 5), "The evidence")


@pytest.mark.parametrize(
    ("done", "later", "carried", "completed", "reached", "absent"),
    [
        # nothing done, nothing moved: every open skill step and people goal is carried over
        (
            (),
            {"a": 1, "b": 0},
            {"skill:a:2", "skill:a:3", "skill:b:1", "skill:b:2"},
            set(),
            set(),
            set(),
        ),
        # a step marked done is not repeated, the next one is carried
        (
            ("skill:a:2",),
            {"a": 1, "b": 0},
            {"skill:a:3", "skill:b:1"},
            {"skill:a:2"},
            set(),
            {"skill:a:2"},
        ),
        # the new ratings meet a step nobody marked done: reached, not carried
        (
            (),
            {"a": 3, "b": 1},
            {"skill:b:2"},
            set(),
            {"skill:a:2", "skill:a:3", "skill:b:1"},
            {"skill:a:2", "skill:a:3"},
        ),
        # the mentor was found: not asked again
        (
            ("mentor:find",),
            {"a": 1, "b": 0},
            {"skill:a:2"},
            {"mentor:find"},
            set(),
            {"mentor:find"},
        ),
    ],
)
def test_carry_over(
    done: tuple[str, ...],
    later: dict[str, int | str],
    carried: set[str],
    completed: set[str],
    reached: set[str],
    absent: set[str],
) -> None:
    first = plan_for({"a": 1, "b": 0, "c": 1})
    previous = as_previous(first, {goal_id: DONE for goal_id in done})
    second = plan_for({**later, "c": 1}, previous)
    ids = {g.id for g in every_goal(second)}
    follow = second.followup
    assert follow is not None and follow.since == START
    carried_ids = {g.id for g in follow.carried}
    assert carried <= carried_ids
    assert {g.id for g in follow.carried if g.kind == "skill"} == {
        i for i in ids if i.startswith("skill:") and i in carried_ids
    }
    assert {g.id for g in follow.completed} == completed
    assert {g.id for g in follow.reached} == reached
    assert not absent & ids
    assert all(g.carried_from == START for g in every_goal(second) if g.id in carried_ids)
    assert all(g.due is not None and g.due > LATER for g in second.goals)  # re-dated
    assert set(follow.done_ids) == completed


def test_carried_skills_keep_their_place_ahead_of_new_gaps() -> None:
    first = plan_for({"a": 1, "b": 1, "c": 1})  # a first (priority 10), then b
    order = [gp.gap.skill for gp in first.top_gaps]
    assert order == ["a", "b"]
    previous = as_previous(first)
    # later, c drops to 0 and would come before b by priority alone? b keeps its place
    ratings = {"a": rating(2), "b": rating(1), "c": rating(0)}
    gaps = analyse(ratings, ROLE, CAT, baseline_for("support", [ROLE])).gaps
    assert [g.skill for g in carried_first(previous, gaps)][:2] == ["a", "b"]
    second = plan_for({"a": 2, "b": 1, "c": 0}, previous)
    assert [gp.gap.skill for gp in second.top_gaps] == ["a", "b", "c"]
    assert second.top_gaps[2].steps[0].carried_from is None  # new


def test_a_new_higher_priority_gap_is_listed_first_though_carried_steps_are_scheduled_first() -> (
    None
):
    """--previous: the gaps stay in priority order; the open steps of the previous plan keep
    their early dates (they were started), and the plan says so."""
    lifted = role(a=(2, 1), b=(2, 1), c=(3, 5))
    first = build_plan(
        inventory(a=1, b=1, c=3), lifted, CAT, [lifted], start=START, horizon=parse_horizon("6m")
    )
    assert [gp.gap.skill for gp in first.top_gaps] == ["a", "b"]
    second = build_plan(
        inventory(a=1, b=1, c=2),  # c slipped: priority 5, above a and b (1 each)
        lifted,
        CAT,
        [lifted],
        start=LATER,
        horizon=parse_horizon("6m"),
        previous=as_previous(first),
    )
    assert [(gp.gap.skill, gp.gap.priority) for gp in second.top_gaps] == [
        ("c", 5),
        ("a", 1),
        ("b", 1),
    ]
    c, a, b = second.top_gaps
    assert a.steps[0].carried_from == START and c.steps[0].carried_from is None
    assert a.steps[0].due <= c.steps[0].due and b.steps[0].due <= c.steps[0].due


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (goal("review", title="Mid-plan review", id="review:mid-plan-review"), "same"),
        (goal("mentor", id="mentor:find"), "carried"),
        (goal("exposure", id="exposure:new"), "same"),
        (goal("skill", id="skill:a:2", skill="a", level=2), None),
    ],
)
def test_follow_one_goal(value: Goal, kept: str | None) -> None:
    previous = Previous(
        START,
        "target",
        "Target",
        (
            goal("mentor", id="mentor:find"),
            goal("review", title="Mid-plan review", id="review:mid-plan-review", done=DONE),
            goal("skill", id="skill:a:2", skill="a", level=2, done=DONE),
        ),
    )
    result = follow(value, previous)
    if kept is None:
        assert result is None
    else:
        assert result == (value._replace(carried_from=START) if kept == "carried" else value)


def test_done_in_an_earlier_plan_is_not_repeated_and_unconfirmed_steps_are_named() -> None:
    previous = Previous(
        START,
        "target",
        "Target",
        (goal("skill", id="skill:a:2", skill="a", level=2, done=DONE),),
        done_before=("mentor:find",),
    )
    second = plan_for({"a": 1, "b": 0, "c": 1}, previous)
    ids = {g.id for g in every_goal(second)}
    assert "mentor:find" not in ids and "skill:a:2" not in ids and "skill:a:3" in ids
    assert second.followup is not None
    assert second.followup.unconfirmed == ("skill:a:2",)  # the ratings still say 1
    assert set(second.followup.done_ids) == {"mentor:find", "skill:a:2"}
    summary = follow_up(previous, every_goal(second), {"a": rating(2)})
    assert summary.unconfirmed == ()


def test_a_bridge_is_named_by_its_own_title_not_the_timelines_try() -> None:
    bridge = Goal("bridge", "Try: A sprint in the QA team", "Ask both managers.", "E", "Alex")
    assert goal_id(bridge) == "bridge:a-sprint-in-the-qa-team"
