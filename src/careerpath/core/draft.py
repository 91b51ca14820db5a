"""An inventory in progress, and the plain data written for it.

An unfinished inventory is the same YAML as a finished one, with whatever has been answered so
far, plus a `progress:` section saying how to go on (docs/formats.md). Pure: no files here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import Field, ValidationError

from careerpath.core.model import (
    Frozen,
    Ident,
    Inventory,
    ManagerView,
    Rating,
    RatingInput,
    RoleId,
)
from careerpath.errors import CareerpathError

# The steps of the interview that are not a skill, as recorded in progress.answered.
PERSON, CURRENT_ROLE, YEARS, TARGETS = "person", "current_role", "years_in_role", "targets"
CREDENTIALS, EXPERIENCES, ASPIRATIONS = "credentials", "experiences", "aspirations"
PICK, CHECK, CHOOSE_TARGETS, REVIEW = "pick", "check", "choose_targets", "review"


def skill_key(skill_id: str, *, again: bool = False, evidence: bool = False) -> str:
    """The progress key of a skill question: `skill:x`, `skill:x.evidence`, `again:x`, ..."""
    return f"{'again' if again else 'skill'}:{skill_id}{'.evidence' if evidence else ''}"


class InventoryFields(Protocol):
    """What an inventory and a draft have in common (read-only)."""

    @property
    def person(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def current_role(self) -> str: ...
    @property
    def years_in_role(self) -> float | None: ...
    @property
    def targets(self) -> list[str]: ...
    @property
    def ratings(self) -> dict[str, Rating]: ...
    @property
    def aspirations(self) -> str: ...
    @property
    def credentials(self) -> list[str]: ...
    @property
    def experiences(self) -> list[str]: ...


@dataclass
class Draft:
    """An inventory being answered, and where the interview stands."""

    date: dt.date
    out: Path  # where the finished inventory goes
    skills: list[str]  # the skills to ask, in order
    named: bool = False  # out came from --out (else a default dated name, moved on if taken)
    replace: bool = False  # the person agreed to replace an existing out
    role: str | None = None  # --role: the quick path for this role
    update: Path | None = None  # --update: the inventory being re-assessed
    manager_for: Path | None = None  # --as-manager: the report's inventory being rated
    report_name: str = ""  # --as-manager: the report's name (the person rated)
    choose_targets: bool = False  # "not sure yet": pick targets after rating
    revisit: list[str] = field(default_factory=list)  # skills picked at the honesty check
    answered: list[str] = field(default_factory=list)  # progress keys, in order
    person: str = ""
    current_role: str = ""
    years_in_role: float | None = None
    targets: list[str] = field(default_factory=list)
    ratings: dict[str, Rating] = field(default_factory=dict)
    aspirations: str = ""
    credentials: list[str] = field(default_factory=list)
    experiences: list[str] = field(default_factory=list)

    def done(self, key: str) -> bool:
        return key in self.answered

    def mark(self, key: str) -> None:
        if key not in self.answered:
            self.answered.append(key)

    def position(self) -> str:
        """Where the interview stands, for a person: "at skill 7 of 26"."""
        for index, skill_id in enumerate(self.skills, 1):
            if not self.done(skill_key(skill_id, evidence=True)):
                return f"at skill {index} of {len(self.skills)}"
        return f"all {len(self.skills)} skills rated"

    def inventory(self) -> Inventory:
        """The finished inventory; a CareerpathError if an answer it needs is missing."""
        try:
            return Inventory.model_validate(inventory_data(self))
        except ValidationError as exc:
            where = ".".join(str(part) for part in exc.errors()[0]["loc"])
            raise CareerpathError(
                f"the inventory cannot be finished: {where} is missing or not valid;"
                " fix it in the unfinished inventory, or start again"
            ) from None


def _answers(source: Inventory | PartialInventory) -> dict[str, Any]:
    """The person's answers in an inventory or an unfinished one, as fresh mutable copies."""
    return {
        "person": source.person,
        "current_role": source.current_role,
        "years_in_role": source.years_in_role,
        "targets": list(source.targets),
        "ratings": dict(source.ratings),
        "aspirations": source.aspirations,
        "credentials": list(source.credentials),
        "experiences": list(source.experiences),
    }


def from_inventory(inventory: Inventory, *, date: dt.date, out: Path, named: bool) -> Draft:
    """A draft that starts from an earlier inventory (--update), dated `date`."""
    return Draft(
        date=date,
        out=out,
        named=named,
        skills=[],
        **_answers(inventory),
    )


def rating_data(rating: Rating) -> object:
    """The short form a person would write: `3`, `n/a`, `unsure` or `{level: 3, evidence: ...}`."""
    short: object = rating.level if rating.status == "rated" else rating.status
    return {"level": short, "evidence": rating.evidence} if rating.evidence else short


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and value == int(value) else value


def inventory_data(source: InventoryFields) -> dict[str, object]:
    """Plain data for an inventory file, fields in the documented order; empty ones left out."""
    data: dict[str, object] = {}
    if source.person:
        data["person"] = source.person
    data["date"] = source.date
    if source.current_role:
        data["current_role"] = source.current_role
    if source.years_in_role is not None:
        data["years_in_role"] = _number(source.years_in_role)
    data["targets"] = list(source.targets)
    data["ratings"] = {k: rating_data(v) for k, v in source.ratings.items()}
    if source.aspirations:
        data["aspirations"] = source.aspirations
    data["credentials"] = list(source.credentials)
    data["experiences"] = list(source.experiences)
    return data


def manager_data(view: ManagerView) -> dict[str, object]:
    """Plain data for an inventory's `manager:` section."""
    return {
        "name": view.name,
        "date": view.date,
        "ratings": {k: rating_data(v) for k, v in view.ratings.items()},
    }


def draft_data(draft: Draft) -> dict[str, object]:
    """Plain data for an unfinished inventory: the inventory so far plus `progress:`."""
    progress: dict[str, object] = {
        "out": str(draft.out),
        "named": draft.named,
        "replace": draft.replace,
        "role": draft.role,
        "update": None if draft.update is None else str(draft.update),
        "manager_for": None if draft.manager_for is None else str(draft.manager_for),
        "report_name": draft.report_name,
        "choose_targets": draft.choose_targets,
        "skills": list(draft.skills),
        "revisit": list(draft.revisit),
        "answered": list(draft.answered),
    }
    return {**inventory_data(draft), "progress": progress}


class _Progress(Frozen):
    out: str = Field(min_length=1)
    named: bool = False
    replace: bool = False
    role: RoleId | None = None
    update: str | None = None
    manager_for: str | None = None
    report_name: str = ""
    choose_targets: bool = False
    skills: list[Ident] = Field(default_factory=list)
    revisit: list[Ident] = Field(default_factory=list)
    answered: list[str] = Field(default_factory=list)


class PartialInventory(Frozen):
    """The file shape of an unfinished inventory: every inventory field optional."""

    person: str = ""
    date: dt.date
    current_role: str = ""
    years_in_role: float | None = Field(default=None, ge=0, le=60)
    targets: list[RoleId] = Field(default_factory=list)
    ratings: dict[Ident, RatingInput] = Field(default_factory=dict)
    aspirations: str = ""
    credentials: list[str] = Field(default_factory=list)
    experiences: list[str] = Field(default_factory=list)
    progress: _Progress


def from_partial(partial: PartialInventory) -> Draft:
    p = partial.progress
    return Draft(
        date=partial.date,
        out=Path(p.out),
        skills=list(p.skills),
        named=p.named,
        replace=p.replace,
        role=p.role,
        update=None if p.update is None else Path(p.update),
        manager_for=None if p.manager_for is None else Path(p.manager_for),
        report_name=p.report_name,
        choose_targets=p.choose_targets,
        revisit=list(p.revisit),
        answered=list(p.answered),
        **_answers(partial),
    )
