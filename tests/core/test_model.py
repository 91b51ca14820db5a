"""The model's own rules: a rating's comparable level."""

from __future__ import annotations

import pytest

from careerpath.core.model import level_of
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
