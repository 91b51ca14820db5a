"""Building a growth plan from a gap analysis. Pure: the start date comes in as an argument."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from careerpath.basis import CONSERVATIVE_RULE, DESCRIPTIONS
from careerpath.errors import EXIT_USAGE, CareerpathError
from careerpath.gaps import (
    PRIORITY_FORMULA,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    SkillGap,
    analyse,
    rank,
    transferable,
)
from careerpath.goals import Done, Goal, GoalKind, goal_id, identify
from careerpath.model import LEVEL_NAMES, Catalogue, Inventory, Rating, Role, Step

if TYPE_CHECKING:  # only a plan with a manager view or a previous plan needs them loaded
    from careerpath.carryover import FollowUp, Previous
    from careerpath.compare import Comparison

__all__ = ["Done", "Goal", "GoalKind", "Plan", "build_plan", "goal_id", "parse_horizon"]

STEPS_PER_MILESTONE = 2  # level steps a person can work on at once next to a full-time job
CHECKIN_DAYS = 14
MAX_GAPS = 8  # an upper bound: gaps are taken by priority while the timeline has room
_HORIZON = re.compile(r"\s*([0-9]+)\s*([dwmy])\s*", re.IGNORECASE)


class Horizon(NamedTuple):
    amount: int
    unit: str  # d, w, m or y

    @property
    def label(self) -> str:
        words = {"d": "day", "w": "week", "m": "month", "y": "year"}
        word = words[self.unit]
        return f"{self.amount} {word}{'' if self.amount == 1 else 's'}"

    def end(self, start: dt.date) -> dt.date:
        if self.unit == "d":
            return start + dt.timedelta(days=self.amount)
        if self.unit == "w":
            return start + dt.timedelta(weeks=self.amount)
        months = self.amount if self.unit == "m" else 12 * self.amount
        return add_months(start, months)


def parse_horizon(text: str) -> Horizon:
    """`6m`, `26w`, `180d` or `1y`; between two weeks and three years."""
    match = _HORIZON.fullmatch(text)
    if not match:
        raise CareerpathError(
            f"--horizon must look like 6m, 26w, 180d or 1y, got '{text}'", exit_code=EXIT_USAGE
        )
    horizon = Horizon(int(match.group(1)), match.group(2).lower())
    start = dt.date(2000, 1, 1)
    days = (horizon.end(start) - start).days
    if not 14 <= days <= 3 * 366:
        raise CareerpathError(
            f"--horizon must be between two weeks and three years, got '{text}'",
            exit_code=EXIT_USAGE,
        )
    return horizon


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or the month's last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    next_first = dt.date(year + month // 12, month % 12 + 1, 1)
    month_days = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, month_days))


class GapPlan(NamedTuple):
    gap: SkillGap
    steps: tuple[Goal, ...]  # scheduled within the horizon, in order
    later: tuple[Goal, ...]  # the steps that fall beyond the horizon


class Milestone(NamedTuple):
    label: str
    day: int
    date: dt.date
    goals: tuple[Goal, ...]


class CheckIn(NamedTuple):
    number: int
    date: dt.date
    focus: str


class MentorGoals(NamedTuple):
    profile: str
    learn: tuple[str, ...]
    questions: tuple[str, ...]
    cadence: str
    find: str  # the short answer; `where` has the places to look inside the organisation
    where: tuple[str, ...] = ()


class AgendaItem(NamedTuple):
    """One discussion point for the manager's one-on-one, drawn from the analysis."""

    topic: str
    question: str
    skill: str | None = None
    priority: int | None = None


class OneOnOne(NamedTuple):
    """The one-on-one agenda page: for the manager, to talk the plan through with the person."""

    purpose: str
    items: tuple[AgendaItem, ...]
    agree: tuple[str, ...]


GUIDANCE = (
    "This plan is guidance for a conversation with your manager and mentor, not a promotion"
    " checklist: it names the steps most likely to close the gaps that matter for this role, and"
    " the evidence that will show them. Change it when you learn something."
)


class Plan(NamedTuple):
    person: str
    current_role: str
    targets: tuple[str, ...]
    aspirations: str
    role: Role
    start: dt.date
    end: dt.date
    horizon: str
    analysis: RoleGaps
    ranking: tuple[RoleGaps, ...]
    projected_readiness: float
    transferable: tuple[tuple[str, str, int], ...]  # (skill id, name, level)
    top_gaps: tuple[GapPlan, ...]
    mentor: MentorGoals
    relationships: tuple[Goal, ...]
    exposure: tuple[Goal, ...]
    influence: tuple[Goal, ...]
    milestones: tuple[Milestone, ...]
    checkins: tuple[CheckIn, ...]
    checkin_days: int
    practices: tuple[Goal, ...] = ()  # relationship practices: story, shadow, cross-team, ...
    agenda: OneOnOne = OneOnOne("", (), ())
    guidance: str = GUIDANCE
    priority_formula: str = PRIORITY_FORMULA
    readiness_formula: str = READINESS_FORMULA
    unknown_rule: str = UNKNOWN_RULE
    basis: str = "self"  # whose ratings it is built on (careerpath.basis)
    comparison: Comparison | None = None  # self against manager, when both views exist
    followup: FollowUp | None = None  # what it took over from the previous plan (--previous)

    @property
    def goals(self) -> tuple[Goal, ...]:
        return tuple(goal for milestone in self.milestones for goal in milestone.goals)

    @property
    def all_goals(self) -> tuple[Goal, ...]:
        """Every goal once: the timeline's, then the steps beyond the horizon."""
        return self.goals + tuple(g for gp in self.top_gaps for g in gp.later)

    @property
    def basis_description(self) -> str:
        return DESCRIPTIONS.get(self.basis, self.basis)

    @property
    def basis_rule(self) -> str:
        if self.basis != "conservative":
            return ""
        return "Per skill: " + CONSERVATIVE_RULE.removeprefix("conservative: ")


def level_name(level: int) -> str:
    return LEVEL_NAMES[level]


def _milestone_days(start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    marks = [(f"Day {d}", start + dt.timedelta(days=d)) for d in (30, 60, 90)]
    month = 4
    while add_months(start, month) < end:
        marks.append((f"Month {month}", add_months(start, month)))
        month += 1
    marks = [(label, day) for label, day in marks if day < end]
    marks.append(("Horizon", end))
    return marks


def _step_goal(
    person: str, gap: SkillGap, level: int, step: Step, role: Role, catalogue: Catalogue
) -> Goal:
    return Goal(
        kind="skill",
        title=f"{gap.name}: reach level {level} ({level_name(level)})",
        action=step.do,
        measure=step.evidence,
        owner=person,
        skill=gap.skill,
        level=level,
        why=f"importance {gap.importance}/5 for {role.title}; priority {gap.priority}",
        outcome=f"Level {level} ({level_name(level)}): {catalogue.skills[gap.skill].levels[level]}",
        subject=gap.name,
    )


def _schedule(gap_steps: list[list[Goal]], slots: int) -> tuple[list[list[Goal]], list[list[Goal]]]:
    """Place each gap's steps in order, round by round, at most STEPS_PER_MILESTONE per slot.

    A step goes in the earliest slot after the same skill's previous step, so a person never
    works on two levels of one skill at once. Returns per-slot goals and per-gap leftovers.
    """
    placed: list[list[Goal]] = [[] for _ in range(slots)]
    later: list[list[Goal]] = [[] for _ in gap_steps]
    last_slot = [-1 for _ in gap_steps]
    depth = max((len(steps) for steps in gap_steps), default=0)
    for round_ in range(depth):
        for index, steps in enumerate(gap_steps):
            if round_ >= len(steps):
                continue
            goal = steps[round_]
            if later[index]:  # an earlier level already fell beyond the horizon
                later[index].append(goal)
                continue
            slot = next(
                (
                    s
                    for s in range(last_slot[index] + 1, slots)
                    if len(placed[s]) < STEPS_PER_MILESTONE
                ),
                None,
            )
            if slot is None:
                later[index].append(goal)
            else:
                placed[slot].append(goal)
                last_slot[index] = slot
    return placed, later


def build_plan(
    inventory: Inventory,
    role: Role,
    catalogue: Catalogue,
    roles: list[Role],
    *,
    start: dt.date,
    horizon: Horizon,
    max_gaps: int = MAX_GAPS,
    basis: str = "self",
    comparison: Comparison | None = None,
    previous: Previous | None = None,
) -> Plan:
    """A dated growth plan for moving toward `role`, starting on `start`.

    `inventory` holds the ratings of `basis` (careerpath.basis); `comparison` is self against
    manager when both views exist. With `previous`, the previous plan's unfinished goals are
    carried over and its done goals are not repeated (careerpath.carryover).
    """
    person = inventory.person
    analysis = analyse(inventory.ratings, role, catalogue)
    end = horizon.end(start)
    marks = _milestone_days(start, end)
    taken: set[str] = set()
    if previous is not None:
        from careerpath.carryover import carried_first, follow, follow_up

    def followed(goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
        """With ids, and as the previous plan leaves them (done ones out, open ones carried)."""
        named = identify(goals, taken)
        if previous is None:
            return named
        return tuple(g for g in (follow(goal, previous) for goal in named) if g is not None)

    def steps_of(gap: SkillGap) -> list[Goal]:
        levels = range((gap.current or 0) + 1, gap.required + 1)
        return list(
            followed(
                tuple(
                    _step_goal(
                        person,
                        gap,
                        level,
                        role.actions.get(gap.skill, {}).get(level)
                        or catalogue.skills[gap.skill].steps[level],
                        role,
                        catalogue,
                    )
                    for level in levels
                )
            )
        )

    candidates = analysis.gaps if previous is None else carried_first(previous, analysis.gaps)
    capacity = STEPS_PER_MILESTONE * len(marks)
    top: list[SkillGap] = []
    gap_steps: list[list[Goal]] = []
    for gap in candidates[:max_gaps]:
        if top and sum(g.gap or 0 for g in top) >= capacity:
            break
        steps = steps_of(gap)
        if steps:  # a gap whose every step is done already waits for the ratings to show it
            top.append(gap)
            gap_steps.append(steps)
    placed, later = _schedule(gap_steps, len(marks))
    dated: list[list[Goal]] = [
        [goal._replace(due=marks[slot][1]) for goal in goals] for slot, goals in enumerate(placed)
    ]
    due_of = {(g.skill, g.level): g.due for goals in dated for g in goals}
    top_gaps = tuple(
        GapPlan(
            gap,
            tuple(
                g._replace(due=due_of[(g.skill, g.level)])
                for g in steps
                if (g.skill, g.level) in due_of
            ),
            tuple(later[index]),
        )
        for index, (gap, steps) in enumerate(zip(top, gap_steps, strict=True))
    )

    mentor = MentorGoals(
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
    relationships = followed(
        tuple(
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
    )
    exposure = followed(
        tuple(
            Goal(
                "exposure",
                f"See: {e.area}",
                e.how,
                "One page of notes on how that area works and what it needs from support",
                person,
                outcome=f"You can explain how {e.area[0].lower() + e.area[1:]} works to"
                " a colleague",
                subject=e.area,
            )
            for e in role.exposure
        )
    )
    influence = followed(
        tuple(
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
    )
    practices = followed(_practices(person, role))

    first: list[Goal] = [
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
    if analysis.unknowns:
        names = ", ".join(g.name for g in analysis.unknowns)
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
    first = list(followed(tuple(first)))
    social = [g for trio in _interleave(relationships, exposure, influence) for g in trio]
    extra: list[list[Goal]] = [list(first) if slot == 0 else [] for slot in range(len(marks))]
    for index, goal in enumerate(social):
        slot = min(index // 2, len(marks) - 1)
        extra[slot].append(goal)
    middle = len(marks) // 2 - 1 if len(marks) > 3 else 0
    # The practices: the story first, then a session to shadow, then a piece of cross-team
    # work; reputation is reviewed at the mid-plan review.
    for goal in practices:
        slot = min(_PRACTICE_SLOT.get(goal.subject, middle), len(marks) - 1)
        extra[slot].append(goal)
    if len(marks) > 1:
        extra[middle].extend(
            followed(
                (
                    Goal(
                        "review",
                        "Mid-plan review",
                        "Re-rate the skills you have worked on, with evidence"
                        " (careerpath assess --update), and go through careerpath gaps with"
                        " your manager.",
                        "The updated inventory and the notes of the review",
                        person,
                        outcome="An agreed change to the plan, or an agreement that none is needed",
                        subject="Review",
                    ),
                )
            )
        )
    extra[-1].extend(
        followed(
            (
                Goal(
                    "review",
                    "Re-assess and plan the next stretch",
                    "Take a fresh inventory (careerpath assess --update), compare it with this one,"
                    " and make the next plan.",
                    "The new dated inventory and plan",
                    person,
                    outcome="Readiness measured again, and the next plan agreed with your manager",
                    subject="Review",
                ),
            )
        )
    )
    milestones = tuple(
        Milestone(
            label,
            (day - start).days,
            day,
            tuple(goal._replace(due=day) for goal in dated[slot] + extra[slot]),
        )
        for slot, (label, day) in enumerate(marks)
    )
    due = {(g.kind, g.title, g.action): g.due for m in milestones for g in m.goals}

    checkins = []
    day, number = start + dt.timedelta(days=CHECKIN_DAYS), 1
    while day <= end:
        upcoming = next((m for m in milestones if m.date >= day), milestones[-1])
        skills = [g.title.split(":")[0] for g in upcoming.goals if g.kind == "skill"]
        focus = (
            f"evidence and blockers for {', '.join(skills)}"
            if skills
            else "relationships, mentor, what to change"
        )
        checkins.append(CheckIn(number, day, f"{upcoming.label} goals: {focus}"))
        day += dt.timedelta(days=CHECKIN_DAYS)
        number += 1

    projected = dict(inventory.ratings)
    for gap_plan in top_gaps:
        if gap_plan.steps:
            projected[gap_plan.gap.skill] = Rating(level=gap_plan.steps[-1].level)
    projected_readiness = analyse(projected, role, catalogue).readiness

    ratings_known = {k: v for k, v in inventory.ratings.items()}
    all_goals = tuple(g for m in milestones for g in m.goals) + tuple(
        g for gp in top_gaps for g in gp.later
    )
    return Plan(
        person=person,
        current_role=inventory.current_role,
        targets=tuple(inventory.targets),
        aspirations=inventory.aspirations,
        role=role,
        start=start,
        end=end,
        horizon=horizon.label,
        analysis=analysis,
        ranking=tuple(rank(inventory.ratings, roles, catalogue)),
        projected_readiness=projected_readiness,
        transferable=tuple(
            (skill_id, catalogue.skills[skill_id].name, level)
            for skill_id, level in transferable(ratings_known, role, catalogue)
        ),
        top_gaps=top_gaps,
        mentor=mentor,
        relationships=tuple(
            g._replace(due=due.get((g.kind, g.title, g.action))) for g in relationships
        ),
        exposure=tuple(g._replace(due=due.get((g.kind, g.title, g.action))) for g in exposure),
        influence=tuple(g._replace(due=due.get((g.kind, g.title, g.action))) for g in influence),
        milestones=milestones,
        checkins=tuple(checkins),
        checkin_days=CHECKIN_DAYS,
        practices=tuple(g._replace(due=due.get((g.kind, g.title, g.action))) for g in practices),
        agenda=_agenda(person, role, analysis, top_gaps, comparison),
        basis=basis,
        comparison=comparison,
        followup=None if previous is None else follow_up(previous, all_goals, inventory.ratings),
    )


def _interleave(*groups: tuple[Goal, ...]) -> list[tuple[Goal, ...]]:
    depth = max((len(g) for g in groups), default=0)
    return [tuple(g[i] for g in groups if i < len(g)) for i in range(depth)]


_STORY, _SHADOW, _CROSS, _REPUTATION = (
    "Hear the story",
    "Shadow a session",
    "Cross-team work",
    "Reputation",
)
_PRACTICE_SLOT = {_STORY: 0, _SHADOW: 1, _CROSS: 2}  # reputation: the mid-plan milestone


def _practices(person: str, role: Role) -> tuple[Goal, ...]:
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
            subject=_STORY,
        ),
        Goal(
            "relationship",
            "Shadow a working session",
            f"Ask someone in the role ({title}) if you may sit in on a working session: a"
            " meeting, a review, or an hour of their day.",
            "Your notes: three things the work needs that you do not do yet",
            person,
            outcome="You have seen the role's work first-hand and asked your questions",
            subject=_SHADOW,
        ),
        Goal(
            "relationship",
            "Take on a piece of cross-team work",
            f"Offer the {title} team one small piece of work support can do well (reproducing a"
            " problem, a test case, a data pull, a document), agreed with both managers.",
            "The work itself and a line of feedback from the person who asked for it",
            person,
            outcome="The piece is delivered and used by that team",
            subject=_CROSS,
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
            subject=_REPUTATION,
        ),
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


def _agenda(
    person: str,
    role: Role,
    analysis: RoleGaps,
    top_gaps: tuple[GapPlan, ...],
    comparison: Comparison | None = None,
) -> OneOnOne:
    """The manager's one-on-one page: discussion questions drawn from the gaps."""
    items: list[AgendaItem] = []
    if comparison is not None and comparison.flagged:
        names = ", ".join(row.name for row in comparison.flagged)
        items.append(
            AgendaItem(
                "Self and manager ratings",
                f"Your ratings differ by two levels or more on {names}: go through the"
                " discussion prompts in the plan. What has each of you seen, and what evidence"
                " would settle it?",
            )
        )
    for gap_plan in top_gaps[:5]:
        gap = gap_plan.gap
        step = gap_plan.steps[0] if gap_plan.steps else None
        target = step.level if step is not None else gap.required
        items.append(
            AgendaItem(
                f"{gap.name}: {gap.current} → {gap.required} (priority {gap.priority})",
                f"Where could {person} practise {gap.name.lower()} at level {target}"
                f" ({level_name(target or 0)})"
                + (f" by {step.due.isoformat()}" if step is not None and step.due else "")
                + ", and what evidence would you accept?",
                gap.skill,
                gap.priority,
            )
        )
    for gap in analysis.unknowns[:3]:
        items.append(
            AgendaItem(
                f"{gap.name}: {gap.status} (needs {gap.required})",
                f"What have you seen of {person}'s {gap.name.lower()}, and what level would you"
                " give it?",
                gap.skill,
                None,
            )
        )
    for gap in analysis.strengths[:2]:
        items.append(
            AgendaItem(
                f"{gap.name}: a strength at {gap.current}",
                f"Where could {person}'s {gap.name.lower()} be made visible to people"
                f" working as {role.title}?",
                gap.skill,
                None,
            )
        )
    items.append(
        AgendaItem(
            "Mentor",
            f"Who inside the organisation could mentor {person} for this move?",
        )
    )
    items.append(
        AgendaItem(
            "People",
            "Which of the people and teams in this plan can you introduce "
            f"{person} to, and who is missing?",
        )
    )
    return OneOnOne(
        purpose=(
            f"For the manager: thirty minutes with {person} to agree this plan. The questions"
            " come from the gaps, the skills still to assess and the strengths; the plan is"
            f" guidance for {person}'s development, not a promotion checklist."
        ),
        items=tuple(items),
        agree=(
            "Which goals to start with, and which to drop or change",
            "An hour a week for this plan, protected",
            "The date of the first check-in",
        ),
    )
