"""A plan's goals as values, and their stable ids. Pure: values in, values out.

An id names what a goal is about, not when it is due, so the same goal has the same id in
every plan: `skill:test_design:3` (reach level 3 in test design), `relationship:qa-lead`,
`exposure:release-management`, `influence:<the first words of the practice>`, `mentor:find`,
`review:mid-plan-review`, `assess:unsure`, `bridge:<its title>` (a bridging experience).
`careerpath goals done` marks a goal done by its id, and a new plan recognises the previous
plan's goals by theirs (careerpath.core.plan.carryover).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

GoalKind = Literal[
    "skill", "mentor", "relationship", "exposure", "influence", "bridge", "assess", "review"
]

# Goals about the plan's own cycle (protect time, reviews, rating what is unsure): every plan
# has its own, so they are neither carried over nor suppressed when done in an earlier plan.
PER_PLAN: frozenset[str] = frozenset({"review", "assess"})
SLUG_LIMIT = 48
TRY = "Try: "  # a bridging experience's title in the timeline, beside "Meet: " and "See: "


class Done(NamedTuple):
    """A goal marked done (`careerpath goals done`): when, and the evidence that shows it."""

    date: dt.date
    evidence: str


class Goal(NamedTuple):
    """A SMART goal: a specific action, a measurable outcome, the evidence that shows it, an
    owner and a due date (careerpath.core.plan.smart checks that none is missing)."""

    kind: GoalKind
    title: str
    action: str
    measure: str  # the evidence that will show it is done
    owner: str
    due: dt.date | None = None
    skill: str | None = None
    level: int | None = None
    why: str = ""
    outcome: str = ""  # the measurable outcome: what will be true when it is done
    subject: str = ""  # the stakeholder group, area or practice the goal is about
    id: str = ""  # stable across plans (goal_id)
    done: Done | None = None
    carried_from: dt.date | None = None  # the start of the plan it was carried over from
    hours: float | None = None  # the effort: the person's own hours it takes
    weeks: int | None = None  # a skill step's minimum duration
    starts: dt.date | None = None  # when a skill step's work begins (careerpath.core.plan.schedule)


# Goal._replace builds a dict and maps over all seventeen fields; a plan names and dates about a
# hundred goals, so these build the new tuple at once.
_ID, _DUE, _STARTS = (Goal._fields.index(name) for name in ("id", "due", "starts"))


def with_id(goal: Goal, id_: str) -> Goal:
    """`goal._replace(id=id_)`."""
    return tuple.__new__(Goal, (*goal[:_ID], id_, *goal[_ID + 1 :]))


def due_on(goal: Goal, due: dt.date | None) -> Goal:
    """`goal._replace(due=due)`: the goal itself when that is its due date already."""
    if goal.due == due:
        return goal
    return tuple.__new__(Goal, (*goal[:_DUE], due, *goal[_DUE + 1 :]))


def scheduled(goal: Goal, starts: dt.date, due: dt.date) -> Goal:
    """`goal._replace(starts=starts, due=due)`."""
    return tuple.__new__(
        Goal, (*goal[:_DUE], due, *goal[_DUE + 1 : _STARTS], starts, *goal[_STARTS + 1 :])
    )


@functools.lru_cache(maxsize=4096)  # a batch of plans names the same goals again
def slug(text: str, limit: int = SLUG_LIMIT) -> str:
    """Lowercase words joined by hyphens, cut at a word boundary within `limit` characters."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(words) <= limit:
        return words or "goal"
    cut = words[: limit + 1]
    return (cut[: cut.rfind("-")] if "-" in cut else cut[:limit]) or "goal"


def goal_id(goal: Goal) -> str:
    """The id a goal gets from what it is about (without de-duplication)."""
    if goal.kind == "skill" and goal.skill is not None and goal.level is not None:
        return f"skill:{goal.skill}:{goal.level}"
    if goal.kind == "mentor":
        return "mentor:find"
    if goal.kind == "assess":
        return "assess:unsure"
    if goal.kind in ("relationship", "exposure") and goal.subject:
        return f"{goal.kind}:{slug(goal.subject)}"
    if goal.kind == "influence":
        return f"influence:{slug(goal.action)}"
    if goal.kind == "bridge":
        return f"bridge:{slug(goal.title.removeprefix(TRY))}"
    return f"{goal.kind}:{slug(goal.title)}"


def identify(goals: Iterable[Goal], taken: set[str]) -> tuple[Goal, ...]:
    """`goals` with their ids; an id already in `taken` gets -2, -3, ... (and joins `taken`)."""
    named = []
    for goal in goals:
        base = goal.id or goal_id(goal)
        found, number = base, 2
        while found in taken:
            found, number = f"{base}-{number}", number + 1
        taken.add(found)
        named.append(goal if goal.id == found else with_id(goal, found))
    return tuple(named)


SHORT_LIMIT = 16  # the words of a short id after its kind, at most (more when needed to tell)


def short_ids(ids: Sequence[str]) -> dict[str, str]:
    """Each id's short form within a plan, the one `careerpath goals list` shows: the id cut
    after a word, at most SHORT_LIMIT characters after its kind (`bridge:shadow-a-tester` for
    `bridge:shadow-a-tester-through-one-release-s-regression`), longer where that would be
    the start of another goal's id too, so that the short form names one goal. A skill's id
    (`skill:test_design:3`) is short already and stays whole. The ids themselves, in saved
    plans and across plans, do not change."""
    folded = sorted(i.casefold() for i in ids)

    def shared(start: str) -> bool:  # another id starts so too (the goal's own id does)
        first = bisect.bisect_left(folded, start.casefold())
        return sum(f.startswith(start.casefold()) for f in folded[first : first + 2]) > 1

    shorts: dict[str, str] = {}
    for id_ in ids:
        kind, _, rest = id_.partition(":")
        if kind == "skill" or not rest:
            shorts[id_] = id_
            continue
        words = rest.split("-")
        count = 1
        while count < len(words) and len("-".join(words[: count + 1])) <= SHORT_LIMIT:
            count += 1
        short = f"{kind}:{'-'.join(words[:count])}"
        while count < len(words) and shared(short):
            count += 1
            short = f"{kind}:{'-'.join(words[:count])}"
        shorts[id_] = id_ if count == len(words) else short
    return shorts


def matching(ids: Sequence[str], typed: str) -> tuple[str, ...]:
    """The goals `typed` names: the goal whose id it is, else every goal whose id starts with
    it (a short id, or any unambiguous prefix); case does not matter."""
    typed = typed.strip()
    if typed in ids:
        return (typed,)
    folded = typed.casefold()
    same = tuple(id_ for id_ in ids if id_.casefold() == folded)
    if same or not typed:
        return same
    return tuple(id_ for id_ in ids if id_.casefold().startswith(folded))
