"""A plan's goals beyond the skill steps, drawn from the role profile. Pure.

The first steps, the mentor, the people to meet, the parts of the business to see, influence
without authority, the practices every move needs, and the reviews; plus the goal for one step
up a skill. careerpath.core.plan.builder dates them and places them on the timeline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from careerpath.core.effort import step_effort
from careerpath.core.gaps import SkillGap
from careerpath.core.model import LEVEL_NAMES, Catalogue, Credential, Role, Step
from careerpath.core.plan.goals import Goal
from careerpath.errors import flag

# The effort of the goals beyond the skill steps, in hours (the README's table).
MENTOR_HOURS, PROTECT_HOURS, ASSESS_HOURS = 2.0, 0.5, 1.0
RELATIONSHIP_HOURS, EXPOSURE_HOURS, INFLUENCE_HOURS = 1.0, 2.0, 3.0
MID_REVIEW_HOURS, FINAL_REVIEW_HOURS = 1.0, 2.0


def _inline(text: str) -> str:
    """A name as it reads inside a sentence: "a tester who moved", but "QA lead"."""
    first = text.split(" ", 1)[0]
    if first.isupper() or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def direction(role: Role) -> str:
    """The role as a short noun phrase to read after "into" or "in": its `direction`, or
    "the <title> role" without the title's bracketed part ("the software tester role")."""
    if role.direction:
        return role.direction
    return _role_phrase(role.title)


@functools.lru_cache(maxsize=1024)  # a plan asks for it several times, a batch for few roles
def _role_phrase(title: str) -> str:
    bare = re.sub(r"\s*\([^)]*\)", "", title).strip() or title
    return f"the {_inline(bare)} role"


class MentorGoals(NamedTuple):
    profile: str
    learn: tuple[str, ...]
    questions: tuple[str, ...]
    cadence: str
    find: str  # the short answer; `where` has the places to look inside the organisation
    where: tuple[str, ...] = ()


def mentor_goals(role: Role) -> MentorGoals:
    return MentorGoals(
        profile=role.mentor.profile,
        learn=tuple(role.mentor.learn),
        questions=tuple(role.mentor.questions),
        cadence=role.mentor.cadence,
        find=(
            f"Ask your manager, and the people you meet below, who has made the move into"
            f" {direction(role)}; someone two or three years ahead of you is often a better"
            " mentor than the most senior person."
        ),
        where=_mentor_places(role),
    )


def _mentor_places(role: Role) -> tuple[str, ...]:
    """Where to look for a mentor inside the organisation."""
    places = [
        "Ask your manager who in the organisation has made this move, and for an introduction.",
        "Ask the people on the list below"
        f" ({', '.join(_inline(r.who) for r in role.relationships[:2])}) whom they would learn"
        " from."
        if role.relationships
        else "Ask the people you meet in the role whom they would learn from.",
        "Look for the people whose work you already admire: the author of a runbook or test"
        " plan you use, the reviewer whose comments teach you something.",
        "Use the organisation's mentoring scheme, guilds or communities of practice if it has"
        " them; an internal chat channel for the role is a good place to ask.",
    ]
    return tuple(places)


def step_goal(
    person: str, gap: SkillGap, level: int, step: Step, role: Role, catalogue: Catalogue
) -> Goal:
    effort = step_effort(step, level)
    return Goal(
        kind="skill",
        title=f"{gap.name}: reach level {level} ({LEVEL_NAMES[level]})",
        action=step.do,
        measure=step.evidence,
        owner=person,
        skill=gap.skill,
        level=level,
        why=f"importance {gap.importance}/5 for {role.title}; priority {gap.priority}",
        outcome=f"Level {level} ({LEVEL_NAMES[level]}):"
        f" {catalogue.skills[gap.skill].levels[level]}",
        subject=gap.name,
        hours=effort.hours,
        weeks=effort.weeks,
    )


def relationship_goals(person: str, role: Role) -> tuple[Goal, ...]:
    return tuple(
        Goal(
            "relationship",
            f"Meet: {r.who}",
            r.ask,
            "Notes of the conversation and the follow-up you agreed",
            person,
            why=r.why,
            outcome=r.signal,
            subject=r.who,
            hours=RELATIONSHIP_HOURS,
        )
        for r in role.relationships
    )


def exposure_goals(person: str, role: Role) -> tuple[Goal, ...]:
    return tuple(
        Goal(
            "exposure",
            f"See: {e.area}",
            e.how,
            "One page of notes on how that area works and what it needs from support",
            person,
            outcome=f"You can explain how {e.area[0].lower() + e.area[1:]} works to a colleague",
            subject=e.area,
            hours=EXPOSURE_HOURS,
        )
        for e in role.exposure
    )


def influence_goals(person: str, role: Role) -> tuple[Goal, ...]:
    return tuple(
        Goal(
            "influence",
            f"Influence: {text}",
            text,
            "The proposal as you sent it, with the data, and the reply or the meeting's notes",
            person,
            outcome="The people who own the change discussed it, whatever they decided",
            subject="Influence without authority",
            hours=INFLUENCE_HOURS,
        )
        for text in role.influence
    )


def first_goals(
    person: str, role: Role, unknowns: tuple[SkillGap, ...], hours_per_week: float
) -> tuple[Goal, ...]:
    """The first milestone's own goals: a mentor, protected time, and rating the unknowns."""
    time = _hours_phrase(hours_per_week)
    first = [
        Goal(
            "mentor",
            "Find a mentor for this move",
            role.mentor.profile,
            "What you and your mentor agreed to work on, and one thing you did differently after"
            " a meeting",
            person,
            outcome=f"A mentor agreed, with a rhythm to meet ({role.mentor.cadence}), and"
            " their advice acted on at least once",
            subject="Mentor",
            hours=MENTOR_HOURS,
        ),
        Goal(
            "review",
            "Protect time for this plan",
            f"Put {time} in your calendar, as recurring slots, for the work in this plan, and tell"
            " your manager they exist.",
            "A line for each slot of four weeks: what you worked on and which goal of the plan it"
            " moved",
            person,
            outcome="Four weeks of slots kept, each one moving a goal of this plan",
            subject="Time",
            hours=PROTECT_HOURS,
        ),
    ]
    if unknowns:
        names = ", ".join(g.name for g in unknowns)
        first.append(
            Goal(
                "assess",
                "Rate the skills you are unsure of",
                f"Ask your manager or a colleague who sees your work to help you rate: {names}.",
                "One piece of evidence for each rating, in your inventory",
                person,
                outcome="Each of them has a level in your inventory",
                subject="Assessment",
                hours=ASSESS_HOURS,
            )
        )
    return tuple(first)


def mid_review(person: str) -> Goal:
    return Goal(
        "review",
        "Mid-plan review",
        "Re-rate the skills you have worked on, with evidence (careerpath assess"
        f" {flag('update')}), and go through careerpath gaps with your manager.",
        "The updated inventory and the notes of the review",
        person,
        outcome="An agreed change to the plan, or an agreement that none is needed",
        subject="Review",
        hours=MID_REVIEW_HOURS,
    )


def final_review(person: str) -> Goal:
    return Goal(
        "review",
        "Re-assess and plan the next stretch",
        f"Take a fresh inventory (careerpath assess {flag('update')}), compare it with this one,"
        " and make the next plan.",
        "The new dated inventory and plan",
        person,
        outcome="Readiness measured again, and the next plan agreed with your manager",
        subject="Review",
        hours=FINAL_REVIEW_HOURS,
    )


def _hours_phrase(hours: float) -> str:
    return "an hour a week" if hours == 1 else f"{hours:g} hours a week"


STORY, SHADOW, CROSS, REPUTATION = (
    "Hear the story",
    "Shadow a session",
    "Cross-team work",
    "Reputation",
)
PRACTICE_HOURS = {STORY: 1.0, SHADOW: 2.0, CROSS: 6.0, REPUTATION: 2.0}
# A role's own relationships already cover a practice when their words say so: someone who made
# the move (the story), or a request to shadow or sit in (the session).
STORY_CUES = ("moved", "made the move", "made this move", "same move", "started in", "went from")
SHADOW_CUES = ("shadow", "sit in")


def _mentions(texts: Iterable[str], cues: tuple[str, ...]) -> bool:
    return any(cue in text.lower() for text in texts for cue in cues)


def practices(person: str, role: Role) -> tuple[Goal, ...]:
    """The ways of building relationships every move needs, each with an ask and a signal;
    the story and the shadowing only when the role's own relationships do not cover them."""
    into = direction(role)
    people = [text for r in role.relationships for text in (r.who, r.why, r.ask)]
    seen = people + [e.how for e in role.exposure]
    seen += [text for e in role.experiences for text in (e.name, e.how)]
    found: list[Goal] = []
    if not _mentions(people, STORY_CUES):
        found.append(
            Goal(
                "relationship",
                "Hear the story of someone who made this move",
                f"Ask someone who moved into {into} from a role like yours: how did you make the"
                " move, what surprised you, and what would you do again?",
                "Notes of the conversation, and the two things added to this plan",
                person,
                outcome="You can name two things they did that you will try",
                subject=STORY,
                hours=PRACTICE_HOURS[STORY],
            )
        )
    if not _mentions(seen, SHADOW_CUES):
        found.append(
            Goal(
                "relationship",
                "Shadow a working session",
                f"Ask someone in {into} if you may sit in on a working session: a meeting, a"
                " review, or an hour of their day.",
                "Your notes: three things the work needs that you do not do yet",
                person,
                outcome="You have seen the role's work first-hand and asked your questions",
                subject=SHADOW,
                hours=PRACTICE_HOURS[SHADOW],
            )
        )
    found.append(
        Goal(
            "relationship",
            "Take on a piece of cross-team work",
            f"Offer people in {into} one small piece of work you can do well from where you are"
            " (reproducing a problem, a test case, a data pull, a document), agreed with both"
            " managers.",
            "The work itself and a line of feedback from the person who asked for it",
            person,
            outcome="The piece is delivered and used by that team",
            subject=CROSS,
            hours=PRACTICE_HOURS[CROSS],
        )
    )
    found.append(_reputation(person, role, into))
    return tuple(found)


def _reputation(person: str, role: Role, into: str) -> Goal:
    """The role's own way of making a reputation visible, or the generic one."""
    if role.reputation is not None:
        do, evidence, signal = role.reputation.do, role.reputation.evidence, role.reputation.signal
    else:
        do = (
            f"Find out which of your work people in {into} already see (a hand-over, a report,"
            " a document, a fix) and make it reliably good: complete, checked and on time. Ask"
            " one of them each month what would make it more useful, and share one good example"
            " with your manager."
        )
        evidence = "One example a month, with the comment it got from the person who used it"
        signal = f"Someone in {into} points to your work as an example, or asks for you by name"
    return Goal(
        "relationship",
        "Make your reputation visible",
        do,
        evidence,
        person,
        outcome=signal,
        subject=REPUTATION,
        hours=PRACTICE_HOURS[REPUTATION],
    )


@functools.lru_cache(maxsize=1024)  # a batch of plans asks about the same names again
def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9+]+", text.lower()))


@functools.lru_cache(maxsize=1024)
def _alternatives(name: str) -> tuple[str, ...]:
    """'CompTIA A+ or Network+' is two credentials; a bracketed code is another name."""
    names: list[str] = []
    for part in re.split(r"\s+or\s+", name):
        names.append(re.sub(r"\s*\([^)]*\)", "", part))
        names += [code for code in re.findall(r"\(([^)]*)\)", part) if code.isupper()]
    return tuple(n for n in (_words(n) for n in names) if n)


def holds(credential: Credential, held: Iterable[str]) -> bool:
    """Whether one of the person's credentials is this one: the same words, or one naming the
    other in full (a single-word name only when it is a code such as CTFL or PCAP)."""
    names = _alternatives(credential.name)
    for item in held:
        mine = _words(item)
        if not mine:
            continue
        code = item.strip().isupper() or len(mine.split()) > 1
        for name in names:
            if mine == name or f" {name} " in f" {mine} ":
                return True
            if code and f" {mine} " in f" {name} ":
                return True
    return False


def credentials_for(
    role: Role, held: Iterable[str]
) -> tuple[tuple[Credential, ...], tuple[Credential, ...]]:
    """(the role's credentials to recommend, those the person holds already)."""
    mine = list(held)
    return (
        tuple(c for c in role.credentials if not holds(c, mine)),
        tuple(c for c in role.credentials if holds(c, mine)),
    )
