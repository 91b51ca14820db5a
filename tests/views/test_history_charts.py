"""What moved, as chart geometry: skills' before and after levels, readiness per role over time,
the evidence of each skill that moved, and chart text that prints at 8 pt or more."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from careerpath.core.model import Inventory, Rating
from careerpath.core.reviews.history import History, history
from careerpath.views.charts import SMALL, printed_points
from careerpath.views.formatting import percent
from careerpath.views.history_charts import moved, readiness_lines, skill_moves
from tests.builders import catalogue, rating, role

CATALOGUE = catalogue("alpha", "beta", "gamma", "delta")
ROLES = [role("testing", alpha=(3, 5), beta=(3, 5)), role("writing", gamma=(4, 3))]


def track(*ratings_by_date: dict[str, Rating]) -> History:
    return history(
        [
            Inventory(
                person="Sam",
                date=dt.date(2026 + number // 6, 1 + 2 * (number % 6), 1),
                current_role="support",
                targets=["testing", "writing"],
                ratings=ratings,
            )
            for number, ratings in enumerate(ratings_by_date)
        ],
        ROLES,
        CATALOGUE,
    )


BEFORE = {
    "alpha": rating(1, "half a course"),
    "beta": rating(3),
    "gamma": rating(2),
    "delta": rating("unsure"),
}
AFTER = {
    "alpha": rating(3, "wrote <the> script"),
    "beta": rating(2),
    "gamma": rating(2),
    "delta": rating("unsure"),
}


def _inside(view_box: str, x: float, y: float) -> bool:
    left, top, width, height = map(float, view_box.split())
    return left <= x <= left + width and top <= y <= top + height


def test_each_known_skill_has_its_before_and_after() -> None:
    chart = skill_moves(track(BEFORE, AFTER))
    rows = {row.name: row for row in chart.rows}
    assert set(rows) == {"Alpha", "Beta", "Gamma"}  # delta: never a known level
    assert (rows["Alpha"].before, rows["Alpha"].after, rows["Alpha"].direction) == (1, 3, "up")
    assert (rows["Beta"].before, rows["Beta"].after, rows["Beta"].direction) == (3, 2, "down")
    assert rows["Gamma"].direction == "same" and rows["Gamma"].x_before == rows["Gamma"].x_after
    scale = dict((level, x) for x, level in chart.scale)
    for row in chart.rows:
        assert (row.x_before, row.x_after) == (scale[row.before], scale[row.after])
        assert _inside(chart.view_box, row.x_after, row.y)
    assert chart.label_x < min(scale.values())  # labels end before the scale starts


def test_a_history_compares_the_first_and_last_known_levels() -> None:
    middle = {**BEFORE, "alpha": rating("unsure"), "gamma": rating(5)}
    rows = {row.name: row for row in skill_moves(track(BEFORE, middle, AFTER)).rows}
    assert (rows["Alpha"].before, rows["Alpha"].after) == (1, 3)
    assert (rows["Gamma"].before, rows["Gamma"].after) == (2, 2)


def test_readiness_is_a_line_per_role_across_the_dates() -> None:
    result = track(BEFORE, {**BEFORE, "alpha": rating(2)}, AFTER)
    chart = readiness_lines(result)
    assert [line.title for line in chart.lines] == ["Testing", "Writing"]
    testing = chart.lines[0]
    assert len(testing.dots) == 3
    xs = [x for x, _ in testing.dots]
    assert xs == sorted(xs) and xs[0] == chart.line_x
    assert xs[-1] == chart.line_x + chart.line_width
    readiness = result.roles[0].readiness
    ys = [y for _, y in testing.dots]  # higher readiness is higher up: a smaller y
    assert [a < b for a, b in pairwise(ys)] == [a > b for a, b in pairwise(readiness)]
    for x, y in testing.dots:
        assert testing.y <= y <= testing.y + chart.row
        assert _inside(chart.view_box, x, y)
    assert (testing.first, testing.last) == (percent(readiness[0]), percent(readiness[-1]))
    assert testing.direction == "up"
    assert [date for _, date in chart.dates] == list(result.dates)


def test_a_line_is_coloured_as_its_numbers_read() -> None:
    """A change smaller than the shown percentage is no change: 69% to 69% is not green."""
    result = track(BEFORE, AFTER)
    role = result.roles[0]
    tiny = result._replace(roles=(role._replace(readiness=(0.691, 0.694)),))
    assert readiness_lines(tiny).lines[0].direction == "same"
    down = result._replace(roles=(role._replace(readiness=(0.70, 0.52)),))
    assert readiness_lines(down).lines[0].direction == "down"


def test_many_dates_label_the_first_and_the_last() -> None:
    chart = readiness_lines(track(*[BEFORE] * 12))
    assert [date for _, date in chart.dates] == ["2026-01-01", "2027-11-01"]
    assert chart.lines[0].direction == "same"


def test_the_evidence_of_what_moved_latest_first() -> None:
    result = moved(track(BEFORE, AFTER))
    assert [(m.name, m.before, m.after, m.change) for m in result] == [
        ("Alpha", 1, 3, 2),
        ("Beta", 3, 2, -1),
    ]
    assert result[0].evidence == ("wrote <the> script", "half a course")  # escaped by the page
    assert result[1].evidence == ()


def test_chart_text_prints_at_eight_points() -> None:
    result = track(BEFORE, AFTER)
    for chart in (skill_moves(result), readiness_lines(result)):
        assert chart.print_width <= 184
        assert printed_points(chart.width, chart.print_width, SMALL) >= 8
