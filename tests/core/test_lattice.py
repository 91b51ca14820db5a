"""The lattice's cross-file checks, and how an organisation's moves merge with the built-in ones."""

from __future__ import annotations

import pytest

from careerpath.core.checks import check_lattice
from careerpath.core.lattice import merge
from careerpath.core.model import Lattice, Move
from tests.builders import catalogue, move, role

CAT = catalogue("a", "b", "c", "d")
ROLES = {
    "first": role("first", a=(2, 5), b=(1, 3)),
    "second": role("second", a=(3, 5), b=(1, 3), c=(2, 4)),
    "support-engineer": role("support-engineer", a=(4, 5), d=(3, 4)),
}


def messages(*moves: Move) -> list[tuple[tuple[str | int, ...], str]]:
    return [(p.path, p.message) for p in check_lattice(Lattice(moves=list(moves)), ROLES, CAT)]


def test_a_sound_move_has_no_problems() -> None:
    assert messages(move("first", "second", ["a", "c"], ["b"])) == []
    assert messages(move("first", "support-engineer", ["a", "d"])) == []


@pytest.mark.parametrize(
    ("bad", "path", "message"),
    [
        (
            move("frist", "second", ["c"]),
            ("moves", 0, "from"),
            "unknown role 'frist'; did you mean 'first'?",
        ),
        (
            move("first", "support-enginer", ["d"]),
            ("moves", 0, "to"),
            "unknown role 'support-enginer'; did you mean 'support-engineer'?",
        ),
        (move("first", "first", ["a"]), ("moves", 0, "to"), "moves.0 leads from first to itself"),
        (
            move("first", "second", ["cc"]),
            ("moves", 0, "builds", 0),
            "unknown skill 'cc'; did you mean 'c'?",
        ),
        (
            move("first", "second", ["d"]),
            ("moves", 0, "builds", 0),
            "moves.0.builds lists d, which second does not ask for",
        ),
        (
            move("first", "second", ["b"]),
            ("moves", 0, "builds", 0),
            "moves.0.builds lists b, but second asks level 1 and first already 1; move it to"
            " carries",
        ),
        (
            move("first", "second", ["a"], ["c"]),
            ("moves", 0, "carries", 0),
            "moves.0.carries lists c, which first does not ask for; move it to builds",
        ),
        (
            move("first", "second", ["a"], ["a"]),
            ("moves", 0, "builds", 0),
            "moves.0.builds lists a, which carries lists too",
        ),
        (
            move("first", "second", ["c", "c"]),
            ("moves", 0, "builds", 1),
            "moves.0.builds lists c twice; list it once",
        ),
    ],
)
def test_each_problem_is_named_at_its_key(
    bad: Move, path: tuple[str | int, ...], message: str
) -> None:
    assert messages(bad) == [(path, message)]


def test_a_move_listed_twice_points_at_the_second() -> None:
    assert messages(move("first", "second", ["c"]), move("first", "second", ["a"])) == [
        (("moves", 1), "moves.1 repeats the move first -> second of moves.0; keep one")
    ]


def test_a_move_back_is_a_different_move() -> None:
    assert messages(move("first", "second", ["c"]), move("second", "first", [], ["a"])) == []


def test_a_later_move_between_the_same_roles_replaces_the_earlier() -> None:
    built_in = Lattice(moves=[move("first", "second", ["c"]), move("second", "first", ["b"])])
    own = Lattice(
        moves=[move("first", "second", ["a", "c"]), move("first", "support-engineer", ["d"])]
    )
    merged = merge([built_in, own], ROLES)
    assert [(m.from_, m.to, m.builds) for m in merged.moves] == [
        ("first", "second", ["a", "c"]),
        ("second", "first", []),  # first asks no more of b than second: nothing left to build
        ("first", "support-engineer", ["d"]),
    ]
    assert merged.move("second", "first") is not None
    assert merged.move("support-engineer", "first") is None
    assert [m.to for m in merged.moves_from("first")] == ["second", "support-engineer"]


def test_a_built_in_move_keeps_only_what_a_replaced_role_bears_out() -> None:
    built_in = move("first", "second", ["a", "c"], ["b"])
    replaced = {**ROLES, "second": role("second", a=(2, 5), c=(3, 4))}
    (fitted,) = merge([Lattice(moves=[built_in])], replaced).moves
    assert (fitted.carries, fitted.builds) == ([], ["c"])
    assert fitted.bridges == built_in.bridges
