"""The plan as a JSON document ("schema": "careerpath.plan/1"), for other tools.

The pydantic models below are the document's definition: `careerpath schema plan` prints their
JSON Schema (shipped as schemas/plan.json), and `plan_document` fills them from a Plan. It
carries every number and goal the Markdown and HTML plans show. Pure: values in, values out.

Fields added since the first release are optional and left out when empty (so a plan without
a manager view or a previous plan reads as before): a goal's `done`, `carried_from`, `hours`,
`weeks` and `starts`; the plan's `basis`, `comparison`, `followup`, `time`, `this_month` and
`credentials_held`, `route` and `bridges`; the time's `bridge_hours`; the formulas' `fit` and
`effort`. Every goal has a stable `id`; a plan written
before ids existed gets them derived on reading (careerpath.core.plan.goals.goal_id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from careerpath.core.gaps import RoleFigures, SkillGap
from careerpath.core.model import LEVEL_NAMES, Catalogue
from careerpath.core.plan.carryover import FollowUp, Previous
from careerpath.core.plan.goals import Done, Goal, GoalKind, goal_id
from careerpath.core.plan.values import Plan, ThisMonth, TimeFit
from careerpath.core.reviews.compare import FLAG_AT, Comparison
from careerpath.errors import flag
from careerpath.views.formatting import rating_value, whole_percent
from careerpath.views.indented_json import indented_json

if TYPE_CHECKING:
    from careerpath.core.plan.bridges import RouteShown

SCHEMA_ID = "careerpath.plan/1"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class RoleRef(_Part):
    id: str
    title: str
    summary: str


class Formulas(_Part):
    priority: str = Field(description="How gaps are ordered.")
    readiness: str
    unknown: str = Field(description="How n/a, unsure and unrated skills are counted.")
    fit: str = Field(default="", description="How the plan is fitted to the hours available.")
    baseline: str = Field(default="", description="What readiness is measured from.")
    rank: str = Field(default="", description="How roles are ordered, ties included.")
    readiness_effort: str = Field(default="", description="The effort beside readiness.")
    effort: str = Field(default="", description="The estimate for steps without their own.")


class Readiness(_Part):
    readiness: float = Field(
        description="0 to 1: the low end (unsure and unrated skills as not started), the"
        " essential factor applied (formulas.readiness)."
    )
    percent: int
    covered_weight: float = Field(description="Weighted levels reached (unknowns not counted).")
    total_weight: int = Field(description="Weighted levels the role asks.")
    unknown_weight: int = Field(description="Weighted levels of skills unsure or unrated.")
    projected: float = Field(description="0 to 1, if every dated step of the plan is done.")
    projected_percent: int
    high: float | None = Field(default=None, description="0 to 1, with every unknown met.")
    percent_high: int | None = None
    baseline: str = Field(default="", description="What it is measured from.")
    factor: float | None = Field(
        default=None, description="0.6 while an essential gap is open, else 1."
    )
    not_yet: list[str] = Field(default=[], description="Skill ids of the essential gaps.")
    claimed: list[str] = Field(
        default=[], description="Skill ids rated 3 or more without evidence."
    )
    climb: int | None = Field(default=None, description="Importance x levels short, known.")
    hours: float | None = Field(default=None, description="Hours of the steps to close them.")


class Ranked(_Part):
    role: str
    title: str
    readiness: float
    percent: int
    high: float | None = Field(default=None, description="With every unknown met.")
    place: str = Field(default="", description="1, 2, 3=, 3=, ...: a tie is marked =.")
    not_yet: list[str] = Field(default=[], description="Skill ids of the essential gaps.")
    climb: int | None = None
    hours: float | None = None
    step_back: bool = Field(
        default=False, description="The current role's profile already asks as much."
    )


class SkillRow(_Part):
    skill: str
    name: str
    category: str
    status: Literal["rated", "n/a", "unsure", "unrated"]
    current: int | None = Field(description="None when unsure or unrated; n/a counts as 0.")
    required: int
    gap: int | None = Field(description="required - current, 0 when met; None when unknown.")
    importance: int
    priority: int | None = Field(description="gap x importance; None when unknown.")
    evidence: str
    claimed: bool = Field(default=False, description="3 or more without evidence.")
    weight: int | None = Field(default=None, description="Per level: importance² x (1 + adds).")
    baseline: int | None = Field(default=None, description="The baseline's level.")
    essential: bool = Field(default=False, description="Named as not yet: an essential gap.")


class TransferableDoc(_Part):
    skill: str
    name: str
    level: int


class DoneDoc(_Part):
    date: dt.date = Field(description="When it was marked done.")
    evidence: str = Field(description="The evidence that shows it is done.")


class GoalDoc(_Part):
    id: str = Field(
        default="",
        description="Stable across plans: skill:SKILL:LEVEL, relationship:SLUG, exposure:SLUG,"
        " influence:SLUG, mentor:find, review:SLUG, assess:unsure, bridge:SLUG. Derived from the"
        " other fields when absent (plans written before ids existed).",
    )
    kind: GoalKind
    title: str
    action: str = Field(description="What to do: the specific step, or the ask.")
    outcome: str = Field(description="The measurable outcome or success signal.")
    evidence: str = Field(description="What will show that it is done.")
    owner: str
    due: dt.date | None
    skill: str | None
    level: int | None
    level_name: str | None
    why: str
    subject: str = Field(description="The stakeholder group, area or practice it is about.")
    done: DoneDoc | None = Field(
        default=None, description="Marked done (careerpath goals done); absent while open."
    )
    carried_from: dt.date | None = Field(
        default=None,
        description="Carried over, unfinished, from the plan that started on this date"
        f" (plan {flag('previous')}); absent for a new goal.",
    )
    hours: float | None = Field(default=None, description="The effort, in the person's hours.")
    weeks: int | None = Field(
        default=None, description="A skill step's minimum duration; a bridge's duration."
    )
    starts: dt.date | None = Field(
        default=None, description="When a dated skill step's or bridge's work begins."
    )


class TimeDoc(_Part):
    """The plan against the person's time."""

    hours_per_week: float
    source: Literal["plan", "inventory", "default"] = Field(
        description=f"plan: asked for this plan ({flag('hours')}); inventory: its hours_per_week;"
        " default: careerpath's default."
    )
    weeks: float = Field(description="The horizon in weeks.")
    available: float = Field(description="hours_per_week x weeks.")
    planned: float = Field(description="The hours of every dated goal (check-ins not counted).")
    needed: float = Field(description="planned + deferred: everything the role's profile asks.")
    deferred_hours: float
    fit: float = Field(description="0 to 1: planned / needed.")
    steps: int = Field(description="Skill steps needed for every known gap.")
    estimated: int = Field(description="Of which use the default estimate for their level.")
    deferred_steps: list[GoalDoc] = Field(description="Skill steps not dated in this plan.")
    deferred_goals: list[GoalDoc] = Field(description="Other goals that did not fit.")
    too_big: list[str] = Field(
        default=[],
        description="Ids of deferred steps that come first by priority but need more time.",
    )
    bridge_hours: float | None = Field(
        default=None,
        description="The bridging experiences' hours: work time agreed with the manager, not"
        " counted in planned.",
    )


class LaterBridgeDoc(_Part):
    kind: Literal["shadowing", "secondment", "trial-project", "apprenticeship"]
    title: str
    weeks: int
    hours: int


class RouteDoc(_Part):
    """The route through the lattice the plan follows (careerpath paths' route)."""

    roles: list[str] = Field(description="From the person's role (or the entry) to the plan's.")
    text: str = Field(description="The route in words, e.g. support -> testing (a direct move).")
    kind: Literal["step-up", "lateral", "diagonal", "step-back"] = Field(
        description="The kind of the route's first move, the one the person makes next (its"
        " bridges are the plan's)."
    )
    later: list[LaterBridgeDoc] = Field(
        default=[], description="Bridging experiences of that move left for the next plan."
    )


class ThisMonthDoc(_Part):
    """The page that opens the plan: ids of goals listed in the timeline."""

    until: dt.date = Field(description="The first milestone.")
    hours: float = Field(description="The person's hours until then.")
    steps: list[str] = Field(description="Ids of the next two skill steps.")
    person: str | None = Field(description="Id of one relationship goal.")
    influence: str | None = Field(description="Id of one influence goal.")
    checkin: int | None = Field(description="The number of the next check-in.")


class GapPlanDoc(_Part):
    skill: str
    name: str
    description: str
    status: Literal["rated", "n/a", "unsure", "unrated"]
    current: int | None
    required: int
    gap: int | None
    importance: int
    priority: int | None
    steps: list[GoalDoc] = Field(description="The level steps dated in this plan, in order.")
    later: list[GoalDoc] = Field(description="The steps that fall beyond the horizon.")


class MentorDoc(_Part):
    profile: str
    find: str
    where: list[str] = Field(description="Where to look inside the organisation.")
    cadence: str
    learn: list[str]
    questions: list[str]


class CredentialDoc(_Part):
    name: str
    why: str


class MilestoneDoc(_Part):
    label: str
    day: int = Field(description="Days after the start.")
    date: dt.date
    goals: list[GoalDoc]


class CheckInDoc(_Part):
    number: int
    date: dt.date
    focus: str


class AgendaItemDoc(_Part):
    topic: str
    question: str
    skill: str | None
    priority: int | None


class AgendaDoc(_Part):
    purpose: str
    items: list[AgendaItemDoc]
    agree: list[str]


class ComparedSkillDoc(_Part):
    model_config = ConfigDict(populate_by_name=True)

    skill: str
    name: str
    self_rating: int | str | None = Field(
        alias="self",
        description="A level (an integer, as everywhere), or n/a or unsure; null when not rated."
        " (Plans of careerpath 0.1.0 have the level as text, and ? for unsure.)",
    )
    manager: int | str | None
    difference: int | None = Field(description="manager - self (n/a as 0); null when unknown.")
    flagged: bool = Field(description="Two levels or more apart.")
    self_evidence: str
    manager_evidence: str


class DiscussionDoc(_Part):
    skill: str
    prompt: str = Field(description="What to talk about in the next one-on-one.")


class ComparisonDoc(_Part):
    """Self against manager, side by side (careerpath compare); never averaged."""

    self_date: dt.date
    manager: str
    manager_date: dt.date
    flag_at: int
    skills: list[ComparedSkillDoc]
    discussion: list[DiscussionDoc] = Field(description="One prompt per flagged skill.")
    one_view: list[str] = Field(description="Skills one side is unsure of: settle together.")


class FollowUpDoc(_Part):
    """What this plan took over from the previous one (plan --previous)."""

    since: dt.date = Field(description="The previous plan's start.")
    role: str = Field(description="The previous plan's role id.")
    role_title: str
    carried: list[str] = Field(description="Ids of this plan's goals carried over.")
    completed: list[GoalDoc] = Field(description="Marked done in the previous plan.")
    reached: list[GoalDoc] = Field(description="Open skill steps the new ratings meet.")
    dropped: list[GoalDoc] = Field(description="Open goals this plan does not take over.")
    done_ids: list[str] = Field(description="Every goal done so far; never repeated.")
    unconfirmed: list[str] = Field(
        description="Completed skill steps the ratings do not show yet: re-rate them."
    )


class PlanDocument(_Part):
    """A careerpath growth plan: `careerpath plan INVENTORY --format json`."""

    model_config = ConfigDict(title="careerpath plan", populate_by_name=True)

    schema_id: Literal["careerpath.plan/1"] = Field(alias="schema")
    person: str
    current_role: str
    targets: list[str]
    aspirations: str
    role: RoleRef
    start: dt.date
    end: dt.date
    horizon: str
    guidance: str = Field(description="How to read the plan: guidance, not a checklist.")
    formulas: Formulas
    readiness: Readiness
    ranking: list[Ranked] = Field(description="Every role, closest first.")
    strengths: list[SkillRow] = Field(description="Requirements met or exceeded.")
    transferable: list[TransferableDoc] = Field(
        description="Skills at 3 or more that the role does not ask for."
    )
    gaps: list[SkillRow] = Field(description="Every known gap, highest priority first.")
    unknowns: list[SkillRow] = Field(description="Unsure or unrated: assess first.")
    top_gaps: list[GapPlanDoc] = Field(description="The gaps this plan works on.")
    mentor: MentorDoc
    relationships: list[GoalDoc] = Field(description="Stakeholder groups: ask and signal.")
    practices: list[GoalDoc] = Field(description="Story, shadowing, cross-team, reputation.")
    exposure: list[GoalDoc]
    influence: list[GoalDoc]
    credentials: list[CredentialDoc] = Field(
        description="The role's credentials, less those the person holds."
    )
    milestones: list[MilestoneDoc] = Field(description="The timeline: every dated goal.")
    checkin_days: int
    checkins: list[CheckInDoc]
    agenda: AgendaDoc = Field(description="The one-on-one page for the manager.")
    basis: Literal["self", "manager", "conservative"] | None = Field(
        default=None,
        description=f"Whose ratings the plan uses ({flag('basis')}); present when a manager view"
        " exists.",
    )
    comparison: ComparisonDoc | None = Field(
        default=None, description="Self against manager, when the inventory has both views."
    )
    followup: FollowUpDoc | None = Field(
        default=None,
        description=f"What was carried over from the previous plan ({flag('previous')}).",
    )
    time: TimeDoc | None = Field(
        default=None, description="Hours available, planned and needed; what was deferred."
    )
    this_month: ThisMonthDoc | None = None
    credentials_held: list[CredentialDoc] = Field(
        default=[], description="The role's credentials the person holds already."
    )
    route: RouteDoc | None = Field(
        default=None, description="The route through the lattice, when it reaches the role."
    )
    bridges: list[GoalDoc] = Field(
        default=[],
        description="The bridging experiences of the move into the role, dated (also in the"
        " timeline).",
    )


def _row(gap: SkillGap) -> SkillRow:
    return SkillRow(
        skill=gap.skill,
        name=gap.name,
        category=gap.category,
        status=gap.status,
        current=gap.current,
        required=gap.required,
        gap=gap.gap,
        importance=gap.importance,
        priority=gap.priority,
        evidence=gap.evidence,
        claimed=gap.claimed,
        weight=gap.weight,
        baseline=gap.baseline,
        essential=gap.essential,
    )


def _goal(goal: Goal) -> GoalDoc:
    return GoalDoc(
        id=goal.id,
        kind=goal.kind,
        title=goal.title,
        action=goal.action,
        outcome=goal.outcome,
        evidence=goal.measure,
        owner=goal.owner,
        due=goal.due,
        skill=goal.skill,
        level=goal.level,
        level_name=None if goal.level is None else LEVEL_NAMES[goal.level],
        why=goal.why,
        subject=goal.subject,
        done=None
        if goal.done is None
        else DoneDoc(date=goal.done.date, evidence=goal.done.evidence),
        carried_from=goal.carried_from,
        hours=goal.hours,
        weeks=goal.weeks,
        starts=goal.starts,
    )


def goal_value(doc: GoalDoc) -> Goal:
    """A goal of a plan document as the core's value."""
    return Goal(
        kind=doc.kind,
        title=doc.title,
        action=doc.action,
        measure=doc.evidence,
        owner=doc.owner,
        due=doc.due,
        skill=doc.skill,
        level=doc.level,
        why=doc.why,
        outcome=doc.outcome,
        subject=doc.subject,
        id=doc.id,
        done=None if doc.done is None else Done(doc.done.date, doc.done.evidence),
        carried_from=doc.carried_from,
        hours=doc.hours,
        weeks=doc.weeks,
        starts=doc.starts,
    )


def _comparison(result: Comparison) -> ComparisonDoc:
    return ComparisonDoc(
        self_date=dt.date.fromisoformat(result.self_date),
        manager=result.manager,
        manager_date=dt.date.fromisoformat(result.manager_date),
        flag_at=FLAG_AT,
        skills=[
            ComparedSkillDoc(
                skill=row.skill,
                name=row.name,
                self_rating=rating_value(row.self_rating),
                manager=rating_value(row.manager),
                difference=row.difference,
                flagged=row.flagged,
                self_evidence=row.self_rating.evidence if row.self_rating else "",
                manager_evidence=row.manager.evidence if row.manager else "",
            )
            for row in result.rows
        ],
        discussion=[
            DiscussionDoc(skill=row.skill, prompt=text)
            for row, text in zip(result.flagged, result.prompts, strict=True)
        ],
        one_view=[row.skill for row in result.one_view],
    )


def _followup(result: FollowUp) -> FollowUpDoc:
    return FollowUpDoc(
        since=result.since,
        role=result.role,
        role_title=result.role_title,
        carried=[g.id for g in result.carried],
        completed=[_goal(g) for g in result.completed],
        reached=[_goal(g) for g in result.reached],
        dropped=[_goal(g) for g in result.dropped],
        done_ids=list(result.done_ids),
        unconfirmed=list(result.unconfirmed),
    )


def _ranked(result: RoleFigures, place: str) -> Ranked:
    return Ranked(
        role=result.role,
        title=result.title,
        readiness=round(result.readiness, 4),
        percent=whole_percent(result.readiness),
        high=round(result.high, 4),
        place=place,
        not_yet=[g.skill for g in result.essential],
        climb=result.climb,
        hours=round(result.hours, 1),
        step_back=result.step_back,
    )


def plan_document(plan: Plan, catalogue: Catalogue) -> PlanDocument:
    a = plan.analysis
    return PlanDocument(
        schema_id=SCHEMA_ID,
        person=plan.person,
        current_role=plan.current_role,
        targets=list(plan.targets),
        aspirations=plan.aspirations,
        role=RoleRef(id=plan.role.id, title=plan.role.title, summary=plan.role.summary),
        start=plan.start,
        end=plan.end,
        horizon=plan.horizon,
        guidance=plan.guidance,
        formulas=Formulas(
            priority=plan.priority_formula,
            readiness=plan.readiness_formula,
            unknown=plan.unknown_rule,
            fit=plan.fit_rule,
            effort=plan.estimate_rule,
            baseline=plan.baseline_rule,
            rank=plan.rank_rule,
            readiness_effort=plan.effort_rule,
        ),
        readiness=Readiness(
            readiness=round(a.readiness, 4),
            percent=whole_percent(a.readiness),
            covered_weight=round(a.covered_weight, 4),
            total_weight=a.total_weight,
            unknown_weight=a.unknown_weight,
            projected=round(plan.projected_readiness, 4),
            projected_percent=whole_percent(plan.projected_readiness),
            high=round(a.high, 4),
            percent_high=whole_percent(a.high),
            baseline=a.baseline,
            factor=a.factor,
            not_yet=[g.skill for g in a.essential],
            claimed=[g.skill for g in a.claimed],
            climb=a.climb,
            hours=round(a.hours, 1),
        ),
        ranking=[_ranked(r, place) for r, place in zip(plan.ranking, plan.places, strict=False)],
        strengths=[_row(g) for g in a.strengths],
        transferable=[
            TransferableDoc(skill=skill, name=name, level=level)
            for skill, name, level in plan.transferable
        ],
        gaps=[_row(g) for g in a.gaps],
        unknowns=[_row(g) for g in a.unknowns],
        top_gaps=[
            GapPlanDoc(
                skill=gp.gap.skill,
                name=gp.gap.name,
                description=catalogue.skills[gp.gap.skill].description,
                status=gp.gap.status,
                current=gp.gap.current,
                required=gp.gap.required,
                gap=gp.gap.gap,
                importance=gp.gap.importance,
                priority=gp.gap.priority,
                steps=[_goal(g) for g in gp.steps],
                later=[_goal(g) for g in gp.later],
            )
            for gp in plan.top_gaps
        ],
        mentor=MentorDoc(
            profile=plan.mentor.profile,
            find=plan.mentor.find,
            where=list(plan.mentor.where),
            cadence=plan.mentor.cadence,
            learn=list(plan.mentor.learn),
            questions=list(plan.mentor.questions),
        ),
        relationships=[_goal(g) for g in plan.relationships],
        practices=[_goal(g) for g in plan.practices],
        exposure=[_goal(g) for g in plan.exposure],
        influence=[_goal(g) for g in plan.influence],
        credentials=[CredentialDoc(name=c.name, why=c.why) for c in plan.credentials],
        credentials_held=[CredentialDoc(name=c.name, why=c.why) for c in plan.credentials_held],
        milestones=[
            MilestoneDoc(label=m.label, day=m.day, date=m.date, goals=[_goal(g) for g in m.goals])
            for m in plan.milestones
        ],
        checkin_days=plan.checkin_days,
        checkins=[CheckInDoc(number=c.number, date=c.date, focus=c.focus) for c in plan.checkins],
        agenda=AgendaDoc(
            purpose=plan.agenda.purpose,
            items=[
                AgendaItemDoc(
                    topic=i.topic, question=i.question, skill=i.skill, priority=i.priority
                )
                for i in plan.agenda.items
            ],
            agree=list(plan.agenda.agree),
        ),
        basis=None if plan.comparison is None else plan.basis,
        comparison=None if plan.comparison is None else _comparison(plan.comparison),
        followup=None if plan.followup is None else _followup(plan.followup),
        time=None if plan.time is None else _time(plan.time),
        this_month=None if plan.this_month is None else _this_month(plan.this_month),
        route=None if plan.route is None else _route(plan.route),
        bridges=[_goal(g) for g in plan.bridges],
    )


def _route(route: RouteShown) -> RouteDoc:
    return RouteDoc(
        roles=list(route.roles),
        text=route.text,
        kind=route.move.kind,
        later=[
            LaterBridgeDoc(kind=b.kind, title=b.title, weeks=b.weeks, hours=b.hours)
            for b in route.later
        ],
    )


def _time(time: TimeFit) -> TimeDoc:
    return TimeDoc(
        hours_per_week=time.hours_per_week,
        source=time.source,
        weeks=round(time.weeks, 2),
        available=round(time.available, 1),
        planned=round(time.planned, 1),
        needed=round(time.needed, 1),
        deferred_hours=round(time.deferred_hours, 1),
        fit=round(time.fit, 4),
        steps=time.steps,
        estimated=time.estimated,
        deferred_steps=[_goal(g) for g in time.deferred_steps],
        deferred_goals=[_goal(g) for g in time.deferred_goals],
        too_big=[g.id for g in time.too_big],
        bridge_hours=round(time.bridge_hours, 1) if time.bridge_hours else None,
    )


def _this_month(month: ThisMonth) -> ThisMonthDoc:
    return ThisMonthDoc(
        until=month.until,
        hours=round(month.hours, 1),
        steps=[g.id for g in month.steps],
        person=None if month.person is None else month.person.id,
        influence=None if month.influence is None else month.influence.id,
        checkin=None if month.checkin is None else month.checkin.number,
    )


def document_json(document: PlanDocument) -> str:
    """The document as JSON text; the optional fields are left out when empty."""
    return indented_json(_dumped(document)) + "\n"


def plan_json(plan: Plan, catalogue: Catalogue) -> str:
    """The plan's document as JSON text for any screen: document_json's, made inert for a
    terminal (careerpath.views.escape.json_text)."""
    return indented_json(_dumped(plan_document(plan, catalogue)), terminal_safe=True) + "\n"


def _dumped(document: PlanDocument) -> dict[str, Any]:
    # Every field of the first release is required, so exclude_defaults drops exactly the
    # optional fields added since, when they are empty.
    return document.model_dump(mode="json", by_alias=True, exclude_defaults=True)


# --- goals in a plan document (careerpath goals, plan --previous) -----------------------------

_GOAL_LISTS = ("relationships", "practices", "exposure", "influence", "bridges")


def map_goals(document: PlanDocument, change: Callable[[GoalDoc], GoalDoc]) -> PlanDocument:
    """The document with `change` applied to every goal in it (a goal appears in its section
    and in the timeline or among the deferred; the follow-up's lists are history and are left
    as they are)."""
    updates: dict[str, object] = {
        "top_gaps": [
            gp.model_copy(
                update={
                    "steps": [change(g) for g in gp.steps],
                    "later": [change(g) for g in gp.later],
                }
            )
            for gp in document.top_gaps
        ],
        "milestones": [
            m.model_copy(update={"goals": [change(g) for g in m.goals]})
            for m in document.milestones
        ],
    }
    for name in _GOAL_LISTS:
        updates[name] = [change(g) for g in getattr(document, name)]
    if document.time is not None:
        updates["time"] = document.time.model_copy(
            update={
                "deferred_steps": [change(g) for g in document.time.deferred_steps],
                "deferred_goals": [change(g) for g in document.time.deferred_goals],
            }
        )
    return document.model_copy(update=updates)


def with_ids(document: PlanDocument) -> PlanDocument:
    """Ids for the goals of a plan written before they existed (the same goal, the same id)."""

    def named(goal: GoalDoc) -> GoalDoc:
        return goal if goal.id else goal.model_copy(update={"id": goal_id(goal_value(goal))})

    return map_goals(document, named)


def document_goals(document: PlanDocument) -> tuple[Goal, ...]:
    """Every goal once: the timeline's, in order, then the steps beyond the horizon."""
    found: dict[str, Goal] = {}
    docs = [g for m in document.milestones for g in m.goals]
    docs += [g for gp in document.top_gaps for g in gp.later]
    for doc in docs:
        found.setdefault(doc.id, goal_value(doc))
    return tuple(found.values())


def mark_done(document: PlanDocument, goal: str, done: Done | None) -> PlanDocument:
    """The document with goal `goal` marked done wherever it appears (open again: None)."""
    record = None if done is None else DoneDoc(date=done.date, evidence=done.evidence)

    def mark(doc: GoalDoc) -> GoalDoc:
        return doc.model_copy(update={"done": record}) if doc.id == goal else doc

    return map_goals(document, mark)


def previous_plan(document: PlanDocument) -> Previous:
    """What a new plan needs of this one (careerpath.core.plan.carryover)."""
    followup = document.followup
    return Previous(
        start=document.start,
        role=document.role.id,
        role_title=document.role.title,
        goals=document_goals(document),
        done_before=tuple(followup.done_ids) if followup is not None else (),
    )
