"""The model's own rules: a rating's comparable level."""

from __future__ import annotations

import pytest

from careerpath.core.model import level_of, same_person
from tests.builders import rating


@pytest.mark.parametrize(
    ("written", "level"),
    [(3, 3), (0, 0), ("n/a", 0), ("unsure", None)],
)
def test_comparable_level_counts_na_as_0_and_unsure_as_unknown(
    written: int | str, level: int | None
) -> None:
    assert rating(written).comparable_level == level
    assert level_of(rating(written)) == level


def test_a_skill_not_rated_has_no_level() -> None:
    assert level_of(None) is None


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Sam Rivera", "Sam Rivera", True),
        ("Sam Rivera", "sam rivera", True),
        ("Sam Rivera", "  Sam Rivera ", True),
        ("Sam Rivera", "Sam Rivers", False),
        ("Sam Rivera", "Sam  Rivera", False),  # inner spaces are part of the name
    ],
)
def test_the_same_person_is_matched_by_name_ignoring_case_and_end_spaces(
    one: str, other: str, same: bool
) -> None:
    assert same_person(one, other) is same
