"""Route finding through the lattice: effort, the route to follow, the order, where to start."""

from __future__ import annotations

import pytest

from careerpath.core.model import Lattice, Step
from careerpath.core.paths import (
    LONG_MOVE,
    after,
    effort,
    meeting,
    paths,
    start_of,
)
from careerpath.errors import UsageError
from tests.builders import catalogue, inventory, move, rating, role

CAT = catalogue("a", "b", "c", "d", "e", "f")


def timed(hours: int) -> dict[int, Step]:
    return {n: Step(do=f"step {n}", evidence=f"evidence {n}", hours=hours) for n in range(1, 6)}


@pytest.mark.parametrize(
    ("ratings", "levels", "steps"),
    [
        ({"a": 3, "b": 2}, 0, 0),
        ({"a": 1, "b": 2}, 10, 2),  # two levels of a at importance 5
        ({"a": 1}, 16, 4),  # b unrated: counted from 0, two levels at importance 3
        ({"a": "unsure", "b": "n/a"}, 21, 5),
        ({"a": 5, "b": 4}, 0, 0),  # above the role's level: nothing to climb
    ],
)
def test_effort_is_importance_times_levels_to_climb(
    ratings: dict[str, int | str], levels: int, steps: int
) -> None:
    target = role(a=(3, 5), b=(2, 3))
    result = effort(inventory(**ratings).ratings, target, CAT)
    assert (result.levels, result.steps) == (levels, steps)
    assert result.hours == (None if steps else 0)  # the test catalogue's steps give no hours


def test_effort_hours_come_from_the_role_actions_first() -> None:
    target = role(actions={"a": timed(7)}, a=(3, 5), b=(2, 3))
    timed_catalogue = CAT.model_copy(
        update={
            "skills": {k: s.model_copy(update={"steps": timed(2)}) for k, s in CAT.skills.items()}
        }
    )
    result = effort(inventory(a=1).ratings, target, timed_catalogue)
    assert result.hours == 2 * 7 + 2 * 2


def test_after_a_move_the_ratings_meet_its_role() -> None:
    reached = after(inventory(a=1, c=4).ratings, role(a=(3, 5), b=(2, 3)))
    assert {k: r.level for k, r in reached.items()} == {"a": 3, "b": 2, "c": 4}
    assert meeting(role(a=(3, 5))) == {"a": rating(3)}


# A small lattice: first -> second -> third, and a long direct first -> third.
ROLES = {
    "first": role("first", a=(1, 5)),
    "second": role("second", a=(3, 5), b=(2, 4), e=(2, 5)),
    "third": role("third", a=(4, 5), b=(3, 4), c=(3, 4), e=(3, 5), f=(2, 5)),
    "side": role("side", d=(2, 3)),
}
LATTICE = Lattice(
    moves=[
        move("first", "second", ["a", "b", "e"]),
        move("second", "third", ["a", "b", "c", "e", "f"]),
        move("first", "third", ["a", "b", "c", "e", "f"]),
        move("first", "side", ["d"]),
        move("side", "first", ["a"]),
    ]
)
START = meeting(ROLES["first"])


def reach(result, role_id):  # type: ignore[no-untyped-def]
    return next(r for r in result.reaches if r.role == role_id)


def test_a_long_direct_move_is_followed_in_shorter_steps() -> None:
    result = paths("first", START, LATTICE, ROLES, CAT)
    third = reach(result, "third")
    assert third.effort.levels > LONG_MOVE
    assert third.move is not None and third.move.from_ == "first"
    assert third.route.roles == ("first", "second", "third")
    assert [leg.effort.levels for leg in third.route.legs] == [28, 36]
    assert third.route.effort.levels == 64 == third.effort.levels
    assert [r.roles for r in third.routes] == [("first", "third")]


def test_a_long_move_without_shorter_steps_is_followed_with_the_routes_beside_it() -> None:
    far = {**ROLES, "second": role("second", a=(4, 5), b=(3, 4), e=(3, 5), d=(3, 5))}
    third = reach(paths("first", START, LATTICE, far, CAT), "third")
    assert third.route.roles == ("first", "third")
    assert [r.roles for r in third.routes] == [("first", "second", "third")]


def test_a_short_direct_move_is_followed_as_it_is() -> None:
    near = {**START, "a": rating(3), "b": rating(2), "c": rating(2), "e": rating(2)}
    third = reach(paths("first", near, LATTICE, ROLES, CAT), "third")
    assert third.effort.levels <= LONG_MOVE
    assert third.route.roles == ("first", "third")
    assert third.routes == ()


def test_a_role_without_a_direct_move_is_reached_by_a_route() -> None:
    result = paths("side", meeting(ROLES["side"]), LATTICE, ROLES, CAT)
    assert {r.role for r in result.reaches} == {"first", "second", "third"}
    second = reach(result, "second")
    assert second.move is None and second.builds == ()
    assert second.route.roles == ("side", "first", "second")


def test_moves_are_directed() -> None:
    result = paths("second", meeting(ROLES["second"]), LATTICE, ROLES, CAT)
    assert [r.role for r in result.reaches] == ["third"]  # no move leads back to first


def test_to_shows_every_route_to_one_role() -> None:
    near = {**START, "a": rating(3), "b": rating(2), "c": rating(2)}
    result = paths("first", near, LATTICE, ROLES, CAT, to="third")
    (third,) = result.reaches
    assert third.route.roles == ("first", "third")
    assert [r.roles for r in third.routes] == [("first", "second", "third")]
    assert result.to == "third"
    assert paths("second", START, LATTICE, ROLES, CAT, to="side").reaches == ()


def test_closest_first_then_targets_then_least_effort() -> None:
    result = paths("first", START, LATTICE, ROLES, CAT)
    assert [r.role for r in result.reaches] == ["second", "third", "side"]
    ties = {"x": role("x", a=(2, 5)), "y": role("y", a=(2, 5)), "first": ROLES["first"]}
    both = Lattice(moves=[move("first", "x", ["a"]), move("first", "y", ["a"])])
    assert [r.role for r in paths("first", START, both, ties, CAT).reaches] == ["x", "y"]
    chosen = paths("first", START, both, ties, CAT, targets=["y"])
    assert [(r.role, r.target) for r in chosen.reaches] == [("y", True), ("x", False)]


def test_builds_show_the_levels_today_and_needed() -> None:
    second = reach(paths("first", inventory(a=2).ratings, LATTICE, ROLES, CAT), "second")
    assert [tuple(b) for b in second.builds] == [("a", 2, 3), ("b", 0, 2), ("e", 0, 2)]


def test_a_skill_the_person_already_holds_is_not_a_build() -> None:
    """The move builds a, b and e; with a at 3 already, only b and e are left to build."""
    second = reach(paths("first", inventory(a=3, b=1).ratings, LATTICE, ROLES, CAT), "second")
    assert [tuple(b) for b in second.builds] == [("b", 1, 2), ("e", 0, 2)]


def test_start_is_the_current_role_or_the_entry() -> None:
    entry = Lattice(entry="second", moves=LATTICE.moves)
    assert start_of("first", entry, ROLES) == "first"
    assert start_of("call centre agent", entry, ROLES) == "second"
    with pytest.raises(UsageError) as no_entry:
        start_of("call centre agent", LATTICE, ROLES)
    assert no_entry.value.option == "from_role"
    assert "'call centre agent' is not a role profile" in no_entry.value.message
    with pytest.raises(UsageError) as nothing:
        start_of(None, entry, ROLES)
    assert nothing.value.option == "from_role"
