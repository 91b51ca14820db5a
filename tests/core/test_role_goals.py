"""The goals a role profile gives a plan: natural titles, no repeated practices, credentials the
person holds left out, a reputation written for the role. Tables, no files."""

from __future__ import annotations

import pytest

from careerpath.core.model import Credential, Experience, Exposure, Reputation
from careerpath.core.plan.role_goals import (
    CROSS,
    REPUTATION,
    SHADOW,
    STORY,
    credentials_for,
    direction,
    holds,
    practices,
)
from tests.builders import relationship, role


@pytest.mark.parametrize(
    ("title", "given", "expected"),
    [
        ("Software tester (QA analyst)", None, "the software tester role"),
        ("Software tester (QA analyst)", "testing", "testing"),
        ("QA analyst", None, "the QA analyst role"),
        (
            "Support team lead / support manager",
            None,
            "the support team lead / support manager role",
        ),
        ("DevOps engineer", None, "the DevOps engineer role"),
        (
            "Technical implementation consultant",
            "implementation consulting",
            "implementation consulting",
        ),
    ],
)
def test_a_role_reads_naturally_after_into(title: str, given: str | None, expected: str) -> None:
    assert direction(role(more={"title": title, "direction": given}, a=(1, 1))) == expected


def subjects(**more: object) -> list[str]:
    return [g.subject for g in practices("Alex", role(more=more, a=(1, 1)))]


def people(who: str, ask: str = "Could we talk?") -> dict[str, object]:
    return {"relationships": [relationship(who, ask)]}


ALL = [STORY, SHADOW, CROSS, REPUTATION]


@pytest.mark.parametrize(
    ("more", "expected"),
    [
        ({}, ALL),
        (people("A tester who moved from support"), ALL[1:]),
        (people("Someone who went from the front line to management"), ALL[1:]),
        (people("QA lead", "Could I shadow your next regression run?"), [STORY, *ALL[2:]]),
        ({"exposure": [Exposure(area="Incidents", how="Shadow on-call.")]}, [STORY, *ALL[2:]]),
        ({"experiences": [Experience(name="Sit in on hiring interviews")]}, [STORY, *ALL[2:]]),
        (people("A consultant who started in support", "Could I sit in on a workshop?"), ALL[2:]),
    ],
)  # fmt: skip
def test_practices_a_role_already_covers_are_not_repeated(
    more: dict[str, object], expected: list[str]
) -> None:
    assert subjects(**more) == expected


def test_the_practices_name_the_direction_not_the_title() -> None:
    goals = practices(
        "Alex",
        role(more={"title": "Software tester (QA analyst)", "direction": "testing"}, a=(1, 1)),
    )
    text = " ".join(g.action + g.outcome for g in goals)
    assert "into testing" in text and "in testing" in text
    assert "(QA analyst)" not in text


def test_reputation_is_the_roles_own_or_a_generic_one_about_the_work_they_see() -> None:
    own = Reputation(
        do="Retest every fix you escalated.",
        evidence="Retests a month.",
        signal="QA asks you to retest.",
    )
    (goal,) = [
        g
        for g in practices("Alex", role(more={"reputation": own}, a=(1, 1)))
        if g.subject == REPUTATION
    ]
    assert (goal.action, goal.measure, goal.outcome) == (own.do, own.evidence, own.signal)
    (generic,) = [g for g in practices("Alex", role(a=(1, 1))) if g.subject == REPUTATION]
    assert "escalation" not in (generic.action + generic.measure + generic.outcome).lower()
    assert "the target role" in generic.action


@pytest.mark.parametrize(
    ("name", "held", "expected"),
    [
        ("ITIL 4 Foundation", ["ITIL 4 Foundation"], True),
        ("ITIL 4 Foundation", ["itil 4 foundation certificate"], True),
        ("CompTIA A+ or Network+", ["CompTIA A+"], True),
        ("CompTIA A+ or Network+", ["CompTIA Network+"], True),
        ("CompTIA A+ or Network+", ["CompTIA Security+"], False),
        ("ISTQB Certified Tester Foundation Level (CTFL)", ["CTFL"], True),
        ("ISTQB Certified Tester Foundation Level (CTFL)", ["ISTQB Certified Tester"], True),
        ("ISTQB Advanced Level Test Automation Engineer (CTAL-TAE)", ["CTFL"], False),
        ("PCEP or PCAP (Python Institute)", ["PCAP"], True),
        ("PCAP - Certified Associate in Python Programming", ["Python"], False),
        ("KCS v6 Fundamentals", ["KCS v6 Practices"], False),
        ("ITIL 4 Foundation", [], False),
        ("ITIL 4 Foundation", ["  "], False),
    ],
)  # fmt: skip
def test_which_credentials_the_person_holds(name: str, held: list[str], expected: bool) -> None:
    assert holds(Credential(name=name), held) is expected


def test_credentials_held_are_not_recommended_again() -> None:
    names = ["ITIL 4 Foundation", "HDI Support Center Analyst (HDI-SCA)", "CompTIA A+ or Network+"]
    target = role(more={"credentials": [Credential(name=n) for n in names]}, a=(1, 1))
    recommended, held = credentials_for(target, ["CompTIA A+", "ITIL 4 Foundation"])
    assert [c.name for c in recommended] == ["HDI Support Center Analyst (HDI-SCA)"]
    assert [c.name for c in held] == ["ITIL 4 Foundation", "CompTIA A+ or Network+"]
