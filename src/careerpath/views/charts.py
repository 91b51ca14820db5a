"""Chart geometry for the HTML plan: a radar of current against required levels, and the gaps
as bars by priority. Pure: numbers in, coordinates out; the template draws the SVG (so Jinja's
autoescaping covers every label), and nothing here knows about HTML.

Labels are never clipped: each chart's viewBox is grown to hold every label, measured with a
generous estimate of the text's width (CHAR_WIDTH × font size per character, wider than the
average glyph of any common sans-serif font).

Printed, an SVG's text shrinks with the chart: text of FONT user units in a viewBox W units wide,
printed P points wide, is FONT × P / W points. Each chart carries the printed width
(`print_width`, in mm) at which its smallest text (SMALL) is PRINT_PT points, so no label of a
long role prints at 5 pt; the template sets that width in its print stylesheet.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from careerpath.core.gaps import Band, RoleGaps, SkillGap, priority_band
from careerpath.core.model import MAX_LEVEL

CHAR_WIDTH = 0.6  # of the font size; real sans-serif text averages about 0.5
FONT = 11.0  # labels, in user units (CSS px on screen at full size)
SMALL = 10.0  # ring labels and scale ticks: the smallest text of a chart
LINE = 1.25  # line height, in font sizes
PRINT_PT = 8.5  # the smallest chart text on paper, in points
PRINTABLE_MM = 184.0  # A4's width less the print stylesheet's margins; Letter's is wider
MM_PER_PT = 25.4 / 72


def print_width(view_width: float) -> float:
    """The printed width (mm) at which a chart `view_width` user units wide shows its smallest
    text at PRINT_PT points, never wider than the printable width of an A4 page."""
    return round(min(PRINTABLE_MM, view_width * PRINT_PT / SMALL * MM_PER_PT), 1)


def printed_points(view_width: float, width_mm: float, size: float = SMALL) -> float:
    """How large text of `size` user units prints when the chart is `width_mm` wide."""
    return size * width_mm / MM_PER_PT / view_width


def frame(width: float, height: float, left: float = 0.0, top: float = 0.0) -> dict[str, Any]:
    """A chart's viewBox, size and printed width: the fields every chart here shares."""
    box = " ".join(number_text(v) for v in (left, top, width, height))
    return {
        "view_box": box,
        "width": round(width, 1),
        "height": round(height, 1),
        "print_width": print_width(width),
    }


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR_WIDTH


def wrap(text: str, width: int = 18) -> tuple[str, ...]:
    """Split a long label into at most two lines at the space nearest its middle."""
    if len(text) <= width or " " not in text:
        return (text,)
    middle = len(text) / 2
    spaces = [i for i, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return (text[:cut], text[cut + 1 :])


class _Slot(NamedTuple):
    axis: int
    x: float
    axis_y: float  # where the axis ends
    height: float
    anchor: Literal["start", "middle", "end"]
    fixed: bool  # straight up or down: it stays, its neighbours move


def _spread(slots: list[_Slot], centres: dict[int, float], gap: float = 2.0) -> None:
    """Move label centres apart (in place) until no two neighbours on one side overlap."""
    order = sorted(slots, key=lambda s: (centres[s.axis], s.axis))
    for _ in range(200):
        moved = False
        for a, b in itertools.pairwise(order):
            need = (a.height + b.height) / 2 + gap - (centres[b.axis] - centres[a.axis])
            if need <= 0.01:
                continue
            moved = True
            if a.fixed:
                centres[b.axis] += need
            elif b.fixed:
                centres[a.axis] -= need
            else:
                centres[a.axis] -= need / 2
                centres[b.axis] += need / 2
        if not moved:
            break


def _radar_labels(names: Sequence[str], radius: float, step: float) -> list[Label]:
    """One label per axis, outside the circle; labels that would overlap are spread apart
    (left and right halves separately) and joined to their axis by a leader line."""
    line_height = FONT * LINE
    outer = radius + 8
    slots = []
    centres: dict[int, float] = {}
    for index, name in enumerate(names):
        angle = -math.pi / 2 + index * step
        cos, sin = math.cos(angle), math.sin(angle)
        lines = wrap(name)
        height = len(lines) * line_height
        fixed = abs(cos) < 0.02
        anchor: Literal["start", "middle", "end"] = (
            "middle" if fixed else "start" if cos > 0 else "end"
        )
        x = outer * cos + (0 if fixed else 4 if cos > 0 else -4)
        centre = outer * sin
        if fixed:  # above the top axis, or below the bottom one
            centre += (height / 2 + 2) * (1 if sin > 0 else -1)
        slots.append(_Slot(index, x, outer * sin, height, anchor, fixed))
        centres[index] = centre
    # Straight-up and straight-down labels take part on both sides.
    _spread([s for s in slots if s.anchor != "end"], centres)
    _spread([s for s in slots if s.anchor != "start"], centres)
    labels = []
    for slot, name in zip(slots, names, strict=True):
        lines = wrap(name)
        centre = centres[slot.axis]
        baseline = centre - slot.height / 2 + FONT * 0.85
        leader = None
        if not slot.fixed and abs(centre - slot.axis_y) > 3:
            angle = -math.pi / 2 + slot.axis * step
            end_x = slot.x - (2 if slot.anchor == "start" else -2)
            leader = (radius * math.cos(angle), radius * math.sin(angle), end_x, centre)
        labels.append(Label(slot.x, baseline, slot.anchor, lines, line_height, leader))
    return labels


class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float

    def grow(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


class Label(NamedTuple):
    x: float
    y: float  # the first line's baseline
    anchor: Literal["start", "middle", "end"]
    lines: tuple[str, ...]
    line_height: float
    leader: tuple[float, float, float, float] | None = None  # a line to the axis, if moved


class Point(NamedTuple):
    x: float
    y: float
    known: bool  # False: unsure or unrated, drawn at 0 as a hollow mark


class Radar(NamedTuple):
    view_box: str
    width: float
    height: float
    radius: float
    rings: tuple[str, ...]  # polygon points for levels 1..5
    ring_labels: tuple[tuple[float, float, int], ...]  # x, y, level
    axes: tuple[tuple[float, float], ...]  # the outer end of each axis (from 0, 0)
    required: str  # polygon points
    current: str
    points: tuple[Point, ...]  # the current level on each axis
    labels: tuple[Label, ...]
    names: tuple[str, ...]  # the skills, in axis order
    print_width: float  # mm: see print_width()


def number_text(value: float) -> str:
    """A coordinate as SVG text: 12, 12.5 (one decimal at most)."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def points_text(points: Sequence[tuple[float, float]]) -> str:
    """Points as a polygon's or polyline's `points` attribute."""
    return " ".join(f"{number_text(x)},{number_text(y)}" for x, y in points)


def _label_box(label: Label, size: float) -> Box:
    width = max(text_width(line, size) for line in label.lines)
    if label.anchor == "start":
        left = label.x
    elif label.anchor == "end":
        left = label.x - width
    else:
        left = label.x - width / 2
    top = label.y - size  # the ascent, generously
    bottom = label.y + (len(label.lines) - 1) * label.line_height + size * 0.35
    return Box(left, top, left + width, bottom)


def radar(result: RoleGaps, order: Sequence[str] = (), radius: float = 150.0) -> Radar:
    """Current (0 when unknown) against required, one axis per skill of the role.

    `order` lists skill ids to put first (the role file's order keeps categories together).
    """
    rank = {skill: index for index, skill in enumerate(order)}
    skills = sorted(result.skills, key=lambda s: (rank.get(s.skill, len(rank)), s.skill))
    names = tuple(s.name for s in skills)
    outline = _outline(names, radius)
    step = outline.step
    return Radar(
        **outline.frame,
        radius=radius,
        rings=outline.rings,
        ring_labels=outline.ring_labels,
        axes=outline.axes,
        required=points_text([_at(i, s.required, step, radius) for i, s in enumerate(skills)]),
        current=points_text([_at(i, s.current or 0, step, radius) for i, s in enumerate(skills)]),
        points=tuple(
            Point(*_at(i, s.current or 0, step, radius), s.known) for i, s in enumerate(skills)
        ),
        labels=outline.labels,
        names=names,
    )


def _at(index: int, level: float, step: float, radius: float) -> tuple[float, float]:
    """Where `level` is on axis `index` of a radar whose axes are `step` radians apart."""
    angle = -math.pi / 2 + index * step  # the first axis points straight up
    r = radius * level / MAX_LEVEL
    return (r * math.cos(angle), r * math.sin(angle))


class _Outline(NamedTuple):
    """What a radar of these skills draws whoever it is for: its frame, rings, axes, labels."""

    step: float  # radians between axes
    frame: dict[str, Any]  # frame()'s fields (never changed: the outline is shared)
    rings: tuple[str, ...]
    ring_labels: tuple[tuple[float, float, int], ...]
    axes: tuple[tuple[float, float], ...]
    labels: tuple[Label, ...]


@functools.lru_cache(maxsize=256)  # a batch of plans draws the same few roles' radars again
def _outline(names: tuple[str, ...], radius: float) -> _Outline:
    count = max(len(names), 3)
    step = 2 * math.pi / count
    rings = tuple(
        points_text([_at(i, level, step, radius) for i in range(count)]) for level in range(1, 6)
    )
    ring_labels = tuple((3.0, -radius * level / MAX_LEVEL - 2, level) for level in range(1, 6))
    axes = tuple(_at(i, MAX_LEVEL, step, radius) for i in range(count))
    labels = _radar_labels(names, radius, step)
    box = Box(-radius, -radius, radius, radius)
    for label in labels:
        box = box.grow(_label_box(label, FONT))
    pad = 8.0
    left, top = box.left - pad, box.top - pad
    width, height = box.right - box.left + 2 * pad, box.bottom - box.top + 2 * pad
    return _Outline(step, frame(width, height, left, top), rings, ring_labels, axes, tuple(labels))


class Bar(NamedTuple):
    name: str
    y: float  # the bar's top
    length: float
    priority: int
    band: Band
    value: str  # "8 = 2 × 4"
    value_x: float


class BarChart(NamedTuple):
    view_box: str
    width: float
    height: float
    label_x: float  # labels end here (anchor end)
    bar_x: float  # bars start here
    bar_height: float
    scale: tuple[tuple[float, int], ...]  # x, priority: the grid lines
    bars: tuple[Bar, ...]
    print_width: float  # mm: see print_width()


def gap_bars(gaps: Sequence[SkillGap], bar_width: float = 260.0, row: float = 22.0) -> BarChart:
    """One bar per known gap, highest priority first, its length proportional to priority."""
    known = [g for g in gaps if g.priority]
    label_width = max((text_width(g.name) for g in known), default=0.0)
    label_x = label_width + 4
    bar_x = label_x + 8
    top = max((g.priority or 0 for g in known), default=1)
    ticks = sorted({0, top, *range(0, top + 1, 5 if top > 12 else 2)})
    bars = []
    value_right = 0.0
    for index, gap in enumerate(known):
        priority = gap.priority or 0
        length = bar_width * priority / top
        value = f"{priority} = {gap.gap} × {gap.importance}"
        value_x = bar_x + length + 6
        value_right = max(value_right, value_x + text_width(value))
        bars.append(
            Bar(
                gap.name,
                18 + index * row,
                length,
                priority,
                priority_band(priority),
                value,
                value_x,
            )
        )
    width = max(value_right, bar_x + bar_width) + 4
    height = 18 + len(known) * row + 4
    return BarChart(
        **frame(width, height),
        label_x=label_x,
        bar_x=bar_x,
        bar_height=row - 8,
        scale=tuple((bar_x + bar_width * t / top, t) for t in ticks),
        bars=tuple(bars),
    )


class Charts(NamedTuple):
    radar: Radar
    gaps: BarChart
    font: float = FONT  # the sizes the template's stylesheet gives SVG text, in user units
    small: float = SMALL
    print_pt: float = PRINT_PT  # the smallest printed text, in points


def plan_charts(result: RoleGaps, order: Sequence[str]) -> Charts:
    return Charts(radar(result, order), gap_bars(result.gaps))
