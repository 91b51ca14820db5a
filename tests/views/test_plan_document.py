"""The JSON plan document: goal ids on shipped plans, a plan read back (old plans without ids
included), goals marked done, and the self-vs-manager section of a plan in md, html and json."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import jsonschema
import pytest

from careerpath.cli.exits import flagged
from careerpath.core.model import ManagerView
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.goals import Done
from careerpath.core.plan.horizon import parse_horizon
from careerpath.core.plan.values import Plan
from careerpath.core.reviews.compare import compare
from careerpath.edges import locations
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.plan_files import read_plan
from careerpath.edges.plan_formats import render_plan
from careerpath.views.plan_document import (
    PlanDocument,
    document_goals,
    mark_done,
    plan_document,
    previous_plan,
    with_ids,
)
from careerpath.views.schemas import schema_text
from tests.builders import catalogue, every_goal, role
from tests.helpers import GOLDEN

START = dt.date(2026, 11, 2)
LATER = dt.date(2027, 5, 2)
CAT = catalogue("a", "b", "c")
ROLE = role(a=(3, 5), b=(2, 4), c=(1, 1))
UPDATE = os.environ.get("CAREERPATH_UPDATE_GOLDEN") == "1"
EXAMPLE = locations.example_inventory()
DONE = Done(dt.date(2027, 1, 5), "The evidence")


# --- ids on the shipped plan, and the JSON plan read back ----------------------------------------


def shipped(library: Library, start: dt.date = START) -> Plan:
    return build_plan(
        load_inventory(EXAMPLE, library),
        library.roles["testing"],
        library.catalogue,
        list(library.roles.values()),
        start=start,
        horizon=parse_horizon("6m"),
        lattice=library.lattice,
    )


def test_every_goal_of_a_plan_has_a_unique_stable_id(library: Library) -> None:
    plan = shipped(library)
    ids = [g.id for g in every_goal(plan)]
    assert all(ids) and len(ids) == len(set(ids))
    assert "skill:requirements_analysis:2" in ids and "mentor:find" in ids
    # the same goals have the same ids when re-dated (which fit the months may change)
    assert everything(shipped(library, LATER)) == everything(plan)


def everything(plan: Plan) -> dict[str, str]:
    """Every goal's id and title: dated, beyond the horizon, or deferred."""
    assert plan.time is not None
    goals = every_goal(plan) + plan.time.deferred_steps + plan.time.deferred_goals
    return {g.id: g.title for g in goals}


def test_a_plan_written_before_ids_gets_the_same_ids(library: Library, tmp_path: Path) -> None:
    text = render_plan(shipped(library), library, "json").text
    data = json.loads(text)

    def strip(node: object) -> None:
        if isinstance(node, dict):
            if "kind" in node and "owner" in node:  # a goal (a route and a bridge have kinds too)
                node.pop("id")
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(data)
    jsonschema.validate(data, json.loads(schema_text("plan")))  # still careerpath.plan/1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    assert read_plan(old) == PlanDocument.model_validate(json.loads(text))


def test_mark_done_marks_every_copy_of_the_goal(library: Library) -> None:
    document = with_ids(plan_document(shipped(library), library.catalogue))
    marked = mark_done(document, "skill:requirements_analysis:2", DONE)
    (first,) = [s for gp in marked.top_gaps for s in gp.steps if s.done is not None]
    assert first.id == "skill:requirements_analysis:2"
    timeline = [g for m in marked.milestones for g in m.goals if g.id == first.id]
    assert len(timeline) == 1 and timeline[0].done == first.done
    assert sum(1 for g in document_goals(marked) if g.done is not None) == 1
    (done,) = [g for g in previous_plan(marked).goals if g.id == first.id]
    assert done.done == DONE


# --- the plan with both views ------------------------------------------------------------------

MANAGER = ManagerView.model_validate(
    {
        "name": "Priya Shah",
        "date": "2026-11-09",
        "ratings": {
            "troubleshooting": {"level": 2, "evidence": "Still escalates the SSO cases"},
            "requirements_analysis": 3,
            "test_design": "unsure",
        },
    }
)


def managed_plan(library: Library, basis: str) -> Plan:
    from careerpath.core.basis import with_basis

    original = load_inventory(EXAMPLE, library).model_copy(update={"manager": MANAGER})
    return build_plan(
        with_basis(original, basis),  # type: ignore[arg-type]
        library.roles["testing"],
        library.catalogue,
        list(library.roles.values()),
        start=START,
        horizon=parse_horizon("6m"),
        basis=basis,
        comparison=compare(original, library.catalogue),
        lattice=library.lattice,
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_plan_with_a_manager_view_matches_golden_file(library: Library, fmt: str) -> None:
    """CAREERPATH_UPDATE_GOLDEN=1 rewrites it after an intended change."""
    rendered = render_plan(managed_plan(library, "conservative"), library, fmt)
    text = flagged(rendered.text)  # as the command line writes it, with its flags
    golden = GOLDEN / f"plan-testing-manager.{fmt}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("basis", ["self", "manager", "conservative"])
def test_plan_with_a_manager_view_has_the_comparison(library: Library, basis: str) -> None:
    plan = managed_plan(library, basis)
    md = render_plan(plan, library, "md").text
    assert f"This plan is built on the **{basis}** basis" in md
    assert "| Troubleshooting | 4 | 2 | **−2, flagged** |" in md
    assert "For the next one-on-one:" in md
    assert "1. Troubleshooting: you rated 4 advanced, your manager 2 with guidance." in md
    if basis != "manager":  # the manager rated it 3, as the role needs
        assert "Requirements analysis: reach level 2" in md
    assert "settle together" in md  # test design: the manager is unsure
    assert "**Self and manager ratings.**" in md  # in the manager's agenda
    html = render_plan(plan, library, "html").text
    assert '<section id="compare">' in html and "flagged</span>" in html
    data = json.loads(render_plan(plan, library, "json").text)
    jsonschema.validate(data, json.loads(schema_text("plan")))
    assert data["basis"] == basis
    comparison = data["comparison"]
    assert comparison["manager"] == "Priya Shah" and comparison["flag_at"] == 2
    row = next(s for s in comparison["skills"] if s["skill"] == "troubleshooting")
    assert row == {
        "skill": "troubleshooting",
        "name": "Troubleshooting",
        "self": 4,
        "manager": 2,
        "difference": -2,
        "flagged": True,
        "self_evidence": row["self_evidence"],
        "manager_evidence": "Still escalates the SSO cases",
    }
    assert [d["skill"] for d in comparison["discussion"]] == [
        "troubleshooting",
        "requirements_analysis",
    ]
    assert comparison["one_view"] == ["test_design"]


def test_a_plan_without_a_manager_view_has_no_comparison(library: Library) -> None:
    plan = shipped(library)
    assert plan.comparison is None and plan.basis == "self"
    for fmt in ("md", "html"):
        assert "Self and manager" not in render_plan(plan, library, fmt).text


@pytest.mark.parametrize(
    ("basis", "legend"),
    [
        ("self", "current: the self-rating"),
        ("manager", "current: the manager's rating"),
        ("conservative", "current: the lower of the self and manager ratings, skill by skill"),
    ],
)
def test_the_radar_legend_names_the_plotted_basis(
    library: Library, basis: str, legend: str
) -> None:
    html = render_plan(managed_plan(library, basis), library, "html").text
    radar = html.split('<figure id="radar">')[1].split("</figure>")[0]
    assert legend in radar.replace("&#39;", "'")
    assert "(you)" not in radar
