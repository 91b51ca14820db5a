"""Small in-memory catalogues, roles and inventories for core tests (no files)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from careerpath.core.draft import Draft, skill_key
from careerpath.core.model import (
    Bridge,
    Catalogue,
    Inventory,
    Mentor,
    Move,
    Rating,
    Relationship,
    Requirement,
    Role,
    Skill,
    Step,
)
from careerpath.core.plan.goals import Goal
from careerpath.core.plan.values import Plan

LEVELS = {n: f"level {n} behaviour" for n in range(6)}


def skill(name: str) -> Skill:
    return Skill(
        name=name.replace("_", " ").capitalize(),
        category="technical",
        description=f"{name} description",
        levels=LEVELS,
        steps={
            n: Step(do=f"generic {name} step {n}", evidence=f"{name} evidence {n}")
            for n in range(1, 6)
        },
    )


def catalogue(*names: str) -> Catalogue:
    return Catalogue(categories={"technical": "Technical"}, skills={n: skill(n) for n in names})


def role(
    role_id: str = "target",
    actions: dict[str, dict[int, Step]] | None = None,
    more: dict[str, Any] | None = None,
    **needs: tuple[int, int],
) -> Role:
    """role(a=(level, importance), ...); `more` sets other fields (title, relationships, ...)."""
    fields: dict[str, Any] = {
        "id": role_id,
        "title": role_id.title(),
        "summary": "A role.",
        "skills": {k: Requirement(level=lv, importance=imp) for k, (lv, imp) in needs.items()},
        "mentor": Mentor(profile="Someone who made the move.", questions=["q1?"], learn=["l1"]),
        "actions": actions or {},
    }
    return Role(**{**fields, **(more or {})})


def relationship(who: str, ask: str = "Could we talk?") -> Relationship:
    return Relationship(who=who, why="They know the work.", ask=ask, signal="A follow-up agreed.")


def rating(value: int | str, evidence: str = "") -> Rating:
    """rating(3), rating("n/a"), rating(4, "Ticket 48211")"""
    if evidence:
        return Rating.model_validate({"level": value, "evidence": evidence})
    return Rating.model_validate(value)


def inventory(
    targets: list[str] | None = None,
    current_role: str = "support",
    more: dict[str, Any] | None = None,
    **ratings: int | str | Rating,
) -> Inventory:
    """inventory(a=3, b="unsure", ...); `more` sets other fields (hours_per_week, ...)."""
    return Inventory(
        person="Alex",
        date=dt.date(2026, 11, 2),
        current_role=current_role,
        targets=targets or [],
        ratings={k: v if isinstance(v, Rating) else rating(v) for k, v in ratings.items()},
        **(more or {}),
    )


def move(from_: str, to: str, builds: list[str], carries: list[str] | None = None) -> Move:
    """A move with one two-week shadowing bridge."""
    return Move(
        from_=from_,
        to=to,
        kind="lateral",
        summary=f"From {from_} to {to}.",
        carries=carries or [],
        builds=builds,
        bridges=[
            Bridge(
                kind="shadowing",
                title=f"Shadow someone in {to}",
                how="Ask their lead.",
                evidence="Notes they checked.",
                weeks=2,
                hours=8,
            )
        ],
    )


def every_goal(plan: Plan) -> tuple[Goal, ...]:
    """Every goal of a plan once: the timeline's, then the steps beyond the horizon."""
    return plan.goals + tuple(g for gp in plan.top_gaps for g in gp.later)


# --- a varied team, as plain inventory data (tests/cli/test_team_golden.py) ---------------

FIRST = ("Ana", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena")
LAST = ("Lopez", "Okafor", "Wei", "Singh", "Novak", "Moore", "Berg", "Sato", "Petrov", "O'Neil")
ODD_NAMES = ("Zoë Ångström", "Kim <Lee>", "Pat | Quinn", "Ren & Co")


def varied_team(
    count: int, seed: int, skills: list[str], roles: list[str]
) -> list[tuple[str, dict[str, object]]]:
    """(file name, inventory data) for `count` people, the same for the same arguments.

    Every kind of rating (levels, evidence, n/a, unsure, not rated), targets of one to three
    roles, a manager's view on every fourth person, and an earlier inventory for every sixth
    (one of them written with the name's case and spaces changed), plus names that need
    escaping in Markdown and HTML.
    """
    rng = random.Random(seed)
    names = [f"{first} {last}" for last in LAST for first in FIRST]
    rng.shuffle(names)
    names = [*ODD_NAMES, *names][:count]
    files: list[tuple[str, dict[str, object]]] = []
    for number, name in enumerate(names):
        date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(100, 300))
        files.append((f"p{number:03d}.yaml", _varied_person(rng, name, date, skills, roles)))
        if number % 4 == 1:
            files[-1][1]["manager"] = {
                "name": "Morgan Reyes",
                "date": date + dt.timedelta(days=3),
                "ratings": {s: rng.randint(0, 5) for s in rng.sample(skills, 8)},
            }
        if number % 6 == 2:
            earlier = date - dt.timedelta(days=rng.randint(30, 90))
            older = name.upper() + " " if number % 12 == 2 else name
            files.append(
                (f"p{number:03d}-old.yaml", _varied_person(rng, older, earlier, skills, roles))
            )
    return files


def _varied_person(
    rng: random.Random, name: str, date: dt.date, skills: list[str], roles: list[str]
) -> dict[str, object]:
    ratings: dict[str, object] = {}
    for skill_id in skills:
        draw = rng.random()
        if draw < 0.06:
            continue  # not rated
        if draw < 0.10:
            ratings[skill_id] = "n/a"
        elif draw < 0.15:
            ratings[skill_id] = "unsure"
        elif draw < 0.45:
            ratings[skill_id] = {
                "level": rng.randint(0, 5),
                "evidence": f"Ticket {rng.randint(10000, 99999)}: what I did, and who saw it.",
            }
        else:
            ratings[skill_id] = rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5))
    return {
        "person": name,
        "date": date,
        "current_role": rng.choice([*roles, "service desk"]),
        "years_in_role": rng.randint(0, 20) / 2,
        "targets": rng.sample(roles, rng.randint(1, min(3, len(roles)))),
        "ratings": ratings,
    }


TODAY = dt.date(2026, 11, 23)


def unfinished(out: Path) -> Draft:
    """An unfinished inventory of two skills, three answers in."""
    draft = Draft(date=TODAY, out=out, skills=["troubleshooting", "scripting"], role="testing")
    draft.person = "Sam Rivera"
    draft.current_role = "support"
    draft.years_in_role = 3.0
    draft.targets = ["testing"]
    draft.ratings = {
        "troubleshooting": rating(4, "Ticket 48211: SSO loop"),
        "scripting": rating("unsure"),
    }
    draft.credentials = ["CompTIA A+"]
    for key in ["person", "current_role", skill_key("troubleshooting")]:
        draft.mark(key)
    return draft


# --- a team: inventories as they are written in YAML --------------------------------------

NAMES = ["Ana Lopez", "Ben Okafor", "Chen Wei", "Dara Singh", "Eli Novak", "Fay Moore"]


def member(
    name: str, levels: dict[str, object], *, day: int = 2, targets: list[str] | None = None
) -> dict[str, object]:
    """One person's inventory as the mapping its YAML file holds."""
    return {
        "person": name,
        "date": dt.date(2026, 11, day),
        "current_role": "support",
        "targets": targets or ["testing"],
        "ratings": levels,
    }


def team_of(count: int) -> list[dict[str, object]]:
    """Up to six people: Ana at 5 in troubleshooting, Chen unsure of scripting, all n/a in
    people leadership, the rest spread."""
    return [
        member(
            name,
            {
                "troubleshooting": 5 if index == 0 else index % 3,
                "test_design": (index + 1) % 6,
                "scripting": "unsure" if index == 2 else index % 2,
                "people_leadership": "n/a",
            },
        )
        for index, name in enumerate(NAMES[:count])
    ]
