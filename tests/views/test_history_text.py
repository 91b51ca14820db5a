"""One person's movement as text, Markdown and data: the signs of each change."""

from __future__ import annotations

import datetime as dt

from careerpath.core.model import Inventory
from careerpath.core.reviews.history import History, history
from careerpath.views.history_text import history_data, history_markdown, history_text
from tests.builders import catalogue, rating, role

CATALOGUE = catalogue("alpha", "beta", "gamma")
ROLES = [role("testing", alpha=(3, 5), beta=(3, 5))]


def moved() -> History:
    """alpha 1 -> 3 (+2), beta 3 -> 2 (-1), gamma 2 -> 2 (0); readiness 4/6 -> 5/6."""
    before, after = {"alpha": 1, "beta": 3, "gamma": 2}, {"alpha": 3, "beta": 2, "gamma": 2}
    return history(
        [
            Inventory(
                person="Sam",
                date=dt.date(2026, month, 1),
                current_role="support",
                targets=["testing"],
                ratings={skill: rating(level) for skill, level in levels.items()},
            )
            for month, levels in ((1, before), (4, after))
        ],
        ROLES,
        CATALOGUE,
    )


def test_text_signs_each_change() -> None:
    lines = [line.split() for line in history_text(moved()).splitlines()]
    assert ["Alpha", "1", "3", "+2"] in lines
    assert ["Beta", "3", "2", "−1"] in lines
    assert ["Gamma", "2", "2", "0"] in lines
    assert ["Testing", "67%", "83%", "+17", "pts"] in lines
    assert ["2", "skills", "moved", "(1", "up,", "1", "down)."] in lines


def test_markdown_signs_each_change() -> None:
    text = history_markdown(moved())
    assert text.startswith("# Progress: Sam\n")
    assert "| Alpha | 1 | 3 | +2 |" in text
    assert "| Beta | 3 | 2 | −1 |" in text
    assert "| Gamma | 2 | 2 | 0 |" in text
    assert "| Testing | 67% | 83% | +17 pts |" in text


def test_data_keeps_numbers() -> None:
    data = history_data(moved())
    assert [s["change"] for s in data["skills"]] == [2, -1, 0]  # type: ignore[index]
    cells = [s["cells"] for s in data["skills"]]  # type: ignore[index]
    assert cells == [["1", "3"], ["3", "2"], ["2", "2"]]
