"""One way to write a sign, a percentage, a date and a cell, in every output."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpath.core.gaps import SkillGap
from careerpath.views import formatting
from tests.builders import rating


@pytest.mark.parametrize(("number", "text"), [(2, "+2"), (-1, "−1"), (0, "0"), (None, "")])
def test_signed_changes_use_the_minus_sign(number: int | None, text: str) -> None:
    assert formatting.signed(number) == text


@pytest.mark.parametrize(("share", "text"), [(0.826, "83%"), (0.0, "0%"), (1.0, "100%")])
def test_percentages(share: float, text: str) -> None:
    assert formatting.percent(share) == text


@pytest.mark.parametrize(
    ("change", "text"), [(0.17, "+17 pts"), (-0.03, "−3 pts"), (0.001, "0 pts")]
)
def test_points_of_change(change: float, text: str) -> None:
    assert formatting.points(change) == text


TITLE = "Support engineer (escalation and product expert)"


@pytest.mark.parametrize(
    ("text", "width", "short"),
    [
        (TITLE, 48, TITLE),
        (TITLE, 40, "Support engineer (escalation and…)"),
        (TITLE, 30, "Support engineer (escalation…)"),
        (TITLE, 20, "Support engineer…"),
        ("Supercalifragilistic", 10, "Supercali…"),
        ("Trainer", 1, "T"),
    ],
)
def test_shorten_cuts_at_a_word_and_closes_its_bracket(text: str, width: int, short: str) -> None:
    assert formatting.shorten(text, width) == short
    assert len(formatting.shorten(text, width)) <= width


def test_the_long_date() -> None:
    assert formatting.long_date(dt.date(2026, 12, 2)) == "Wed 2 Dec 2026"


@pytest.mark.parametrize(
    ("written", "cell"), [(3, "3"), (0, "0"), ("n/a", "n/a"), ("unsure", "?"), (None, "-")]
)
def test_rating_cells(written: int | str | None, cell: str) -> None:
    assert formatting.rating_cell(None if written is None else rating(written)) == cell


@pytest.mark.parametrize(
    ("status", "current", "cell"),
    [
        ("rated", 2, "2"),
        ("n/a", 0, "n/a=0"),
        ("unsure", None, "unsure"),
        ("unrated", None, "unrated"),
    ],
)
def test_gap_cells(status: str, current: int | None, cell: str) -> None:
    gap = SkillGap("a", "A", "technical", status, current, 3, 5)  # type: ignore[arg-type]
    assert formatting.gap_cell(gap) == cell


def test_markdown_cells_escape_the_bar() -> None:
    assert formatting.md_cell("QA | testing") == "QA \\| testing"
