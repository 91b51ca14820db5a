"""How careerpath writes a number, a date or a table cell, the same way in every output.

Pure: values in, strings out. Text, Markdown, HTML (through the templates' filters) and the
terminal tables all use these, so a change of one convention changes it everywhere.
"""

from __future__ import annotations

import datetime as dt
import functools

from careerpath.core.gaps import SkillGap
from careerpath.core.model import Rating
from careerpath.views.escape import md_inline

MINUS = "−"  # U+2212, the typographic minus sign: +2, −2 line up and read as numbers


def signed(number: int | None) -> str:
    """A change or difference in levels: +2, −2, 0; nothing when it is unknown."""
    if number is None:
        return ""
    if number < 0:
        return f"{MINUS}{-number}"
    return f"+{number}" if number else "0"


def whole_percent(share: float) -> int:
    """A share from 0 to 1 as a whole percentage: 0.826 -> 83."""
    return round(share * 100)


def percent(share: float) -> str:
    """A share from 0 to 1 as text: 0.826 -> 83%."""
    return f"{whole_percent(share)}%"


def points(share: float) -> str:
    """A change of a share in percentage points: +12 pts, −3 pts, 0 pts."""
    return f"{signed(whole_percent(share))} pts"


def median_level(median: float) -> int | float:
    """A median level, one way in every output (text, Markdown, JSON, HTML): 2 when whole
    (statistics.median gives 2 or 2.0 as the count is odd or even), 2.5 between two levels."""
    return int(median) if median == int(median) else median


def shorten(text: str, width: int) -> str:
    """Text cut to `width` characters at a word, ending in "…" (a bracket it opened is closed).

    "Support engineer (escalation and product expert)" at 36 -> "Support engineer (escalation…)".
    """
    if len(text) <= width:
        return text
    if width < 2:
        return text[:width]
    for room in range(width - 1, 0, -1):
        cut = text[:room]
        if text[room] != " " and " " in cut:
            cut = cut[: cut.rindex(" ")]
        cut = cut.rstrip(" ,;:-/(")
        closing = ")" if cut.count("(") > cut.count(")") else ""
        if cut and len(cut) + 1 + len(closing) <= width:
            return f"{cut}…{closing}"
    return text[: width - 1] + "…"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 inventory`, `2 inventories`: the number with its noun in the right form."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {plural or noun + 's'}"


@functools.lru_cache(maxsize=1024, typed=True)  # a batch of plans writes the same dates again
def long_date(day: dt.date) -> str:
    """A date as a plan writes it for people: Wed 2 Dec 2026 (ISO dates are for machines)."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def rating_cell(rating: Rating | None) -> str:
    """A rating in a table cell: 3, n/a, ? (unsure) or - (not rated)."""
    if rating is None:
        return "-"
    if rating.status == "unsure":
        return "?"
    return "n/a" if rating.status == "n/a" else str(rating.level)


# A rating in JSON, the same in every document: a level is an integer 0 to 5; the answers that
# are no level are the words "n/a" and "unsure"; null is not rated.
JSON_RATINGS: dict[str, int | str | None] = {
    **{str(n): n for n in range(6)},
    "n/a": "n/a",
    "?": "unsure",
    "-": None,
}


def rating_value(rating: Rating | None) -> int | str | None:
    """A rating in a JSON document: 3, "n/a", "unsure", or None (not rated)."""
    return JSON_RATINGS[rating_cell(rating)]


def gap_cell(gap: SkillGap) -> str:
    """The current level in a gaps table: 3, 3 claimed (no evidence), n/a=0 (counted as 0),
    unsure or unrated."""
    if gap.status == "n/a":
        return "n/a=0"
    if gap.current is None:
        return gap.status
    return f"{gap.current} claimed" if gap.claimed else str(gap.current)


@functools.lru_cache(maxsize=1024, typed=True)  # and the same efforts
def hours(value: float) -> str:
    """An effort in words: half an hour, 1 hour, 1.5 hours, 189 hours (whole from 10 up)."""
    if value == 0.5:
        return "half an hour"
    number = round(value) if value >= 10 else round(value, 1)
    return f"{number:g} hour{'' if number == 1 else 's'}"


def capitalize_first(text: str) -> str:
    """The first letter upper case, the rest as it is (Jinja's capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]


def md_cell(text: str) -> str:
    """User text in Markdown (a table cell, a list item, a heading): inert, careerpath.views.escape
    (a `|` would end the cell, a line break the row, `<` start HTML, `[` a link...)."""
    return md_inline(text)
