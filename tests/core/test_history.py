"""Movement over time: the pure history of dated inventories (no files)."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.model import Inventory
from careerpath.core.reviews.history import check_one_person, chronological, history, of_person
from careerpath.errors import CareerpathError
from tests.builders import catalogue, rating, role

CATALOGUE = catalogue("scripting", "testing")
ROLES = [role("testing", testing=(3, 5), scripting=(2, 3)), role("development", scripting=(4, 5))]


def inv(
    day: dt.date, ratings: dict[str, int | str], targets: list[str], person: str = "Sam"
) -> Inventory:
    return Inventory(
        person=person,
        date=day,
        current_role="support",
        targets=targets,
        ratings={skill: rating(value) for skill, value in ratings.items()},
    )


@pytest.mark.parametrize(
    ("levels", "change"),
    [
        ((1, 3), 2),
        ((3, 1), -2),
        ((2, 2), 0),
        (("n/a", 2), 2),  # n/a counts as 0
        (("unsure", 2), None),
        ((1, "unsure", 3), 2),  # first to last known level
        ((None, 2), None),
    ],
)
def test_change_is_first_to_last_known_level(
    levels: tuple[int | str | None, ...], change: int | None
) -> None:
    snapshots = [
        inv(dt.date(2026, 1 + n, 1), {} if v is None else {"scripting": v}, ["testing"])
        for n, v in enumerate(levels)
    ]
    (track,) = history(snapshots, ROLES, CATALOGUE).skills
    assert track.change == change


def test_roles_are_the_targets_latest_first_and_dates_unique() -> None:
    day = dt.date(2026, 11, 2)
    snapshots = chronological(
        [inv(day, {"scripting": 2}, ["development"]), inv(day, {"scripting": 1}, ["testing"])]
    )
    result = history(snapshots, ROLES, CATALOGUE)
    assert result.dates == ("2026-11-02", "2026-11-02-2")
    assert [r.role for r in result.roles] == ["testing", "development"]


def test_readiness_moves_with_the_ratings() -> None:
    snapshots = [
        inv(dt.date(2026, 1, 1), {"testing": 0, "scripting": 0}, ["testing"]),
        inv(dt.date(2026, 4, 1), {"testing": 3, "scripting": 2}, ["testing"]),
    ]
    (track,) = history(snapshots, ROLES, CATALOGUE).roles
    assert track.readiness == (0.0, 1.0) and track.change == 1.0


@pytest.mark.parametrize("names", [("Sam", "Grace"), ("Sam", "sam", "Grace")])
def test_two_peoples_inventories_are_refused(names: tuple[str, ...]) -> None:
    snapshots = [inv(dt.date(2026, 1, 1 + n), {}, [], person=p) for n, p in enumerate(names)]
    with pytest.raises(CareerpathError, match="two people, Sam and Grace"):
        history(snapshots, ROLES, CATALOGUE)


def test_one_person_is_matched_whatever_the_case() -> None:
    snapshots = [
        inv(dt.date(2026, 1, 1), {}, [], person="Sam"),
        inv(dt.date(2026, 2, 1), {}, [], person=" sam "),
        inv(dt.date(2026, 3, 1), {}, [], person="Grace"),
    ]
    mine = of_person(snapshots, "SAM")
    assert [i.date.month for i in mine] == [1, 2]
    check_one_person(mine)  # no error
