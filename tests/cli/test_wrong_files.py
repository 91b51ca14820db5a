"""The files people pass by mistake, through the commands: what each one says.

A plan where an inventory goes, careerpath's own unfinished inventory, and a hand-written
inventory with the usual slips (a quoted level, an empty one, a version, skills: for ratings:).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from careerpath.core.draft import Draft
from careerpath.edges.inventory_files import progress_path, save_draft
from careerpath.views.document_schemas import DOCUMENTS
from tests.conftest import WriteFile
from tests.helpers import GOLDEN, ROOT, one_line_error, run

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
PLAN = "is a plan (careerpath plan's output, as JSON, careerpath.plan/1), not an inventory"
FINISH = "not an inventory yet; finish it with careerpath assess --resume"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return Path(shutil.copy(GOLDEN / "plan-testing.json", tmp_path / "plan.json"))


@pytest.mark.parametrize(
    "command",
    [
        ("gaps", "{plan}"),
        ("plan", "{plan}", "--role", "testing"),
        ("paths", "{plan}"),
        ("compare", "{plan}"),
        ("progress", "{plan}", str(EXAMPLE)),
        ("progress", str(EXAMPLE), "{plan}"),
        ("assess", "--update", "{plan}", "--answers", str(EXAMPLE)),
        ("assess", "--as-manager", "{plan}", "--answers", str(EXAMPLE)),
    ],
    ids=lambda command: "-".join(a for a in command if not a.startswith(("{", "/"))),
)
def test_every_command_that_reads_an_inventory_names_a_plan(
    command: tuple[str, ...], plan: Path, tmp_path: Path
) -> None:
    args = [a.format(plan=plan) for a in command]
    message = one_line_error(run(*args, home=tmp_path / "home"), 1)
    assert message.startswith(f"{plan}: {PLAN}; pass the inventory the plan was made from")


def test_a_plans_markdown_and_a_role_profile(tmp_path: Path) -> None:
    markdown = Path(shutil.copy(GOLDEN / "plan-testing.md", tmp_path / "plan.md"))
    assert "is a plan (careerpath plan's output, as Markdown)" in one_line_error(
        run("gaps", markdown), 1
    )
    role = ROOT / "roles" / "testing.yaml"
    assert one_line_error(run("gaps", role), 1) == (
        f"{role}: is a role profile (testing), not an inventory; pass an inventory (the YAML"
        " file careerpath assess wrote) and name the role by its id: --role testing"
    )


@pytest.fixture
def unfinished(tmp_path: Path) -> Path:
    """An unfinished inventory, saved where careerpath assess saves it."""
    home = tmp_path / "home"
    home.mkdir()
    state = Draft(date=dt.date(2026, 11, 23), out=home / "sam.yaml", skills=["scripting"])
    state.person = "Sam Rivera"
    state.mark("person")
    path = progress_path(home, state)
    save_draft(state, path)
    shutil.copy(EXAMPLE, home / "inventory-sam-rivera-2026-11-02.yaml")
    return path


def test_validate_says_an_unfinished_inventory_is_one_and_succeeds(unfinished: Path) -> None:
    """The careerpath folder: its own unfinished inventory is no problem, and not an
    inventory yet either: a note (exit 0) says how to finish it."""
    result = run("validate", unfinished.parent)
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 2 files valid (1 unfinished inventory)\n"
    assert result.stderr == (
        f"careerpath: note: {unfinished}: an unfinished inventory (careerpath assess saves one"
        f" as it goes), readable, {FINISH}\n"
    )
    data = json.loads(run("validate", unfinished, "--json").stdout)
    jsonschema.validate(data, DOCUMENTS["validate"])
    assert data["ok"] is True
    assert data["checked"] == [{"file": str(unfinished), "kind": "unfinished inventory"}]
    assert data["notes"][0]["message"].endswith(FINISH)


def test_validate_reports_a_broken_unfinished_inventory(unfinished: Path) -> None:
    unfinished.write_text(
        unfinished.read_text(encoding="utf-8").replace("- scripting", "- scriptng"),
        encoding="utf-8",
    )
    result = run("validate", unfinished)
    assert result.exit_code == 1
    error, summary = result.stderr.splitlines()
    assert error.startswith(f"careerpath: error: {unfinished}:19: unknown skill 'scriptng'")
    assert summary == "1 problem in 1 file"


def test_other_commands_refuse_an_unfinished_inventory(unfinished: Path) -> None:
    assert one_line_error(run("gaps", unfinished), 1) == (
        f"{unfinished}: is an unfinished inventory (careerpath assess saves one as it goes),"
        f" {FINISH}"
    )


def test_validate_names_a_plan_instead_of_listing_its_fields(plan: Path) -> None:
    result = run("validate", plan)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"careerpath: error: {plan}: {PLAN}; pass the inventory the plan was made from: the YAML"
        " file careerpath assess wrote",
        "1 problem in 1 file",
    ]


def test_a_hand_written_inventory_with_the_usual_slips(write: WriteFile) -> None:
    """Each message says what is wrong and how to write it; none is a did-you-mean that
    points at a field that only looks alike."""
    bad = write(
        "bad.yaml",
        'person: A\ndate: 2026-01-01\nversion: 2\nskills:\n  troubleshooting: "3"\n  writing:\n',
    )
    result = run("validate", bad)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"careerpath: error: {bad}:1: current_role is missing; add it (careerpath schema"
        " inventory lists the fields)",
        f"careerpath: error: {bad}:3: version is not a field of an inventory: the format has no"
        " version, every inventory is read the same way; remove the line",
        f"careerpath: error: {bad}:4: skills is not a field of an inventory (role profiles list"
        " skills:); put the levels under ratings:, one skill a line (troubleshooting: 3)",
        "3 problems in 1 file",
    ]
    # a command that reads it says the first problem, and that validate lists the others
    assert one_line_error(run("gaps", bad), 1) == (
        f"{bad}:1: current_role is missing; add it (careerpath schema inventory lists the"
        f" fields) (and 2 more; careerpath validate {bad} lists all)"
    )
    fixed = write(
        "fixed.yaml",
        'person: A\ndate: 2026-01-01\ncurrent_role: support\nratings:\n  troubleshooting: "3"\n'
        "  scripting:\n",
    )
    result = run("validate", fixed)
    assert result.stderr.splitlines() == [
        f'careerpath: error: {fixed}:5: ratings.troubleshooting is the text "3" in quotes, not a'
        " number; write the level without the quotes",
        f"careerpath: error: {fixed}:6: ratings.scripting is missing; write a level 0 to 5, n/a"
        " or unsure after the colon",
        "2 problems in 1 file",
    ]
