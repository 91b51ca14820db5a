"""A team as a whole: heatmap, readiness per role, thinnest skills and who could mentor whom.

Pure: values in, values out, in two steps so that a folder of fifty thousand inventories needs
neither fifty thousand models in memory nor one process:

1. `summarise(inventory, scope)`: the little the view needs of one inventory, a `PersonRow`
   (a code per skill, the mentoring gaps, readiness per role). It runs wherever the file is
   read, in a worker process or not.
2. `Tally`: the rows as they come, in any order, each person's latest kept; `finish()` builds
   the `Team`. Counts per level come from the rows' codes column by column, medians from those
   counts, and the mentoring lists keep the first MENTORING_LISTED per skill (the totals are
   kept beside them).

Aggregates (team medians, the thinnest skills) are never shown for a group of fewer than
MIN_GROUP people; what was hidden, and why, is part of the result.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import statistics
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from careerpath.core.assessment import skill_order
from careerpath.core.gaps import (
    Baseline,
    Board,
    Scale,
    baseline_for,
    board_of,
    level_of_state,
    rating_state,
    scale_of,
    score_board,
)
from careerpath.core.model import Catalogue, Inventory, Rating, Role, person_key
from careerpath.errors import flag

MIN_GROUP = 5  # aggregate views hide any group smaller than this
MENTOR_FROM = 4  # 4 advanced (coaches others), 5 sets direction
STRONG = 3  # "independent": the level that counts as strong in the thinnest-skills view
THINNEST = 5
MENTORING_LISTED = 100  # mentors, and mentees, listed per skill; the rest are counted

# One character per skill in a PersonRow: a level, n/a, unsure or not rated.
NOT_APPLICABLE, UNSURE, NOT_RATED = "n", "?", "-"
CELLS = {**{str(n): str(n) for n in range(6)}, NOT_APPLICABLE: "n/a", UNSURE: "?", NOT_RATED: "-"}
NO_GAP = "0"  # in PersonRow.gaps: not a mentee for that skill
_ROLE_BASE = 0x41  # PersonRow.aims: chr(_ROLE_BASE + index into Scope.role_ids)


class Mentee(NamedTuple):
    person: str
    current: int
    needed: int
    role: str  # the target role that needs the skill at `needed`


class Mentoring(NamedTuple):
    """For one skill: who is at 4 or 5, who has a gap, and one suggested mentor per mentee.

    At most MENTORING_LISTED of each are listed (the highest levels, the largest gaps); the
    totals count them all."""

    skill: str
    name: str
    mentors: tuple[tuple[str, int], ...]  # (person, level), highest first
    mentees: tuple[Mentee, ...]  # largest gap first
    pairs: tuple[tuple[str, str], ...]  # (mentor, mentee), mentors taken in turn
    mentors_total: int = 0
    mentees_total: int = 0


class SkillSpread(NamedTuple):
    skill: str
    name: str
    known: int  # people with a known level (n/a counts as 0)
    strong: int  # of them, at STRONG or above (or the role's level, with a role)
    median: float

    @property
    def share(self) -> float:
        return self.strong / self.known if self.known else 0.0


class Scope(NamedTuple):
    """What every row is computed against: the same for the whole team, sent to each worker."""

    skills: tuple[str, ...]  # every catalogue skill, in the assessment's order
    roles: tuple[tuple[str, str], ...]  # (id, title) of the roles shown: every role, or --role
    shown: tuple[Role, ...]  # the roles shown: every role, or --role
    scales: Scales  # careerpath.core.gaps' scales, kept per worker
    role_ids: tuple[str, ...]  # every role, by id: PersonRow.aims points into it
    needs: dict[str, tuple[int, ...]]  # per role id: the level it needs of each skill (0: none)
    tops: dict[tuple[str, ...], tuple[tuple[int, str], ...]]  # per set of aims (_tops), kept
    role: str | None  # --role
    anonymous: bool


class PersonRow(NamedTuple):
    """One inventory as the team view needs it; small, so that it travels between processes
    cheaply and fifty thousand of them fit in memory."""

    person: str
    key: str  # careerpath.core.model.person_key
    date: int  # the inventory's date, as an ordinal
    cells: str  # one code per Scope.skills: 0-5, n (n/a), ? (unsure), - (not rated)
    gaps: str  # per skill: the levels a mentee is short of (1-5), or NO_GAP
    aims: str  # per skill with a gap: the target role that needs it (chr(_ROLE_BASE + index))
    readiness: tuple[float, ...]  # per Scope.roles
    order: str  # with --anonymous, the order of the rows (a hash, so not alphabetical)


class Team(NamedTuple):
    size: int  # the people counted, also when their rows are hidden
    people: tuple[str, ...]  # names, or Person 1..N when anonymous
    skills: tuple[tuple[str, str], ...]  # (id, name), the heatmap's columns
    rows: tuple[PersonRow, ...]  # one per person shown, in the order of `people`
    columns: tuple[int, ...]  # where each of `skills` is in a row's cells
    roles: tuple[tuple[str, str], ...]  # (id, title)
    median_readiness: tuple[float, ...] | None  # per role; None when hidden
    thinnest: tuple[SkillSpread, ...]
    mentoring: tuple[Mentoring, ...]
    hidden: tuple[str, ...]  # what was left out, and why
    older: int  # earlier inventories of the same people, not counted
    role: str | None  # --role, if given
    anonymous: bool
    strong_level: str  # what "strong" means in `thinnest`

    @property
    def heatmap(self) -> Cells:
        """Per person, per skill: 0-5, n/a, ? or - (careerpath.views.formatting.rating_cell)."""
        return Cells(self.rows, self.columns)

    @property
    def readiness(self) -> tuple[tuple[float, ...], ...]:
        return tuple(row.readiness for row in self.rows)


class Cells(Sequence[tuple[str, ...]]):
    """The heatmap's cells, made row by row when read, not kept."""

    def __init__(self, rows: Sequence[PersonRow], columns: Sequence[int]) -> None:
        self.rows, self.columns = rows, columns

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, ...]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, ...] | Sequence[tuple[str, ...]]:
        if isinstance(index, slice):
            return Cells(self.rows[index], self.columns)
        cells = self.rows[index].cells
        return tuple(CELLS[cells[column]] for column in self.columns)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        for row in self.rows:
            yield tuple(CELLS[row.cells[column]] for column in self.columns)


# --- 1. one inventory --------------------------------------------------------------------


def scope(
    roles: Iterable[Role],
    catalogue: Catalogue,
    *,
    role: Role | None = None,
    anonymous: bool = False,
) -> Scope:
    all_roles = sorted(roles, key=lambda r: r.id)
    skills = tuple(skill_order(catalogue))
    shown = [role] if role is not None else all_roles
    return Scope(
        skills=skills,
        roles=tuple((r.id, r.title) for r in shown),
        shown=tuple(shown),
        scales=Scales(all_roles),
        role_ids=tuple(r.id for r in all_roles),
        needs={
            r.id: tuple(req.level if (req := r.skills.get(s)) else 0 for s in skills)
            for r in all_roles
        },
        tops={},
        role=role.id if role is not None else None,
        anonymous=anonymous,
    )


class Scales:
    """careerpath.core.gaps' Scale of each role for each current role, kept: readiness is that
    one computation (score_states), and a team has few of each."""

    def __init__(self, roles: Sequence[Role]) -> None:
        self.roles = roles
        self.baselines: dict[str, Baseline] = {}
        self.scales: dict[tuple[str, str], Scale] = {}
        self.boards: dict[str, Board] = {}

    def board(self, shown: Sequence[Role], current_role: str) -> Board:
        """The scales of the `shown` roles (the same every call) for `current_role`, summed at
        once (careerpath.core.gaps.Board)."""
        found = self.boards.get(current_role)
        if found is None:
            found = self.boards[current_role] = board_of(
                [self.scale(role, current_role) for role in shown]
            )
        return found

    def scale(self, role: Role, current_role: str) -> Scale:
        key = (role.id, current_role)
        found = self.scales.get(key)
        if found is None:
            baseline = self.baselines.get(current_role)
            if baseline is None:
                baseline = self.baselines[current_role] = baseline_for(current_role, self.roles)
            found = self.scales[key] = scale_of(role, baseline)
        return found


_CODES = {"unsure": UNSURE, "n/a": NOT_APPLICABLE}


def _code(rating: Rating | None) -> str:
    if rating is None:
        return NOT_RATED
    found = _CODES.get(rating.status)
    if found is not None:
        return found
    return str(rating.level)


def _tops(scope: Scope, aims: Sequence[str]) -> tuple[tuple[int, str], ...]:
    """Per skill, the highest level any of `aims` needs and the aim's letter (PersonRow.aims),
    on a tie the aim whose id sorts last: the mentee's gap is to it. Kept per set of aims (a
    team has few)."""
    key = tuple(aims)
    found = scope.tops.get(key)
    if found is None:
        wanted = [(scope.needs[aim], aim) for aim in aims if aim in scope.needs]
        found = tuple(
            max(((needs[n], _letter(scope, aim)) for needs, aim in wanted), default=(0, " "))
            for n in range(len(scope.skills))
        )
        scope.tops[key] = found
    return found


def _letter(scope: Scope, role: str) -> str:
    return chr(_ROLE_BASE + scope.role_ids.index(role))


def summarise(inventory: Inventory, scope: Scope) -> PersonRow:
    """The team view's row for `inventory`: one pass over the skills for the cells, the states
    readiness reads and the mentoring gaps."""
    ratings = inventory.ratings
    codes: list[str] = []
    gaps: list[str] = []
    targets: list[str] = []
    states: dict[str, int] = {}
    tops = _tops(scope, [scope.role] if scope.role is not None else inventory.targets)
    for skill, (need, aim) in zip(scope.skills, tops, strict=True):
        rating = ratings.get(skill)
        if rating is None:
            codes.append(NOT_RATED)
            gaps.append(NO_GAP)
            targets.append(" ")
            continue
        codes.append(_code(rating))
        states[skill] = state = rating_state(rating)
        level = level_of_state(state)  # n/a as 0; unsure unknown
        if level is None or level >= MENTOR_FROM or need <= level:
            gaps.append(NO_GAP)
            targets.append(" ")
        else:
            gaps.append(str(need - level))
            targets.append(aim)
    order = hashlib.sha256(inventory.person.encode()).hexdigest() if scope.anonymous else ""
    board = scope.scales.board(scope.shown, inventory.current_role)
    return PersonRow(
        person=inventory.person,
        key=person_key(inventory.person),
        date=inventory.date.toordinal(),
        cells="".join(codes),
        gaps="".join(gaps),
        aims="".join(targets),
        readiness=tuple(score.low for score in score_board(states, board)),
        order=order,
    )


# --- 2. the team -------------------------------------------------------------------------


class Tally:
    """Rows as they come, in any order: each person's latest inventory (by date; the same date:
    the later file, by `index`), and how many earlier ones were set aside. People are the same
    when their names match, ignoring case and spaces at the ends."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.latest: dict[str, tuple[int, int, PersonRow]] = {}
        self.count = 0

    def add(self, row: PersonRow, index: int) -> None:
        self.count += 1
        kept = self.latest.get(row.key)
        if kept is None or (row.date, index) > kept[:2]:
            self.latest[row.key] = (row.date, index, row)

    @property
    def older(self) -> int:
        return self.count - len(self.latest)

    def finish(
        self,
        catalogue: Catalogue,
        role: Role | None,
        *,
        min_group: int = MIN_GROUP,
        listed: int = MENTORING_LISTED,
    ) -> Team:
        return _team(self, catalogue, role, min_group, listed)


def team(
    inventories: Iterable[Inventory],
    roles: Iterable[Role],
    catalogue: Catalogue,
    *,
    role: Role | None = None,
    anonymous: bool = False,
    min_group: int = MIN_GROUP,
    listed: int = MENTORING_LISTED,
) -> Team:
    """The team view of `inventories` (each person's latest is used)."""
    frame = scope(roles, catalogue, role=role, anonymous=anonymous)
    tally = Tally(frame)
    for index, inventory in enumerate(inventories):
        tally.add(summarise(inventory, frame), index)
    return tally.finish(catalogue, role, min_group=min_group, listed=listed)


def _ordered(rows: Iterable[PersonRow], anonymous: bool) -> tuple[list[PersonRow], list[str]]:
    if not anonymous:
        ordered = sorted(rows, key=lambda r: (r.person.casefold(), r.person))
        return ordered, [r.person for r in ordered]
    # Not alphabetical, so the order does not hint at who is who; the same on every run.
    ordered = sorted(rows, key=lambda r: r.order)
    width = len(str(len(ordered)))
    return ordered, [f"Person {n:0{width}d}" for n in range(1, len(ordered) + 1)]


class _Columns:
    """The rows' codes, one string per skill (position = the person's place in the order)."""

    def __init__(self, rows: Sequence[PersonRow], width: int) -> None:
        self.width = width
        self.cells = "".join(row.cells for row in rows)
        self.gaps = "".join(row.gaps for row in rows)
        self.aims = "".join(row.aims for row in rows)

    def cells_of(self, skill: int) -> str:
        return self.cells[skill :: self.width]

    def gaps_of(self, skill: int) -> str:
        return self.gaps[skill :: self.width]

    def aims_of(self, skill: int) -> str:
        return self.aims[skill :: self.width]


def _team(
    tally: Tally, catalogue: Catalogue, role: Role | None, min_group: int, listed: int
) -> Team:
    frame = tally.scope
    rows, labels = _ordered((row for _, _, row in tally.latest.values()), frame.anonymous)
    if frame.anonymous:  # no name, nor anything made from one, stays in the result
        named = zip(rows, labels, strict=True)
        rows = [row._replace(person=label, key="", order="") for row, label in named]
    size = len(rows)
    columns = _Columns(rows, len(frame.skills))
    if role is not None:
        shown = [n for n, s in enumerate(frame.skills) if s in role.skills and role.skills[s].level]
    else:
        shown = [n for n in range(len(frame.skills)) if columns.cells_of(n).count(NOT_RATED) < size]
    hidden: list[str] = []

    median: tuple[float, ...] | None = None
    thinnest: tuple[SkillSpread, ...] = ()
    if size >= min_group:
        per_role = zip(*(row.readiness for row in rows), strict=True)
        median = tuple(statistics.median(values) for values in per_role)
        spreads, small = _spreads(columns, frame, shown, catalogue, role, min_group)
        thinnest = tuple(sorted(spreads, key=lambda s: (s.share, s.median, s.skill))[:THINNEST])
        if small:
            hidden.append(
                f"{len(small)} skills from the thinnest-skills view, because fewer than"
                f" {min_group} people have a known level in them: {', '.join(small)}"
            )
    elif size:
        hidden.append(
            f"the team medians and the thinnest skills: aggregates of fewer than {min_group}"
            f" people ({size} here) would point at individuals"
        )

    mentoring: tuple[Mentoring, ...] = ()
    if anonymous_and_small := frame.anonymous and 0 < size < min_group:
        hidden.insert(
            0,
            f"the rows of each person: with {flag('anonymous')}, {size} people are too few to stay"
            f" anonymous (fewer than {min_group})",
        )
        # Without labels (a group too small to stay anonymous) no one is paired.
    else:
        mentoring = _mentoring(columns, labels, frame, shown, catalogue, listed)
    strong = f"the {role.title} level" if role is not None else f"level {STRONG} or more"
    return Team(
        size=size,
        people=() if anonymous_and_small else tuple(labels),
        skills=tuple((frame.skills[n], catalogue.skills[frame.skills[n]].name) for n in shown),
        rows=() if anonymous_and_small else tuple(rows),
        columns=tuple(shown),
        roles=frame.roles,
        median_readiness=median,
        thinnest=thinnest,
        mentoring=mentoring,
        hidden=tuple(hidden),
        older=tally.older,
        role=frame.role,
        anonymous=frame.anonymous,
        strong_level=strong,
    )


def level_counts(cells: str) -> list[int]:
    """How many people are at each level 0-5 in one skill's codes (n/a counts as 0)."""
    counts = [cells.count(str(level)) for level in range(6)]
    counts[0] += cells.count(NOT_APPLICABLE)
    return counts


def counted_median(counts: Sequence[int]) -> float:
    """statistics.median of the levels that `counts` counts, without listing them: the middle
    level (an int) for an odd number, else the mean of the two middle ones (a float)."""
    known = sum(counts)

    def at(place: int) -> int:
        seen = 0
        for level, count in enumerate(counts):
            seen += count
            if place < seen:
                return level
        raise IndexError(place)

    if known % 2:
        return at(known // 2)
    return (at(known // 2 - 1) + at(known // 2)) / 2


def _spreads(
    columns: _Columns,
    frame: Scope,
    shown: Sequence[int],
    catalogue: Catalogue,
    role: Role | None,
    min_group: int,
) -> tuple[list[SkillSpread], list[str]]:
    spreads, small = [], []
    for index in shown:
        skill = frame.skills[index]
        counts = level_counts(columns.cells_of(index))
        known = sum(counts)
        name = catalogue.skills[skill].name
        if known < min_group:
            small.append(name)
            continue
        bar = role.skills[skill].level if role is not None else STRONG
        strong = sum(counts[bar:])
        spreads.append(SkillSpread(skill, name, known, strong, counted_median(counts)))
    return spreads, small


def _mentoring(
    columns: _Columns,
    labels: Sequence[str],
    frame: Scope,
    shown: Sequence[int],
    catalogue: Catalogue,
    listed: int,
) -> tuple[Mentoring, ...]:
    found = []
    for index in shown:
        cells, gaps = columns.cells_of(index), columns.gaps_of(index)
        mentors_total = cells.count("4") + cells.count("5")
        mentees_total = len(gaps) - gaps.count(NO_GAP)
        if not (mentors_total and mentees_total):
            continue
        mentors: list[tuple[str, int]] = []
        for level in (5, 4):
            if len(mentors) >= listed:
                break
            at_level = [labels[m.start()] for m in re.finditer(str(level), cells)]
            mentors += [(name, level) for name in heapq.nsmallest(listed - len(mentors), at_level)]
        aims = columns.aims_of(index)
        mentees: list[Mentee] = []
        for gap in range(5, 0, -1):
            if len(mentees) >= listed:
                break
            places = {labels[m.start()]: m.start() for m in re.finditer(str(gap), gaps)}
            for name in heapq.nsmallest(listed - len(mentees), places):
                place = places[name]
                current = 0 if cells[place] == NOT_APPLICABLE else int(cells[place])
                target = frame.role_ids[ord(aims[place]) - _ROLE_BASE]
                mentees.append(Mentee(name, current, current + gap, target))
        pairs = tuple(
            (mentors[number % len(mentors)][0], mentee.person)
            for number, mentee in enumerate(mentees)
        )
        skill = frame.skills[index]
        found.append(
            Mentoring(
                skill,
                catalogue.skills[skill].name,
                tuple(mentors),
                tuple(mentees),
                pairs,
                mentors_total,
                mentees_total,
            )
        )
    return tuple(found)
