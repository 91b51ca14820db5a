"""Gap analysis and readiness: parametrized tables of ratings and requirements against the
numbers worked out by hand (careerpath.core.gaps' docstring has the rules)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.core.gaps import (
    Baseline,
    RoleFigures,
    RoleGaps,
    Scale,
    Score,
    analyse,
    analysed_and_ranked,
    baseline_for,
    board_of,
    figures_of,
    places,
    priority_band,
    rank,
    ranking_of,
    rating_state,
    readiness_of,
    scale_of,
    score,
    score_board,
    score_states,
    standings,
    states_of,
    transferable,
)
from careerpath.core.model import Rating, Step
from tests.builders import catalogue, inventory, role

CAT = catalogue("a", "b", "c", "d")
NONE = Baseline("floor", None, {})  # every level the role asks is added


def shown(level: int) -> Rating:
    """A rating with evidence: never a claim."""
    return Rating(level=level, evidence="ticket 4711")


@pytest.mark.parametrize(
    ("given", "required", "importance", "status", "current", "gap", "priority", "met", "claimed"),
    [
        (shown(3), 3, 5, "rated", 3, 0, 0, True, False),
        (3, 3, 5, "rated", 3, 0, 0, True, True),
        (4, 3, 5, "rated", 4, 0, 0, True, True),
        (2, 3, 5, "rated", 2, 1, 5, False, False),
        (1, 4, 5, "rated", 1, 3, 15, False, False),
        (0, 2, 3, "rated", 0, 2, 6, False, False),
        ("n/a", 2, 4, "n/a", 0, 2, 8, False, False),
        ("unsure", 3, 4, "unsure", None, None, None, False, False),
        (None, 3, 2, "unrated", None, None, None, False, False),
    ],
)  # fmt: skip
def test_one_skill(
    given: int | str | Rating | None,
    required: int,
    importance: int,
    status: str,
    current: int | None,
    gap: int | None,
    priority: int | None,
    met: bool,
    claimed: bool,
) -> None:
    ratings = {} if given is None else {"a": given}
    result = analyse(inventory(**ratings).ratings, role(a=(required, importance)), CAT, NONE)
    (row,) = result.skills
    assert (row.status, row.current, row.gap, row.priority, row.met, row.claimed) == (
        status,
        current,
        gap,
        priority,
        met,
        claimed,
    )
    assert [g.skill for g in result.claimed] == (["a"] if claimed else [])


@pytest.mark.parametrize(
    ("ratings", "needs", "baseline", "low", "high"),
    [
        # weight per level = importance² x (1 + levels added); here 25 x 4 = 100 each, total 600
        ({"a": shown(3), "b": shown(3)}, {"a": (3, 5), "b": (3, 5)}, {}, 1.0, 1.0),
        ({"a": 0, "b": 0}, {"a": (3, 5), "b": (3, 5)}, {}, 0.0, 0.0),
        # a claimed 3 counts 2.5: 50 of 600 short
        ({"a": 3, "b": shown(3)}, {"a": (3, 5), "b": (3, 5)}, {}, 1 - 50 / 600, 1 - 50 / 600),
        # what the role adds weighs more: a is shared with the baseline (16 x 1), b added (16 x 4)
        ({"a": 2, "b": 2}, {"a": (3, 4), "b": (3, 4)}, {"a": 3}, 1 - 80 / 240, 1 - 80 / 240),
        ({"a": shown(3), "b": 2}, {"a": (3, 4), "b": (3, 4)}, {"a": 3}, 1 - 64 / 240, 1 - 64 / 240),
        ({"a": 2, "b": shown(3)}, {"a": (3, 4), "b": (3, 4)}, {"a": 3}, 1 - 16 / 240, 1 - 16 / 240),
        # an essential skill at 0 or 1, or two or more short, multiplies by 0.6 (a: 100, b: 3)
        ({"a": 1, "b": 2}, {"a": (3, 5), "b": (2, 1)}, {}, *[0.6 * (1 - 200 / 306)] * 2),
        ({"a": 2, "b": 2}, {"a": (3, 5), "b": (2, 1)}, {}, 1 - 100 / 306, 1 - 100 / 306),
        ({"a": 2, "b": 2}, {"a": (4, 5), "b": (2, 1)}, {}, *[0.6 * (1 - 250 / 506)] * 2),
        # unknowns make a range: not started at the low end, met at the high end
        ({"a": shown(3), "b": "unsure"}, {"a": (3, 4), "b": (3, 4)}, {}, 0.5, 1.0),
        ({"a": shown(3)}, {"a": (3, 4), "b": (3, 4)}, {}, 0.5, 1.0),
        # an unknown essential skill is, at the low end, an essential skill not started
        ({"b": shown(3)}, {"a": (3, 5), "b": (3, 4)}, {}, 0.6 * (1 - 300 / 492), 1.0),
        # n/a counts as level 0, not as unknown
        ({"a": "n/a", "b": shown(3)}, {"a": (2, 3), "b": (3, 3)}, {}, 1 - 54 / 162, 1 - 54 / 162),
        # a level-0 requirement adds nothing
        ({"a": 2}, {"a": (4, 2), "b": (0, 5)}, {}, 0.5, 0.5),
    ],
)  # fmt: skip
def test_readiness_counts_levels_short_weighted_by_what_the_move_adds(
    ratings: dict[str, int | str | Rating],
    needs: dict[str, tuple[int, int]],
    baseline: dict[str, int],
    low: float,
    high: float,
) -> None:
    target = role(**needs)
    base = Baseline("current", "here", baseline)
    result = analyse(inventory(**ratings).ratings, target, CAT, base)
    assert (result.readiness, result.high) == (pytest.approx(low), pytest.approx(high))
    # the team's arithmetic is the same computation
    quick = score(inventory(**ratings).ratings, scale_of(target, base))
    assert (quick.low, quick.high) == (result.readiness, result.high)


@pytest.mark.parametrize(
    ("ratings", "needs", "named"),
    [
        ({"a": 1}, {"a": (3, 5)}, ["a 1 of 3 needed"]),
        ({"a": 1}, {"a": (2, 5)}, ["a 1 of 2 needed"]),
        ({"a": 2}, {"a": (4, 5)}, ["a 2 of 4 needed"]),
        ({"a": 2}, {"a": (3, 5)}, []),  # one level short of an essential skill: a gap, not yet
        ({"a": 0}, {"a": (3, 4)}, []),  # not essential
        ({"a": "unsure"}, {"a": (3, 5)}, []),  # unknown: to assess, not named as a gap
        ({"a": "n/a", "b": 0}, {"a": (2, 5), "b": (4, 5)}, ["b 0 of 4 needed", "a 0 of 2 needed"]),
    ],
)  # fmt: skip
def test_essential_gaps_are_named(
    ratings: dict[str, int | str], needs: dict[str, tuple[int, int]], named: list[str]
) -> None:
    result = analyse(inventory(**ratings).ratings, role(**needs), CAT, NONE)
    assert [g.not_yet for g in result.essential] == named
    assert result.factor == (0.6 if named else 1.0)


def test_effort_is_importance_times_levels_and_the_hours_of_the_steps() -> None:
    own = Step(do="Pair on a fix.", evidence="A merged fix.", hours=20, weeks=4)
    target = role(actions={"a": {3: own}}, a=(3, 4), b=(2, 2), c=(1, 1))
    result = analyse(inventory(a=1, b="unsure", c=1).ratings, target, CAT, NONE)
    assert result.climb == 2 * 4  # b is unknown, c is met
    assert result.hours == 8 + 20  # level 2: the default for level 2; level 3: the role's own


def test_gaps_are_ordered_by_priority_then_importance_then_id() -> None:
    result = analyse(
        inventory(a=2, b=1, c=2, d=0).ratings,
        role(a=(3, 5), b=(2, 5), c=(4, 2), d=(1, 4)),
        CAT,
        NONE,
    )
    # priorities: a 5, b 5, c 4, d 4 -> ties broken by importance, then gap, then id
    assert [g.skill for g in result.gaps] == ["a", "b", "d", "c"]


def test_strengths_put_important_and_exceeded_first() -> None:
    result = analyse(
        inventory(a=3, b=5, c=4, d=1).ratings,
        role(a=(3, 2), b=(3, 5), c=(3, 5), d=(3, 5)),
        CAT,
        NONE,
    )
    assert [s.skill for s in result.strengths] == ["b", "c", "a"]


def test_unknowns_list_unsure_and_unrated_by_importance() -> None:
    result = analyse(inventory(a="unsure").ratings, role(a=(3, 2), b=(2, 4), c=(1, 1)), CAT, NONE)
    assert [(u.skill, u.status) for u in result.unknowns] == [
        ("b", "unrated"),
        ("a", "unsure"),
        ("c", "unrated"),
    ]


HERE = role("here", a=(2, 3), b=(1, 3))
ENTRY = role("helpdesk", a=(1, 3))
OTHER = role("other", a=(3, 3), b=(2, 3), c=(2, 2))


@pytest.mark.parametrize(
    ("current", "roles", "kind", "levels"),
    [
        ("here", [HERE, ENTRY, OTHER], "current", {"a": 2, "b": 1}),
        ("phone support", [HERE, ENTRY, OTHER], "entry", {"a": 1}),
        # no entry profile: per skill, the lowest level every profile asks (0 if one omits it)
        ("phone support", [HERE, OTHER], "floor", {"a": 2, "b": 1}),
        ("phone support", [OTHER, role("x", a=(1, 2))], "floor", {"a": 1}),
    ],
)
def test_the_baseline_is_the_current_profile_then_the_entry_then_the_floor(
    current: str, roles: list, kind: str, levels: dict[str, int]
) -> None:
    baseline = baseline_for(current, roles)
    assert (baseline.kind, dict(baseline.levels)) == (kind, levels)
    assert current in baseline.description or kind != "current"


def test_roles_the_current_role_already_asks_as_much_come_last() -> None:
    ratings = inventory(a=shown(2), b=1).ratings
    ranking = rank(ratings, [ENTRY, HERE, OTHER], CAT, current_role="here")
    assert [(r.role, r.step_back) for r in ranking] == [
        ("other", False),
        ("helpdesk", True),  # 100%, but a step back
        ("here", True),
    ]
    assert ranking[1].percent == 100


def test_ties_go_to_the_persons_targets_then_are_shown_as_ties() -> None:
    roles = [role("zeta", a=(2, 3)), role("alpha", a=(4, 3)), role("beta", a=(2, 1))]
    ratings = inventory(a=2).ratings
    ranking = rank(ratings, roles, CAT, current_role="phone support")
    assert [(r.role, r.percent) for r in ranking][2] == ("alpha", 50)
    assert {r.role for r in ranking[:2]} == {"zeta", "beta"}
    assert places(ranking) == ["1=", "1=", "3"]
    for target in ("zeta", "beta"):
        chosen = rank(ratings, roles, CAT, current_role="phone support", targets=[target])
        assert chosen[0].role == target
        assert places(chosen, [target]) == ["1", "2", "3"]


def test_no_alphabetical_order_within_a_tie_the_less_effort_first() -> None:
    roles = [role("aaa", a=(4, 3), b=(4, 3)), role("zzz", a=(2, 3))]
    ratings = inventory(a=0, b=0).ratings
    ranking = rank(ratings, roles, CAT, current_role="phone support")
    assert [r.percent for r in ranking] == [0, 0]
    assert [r.role for r in ranking] == ["zzz", "aaa"]  # 6 to climb before 24


def test_transferable_strengths_are_skills_the_role_does_not_ask_for() -> None:
    ratings = inventory(a=4, b=3, c=2, d="unsure").ratings
    assert transferable(ratings, role(a=(3, 3)), CAT) == [("b", 3)]


@pytest.mark.parametrize(
    ("priority", "band"),
    [(25, "high"), (8, "high"), (7, "medium"), (4, "medium"), (3, "low"), (1, "low")],
)
def test_priority_bands(priority: int, band: str) -> None:
    assert priority_band(priority) == band


# --- what analyse keeps between calls (a role's measure per catalogue and baseline) ---------

KEPT_ROLES = [
    role(
        "one", actions={"b": {2: Step(do="d", evidence="e", hours=30, weeks=2)}}, a=(3, 5), b=(2, 3)
    ),
    role("two", a=(1, 2), c=(4, 4), d=(0, 5)),
    role("three", a=(5, 5), b=(5, 5), c=(5, 5), d=(5, 5)),
]
KEPT_BASELINES = [
    NONE,
    Baseline("current", "here", {"a": 2, "b": 1}),
    Baseline("current", "here", {"a": 3}),  # the same kind and role, other levels
    Baseline("entry", "helpdesk", {"c": 4}),
]
KEPT_RATINGS = [
    {},
    {"a": 3, "b": shown(1), "c": "unsure", "d": "n/a"},
    {"a": 5, "b": 0, "c": shown(2), "d": 4},
]


@pytest.mark.parametrize("ratings", KEPT_RATINGS)
def test_a_role_measured_again_gives_what_a_fresh_measure_gives(ratings: dict) -> None:
    given = inventory(**ratings).ratings
    for target in KEPT_ROLES:
        for baseline in KEPT_BASELINES:
            first = analyse(given, target, CAT, baseline)
            again = analyse(given, target, CAT, baseline)
            fresh = analyse(  # new objects: nothing kept for them
                given,
                target.model_copy(deep=True),
                CAT.model_copy(deep=True),
                Baseline(baseline.kind, baseline.role, dict(baseline.levels)),
            )
            assert first == again == fresh
            assert readiness_of(given, target, CAT, baseline) == first.readiness
            assert score(given, scale_of(target, baseline)) == (
                first.readiness,
                first.high,
                first.total_weight - first.covered_weight - first.unknown_weight,
                first.unknown_weight,
                first.factor,
            )


def test_a_role_or_baseline_with_the_same_name_is_measured_as_itself() -> None:
    given = inventory(a=1).ratings
    easy, hard = role("same", a=(2, 3)), role("same", a=(5, 3))
    assert analyse(given, easy, CAT, NONE).climb == 3
    assert analyse(given, hard, CAT, NONE).climb == 12
    near = Baseline("current", "here", {"a": 5})
    assert analyse(given, hard, CAT, near).skills[0].weight == 9
    assert analyse(given, hard, CAT, NONE).skills[0].weight == 9 * 6


def test_rank_gives_each_role_what_analyse_gives() -> None:
    given = inventory(a=3, b=shown(1), c="unsure").ratings
    ranking = rank(given, KEPT_ROLES, CAT, current_role="one")
    baseline = baseline_for("one", KEPT_ROLES)
    assert sorted(ranking) == sorted(analyse(given, r, CAT, baseline) for r in KEPT_ROLES)


def test_the_hours_above_a_missing_step_are_counted() -> None:
    """A catalogue not checked (careerpath validate would refuse it) without step 1 of a: the
    steps above a rating of 1 are all there, so their hours count; below, the lookup fails."""
    steps = {n: Step(do="d", evidence="e", hours=n * 10) for n in (2, 3)}
    partial = catalogue("a").model_copy(
        update={"skills": {"a": catalogue("a").skills["a"].model_copy(update={"steps": steps})}}
    )
    target = role(a=(3, 4))
    assert analyse(inventory(a=1).ratings, target, partial, NONE).hours == 20 + 30
    with pytest.raises(KeyError):
        analyse(inventory(a=0).ratings, target, partial, NONE)


@pytest.mark.parametrize("ratings", KEPT_RATINGS)
def test_levels_worked_out_once_score_as_the_ratings_do(ratings: dict) -> None:
    """A team works out each person's states once, rating by rating, for every role: the same
    states analyse works out from its standings, and the same figures."""
    given = inventory(**ratings).ratings
    states = {skill: rating_state(rating) for skill, rating in given.items()}
    assert states == states_of(standings(given))
    for target in KEPT_ROLES:
        for baseline in KEPT_BASELINES:
            scale = scale_of(target, baseline)
            assert score_states(states, scale) == score(given, scale)
            assert (
                score_states(states, scale).low == analyse(given, target, CAT, baseline).readiness
            )


def _score_row_by_row(ratings: dict[str, Rating], scale: Scale) -> Score:
    """The readiness formula (the module's docstring) worked one row at a time, as written."""
    short, unknown, factor, low_factor = 0.0, 0, 1.0, 1.0
    for row in scale.rows:
        rating = ratings.get(row.skill)
        level = None if rating is None else rating.comparable_level
        if level is None:
            unknown += row.weight * row.required
            if row.importance == 5:  # as if at 0, which is essential for any level needed
                low_factor = 0.6
            continue
        counted = (
            level - 0.5 if level >= 3 and rating is not None and not rating.evidence else level
        )
        short += row.weight * max(0.0, row.required - counted)
        if (
            row.importance == 5
            and level < row.required
            and (row.required - level >= 2 or level <= 1)
        ):
            factor = low_factor = 0.6
    if not scale.total:
        return Score(1.0, 1.0, 0.0, 0, 1.0)
    low = low_factor * max(0.0, 1 - (short + unknown) / scale.total)
    return Score(low, factor * max(0.0, 1 - short / scale.total), short, unknown, factor)


_LEVELS = st.one_of(
    st.none(),
    st.sampled_from(["n/a", "unsure"]),
    st.integers(0, 5),
    st.integers(0, 5).map(shown),
)
_NEEDS = st.tuples(st.integers(0, 5), st.integers(1, 5))


@settings(max_examples=300, deadline=None)
@given(
    needs=st.fixed_dictionaries({skill: _NEEDS for skill in "abcd"}),
    levels=st.fixed_dictionaries({skill: _LEVELS for skill in "abcd"}),
    base=st.fixed_dictionaries({skill: st.integers(0, 5) for skill in "abcd"}),
)
def test_the_packed_score_is_the_formula_row_by_row(
    needs: dict[str, tuple[int, int]], levels: dict[str, object], base: dict[str, int]
) -> None:
    """score sums each row's part from a table made per Scale; any role, baseline and ratings
    give what the formula gives worked one row at a time."""
    ratings = inventory(**{s: v for s, v in levels.items() if v is not None}).ratings
    scale = scale_of(role(**needs), Baseline("current", "here", base))
    assert score(ratings, scale) == _score_row_by_row(dict(ratings), scale)


@settings(max_examples=200, deadline=None)
@given(
    roles=st.lists(st.fixed_dictionaries({skill: _NEEDS for skill in "abcd"}), max_size=4),
    levels=st.fixed_dictionaries({skill: _LEVELS for skill in "abcde"}),
    base=st.fixed_dictionaries({skill: st.integers(0, 5) for skill in "abc"}),
)
def test_a_board_scores_each_of_its_scales_as_the_scale_alone(
    roles: list[dict[str, tuple[int, int]]], levels: dict[str, object], base: dict[str, int]
) -> None:
    """A team's board sums every role's packed parts in one integer: each role's figures read
    back exactly, also with a skill no role asks for (e) and with roles that ask nothing."""
    ratings = inventory(**{s: v for s, v in levels.items() if v is not None}).ratings
    baseline = Baseline("current", "here", base)
    scales = [scale_of(role(f"r{n}", **needs), baseline) for n, needs in enumerate(roles)]
    states = {skill: rating_state(rating) for skill, rating in ratings.items()}
    assert score_board(states, board_of(scales)) == [score(ratings, s) for s in scales]


@settings(max_examples=30, deadline=None)
@given(levels=st.lists(_LEVELS, min_size=70, max_size=70))
def test_a_scale_too_large_for_the_common_layout_packs_its_own(levels: list[object]) -> None:
    """Seventy essential skills: more than the common layout's counts hold, so the scale packs
    its parts at its own widths, and alone or on a board reads back what the formula gives."""
    skills = [f"s{n:02d}" for n in range(70)]
    needs = {skill: (5, 5) for skill in skills}
    given = {s: v for s, v in zip(skills, levels, strict=True) if v is not None}
    ratings = inventory(**given).ratings
    scale = scale_of(role(**needs), Baseline("floor", None, {}))
    assert scale.shifts != (20, 40, 46)  # its own layout, not the common one
    assert score(ratings, scale) == _score_row_by_row(dict(ratings), scale)
    states = {skill: rating_state(rating) for skill, rating in ratings.items()}
    small = scale_of(role("small", s00=(2, 3)), Baseline("floor", None, {}))
    assert score_board(states, board_of([scale, small])) == [
        score(ratings, scale),
        score(ratings, small),
    ]


# --- a plan's ranking: every role's figures without the per-skill detail ----------------------


def _figures(result: RoleGaps) -> RoleFigures:
    """What figures_of must give for a role: analyse's own numbers and essential gaps."""
    return RoleFigures(
        *(getattr(result, name) for name in RoleFigures._fields)  # the same names
    )


_STEP = st.builds(Step, do=st.just("d"), evidence=st.just("e"), hours=st.integers(1, 200))


@settings(max_examples=300, deadline=None)
@given(
    roles=st.lists(st.fixed_dictionaries({skill: _NEEDS for skill in "abcd"}), max_size=5),
    own_steps=st.dictionaries(st.integers(1, 5), _STEP, max_size=3),
    levels=st.fixed_dictionaries({skill: _LEVELS for skill in "abcde"}),
    current=st.sampled_from(["r0", "r1", "elsewhere"]),
    targets=st.lists(st.sampled_from(["r0", "r1", "r2", "r3"]), max_size=2, unique=True),
)
def test_a_plans_ranking_has_each_roles_figures_as_analyse_works_them_out(
    roles: list[dict[str, tuple[int, int]]],
    own_steps: dict[int, Step],
    levels: dict[str, object],
    current: str,
    targets: list[str],
) -> None:
    """figures_of sums every role's readiness, climb and hours at once: the same figures,
    essential gaps and order as ranking every role in full, for any roles (one with steps of
    its own), baseline, ratings (a skill no role asks for: e) and targets."""
    given = {s: v for s, v in levels.items() if v is not None}
    person = inventory(targets=targets, current_role=current, **given)
    made = [
        role(f"r{n}", actions={"b": own_steps} if n == 0 else None, **needs)
        for n, needs in enumerate(roles)
    ]
    expected = [_figures(result) for result in ranking_of(person, made, CAT)]
    # The first time row by row, then from the tables made for these roles and baseline.
    assert figures_of(person, made, CAT) == expected
    assert figures_of(person, made, CAT) == expected
    baseline = baseline_for(current, made)
    for target in made:  # what a plan reads: its role in full, every role's figures
        analysis = analyse(person.ratings, target, CAT, baseline)
        assert analysed_and_ranked(person, target, made, CAT) == (analysis, expected)


def test_a_role_with_a_step_missing_is_ranked_row_by_row() -> None:
    """A catalogue without step 1 of a (careerpath validate would refuse it): that role's
    hours are looked up as analyse looks them up; the other role is summed at once."""
    steps = {n: Step(do="d", evidence="e", hours=n * 10) for n in (2, 3)}
    a = catalogue("a", "b").skills["a"].model_copy(update={"steps": steps})
    partial = catalogue("a", "b").model_copy(
        update={"skills": {**catalogue("a", "b").skills, "a": a}}
    )
    person = inventory(a=1, b=shown(2))
    made = [role("gapped", a=(3, 4), b=(3, 5)), role("whole", b=(4, 5))]
    figures_of(person, made, partial)  # the first time row by row, then from the tables
    found = figures_of(person, made, partial)
    assert found == [_figures(r) for r in ranking_of(person, made, partial)]
    assert {r.role: r.hours for r in found} == {"gapped": 20 + 30 + 16, "whole": 16 + 24}
