"""A team as a whole: heatmap, readiness per role, thinnest skills and who could mentor whom.

Pure: values in, values out, fast enough for a folder of a thousand inventories. Aggregates
(team medians, the thinnest skills) are never shown for a group of fewer than MIN_GROUP people;
what was hidden, and why, is part of the result.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from careerpath.core.assessment import skill_order
from careerpath.core.model import Catalogue, Inventory, Rating, Role, level_of, person_key

MIN_GROUP = 5  # aggregate views hide any group smaller than this
MENTOR_FROM = 4  # 4 advanced (coaches others), 5 sets direction
STRONG = 3  # "independent": the level that counts as strong in the thinnest-skills view
THINNEST = 5


class Mentee(NamedTuple):
    person: str
    current: int
    needed: int
    role: str  # the target role that needs the skill at `needed`


class Mentoring(NamedTuple):
    """For one skill: who is at 4 or 5, who has a gap, and one suggested mentor per mentee."""

    skill: str
    name: str
    mentors: tuple[tuple[str, int], ...]  # (person, level), highest first
    mentees: tuple[Mentee, ...]  # largest gap first
    pairs: tuple[tuple[str, str], ...]  # (mentor, mentee), mentors taken in turn


class SkillSpread(NamedTuple):
    skill: str
    name: str
    known: int  # people with a known level (n/a counts as 0)
    strong: int  # of them, at STRONG or above (or the role's level, with a role)
    median: float

    @property
    def share(self) -> float:
        return self.strong / self.known if self.known else 0.0


class Team(NamedTuple):
    size: int  # the people counted, also when their rows are hidden
    people: tuple[str, ...]  # names, or Person 1..N when anonymous
    skills: tuple[tuple[str, str], ...]  # (id, name), the heatmap's columns
    heatmap: tuple[tuple[Rating | None, ...], ...]  # per person, per skill
    roles: tuple[tuple[str, str], ...]  # (id, title)
    readiness: tuple[tuple[float, ...], ...]  # per person, per role
    median_readiness: tuple[float, ...] | None  # per role; None when hidden
    thinnest: tuple[SkillSpread, ...]
    mentoring: tuple[Mentoring, ...]
    hidden: tuple[str, ...]  # what was left out, and why
    older: int  # earlier inventories of the same people, not counted
    role: str | None  # --role, if given
    anonymous: bool
    strong_level: str  # what "strong" means in `thinnest`


def _coverage_rows(role: Role, catalogue: Catalogue) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (skill, req.level, req.importance)
        for skill, req in role.skills.items()
        if req.level > 0 and skill in catalogue.skills
    )


def readiness(ratings: dict[str, Rating], rows: Sequence[tuple[str, int, int]]) -> float:
    """careerpath.core.gaps' readiness without the per-skill detail (a team needs it many times)."""
    total = covered = 0.0
    for skill, required, importance in rows:
        total += importance
        rating = ratings.get(skill)
        if rating is not None and rating.level is not None:
            covered += importance * min(rating.level, required) / required
    return covered / total if total else 1.0


def latest_per_person(inventories: Iterable[Inventory]) -> tuple[list[Inventory], int]:
    """Each person's latest inventory (by date; the same date: the later one given), and how
    many earlier ones were set aside. People are the same when their names match, ignoring
    case and spaces at the ends."""
    latest: dict[str, Inventory] = {}
    count = 0
    for inventory in inventories:
        count += 1
        key = person_key(inventory.person)
        kept = latest.get(key)
        if kept is None or inventory.date >= kept.date:
            latest[key] = inventory
    return list(latest.values()), count - len(latest)


def _order(inventories: list[Inventory], anonymous: bool) -> tuple[list[Inventory], list[str]]:
    if not anonymous:
        ordered = sorted(inventories, key=lambda i: (i.person.casefold(), i.person))
        return ordered, [i.person for i in ordered]
    # Not alphabetical, so the order does not hint at who is who; the same on every run.
    ordered = sorted(inventories, key=lambda i: hashlib.sha256(i.person.encode()).hexdigest())
    width = len(str(len(ordered)))
    return ordered, [f"Person {n:0{width}d}" for n in range(1, len(ordered) + 1)]


def team(
    inventories: Sequence[Inventory],
    roles: Iterable[Role],
    catalogue: Catalogue,
    *,
    role: Role | None = None,
    anonymous: bool = False,
    min_group: int = MIN_GROUP,
) -> Team:
    """The team view of `inventories` (each person's latest is used)."""
    all_roles = sorted(roles, key=lambda r: r.id)
    by_id = {r.id: r for r in all_roles}
    people, older = latest_per_person(inventories)
    people, labels = _order(people, anonymous)
    hidden: list[str] = []
    size = len(people)

    if role is not None:
        columns = [s for s in skill_order(catalogue) if s in role.skills and role.skills[s].level]
        shown_roles = [role]
    else:
        rated = {s for person in people for s in person.ratings}
        columns = [s for s in skill_order(catalogue) if s in rated]
        shown_roles = all_roles
    rows = {r.id: _coverage_rows(r, catalogue) for r in shown_roles}
    readiness_table = tuple(
        tuple(readiness(person.ratings, rows[r.id]) for r in shown_roles) for person in people
    )
    heatmap = tuple(tuple(person.ratings.get(s) for s in columns) for person in people)

    everyone = readiness_table
    if anonymous and 0 < size < min_group:
        hidden.append(
            f"the rows of each person: with --anonymous, {size} people are too few to stay"
            f" anonymous (fewer than {min_group})"
        )
        labels, heatmap, readiness_table = [], (), ()

    median: tuple[float, ...] | None = None
    thinnest: tuple[SkillSpread, ...] = ()
    if size >= min_group:
        median = tuple(
            statistics.median(row[index] for row in everyone) for index in range(len(shown_roles))
        )
        spreads, small = _spreads(people, columns, catalogue, role, min_group)
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

    # Without labels (a group too small to stay anonymous) no one is paired.
    mentoring = _mentoring(people, labels_of(people, labels), columns, catalogue, by_id, role)
    strong = f"the {role.title} level" if role is not None else f"level {STRONG} or more"
    return Team(
        size=size,
        people=tuple(labels),
        skills=tuple((s, catalogue.skills[s].name) for s in columns),
        heatmap=heatmap,
        roles=tuple((r.id, r.title) for r in shown_roles),
        readiness=readiness_table,
        median_readiness=median,
        thinnest=thinnest,
        mentoring=mentoring,
        hidden=tuple(hidden),
        older=older,
        role=role.id if role is not None else None,
        anonymous=anonymous,
        strong_level=strong,
    )


def labels_of(people: Sequence[Inventory], labels: Sequence[str]) -> dict[int, str]:
    return {id(person): label for person, label in zip(people, labels, strict=False)}


def _spreads(
    people: Sequence[Inventory],
    columns: Sequence[str],
    catalogue: Catalogue,
    role: Role | None,
    min_group: int,
) -> tuple[list[SkillSpread], list[str]]:
    spreads, small = [], []
    for skill in columns:
        levels = [level for p in people if (level := level_of(p.ratings.get(skill))) is not None]
        name = catalogue.skills[skill].name
        if len(levels) < min_group:
            small.append(name)
            continue
        bar = role.skills[skill].level if role is not None else STRONG
        strong = sum(1 for level in levels if level >= bar)
        spreads.append(SkillSpread(skill, name, len(levels), strong, statistics.median(levels)))
    return spreads, small


def _mentoring(
    people: Sequence[Inventory],
    labels: dict[int, str],
    columns: Sequence[str],
    catalogue: Catalogue,
    roles: dict[str, Role],
    role: Role | None,
) -> tuple[Mentoring, ...]:
    found = []
    aims = {
        id(person): [role] if role is not None else [roles[t] for t in person.targets if t in roles]
        for person in people
    }
    for skill in columns:
        mentors: list[tuple[str, int]] = []
        mentees: list[Mentee] = []
        for person in people:
            label = labels.get(id(person))
            if label is None:
                continue
            level = level_of(person.ratings.get(skill))
            if level is None:
                continue
            if level >= MENTOR_FROM:
                mentors.append((label, level))
                continue
            needs = [
                (req.level, t.id)
                for t in aims[id(person)]
                if (req := t.skills.get(skill)) is not None and req.level > level
            ]
            if needs:
                needed, target = max(needs)
                mentees.append(Mentee(label, level, needed, target))
        if not (mentors and mentees):
            continue
        mentors.sort(key=lambda m: (-m[1], m[0]))
        mentees.sort(key=lambda m: (m.current - m.needed, m.person))
        pairs = tuple(
            (mentors[index % len(mentors)][0], mentee.person)
            for index, mentee in enumerate(mentees)
        )
        found.append(
            Mentoring(skill, catalogue.skills[skill].name, tuple(mentors), tuple(mentees), pairs)
        )
    return tuple(found)
