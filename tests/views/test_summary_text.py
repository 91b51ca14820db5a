"""The summary at the end of careerpath assess, on the shipped roles."""

from __future__ import annotations

from pathlib import Path

from careerpath.core.model import Inventory
from careerpath.edges.load import Library
from careerpath.errors import flag
from careerpath.views.summary_text import plan_command, summary_text, top_strengths
from tests.builders import TODAY
from tests.builders import rating as r


def test_summary_names_strengths_gaps_ranking_and_the_plan_command(library: Library) -> None:
    inventory = Inventory(
        person="Sam",
        date=TODAY,
        current_role="support",
        targets=["testing"],
        ratings={
            "troubleshooting": r(4, "ticket"),
            "ticket_documentation": r(4),
            "patience_under_pressure": r(3),
            "test_design": r(1),
            "scripting": r(0),
        },
    )
    out = Path("/home/sam/my files/inventory-2026-11-23.yaml")
    text = summary_text(inventory, library.roles.values(), library.catalogue, out)
    lines = text.splitlines()
    assert lines[0] == f"Saved your inventory: {out}"
    strengths = lines[lines.index("Top strengths") + 1 : lines.index("Top strengths") + 4]
    assert strengths == [
        "  Troubleshooting: 4 advanced, with evidence",
        "  Ticket and written documentation: 4 advanced",
        "  Patience under pressure: 3 independent",
    ]
    gaps = text.split("Top gaps for Software tester (QA analyst)")[1]
    assert "Test design: now 1, needs 3, importance 5 (priority 10)" in gaps
    assert "Readiness for every role, closest first" in text
    for role_id in library.roles:
        assert f"\n  {role_id} " in text
    assert lines[-3] == (
        f"  careerpath plan '/home/sam/my files/inventory-2026-11-23.yaml' {flag('role')} testing"
    )  # the CLI puts in the flags
    assert f"careerpath assess {flag('update')}" in lines[-1]
    assert max(len(line) for line in lines if "careerpath" not in line) <= 80


def test_summary_ranking_keeps_ids_whole_and_shortens_long_titles(library: Library) -> None:
    long_role = library.roles["testing"].model_copy(
        update={"id": "quality-assurance-automation", "title": "Quality engineer " * 6}
    )
    roles = [*library.roles.values(), long_role]
    inventory = Inventory(person="Sam", date=TODAY, current_role="support", ratings={})
    text = summary_text(inventory, roles, library.catalogue, Path("inventory.yaml"))
    rows = [
        line for line in text.splitlines() if line.startswith("  quality-assurance-automation ")
    ]
    assert len(rows) == 1 and "  Quality engineer Quality…  " in rows[0]
    assert max(len(line) for line in text.splitlines() if "careerpath" not in line) <= 80


def test_strengths_prefer_higher_levels_then_evidence(library: Library) -> None:
    inventory = Inventory(
        person="Sam",
        date=TODAY,
        current_role="support",
        ratings={
            "scripting": r(3),
            "coaching": r(3, "buddy"),
            "presenting": r(5),
            "planning_work": r(2),
        },
    )
    assert top_strengths(inventory, library.catalogue) == ["presenting", "coaching", "scripting"]


def test_plan_command_names_the_organisation_folder_when_one_is_in_use() -> None:
    assert plan_command(Path("inv.yaml"), "qa_lead", Path("our roles")) == (
        f"careerpath {flag('roles_dir')} 'our roles' plan inv.yaml {flag('role')} qa_lead"
    )
