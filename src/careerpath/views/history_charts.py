"""Chart geometry for the progress and history pages: what moved. Pure, like
careerpath.views.charts (whose text measure and printed width it shares): numbers in,
coordinates out; the template draws the SVG, so Jinja's autoescaping covers every label.

- `skill_moves`: one row per skill, a dot at its first known level and one at its last, joined
  by an arrow when it moved (progress: OLD and NEW; history: the first and the latest
  inventory that rated it).
- `readiness_lines`: one row per role, its readiness at each inventory as a small line from
  the first date to the last, the first and last values written beside it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from careerpath.core.model import MAX_LEVEL, level_of
from careerpath.core.reviews.history import History, SkillTrack
from careerpath.views.charts import FONT, SMALL, frame, points_text, text_width
from careerpath.views.formatting import percent

Direction = Literal["up", "down", "same"]
ROW = 20.0  # a skill's row
TOP = 22.0  # room for the scale above the rows
LEVEL_STEP = 44.0  # user units per level on the skills' scale
GAP = 10.0  # between a label and its chart


class SkillMove(NamedTuple):
    name: str
    y: float  # the row's middle
    before: int
    after: int
    x_before: float
    x_after: float
    direction: Direction


class MoveChart(NamedTuple):
    view_box: str
    width: float
    height: float
    label_x: float  # labels end here (anchor end)
    scale: tuple[tuple[float, int], ...]  # x, level: the grid lines
    rows: tuple[SkillMove, ...]
    print_width: float  # mm: careerpath.views.charts.print_width


def _ends(track: SkillTrack) -> tuple[int, int] | None:
    known = [level for level in (level_of(r) for r in track.ratings) if level is not None]
    return (known[0], known[-1]) if known else None


def skill_moves(result: History) -> MoveChart:
    """Every skill with a known level: its first and last known level (n/a as 0)."""
    tracked = [(t, ends) for t in result.skills if (ends := _ends(t)) is not None]
    label_x = max((text_width(t.name) for t, _ in tracked), default=0.0) + 4
    left = label_x + GAP

    def at(level: int) -> float:
        return left + level * LEVEL_STEP

    rows = []
    for index, (track, (before, after)) in enumerate(tracked):
        direction: Direction = "up" if after > before else "down" if after < before else "same"
        rows.append(
            SkillMove(
                track.name,
                TOP + index * ROW + ROW / 2,
                before,
                after,
                at(before),
                at(after),
                direction,
            )
        )
    width = at(MAX_LEVEL) + 12
    height = TOP + len(rows) * ROW + 4
    return MoveChart(
        **frame(width, height),
        label_x=label_x,
        scale=tuple((at(level), level) for level in range(MAX_LEVEL + 1)),
        rows=tuple(rows),
    )


class RoleLine(NamedTuple):
    title: str
    y: float  # the row's top
    points: str  # polygon-style "x,y x,y" for a polyline
    dots: tuple[tuple[float, float], ...]
    first: str  # "35%"
    last: str
    direction: Direction


class ReadinessChart(NamedTuple):
    view_box: str
    width: float
    height: float
    label_x: float  # titles end here (anchor end)
    line_x: float  # the lines start here
    line_width: float
    row: float  # each role's row height
    value_x: float  # where the last value is written
    dates: tuple[tuple[float, str], ...]  # x, date: the columns labelled above the rows
    lines: tuple[RoleLine, ...]
    print_width: float


def readiness_lines(result: History, line_width: float = 220.0) -> ReadinessChart:
    """One small line per role (0% at the row's foot, 100% at its head) across the dates."""
    row, inner = 50.0, 40.0  # tall enough that 35% to 73% reads as the climb it is
    label_x = max((text_width(r.title) for r in result.roles), default=0.0) + 4
    first_width = max((text_width(percent(r.readiness[0])) for r in result.roles), default=0.0)
    line_x = label_x + GAP + first_width + 6
    count = len(result.dates)
    step = line_width / (count - 1) if count > 1 else 0.0
    xs = [line_x + i * step for i in range(count)]
    top = TOP
    lines = []
    for index, role in enumerate(result.roles):
        y = top + index * row
        base = y + (row + inner) / 2
        dots = tuple((x, base - inner * value) for x, value in zip(xs, role.readiness, strict=True))
        first, last = percent(role.readiness[0]), percent(role.readiness[-1])
        # Coloured as the numbers beside it read: 69% to 69% is unchanged.
        direction: Direction = "same" if first == last else "up" if role.change > 0 else "down"
        lines.append(RoleLine(role.title, y, points_text(dots), dots, first, last, direction))
    value_x = line_x + line_width + 8
    half_date = text_width(result.dates[-1], SMALL) / 2  # the dates are centred on their x
    width = max(value_x + text_width("100%"), line_x + line_width + half_date) + 4
    # The dates above the lines: all of them when they fit, else the first and the last.
    widest = max(text_width(date, SMALL) for date in result.dates) + 6
    labelled = range(count) if count == 1 or step >= widest else (0, count - 1)
    dates = [(xs[i], result.dates[i]) for i in labelled]
    height = top + len(lines) * row + 4
    return ReadinessChart(
        **frame(width, height),
        label_x=label_x,
        line_x=line_x,
        line_width=line_width,
        row=row,
        value_x=value_x,
        dates=tuple(dates),
        lines=tuple(lines),
    )


class Moved(NamedTuple):
    """A skill whose level changed, and the evidence given for it (latest first)."""

    name: str
    before: int
    after: int
    change: int
    evidence: tuple[str, ...]  # the evidence of each inventory that has some, latest first


def moved(result: History) -> tuple[Moved, ...]:
    out = []
    for track in result.moved:
        ends = _ends(track)
        if ends is None or track.change is None:
            continue
        texts: list[str] = []
        for rating in reversed(track.ratings):
            text = rating.evidence.strip() if rating is not None else ""
            if text and text not in texts:
                texts.append(text)
        out.append(Moved(track.name, ends[0], ends[1], track.change, tuple(texts)))
    return tuple(out)


class HistoryCharts(NamedTuple):
    skills: MoveChart
    readiness: ReadinessChart
    font: float = FONT
    small: float = SMALL


def history_charts(result: History) -> HistoryCharts:
    return HistoryCharts(skill_moves(result), readiness_lines(result))
