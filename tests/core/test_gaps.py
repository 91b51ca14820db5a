"""Gap analysis: parametrized tables of ratings and requirements against expected numbers."""

from __future__ import annotations

import pytest

from careerpath.core.gaps import analyse, priority_band, rank, transferable
from tests.builders import catalogue, inventory, role

CAT = catalogue("a", "b", "c", "d")


@pytest.mark.parametrize(
    ("given", "required", "importance", "status", "current", "gap", "priority", "met"),
    [
        (3, 3, 5, "rated", 3, 0, 0, True),
        (4, 3, 5, "rated", 4, 0, 0, True),
        (1, 4, 5, "rated", 1, 3, 15, False),
        (0, 2, 3, "rated", 0, 2, 6, False),
        ("n/a", 2, 4, "n/a", 0, 2, 8, False),
        ("unsure", 3, 4, "unsure", None, None, None, False),
        (None, 3, 2, "unrated", None, None, None, False),
    ],
)
def test_one_skill(
    given: int | str | None,
    required: int,
    importance: int,
    status: str,
    current: int | None,
    gap: int | None,
    priority: int | None,
    met: bool,
) -> None:
    ratings = {} if given is None else {"a": given}
    result = analyse(inventory(**ratings).ratings, role(a=(required, importance)), CAT)
    (row,) = result.skills
    assert (row.status, row.current, row.gap, row.priority, row.met) == (
        status,
        current,
        gap,
        priority,
        met,
    )


@pytest.mark.parametrize(
    ("ratings", "needs", "readiness", "unknown_weight"),
    [
        ({"a": 3, "b": 3}, {"a": (3, 5), "b": (3, 5)}, 1.0, 0),
        ({"a": 0, "b": 0}, {"a": (3, 5), "b": (3, 5)}, 0.0, 0),
        # a fully covered (weight 4), b half covered (weight 2 * 0.5): 5 of 6
        ({"a": 5, "b": 1}, {"a": (3, 4), "b": (2, 2)}, 5 / 6, 0),
        # unsure counts as not covered and is reported as unknown weight
        ({"a": 3, "b": "unsure"}, {"a": (3, 3), "b": (3, 1)}, 3 / 4, 1),
        ({"a": 3}, {"a": (3, 3), "b": (3, 1)}, 3 / 4, 1),
        # n/a counts as level 0, not as unknown
        ({"a": 3, "b": "n/a"}, {"a": (3, 3), "b": (3, 1)}, 3 / 4, 0),
        # a level-0 requirement adds nothing to the weight
        ({"a": 2}, {"a": (4, 2), "b": (0, 5)}, 0.5, 0),
    ],
)
def test_readiness_is_importance_weighted_coverage(
    ratings: dict[str, int | str],
    needs: dict[str, tuple[int, int]],
    readiness: float,
    unknown_weight: int,
) -> None:
    result = analyse(inventory(**ratings).ratings, role(**needs), CAT)
    assert result.readiness == pytest.approx(readiness)
    assert result.unknown_weight == unknown_weight


def test_gaps_are_ordered_by_priority_then_importance_then_id() -> None:
    result = analyse(
        inventory(a=2, b=1, c=2, d=0).ratings,
        role(a=(3, 5), b=(2, 5), c=(4, 2), d=(1, 4)),
        CAT,
    )
    # priorities: a 5, b 5, c 4, d 4 -> ties broken by importance, then gap, then id
    assert [g.skill for g in result.gaps] == ["a", "b", "d", "c"]


def test_strengths_put_important_and_exceeded_first() -> None:
    result = analyse(
        inventory(a=3, b=5, c=4, d=1).ratings,
        role(a=(3, 2), b=(3, 5), c=(3, 5), d=(3, 5)),
        CAT,
    )
    assert [s.skill for s in result.strengths] == ["b", "c", "a"]


def test_unknowns_list_unsure_and_unrated_by_importance() -> None:
    result = analyse(inventory(a="unsure").ratings, role(a=(3, 2), b=(2, 4), c=(1, 1)), CAT)
    assert [(u.skill, u.status) for u in result.unknowns] == [
        ("b", "unrated"),
        ("a", "unsure"),
        ("c", "unrated"),
    ]


def test_rank_orders_roles_by_readiness_then_id() -> None:
    roles = [
        role("zeta", a=(2, 3)),
        role("alpha", a=(4, 3)),
        role("beta", a=(2, 1)),
    ]
    ranking = rank(inventory(a=2).ratings, roles, CAT)
    assert [(r.role, round(r.readiness, 2)) for r in ranking] == [
        ("beta", 1.0),
        ("zeta", 1.0),
        ("alpha", 0.5),
    ]


def test_transferable_strengths_are_skills_the_role_does_not_ask_for() -> None:
    ratings = inventory(a=4, b=3, c=2, d="unsure").ratings
    assert transferable(ratings, role(a=(3, 3)), CAT) == [("b", 3)]


@pytest.mark.parametrize(
    ("priority", "band"),
    [(25, "high"), (8, "high"), (7, "medium"), (4, "medium"), (3, "low"), (1, "low")],
)
def test_priority_bands(priority: int, band: str) -> None:
    assert priority_band(priority) == band
