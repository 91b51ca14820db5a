"""A file of another kind where an inventory goes is named as what it is, with what to pass.

The plans and team views are careerpath's own outputs (the goldens), the role files are the
shipped ones: what a person really passes by mistake.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerpath.core.draft import Draft
from careerpath.edges.inventory_files import progress_path, save_draft
from careerpath.edges.load import Library, load_inventory
from careerpath.errors import CareerpathError
from tests.conftest import WriteFile
from tests.helpers import GOLDEN, ROOT

PLAN = "is a plan (careerpath plan's output, as {}), not an inventory; pass the inventory the plan"
OUTPUT = "is careerpath {}'s output ({}), not an inventory; pass an inventory"
ROLES = ROOT / "roles"


def message_of(path: Path, library: Library) -> str:
    with pytest.raises(CareerpathError) as caught:
        load_inventory(path, library)
    return caught.value.worded(flags={"role": "--role", "resume": "--resume", "ics": "--ics"})


@pytest.mark.parametrize(
    ("path", "start"),
    [
        (GOLDEN / "plan-testing.json", PLAN.format("JSON, careerpath.plan/1")),
        (GOLDEN / "plan-testing.md", PLAN.format("Markdown")),
        (GOLDEN / "plan-testing.html", PLAN.format("HTML")),
        (GOLDEN / "plan-testing-manager.md", PLAN.format("Markdown")),
        (GOLDEN / "team-all.json", OUTPUT.format("team", "JSON, careerpath.team/2")),
        (GOLDEN / "team-all.md", OUTPUT.format("team", "Markdown")),
        (GOLDEN / "team-all.html", OUTPUT.format("team", "HTML")),
        (ROLES / "testing.yaml", "is a role profile (testing), not an inventory; pass an"),
        (ROLES / "skills.yaml", "is the skill catalogue, not an inventory; pass an inventory"),
        (ROLES / "lattice.yaml", "is the lattice (the moves between roles), not an inventory"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else "",
)
def test_careerpaths_own_files_are_named(path: Path, start: str, library: Library) -> None:
    message = message_of(path, library)
    assert message.startswith(f"{path}: {start}")
    assert "\n" not in message


def test_a_role_profile_says_how_to_name_the_role(library: Library) -> None:
    assert message_of(ROLES / "testing.yaml", library).endswith(
        "name the role by its id: --role testing"
    )


@pytest.mark.parametrize(
    ("content", "start"),
    [
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "is a calendar (careerpath plan --ics wrote it)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF, not an inventory"),
        ("<!DOCTYPE html>\n<html><title>Notes</title>", "is a web page (HTML), not an inventory"),
        ("name: Priya Shah\nratings:\n  troubleshooting: 2\n", "is a manager's rating on its own"),
    ],
    ids=["calendar", "pdf", "web-page", "manager-answers"],
)
def test_other_files_people_pass(write: WriteFile, content, start: str, library) -> None:
    path = write("wrong.yaml", content)
    assert message_of(path, library).startswith(f"{path}: {start}")


def test_an_unfinished_inventory_says_how_to_finish_it(tmp_path: Path, library: Library) -> None:
    state = Draft(date=dt.date(2026, 11, 23), out=tmp_path / "sam.yaml", skills=["scripting"])
    state.person = "Sam"
    path = progress_path(tmp_path, state)
    save_draft(state, path)
    assert message_of(path, library) == (
        f"{path}: is an unfinished inventory (careerpath assess saves one as it goes), not an"
        " inventory yet; finish it with careerpath assess --resume"
    )


def test_an_inventory_with_mistakes_keeps_its_own_messages(
    write: WriteFile, library: Library
) -> None:
    """What is recognised is another kind of file; a wrong inventory is told its problems."""
    path = write("bad.yaml", "person: A\ndate: 2026-01-01\nratings:\n  troubleshooting: 9\n")
    assert message_of(path, library).startswith(f"{path}:1: current_role is missing")
    path = write("broken.yaml", "person: [A\n")
    assert "not valid YAML" in message_of(path, library)
