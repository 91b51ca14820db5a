"""The plan as a JSON document ("schema": "careerpath.plan/1"), for other tools.

The pydantic models below are the document's definition: `careerpath schema plan` prints their
JSON Schema (shipped as schemas/plan.json), and `plan_document` fills them from a Plan. It
carries every number and goal the Markdown and HTML plans show. Pure: values in, values out.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from careerpath.gaps import RoleGaps, SkillGap
from careerpath.model import LEVEL_NAMES, Catalogue
from careerpath.planning import Goal, GoalKind, Plan

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


class Readiness(_Part):
    readiness: float = Field(description="0 to 1: covered_weight / total_weight.")
    percent: int
    covered_weight: float
    total_weight: int
    unknown_weight: int = Field(description="Importance points of skills unsure or unrated.")
    projected: float = Field(description="0 to 1, if every dated step of the plan is done.")
    projected_percent: int


class Ranked(_Part):
    role: str
    title: str
    readiness: float
    percent: int


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


class TransferableDoc(_Part):
    skill: str
    name: str
    level: int


class GoalDoc(_Part):
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
    credentials: list[CredentialDoc]
    milestones: list[MilestoneDoc] = Field(description="The timeline: every dated goal.")
    checkin_days: int
    checkins: list[CheckInDoc]
    agenda: AgendaDoc = Field(description="The one-on-one page for the manager.")


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
    )


def _goal(goal: Goal) -> GoalDoc:
    return GoalDoc(
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
    )


def _percent(value: float) -> int:
    return round(value * 100)


def _ranked(result: RoleGaps) -> Ranked:
    return Ranked(
        role=result.role,
        title=result.title,
        readiness=round(result.readiness, 4),
        percent=_percent(result.readiness),
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
        ),
        readiness=Readiness(
            readiness=round(a.readiness, 4),
            percent=_percent(a.readiness),
            covered_weight=round(a.covered_weight, 4),
            total_weight=a.total_weight,
            unknown_weight=a.unknown_weight,
            projected=round(plan.projected_readiness, 4),
            projected_percent=_percent(plan.projected_readiness),
        ),
        ranking=[_ranked(r) for r in plan.ranking],
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
        credentials=[CredentialDoc(name=c.name, why=c.why) for c in plan.role.credentials],
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
    )


def plan_json(plan: Plan, catalogue: Catalogue) -> str:
    data = plan_document(plan, catalogue).model_dump(mode="json", by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
