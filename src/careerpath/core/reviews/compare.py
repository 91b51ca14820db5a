"""Self against manager, skill by skill: where the two views differ, and what to talk about.

Pure: values in, values out. Nothing is averaged; a difference of FLAG_AT levels or more is
flagged and becomes a discussion prompt for the next one-on-one.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from careerpath.core.assessment import describe, skill_order
from careerpath.core.model import Catalogue, Inventory, Rating, level_of

FLAG_AT = 2  # levels apart
NA_RULE = "n/a counts as level 0 here, as in gaps"


class SkillView(NamedTuple):
    skill: str
    name: str
    self_rating: Rating | None
    manager: Rating | None

    @property
    def difference(self) -> int | None:
        """Manager minus self in levels (n/a as 0); None when either is unsure or unrated."""
        mine, theirs = level_of(self.self_rating), level_of(self.manager)
        if mine is None or theirs is None:
            return None
        return theirs - mine

    @property
    def flagged(self) -> bool:
        difference = self.difference
        return difference is not None and abs(difference) >= FLAG_AT

    @property
    def one_view(self) -> bool:
        """One side is unsure and the other has a level: a view to settle together."""
        if self.self_rating is None or self.manager is None:
            return False
        mine, theirs = level_of(self.self_rating), level_of(self.manager)
        return (mine is None) != (theirs is None)

    @property
    def one_sided(self) -> bool:
        """Only one side rated it at all."""
        return (self.self_rating is None) != (self.manager is None)


class Comparison(NamedTuple):
    person: str
    self_date: str
    manager: str
    manager_date: str
    rows: tuple[SkillView, ...]  # every skill either side rated, catalogue order
    flagged: tuple[SkillView, ...]  # the largest differences first
    prompts: tuple[str, ...]  # one per flagged skill, same order

    @property
    def agreed(self) -> int:
        return sum(1 for row in self.rows if row.difference == 0)

    @property
    def one_view(self) -> tuple[SkillView, ...]:
        return tuple(row for row in self.rows if row.one_view)


def _quote(text: str) -> str:
    return f"'{text.rstrip('.')}'"


Reader = Literal["self", "manager"]


def discussion_prompt(
    row: SkillView, catalogue: Catalogue, reader: Reader = "self", person: str = ""
) -> str:
    """What to talk about in the next one-on-one, for one flagged skill: said to the person
    rated (`self`), or to their manager (`manager`; `person` is the report's name)."""
    assert row.self_rating is not None and row.manager is not None
    skill = catalogue.skills[row.skill]
    mine, theirs = describe(row.self_rating), describe(row.manager)
    higher = max(level_of(row.self_rating) or 0, level_of(row.manager) or 0)
    descriptor = _quote(skill.levels.get(higher, ""))
    who = person or "they"
    whose = f"{person}'s" if person else "their"
    if reader == "manager" and (row.difference or 0) < 0:
        text = (
            f"{row.name}: {whose} rating {mine}, yours {theirs}. Ask {person or 'them'} for one"
            f" recent example that shows level {higher} ({descriptor}), and say what you would"
            " need to see to agree; if it is not there yet, agree the next step."
        )
    elif reader == "manager":
        text = (
            f"{row.name}: your rating {theirs}, {whose} {mine}. Say what you have seen that"
            f" matches level {higher} ({descriptor}); if {who} agrees, it is a strength to"
            " build on and to rate higher next time."
        )
    elif (row.difference or 0) < 0:
        text = (
            f"{row.name}: you rated {mine}, your manager {theirs}. Bring one recent example"
            f" that shows level {higher} ({descriptor}), and ask what your manager"
            f" would need to see to agree; if it is not there yet, agree the next step."
        )
    else:
        text = (
            f"{row.name}: your manager rated {theirs}, you {mine}. Ask what they have seen"
            f" that matches level {higher} ({descriptor}); if you agree, it is a"
            " strength to build on and to rate higher next time."
        )
    own, managers = (
        ("your evidence", "manager's evidence")
        if reader == "self"
        else (f"{whose} evidence", "your evidence")
    )
    evidence = [
        f"{own}: {row.self_rating.evidence}" if row.self_rating.evidence else "",
        f"{managers}: {row.manager.evidence}" if row.manager.evidence else "",
    ]
    shown = "; ".join(e for e in evidence if e)
    return f"{text} ({shown})" if shown else text


def compare(
    inventory: Inventory, catalogue: Catalogue, reader: Reader = "self"
) -> Comparison | None:
    """The two views side by side; None when the inventory has no manager rating. The
    discussion prompts speak to `reader`: the person rated, or their manager."""
    view = inventory.manager
    if view is None:
        return None
    rated = set(inventory.ratings) | set(view.ratings)
    rows = tuple(
        SkillView(
            skill_id,
            catalogue.skills[skill_id].name,
            inventory.ratings.get(skill_id),
            view.ratings.get(skill_id),
        )
        for skill_id in skill_order(catalogue)
        if skill_id in rated
    )
    place = {row.skill: index for index, row in enumerate(rows)}
    flagged = tuple(
        sorted(
            (row for row in rows if row.flagged),
            key=lambda row: (-abs(row.difference or 0), place[row.skill]),
        )
    )
    return Comparison(
        person=inventory.person,
        self_date=inventory.date.isoformat(),
        manager=view.name,
        manager_date=view.date.isoformat(),
        rows=rows,
        flagged=flagged,
        prompts=tuple(
            discussion_prompt(row, catalogue, reader, inventory.person) for row in flagged
        ),
    )
