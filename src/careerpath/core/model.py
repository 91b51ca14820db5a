"""The data model: the skill catalogue, role profiles and self-inventories.

Pydantic checks each file's shape (strict types, no unknown fields); cross-file references
(a role naming a skill the catalogue lacks) are checked in careerpath.core.checks.
"""

import datetime as dt
from typing import (
    Annotated,
    Any,
    Literal,
    Required,  # pydantic needs these on Python 3.11
)

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from typing_extensions import TypedDict

from careerpath.errors import flag

MIN_LEVEL, MAX_LEVEL = 0, 5
MIN_IMPORTANCE, MAX_IMPORTANCE = 1, 5
LEVEL_NAMES = ("none", "aware", "with guidance", "independent", "advanced", "sets direction")
NOT_APPLICABLE = "n/a"
UNSURE = "unsure"


def _whole_number(low: int, high: int) -> BeforeValidator:
    def check(value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number from {low} to {high}, got {value!r}")
        if not low <= value <= high:
            raise ValueError(f"must be {low} to {high}, got {value}")
        return value

    return BeforeValidator(check, json_schema_input_type=int)


Level = Annotated[int, _whole_number(MIN_LEVEL, MAX_LEVEL), Field(ge=MIN_LEVEL, le=MAX_LEVEL)]
StepLevel = Annotated[int, _whole_number(1, MAX_LEVEL), Field(ge=1, le=MAX_LEVEL)]
Importance = Annotated[
    int, _whole_number(MIN_IMPORTANCE, MAX_IMPORTANCE), Field(ge=MIN_IMPORTANCE, le=MAX_IMPORTANCE)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
# Role ids also allow hyphens (support-engineer, team-lead): they name files, not YAML keys
# that code reads, and profiles are named the way people write them.
RoleId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
OnetElement = Annotated[str, StringConstraints(pattern=r"^[0-9](\.[A-Za-z0-9]+)+$")]
OnetCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$")]


class Frozen(BaseModel):
    # defer_build: a validator is built on first use, so a command that reads the cached
    # library builds only the inventory's validators, not those of every model.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class Step(Frozen):
    """One step up a skill: what to do, the evidence that shows it is done, and its effort."""

    do: Text
    evidence: Text
    hours: Annotated[int, _whole_number(1, 200), Field(ge=1, le=200)] | None = Field(
        None, description="The effort: hours of the person's own time the step takes."
    )
    weeks: Annotated[int, _whole_number(0, 52), Field(ge=0, le=52)] | None = Field(
        None,
        description="The minimum calendar time in weeks (0: no minimum), e.g. 12 for a step"
        " that runs 'for a quarter'.",
    )


class Skill(Frozen):
    name: Text
    category: Ident
    description: Text
    onet: OnetElement | None = None
    levels: dict[Level, Text] = Field(description="An observable descriptor for every level 0-5.")
    steps: dict[StepLevel, Step] = Field(
        description="Generic actions; key n says how to get from level n-1 to n."
    )


class Catalogue(Frozen):
    categories: dict[Ident, Text] = {}
    skills: dict[Ident, Skill] = {}


class Requirement(Frozen):
    level: Level
    importance: Importance


class OnetLink(Frozen):
    code: OnetCode
    title: Text


class Credential(Frozen):
    name: Text
    why: str = ""


class Experience(Frozen):
    name: Text
    how: str = ""


class Relationship(Frozen):
    who: Text
    why: str = ""
    ask: Text
    signal: str = Field(
        default="",
        description="The success signal: what will show the relationship works. A plan goal"
        " without one is not measurable, and careerpath plan warns about it.",
    )


class Exposure(Frozen):
    area: Text
    how: Text


class Mentor(Frozen):
    profile: Text
    learn: list[Text] = []
    questions: list[Text] = []
    cadence: Text = "every two weeks"


class Reputation(Frozen):
    """How a person's work becomes known to the people in a role: what to make visible."""

    do: Text = Field(description="What to do, in the person's current work, that they will see.")
    evidence: Text = Field(description="What shows it, counted or collected each month.")
    signal: Text = Field(description="The success signal: what will show it works.")


class Role(Frozen):
    id: RoleId
    title: Text
    direction: Text | None = Field(
        default=None,
        description="A short noun phrase for the kind of work, read after 'into' or 'in': e.g."
        " 'testing', 'development'. Without it, plans say 'the <title> role'.",
    )
    summary: Text
    onet: OnetLink | None = None
    skills: dict[Ident, Requirement] = Field(min_length=1)
    credentials: list[Credential] = []
    experiences: list[Experience] = []
    relationships: list[Relationship] = []
    exposure: list[Exposure] = []
    mentor: Mentor
    influence: list[Text] = []
    reputation: Reputation | None = Field(
        default=None,
        description="How a person's work becomes visible to people in this role; without it,"
        " plans use a generic text.",
    )
    actions: dict[Ident, dict[StepLevel, Step]] = Field(
        default={},
        description="Role-specific steps per skill; they replace the catalogue's for this role.",
    )


# --- the lattice: moves between roles ---------------------------------------------------

MoveKind = Literal["step-up", "lateral", "diagonal", "step-back"]
BridgeKind = Literal["shadowing", "secondment", "trial-project", "apprenticeship"]
OnetTier = Literal["Primary-Short", "Primary-Long", "Supplemental"]
MOVE_KINDS: dict[str, str] = {
    "step-up": "step up",
    "lateral": "lateral",
    "diagonal": "diagonal",
    "step-back": "step back",
}


class Bridge(Frozen):
    """A way to try a move before applying for it: bounded, agreed with a manager, evidenced."""

    kind: BridgeKind
    title: Text
    how: Text = Field(description="How to arrange it from the current seat, and with whom.")
    evidence: Text = Field(description="What shows it went well: the outcome to bring back.")
    weeks: Annotated[int, _whole_number(1, 52), Field(ge=1, le=52)] = Field(
        description="How long it runs, in calendar weeks."
    )
    hours: Annotated[int, _whole_number(1, 600), Field(ge=1, le=600)] = Field(
        description="The hours it takes in all (work time agreed with a manager, or own time)."
    )


class Move(Frozen):
    """A move from one role to another; a move A -> B says nothing about B -> A."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True)

    from_: RoleId = Field(alias="from", description="The role the move starts from.")
    to: RoleId = Field(description="The role the move leads to.")
    kind: MoveKind = Field(
        description="step-up (more scope or seniority), lateral (another craft at the same"
        " seniority), diagonal (another craft and more seniority) or step-back (a more junior"
        " role, to get into a new craft)."
    )
    summary: Text = Field(description="One or two sentences on the move, in plain words.")
    carries: list[Ident] = Field(
        default=[], description="Skills both roles ask for: what the person takes along."
    )
    builds: list[Ident] = Field(
        default=[], description="Skills the target asks more of: what must be built."
    )
    bridges: list[Bridge] = Field(
        default=[], description="Experiences that let a person try the move before applying."
    )
    onet: OnetTier | None = Field(
        default=None,
        description="O*NET's related-occupation tier of the link from the first role's"
        " occupation to the second's, where O*NET lists one (links are directed).",
    )


class Lattice(Frozen):
    """The moves between roles (roles/lattice.yaml); an organisation's file adds or replaces."""

    entry: RoleId | None = Field(
        default=None,
        description="The role a support career starts in: where `careerpath paths` starts for"
        " a person whose current role is not a role profile.",
    )
    moves: list[Move] = []

    def moves_from(self, role_id: str) -> list[Move]:
        return [m for m in self.moves if m.from_ == role_id]

    def move(self, from_role: str, to_role: str) -> Move | None:
        return next((m for m in self.moves if m.from_ == from_role and m.to == to_role), None)


Status = Literal["rated", "n/a", "unsure"]


class Rating(Frozen):
    """A self-rating of one skill: a level, or n/a, or unsure; evidence is optional."""

    level: int | None = None
    status: Status = "rated"
    evidence: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_short_forms(cls, value: Any) -> Any:
        """Accept `3`, `n/a`, `unsure` or `{level: 3, evidence: ...}` as written in YAML."""
        if isinstance(value, dict):
            value = dict(value)
            if "status" in value:
                raise ValueError("has a status field; write level: 0 to 5, n/a or unsure instead")
            level = value.pop("level", None)
            if level is None:
                raise ValueError("needs a level: 0 to 5, n/a or unsure")
            return {**_level_or_word(level), **value}
        return _level_or_word(value)

    @property
    def comparable_level(self) -> int | None:
        """The level to compare, count and subtract: n/a counts as 0 (the work has not needed
        the skill), unsure is unknown (None), never guessed."""
        if self.status == UNSURE:
            return None
        return 0 if self.level is None else self.level


def person_key(name: str) -> str:
    """Who a file is about: the same person whatever the case or the spaces at the ends."""
    return name.strip().casefold()


def same_person(one: str, other: str) -> bool:
    """Whether two names are one person's (files are matched by the `person` they name)."""
    return person_key(one) == person_key(other)


def level_of(rating: Rating | None) -> int | None:
    """The comparable level of a skill's rating, if any: None also when it is not rated."""
    return None if rating is None else rating.comparable_level


def _level_or_word(value: object) -> dict[str, object]:
    if isinstance(value, str) and value.strip().lower() in {"n/a", "na", "not applicable"}:
        return {"status": NOT_APPLICABLE}
    if isinstance(value, str) and value.strip().lower() in {"unsure", "not sure", "?"}:
        return {"status": UNSURE}
    if value is None:
        raise ValueError("is missing; write a level 0 to 5, n/a or unsure after the colon")
    if isinstance(value, str) and value.strip().isdigit():  # "3": quoted, so text
        raise ValueError(
            f'is the text "{value.strip()}" in quotes, not a number; write the level without'
            " the quotes"
        )
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LEVEL:
        raise ValueError(f"must be a level 0 to 5, n/a or unsure, got {value!r}")
    return {"level": value, "status": "rated"}


def _iso_date(value: object) -> object:
    """A quoted date is still a date: YAML 1.2 has no date type, so accept the text form."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


LevelOrWord = Annotated[int, Field(ge=0, le=5)] | Literal["n/a", "unsure"]


class RatingForm(TypedDict, total=False):
    """How a rating with evidence is written in YAML (for the JSON Schema)."""

    level: Required[LevelOrWord]
    evidence: str


RatingInput = Annotated[
    Rating,
    BeforeValidator(
        lambda value: value,
        json_schema_input_type=LevelOrWord | RatingForm,
    ),
]


class ManagerView(Frozen):
    """A manager's rating of the same skills, kept beside the self-rating, never averaged in."""

    name: Text = Field(description="The manager who rated.")
    date: Annotated[dt.date, BeforeValidator(_iso_date, json_schema_input_type=dt.date)] = Field(
        description="When the manager rated, YYYY-MM-DD."
    )
    ratings: dict[Ident, RatingInput] = {}


class Inventory(Frozen):
    person: Text
    date: Annotated[dt.date, BeforeValidator(_iso_date, json_schema_input_type=dt.date)] = Field(
        description="When the inventory was taken, YYYY-MM-DD."
    )
    current_role: Text = Field(description="A role id such as support, or free text.")
    years_in_role: Annotated[float, Field(ge=0, le=60)] | None = None
    hours_per_week: Annotated[float, Field(ge=0.5, le=40)] | None = Field(
        default=None,
        description="Hours a week the person can give to their development; plans fit them."
        " Without it, plans assume careerpath's default (the plan says so).",
    )
    targets: list[RoleId] = []
    ratings: dict[Ident, RatingInput] = {}
    aspirations: str = ""
    credentials: list[Text] = []
    experiences: list[Text] = []
    manager: ManagerView | None = Field(
        default=None,
        description="The manager's view of the same skills (careerpath assess"
        f" {flag('as_manager')}).",
    )

    @field_validator("targets")
    @classmethod
    def _targets_unique(cls, targets: list[str]) -> list[str]:
        twice = sorted({t for t in targets if targets.count(t) > 1})
        if twice:
            raise ValueError(f"lists {', '.join(twice)} more than once; list each role once")
        return targets
