"""careerpath paths: the lattice from the example inventory, from a role, as JSON, and errors."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT, ok, one_line_error, run

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"


def test_paths_from_the_example_inventory() -> None:
    out = ok(run("paths", EXAMPLE))
    assert out.startswith("Megan Doyle: where the lattice leads from support")
    table = out.split("\n\n")[1].splitlines()
    assert table[0].split() == ["role", "move", "readiness", "effort"]
    rows = {line.split()[0]: line for line in table[1:]}
    assert {"testing", "development", "consulting", "leadership"} <= set(rows)
    assert rows["testing"].endswith("your target")
    assert "Try it before applying:" in out
    assert "Shadow a tester through one release's regression run (shadowing, 2 weeks, 8 h)" in out
    assert "readiness = 1 - (sum of weight x levels short)" in out


def test_paths_from_a_role_without_an_inventory() -> None:
    out = ok(run("paths", "--from", "testing"))
    assert out.startswith("where the lattice leads from testing (Software tester (QA analyst))")
    assert "development  lateral" in out
    assert "Builds:  Software design 1 -> 2" in out


def test_to_shows_every_route_to_one_role() -> None:
    out = ok(run("paths", "--from", "support", "--to", "development"))
    assert "Or: support -> testing -> development: effort" in out
    rows = out.split("\n\n")[1].splitlines()[1:]
    assert [line.split()[0] for line in rows] == ["development"]


def test_no_route_is_said_plainly() -> None:
    out = ok(run("paths", "--from", "development", "--to", "support"))
    assert "The lattice has no route from development to support in 3 moves or fewer." in out


def test_a_current_role_that_is_not_a_profile_starts_at_the_entry(write) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "current_role: support", "current_role: call centre agent"
    )
    out = ok(run("paths", write("agent.yaml", text)))
    assert (
        "Your current role 'call centre agent' is not a role profile: starting from helpdesk,"
        " where a support career starts (--from ROLE to choose)." in out
    )


def test_paths_as_json() -> None:
    data = json.loads(ok(run("paths", EXAMPLE, "--json")))
    assert data["schema"] == "careerpath.paths/1"
    assert data["person"] == "Megan Doyle" and data["start"]["role"] == "support"
    assert set(data["formulas"]) == {"readiness", "effort", "long"}
    testing = next(r for r in data["roles"] if r["role"] == "testing")
    assert testing["target"] is True
    assert testing["move"]["kind"] == "lateral" and testing["move"]["onet"] == "Primary-Long"
    assert {"skill", "name", "current", "required"} == set(testing["move"]["builds"][0])
    assert testing["move"]["bridges"][0]["weeks"] == 2
    assert testing["route"]["roles"] == ["support", "testing"]
    assert testing["effort"]["levels"] == testing["route"]["effort"]["levels"]
    percents = [r["percent"] for r in data["roles"]]
    assert percents == sorted(percents, reverse=True)


def test_without_inventory_or_from_is_a_usage_error() -> None:
    message = one_line_error(run("paths"), 2)
    assert message == "name the role to start from with --from, or give an inventory"


def test_unknown_roles_are_usage_errors() -> None:
    assert one_line_error(run("paths", "--from", "tester"), 2).startswith(
        "unknown role 'tester' (did you mean 'testing'?); choose one of: "
    )
    assert one_line_error(run("paths", EXAMPLE, "--to", "tester"), 2).startswith(
        "unknown role 'tester'"
    )


def test_a_missing_inventory_is_a_data_error(tmp_path) -> None:
    message = one_line_error(run("paths", tmp_path / "nope.yaml"), 1)
    assert message.endswith("nope.yaml: no such file; check the path")


PERSONAS = ROOT / "tests" / "data" / "personas"


@pytest.mark.parametrize(
    ("persona", "direction"),
    [
        ("customer-service", "customer-success"),
        ("writer", "technical-writing"),
        ("trainer", "training"),
        ("ops-analyst", "support-operations"),
    ],
)
def test_each_persona_reaches_its_own_direction_first(persona: str, direction: str) -> None:
    """Made-up people with no targets: the closest role the lattice leads to is theirs."""
    data = json.loads(ok(run("paths", PERSONAS / f"{persona}.yaml", "--json")))
    first = data["roles"][0]
    assert first["role"] == direction
    assert first["move"] is not None and first["move"]["bridges"]
    assert not any(r["target"] for r in data["roles"])


def test_a_long_move_from_first_line_shows_the_route_through_second_line() -> None:
    out = ok(run("paths", "--from", "helpdesk", "--to", "testing"))
    assert "Or: helpdesk -> support -> testing: effort " in out


def test_builds_leave_out_what_the_person_already_holds() -> None:
    """The example's ticket writing is 4, as testing asks: not a build for Megan."""
    out = ok(run("paths", EXAMPLE, "--to", "testing"))
    builds = out.split("Builds:", 1)[1].split("Try it before applying:", 1)[0]
    assert "Test automation 0 -> 2" in builds
    assert "Ticket and written documentation" not in builds


def test_a_plan_on_a_route_of_two_moves_tries_the_first_move_now() -> None:
    """support -> team-lead -> leadership: acting as a lead can be tried now, acting as head of
    support waits for the next plan."""
    out = ok(run("plan", EXAMPLE, "--role", "leadership", "--out", "-"))
    route = out.split("## The route", 1)[1].split("\n## ", 1)[0]
    assert "support -> team-lead -> leadership (2 moves; the first, step up)" in route
    assert "Try the first move, into the support team lead role, before you apply." in route
    assert "Cover the team lead during their leave" in route
    assert "Act as support manager for a month" not in route
