"""The core of one-on-ones: which ratings a basis selects, and self against manager."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.basis import conservative, lower, ratings_for, with_basis
from careerpath.core.model import Inventory, ManagerView, Rating
from careerpath.core.reviews.compare import FLAG_AT, compare
from careerpath.errors import CareerpathError, UsageError, flag
from tests.builders import catalogue

CATALOGUE = catalogue("troubleshooting", "scripting", "test_design", "presenting")


def r(value: object, evidence: str = "") -> Rating:
    if evidence:
        return Rating.model_validate({"level": value, "evidence": evidence})
    return Rating.model_validate(value)


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        (r(3), r(2), r(2)),
        (r(2), r(4), r(2)),
        (r(3, "ticket 1"), r(3), r(3, "ticket 1")),  # equal: the self-rating stays
        (r(3), r("n/a"), r("n/a")),  # n/a counts as 0
        (r(0), r("n/a"), r(0)),  # the same as 0: the rated one
        (r("n/a"), r(0), r(0)),
        (r(4), r("unsure"), r("unsure")),  # the lower of a level and an unknown is unknown
        (r("unsure"), r(1), r("unsure")),
        (r(3), None, r(3)),  # one view only: kept
        (None, r(2), r(2)),
        (None, None, None),
    ],
)
def test_lower_is_the_conservative_of_two(
    mine: Rating | None, theirs: Rating | None, expected: Rating | None
) -> None:
    assert lower(mine, theirs) == expected


def test_conservative_covers_every_skill_either_side_rated() -> None:
    chosen = conservative({"a": r(3), "b": r(1)}, {"b": r(2), "c": r("unsure")})
    assert chosen == {"a": r(3), "b": r(1), "c": r("unsure")}


def inventory(manager: dict[str, Rating] | None = None) -> Inventory:
    return Inventory(
        person="Sam Rivera",
        date=dt.date(2026, 11, 2),
        current_role="support",
        targets=["testing"],
        ratings={"troubleshooting": r(4, "ticket 48211"), "test_design": r(1), "presenting": r(2)},
        manager=None
        if manager is None
        else ManagerView(name="Priya Shah", date=dt.date(2026, 11, 9), ratings=manager),
    )


def test_bases_select_and_never_average() -> None:
    inv = inventory({"troubleshooting": r(2), "test_design": r(3), "presenting": r(2)})
    assert ratings_for(inv, "self") == inv.ratings
    assert ratings_for(inv, "manager")["troubleshooting"] == r(2)
    picked = ratings_for(inv, "conservative")
    assert picked == {"troubleshooting": r(2), "test_design": r(1), "presenting": r(2)}
    assert with_basis(inv, "self") is inv
    assert with_basis(inv, "manager").manager == inv.manager  # the two views stay apart


@pytest.mark.parametrize("basis", ["manager", "conservative"])
def test_a_manager_basis_without_a_manager_rating_is_a_usage_error(basis: str) -> None:
    with pytest.raises(CareerpathError) as caught:
        ratings_for(inventory(), basis)  # type: ignore[arg-type]
    assert isinstance(caught.value, UsageError)
    assert f"careerpath assess {flag('as_manager')} FILE" in caught.value.message


def test_compare_flags_two_levels_or_more_and_writes_prompts() -> None:
    inv = inventory(
        {"troubleshooting": r(2, "saw the SSO ticket"), "test_design": r(3), "presenting": r(3)}
    )
    result = compare(inv, CATALOGUE)
    assert result is not None
    rows = {row.skill: row for row in result.rows}
    assert rows["troubleshooting"].difference == -2
    assert rows["test_design"].difference == 2
    assert rows["presenting"].difference == 1
    assert [row.skill for row in result.flagged] == ["troubleshooting", "test_design"]
    assert all(abs(row.difference or 0) >= FLAG_AT for row in result.flagged)
    first, second = result.prompts
    assert first.startswith("Troubleshooting: you rated 4 advanced, your manager 2")
    assert "ticket 48211" in first and "saw the SSO ticket" in first
    assert second.startswith("Test design: your manager rated 3 independent, you 1")


def test_unsure_against_a_level_is_to_settle_not_a_difference() -> None:
    inv = inventory({"troubleshooting": r("unsure"), "scripting": r(2)})
    result = compare(inv, CATALOGUE)
    assert result is not None
    rows = {row.skill: row for row in result.rows}
    assert rows["troubleshooting"].difference is None and rows["troubleshooting"].one_view
    assert rows["scripting"].one_sided and not rows["scripting"].one_view
    assert result.flagged == ()


def test_no_manager_no_comparison() -> None:
    assert compare(inventory(), CATALOGUE) is None
