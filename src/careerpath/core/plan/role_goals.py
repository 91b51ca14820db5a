"""A plan's goals beyond the skill steps, drawn from the role profile. Pure.

The first steps, the mentor, the people to meet, the parts of the business to see, influence
without authority, the practices every move needs, and the reviews; plus the goal for one step
up a skill. careerpath.core.plan.builder dates them and places them on the timeline.
"""

from __future__ import annotations

from typing import NamedTuple

from careerpath.core.gaps import SkillGap
from careerpath.core.model import LEVEL_NAMES, Catalogue, Role, Step
from careerpath.core.plan.goals import Goal
from careerpath.errors import flag


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
            f" this role ({role.title}); someone two or three years ahead of you is often a better"
            " mentor than the most senior person."
        ),
        where=_mentor_places(role),
    )


def _mentor_places(role: Role) -> tuple[str, ...]:
    """Where to look for a mentor inside the organisation."""
    places = [
        "Ask your manager who in the organisation has made this move, and for an introduction.",
        f"Ask the people on the list below ({', '.join(r.who for r in role.relationships[:2])})"
        " whom they would learn from."
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
        )
        for text in role.influence
    )


def first_goals(person: str, role: Role, unknowns: tuple[SkillGap, ...]) -> tuple[Goal, ...]:
    """The first milestone's own goals: a mentor, protected time, and rating the unknowns."""
    first = [
        Goal(
            "mentor",
            "Find a mentor for this move",
            role.mentor.profile,
            "Notes of the first conversation and the date of the next",
            person,
            outcome=f"A mentor agreed and regular meetings in the calendar ({role.mentor.cadence})",
            subject="Mentor",
        ),
        Goal(
            "review",
            "Protect time for this plan",
            "Put a recurring hour a week in your calendar for the work in this plan, and tell"
            " your manager it exists.",
            "The recurring slot in your calendar, and what you did in each hour",
            person,
            outcome="The hour has been kept four weeks running",
            subject="Time",
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
    )


STORY, SHADOW, CROSS, REPUTATION = (
    "Hear the story",
    "Shadow a session",
    "Cross-team work",
    "Reputation",
)
PRACTICE_SLOT = {STORY: 0, SHADOW: 1, CROSS: 2}  # reputation: the mid-plan milestone


def practices(person: str, role: Role) -> tuple[Goal, ...]:
    """The ways of building relationships every move needs, each with an ask and a signal."""
    title = role.title
    return (
        Goal(
            "relationship",
            "Hear the story of someone who made this move",
            f"Ask someone who moved from support into {title}: how did you make the move, what"
            " surprised you, and what would you do again?",
            "Notes of the conversation, and the two things added to this plan",
            person,
            outcome="You can name two things they did that you will try",
            subject=STORY,
        ),
        Goal(
            "relationship",
            "Shadow a working session",
            f"Ask someone in the role ({title}) if you may sit in on a working session: a"
            " meeting, a review, or an hour of their day.",
            "Your notes: three things the work needs that you do not do yet",
            person,
            outcome="You have seen the role's work first-hand and asked your questions",
            subject=SHADOW,
        ),
        Goal(
            "relationship",
            "Take on a piece of cross-team work",
            f"Offer the {title} team one small piece of work support can do well (reproducing a"
            " problem, a test case, a data pull, a document), agreed with both managers.",
            "The work itself and a line of feedback from the person who asked for it",
            person,
            outcome="The piece is delivered and used by that team",
            subject=CROSS,
        ),
        Goal(
            "relationship",
            "Make your reputation visible",
            "Let the work other teams already see speak for you. For support: tickets that are"
            " well investigated (reproduced, with versions and logs), well documented (steps,"
            " expected and actual results) and sent to the right team first time. Share one good"
            " example with your manager each month.",
            "Escalations sent back for more information, counted each month; one example a month",
            person,
            outcome="The receiving teams accept your escalations first time, and say so",
            subject=REPUTATION,
        ),
    )
