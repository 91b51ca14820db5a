"""The rules of the self-inventory: which skills to ask, the choices, and the honesty checks.

Pure: values in, values out. The questions themselves are asked by careerpath.edges.interview.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from careerpath.core.model import (
    LEVEL_NAMES,
    NOT_APPLICABLE,
    UNSURE,
    Catalogue,
    Rating,
    Role,
    Skill,
)

QUICK_COUNT = 10  # --role asks the role's ten most important skills
EVIDENCE_FROM = 3  # evidence is asked for ratings of 3 (independent) or more
SAME_MINIMUM = 5  # "every rating the same" needs at least this many answers to mean anything
HIGH = 4  # 4 advanced, 5 sets direction
HIGH_WITHOUT_EVIDENCE_LIMIT = 3  # this many high ratings with no evidence is "many"

CONSERVATIVE_NOTE = (
    "Rate what you do now, on an ordinary week, not what you could do or hope to do. When torn"
    " between two levels, pick the lower one. 'not sure' is a fine answer: it is never counted"
    " as a zero or guessed; it is listed as something to assess. An honest, conservative"
    " inventory gives a plan you can actually follow."
)


def conservative_note(about: str | None = None) -> str:
    """The note before the skills: to the person rating themselves, or (`about`: the report's
    name) to a manager rating someone else."""
    if about is None:
        return CONSERVATIVE_NOTE
    return (
        f"Rate what {about} does now, on an ordinary week, not what they could do or might do"
        " with time. When torn between two levels, pick the lower one. 'not sure' is a fine"
        " answer: it is never counted as a zero or guessed; it is listed as something to"
        f" assess together. An honest, conservative rating gives {about} a plan they can"
        " actually follow."
    )


@dataclass(frozen=True)
class Option:
    """One answer to a skill question: a level with its descriptor, n/a or not sure."""

    key: str  # the key that picks it: 0-5, n, u
    label: str  # "independent"
    text: str  # what someone at that level does
    value: str  # "3", "n/a" or "unsure"

    @property
    def short(self) -> str:
        """The answer in a few words: "3 independent", "not sure"."""
        return f"{self.value} {self.label}" if self.value.isdigit() else self.label


def skill_order(catalogue: Catalogue) -> list[str]:
    """Every skill, grouped by category in the catalogue's category order."""
    order = {category: index for index, category in enumerate(catalogue.categories)}
    position = {skill_id: index for index, skill_id in enumerate(catalogue.skills)}
    return sorted(
        catalogue.skills,
        key=lambda s: (order.get(catalogue.skills[s].category, len(order)), position[s]),
    )


def quick_skills(role: Role, catalogue: Catalogue) -> list[str]:
    """The role's ten most important skills (ties: higher required level, then catalogue order).

    Requirements at level 0 are skipped: the gap analysis ignores them too.
    """
    order = skill_order(catalogue)
    place = {skill_id: index for index, skill_id in enumerate(order)}
    needed = [
        (skill_id, req)
        for skill_id, req in role.skills.items()
        if req.level > 0 and skill_id in catalogue.skills
    ]
    needed.sort(key=lambda item: (-item[1].importance, -item[1].level, place[item[0]]))
    chosen = {skill_id for skill_id, _ in needed[:QUICK_COUNT]}
    return [skill_id for skill_id in order if skill_id in chosen]


def skills_to_ask(catalogue: Catalogue, role: Role | None = None) -> list[str]:
    """All skills by category, or with a role only its quick set, in the same order."""
    return skill_order(catalogue) if role is None else quick_skills(role, catalogue)


def options(skill: Skill, about: str | None = None) -> list[Option]:
    """The choices for one skill: its level descriptors 0-5, then n/a and not sure (worded for
    a manager rating `about`, when given)."""
    levels = [
        Option(str(n), LEVEL_NAMES[n], skill.levels.get(n, ""), str(n))
        for n in range(len(LEVEL_NAMES))
    ]
    whose = "my" if about is None else "their"
    return [
        *levels,
        Option(
            "n", "not applicable", f"this skill has not been part of {whose} work", NOT_APPLICABLE
        ),
        Option(
            "u", "not sure", "I cannot say yet; it will be listed to assess, never guessed", UNSURE
        ),
    ]


def answer(rating: Rating | None) -> str | None:
    """The option value a rating corresponds to: "3", "n/a" or "unsure"."""
    if rating is None:
        return None
    return str(rating.level) if rating.status == "rated" else rating.status


def rating_from(value: str, previous: Rating | None = None) -> Rating:
    """The rating for an option value; the previous evidence stays when the answer is unchanged."""
    evidence = previous.evidence if previous is not None and answer(previous) == value else ""
    short: int | str = int(value) if value.isdigit() else value
    if evidence:
        return Rating.model_validate({"level": short, "evidence": evidence})
    return Rating.model_validate(short)


def with_evidence(rating: Rating, evidence: str) -> Rating:
    return rating.model_copy(update={"evidence": evidence.strip()})


def wants_evidence(rating: Rating) -> bool:
    return rating.level is not None and rating.level >= EVIDENCE_FROM


def describe(rating: Rating | None) -> str:
    """A rating in a few words: "3 independent", "n/a", "not sure", "not rated"."""
    if rating is None:
        return "not rated"
    if rating.level is not None:
        return f"{rating.level} {LEVEL_NAMES[rating.level]}"
    return "not sure" if rating.status == UNSURE else "n/a"


# --- honesty checks ----------------------------------------------------------------------

FlagKind = Literal["all_same", "high_without_evidence"]


@dataclass(frozen=True)
class Flag:
    """A pattern that suggests careless or inflated ratings, with the skills it concerns."""

    kind: FlagKind
    message: str
    skills: tuple[str, ...]


def honesty_flags(
    ratings: Mapping[str, Rating], asked: Iterable[str], about: str | None = None
) -> list[Flag]:
    """Check the answers to the skills asked: every one the same, or many high, unevidenced
    (worded for a manager rating `about`, when given)."""
    answered = [s for s in asked if s in ratings]
    flags = []
    values = {answer(ratings[s]) for s in answered}
    if len(answered) >= SAME_MINIMUM and len(values) == 1:
        flags.append(
            Flag(
                "all_same",
                f"Every skill got the same answer ({describe(ratings[answered[0]])}): most"
                " people are stronger in some skills than others. Skimmed the descriptors?",
                tuple(answered),
            )
        )
    high = tuple(
        s for s in answered if (ratings[s].level or 0) >= HIGH and not ratings[s].evidence.strip()
    )
    does = (
        "you handle the hardest cases and coach others"
        if about is None
        else f"{about} handles the hardest cases and coaches others"
    )
    if len(high) >= HIGH_WITHOUT_EVIDENCE_LIMIT:
        flags.append(
            Flag(
                "high_without_evidence",
                f"{len(high)} skills are rated {HIGH} or {HIGH + 1} with no evidence; {HIGH}"
                f" means {does}: name a ticket, project or feedback for each.",
                high,
            )
        )
    return flags


def flagged_skills(flags: Sequence[Flag]) -> list[str]:
    """The skills any flag concerns, each once, in the order asked."""
    seen: dict[str, None] = {}
    for flag in flags:
        for skill_id in flag.skills:
            seen.setdefault(skill_id, None)
    return list(seen)
