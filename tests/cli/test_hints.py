"""Hints made below the CLI name their options (careerpath.errors.flag); what a person reads has
the flags put in, from cli/exits.FLAGS, in every kind of output: errors, text, plans, schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT, ok, one_line_error, run

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"


def test_an_error_spells_the_flags_of_the_command_it_suggests() -> None:
    message = one_line_error(run("gaps", EXAMPLE, "--basis", "manager"), 2)
    assert message.endswith("add one with careerpath assess --as-manager FILE, or use --basis self")


def test_a_file_error_spells_the_command_that_writes_a_good_file(tmp_path: Path) -> None:
    previous = tmp_path / "previous.json"
    previous.write_text("{}\n", encoding="utf-8")
    message = one_line_error(run("plan", EXAMPLE, "--previous", previous), 1)
    assert message.endswith(
        "write one with careerpath plan INVENTORY --format json --out PLAN.json"
    )


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("demo", "--date", "2026-11-02"), "smaller gaps (careerpath gaps FILE --role testing)"),
        (("paths", EXAMPLE), "careerpath paths ... --to ROLE shows one."),
        (("history", "Megan Doyle", "--dir", ROOT / "examples"), "careerpath assess --update FILE"),
    ],
)
def test_text_outputs_spell_their_hints(args: tuple[object, ...], hint: str) -> None:
    out = ok(run(*args))
    assert hint in out
    assert "{option" not in out


def test_a_plan_spells_the_command_of_its_reviews() -> None:
    data = json.loads(ok(run("plan", EXAMPLE, "--format", "json", "--date", "2026-11-02")))
    goals = [g for m in data["milestones"] for g in m["goals"] if g["kind"] == "review"]
    suggested = [g["action"] for g in goals if "careerpath assess" in g["action"]]
    assert len(suggested) == 2  # the mid-plan review and the final one
    assert all("(careerpath assess --update)" in action for action in suggested)


def test_the_schemas_spell_the_options_their_fields_come_from() -> None:
    text = ok(run("schema", "plan"))
    assert "(plan --previous)" in text and "(--basis)" in text
    assert "{option" not in text
