"""Self against manager as text: each difference signed the way every output signs it."""

from __future__ import annotations

import datetime as dt

from careerpath.core.model import ManagerView
from careerpath.core.reviews.compare import compare
from careerpath.views.compare_text import compare_text
from tests.builders import catalogue, inventory, rating

CATALOGUE = catalogue("alpha", "beta", "gamma")


def test_differences_are_signed_and_large_ones_flagged() -> None:
    mine = inventory(alpha=4, beta=1, gamma=2)
    view = ManagerView(
        name="Priya",
        date=dt.date(2026, 11, 9),
        ratings={"alpha": rating(2), "beta": rating(2), "gamma": rating(2)},
    )
    result = compare(mine.model_copy(update={"manager": view}), CATALOGUE)
    assert result is not None
    lines = [line.split() for line in compare_text(result).splitlines()]
    assert ["Alpha", "4", "2", "−2", "<-"] in lines
    assert ["Beta", "1", "2", "+1"] in lines
    assert ["Gamma", "2", "2", "0"] in lines
    assert "  difference = manager − self; n/a counts as level 0" in compare_text(result)
