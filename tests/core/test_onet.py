"""The O*NET mapping: ranks onto careerpath's level spread, importance rounded, what is left out."""

from __future__ import annotations

import pytest

from careerpath.core.onet import (
    Occupation,
    Rating,
    draft,
    onto_spread,
    rounded,
    scaled,
    spread,
)
from tests.builders import catalogue, role


@pytest.mark.parametrize(
    ("values", "levels", "expected"),
    [
        ([1.0, 2.0, 3.0, 4.0], [1, 2, 3, 4], [1, 2, 3, 4]),
        ([4.0, 1.0, 3.0, 2.0], [1, 2, 3, 4], [4, 1, 3, 2]),  # the order is O*NET's
        ([2.9, 3.0, 3.1], [2, 2, 3, 3, 3, 4], [2, 3, 4]),  # small LV steps, careerpath's spread
        ([3.0, 3.0, 5.0, 1.0], [1, 2, 3, 4], [3, 3, 4, 1]),  # ties stay ties
        ([6.5, 6.6], [3, 3, 3, 3], [3, 3]),  # a spread of one level gives that level
        ([], [1, 2], []),
    ],
)
def test_ranks_are_read_off_the_spread(
    values: list[float], levels: list[int], expected: list[int]
) -> None:
    assert onto_spread(values, levels) == expected


@pytest.mark.parametrize(
    ("im", "importance"), [(2.0, 2), (2.49, 2), (2.5, 3), (3.62, 4), (4.88, 5), (1.0, 1)]
)
def test_importance_is_im_rounded_half_up(im: float, importance: int) -> None:
    assert rounded(im) == importance


@pytest.mark.parametrize(("lv", "level"), [(0.0, 0), (2.8, 2), (3.5, 2), (4.2, 3), (7.0, 5)])
def test_the_naive_mapping_for_comparison(lv: float, level: int) -> None:
    assert scaled(lv) == level


def rating(element: str, im: float, lv: float, **flags: bool) -> Rating:
    return Rating(
        element,
        element.upper(),
        im,
        lv,
        flags.get("not_relevant", False),
        flags.get("suppress", False),
        "08/2025",
    )


CAT = catalogue("a", "b", "c", "d", "e", "f")
for skill_id, element in zip(
    "abcde", ("2.A.1.a", "2.A.1.b", "2.B.1.a", "2.B.1.b", "2.C.1.a"), strict=True
):
    CAT.skills[skill_id] = CAT.skills[skill_id].model_copy(update={"onet": element})
OCCUPATION = Occupation(
    "15-0000.00",
    "Testers",
    "They test.",
    {
        "2.A.1.a": rating("2.A.1.a", 4.1, 5.0),
        "2.A.1.b": rating("2.A.1.b", 3.0, 0.4, suppress=True),
        "2.B.1.a": rating("2.B.1.a", 1.9, 3.0),  # importance below 2
        "2.B.1.b": rating("2.B.1.b", 3.0, 0.0, not_relevant=True),
        # 2.C.1.a (e) is not rated; f has no O*NET element
    },
)


def test_a_draft_keeps_what_onet_rates_as_part_of_the_role() -> None:
    result = draft(OCCUPATION, CAT, [2, 3, 4], "testers")
    assert [(k.skill, k.level, k.importance) for k in result.kept] == [("a", 4, 4), ("b", 2, 3)]
    assert result.kept[1].rating.suppress
    assert [(d.skill, d.why) for d in result.dropped] == [
        ("c", "importance 1.90"),
        ("d", "not relevant"),
        ("e", "not rated"),
    ]
    assert result.unlinked == ("f",)


def test_a_kept_skill_is_at_least_level_1() -> None:
    result = draft(OCCUPATION, CAT, [0, 0, 5], "testers")
    assert [k.level for k in result.kept] == [5, 1]


def test_the_spread_is_the_profiles_linked_levels() -> None:
    profiles = [role("x", a=(3, 5), f=(5, 5)), role("y", a=(2, 4), b=(0, 1))]
    assert sorted(spread(profiles, CAT)) == [2, 3]  # f has no element, level 0 is not a need
    assert spread([], CAT) == [1, 2, 3, 4]
