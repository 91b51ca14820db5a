"""Movement over time: the pure history of dated inventories."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.model import Inventory
from careerpath.core.reviews.history import chronological, history
from careerpath.edges.load import Library


def inv(day: dt.date, ratings: dict[str, object], targets: list[str]) -> Inventory:
    return Inventory.model_validate(
        {"person": "Sam", "date": day, "current_role": "support", "targets": targets,
         "ratings": ratings}
    )  # fmt: skip


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
    library: Library, levels: tuple[object, ...], change: int | None
) -> None:
    snapshots = [
        inv(dt.date(2026, 1 + n, 1), {} if v is None else {"scripting": v}, ["testing"])
        for n, v in enumerate(levels)
    ]
    result = history(snapshots, library.roles.values(), library.catalogue)
    (track,) = result.skills
    assert track.change == change


def test_roles_are_the_targets_latest_first_and_dates_unique(library: Library) -> None:
    day = dt.date(2026, 11, 2)
    snapshots = chronological(
        [inv(day, {"scripting": 2}, ["development"]), inv(day, {"scripting": 1}, ["testing"])]
    )
    result = history(snapshots, library.roles.values(), library.catalogue)
    assert result.dates == ("2026-11-02", "2026-11-02-2")
    assert [r.role for r in result.roles] == ["testing", "development"]
