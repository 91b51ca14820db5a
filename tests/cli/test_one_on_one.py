"""A one-on-one from end to end, through the command line as a script would drive it:
self inventory (--answers), manager rating (--as-manager --answers), compare, a plan on a
basis with both views in it, goals marked done, a re-assessment a quarter later, a new plan
carrying over the unfinished goals, then progress and history. Plus the errors on the way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerpath.core.model import Rating
from careerpath.edges.load import Library, load_inventory
from tests.helpers import ok, one_line_error, run

SELF = """\
person: Sam Rivera
date: 2026-11-02
current_role: support
targets: [testing]
ratings:
  troubleshooting: {level: 4, evidence: Ticket 48211}
  test_design: 1
  test_automation: 0
  scripting: 1
  presenting: 2
  requirements_analysis: unsure
"""
MANAGER = """\
name: Priya Shah
date: 2026-11-09
ratings:
  troubleshooting: {level: 2, evidence: Still escalates the SSO cases}
  test_design: 3
  test_automation: 0
  scripting: 1
  presenting: 2
  requirements_analysis: 2
"""
LATER = """\
date: 2027-02-15
ratings:
  test_design: {level: 2, evidence: Wrote the test cases for release 4.5 with QA}
  test_automation: 1
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in (("self", SELF), ("manager", MANAGER), ("later", LATER)):
        paths[name] = tmp_path / f"{name}-answers.yaml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_the_whole_one_on_one(tmp_path: Path, files: dict[str, Path], library: Library) -> None:
    home = tmp_path / "home"
    me = home / "sam-2026-11-02.yaml"

    # 1. the self inventory
    done = run("assess", "--answers", files["self"], "--out", me, home=home)
    assert done.exit_code == 0, done.output
    before = me.read_text(encoding="utf-8")

    # 2. the manager rates the same skills, beside the self-rating, in the same file
    done = run("assess", "--as-manager", me, "--answers", files["manager"], home=home)
    assert done.exit_code == 0, done.output
    # said to the manager: the report is named, and "you" is the manager
    assert "Saved your rating of Sam Rivera beside their own" in done.stdout
    assert "you rated" not in done.stdout and "your manager" not in done.stdout
    assert "Troubleshooting: Sam Rivera's rating 4 advanced, yours 2 with guidance." in done.stdout
    assert "Sam Rivera's evidence: Ticket 48211" in done.stdout
    assert me.stat().st_mode & 0o777 == 0o600
    inventory = load_inventory(me, library)
    assert inventory.manager is not None and inventory.manager.name == "Priya Shah"
    assert inventory.ratings["troubleshooting"] == Rating(level=4, evidence="Ticket 48211")
    assert inventory.manager.ratings["troubleshooting"].level == 2  # never averaged to 3
    after = me.read_text(encoding="utf-8")
    assert after.startswith(before) and "\nmanager:\n  name: Priya Shah\n" in after

    # rating again needs --force
    again = run("assess", "--as-manager", me, "--answers", files["manager"], home=home)
    assert again.exit_code == 1
    assert "already has a manager rating (Priya Shah, 2026-11-09); use --force" in again.stderr

    # 3. compare: two flagged skills, each a prompt for the one-on-one
    compared = run("compare", me, home=home)
    assert compared.exit_code == 0, compared.output
    assert "2 differ by 2 levels or more" in compared.stdout
    assert "For the next one-on-one" in compared.stdout
    assert "Requirements analysis: self not sure, manager 2 with guidance" in compared.stdout
    assert "Troubleshooting: you rated 4 advanced, your manager 2" in compared.stdout
    for_manager = run("compare", me, "--reader", "manager", home=home).stdout
    assert "Troubleshooting: Sam Rivera's rating 4 advanced, yours 2" in for_manager
    data = json.loads(run("compare", me, "--json", home=home).stdout)
    assert [d["skill"] for d in data["discussion"]] == ["troubleshooting", "test_design"]

    # 4. plans and gaps on each basis
    gaps = {
        basis: json.loads(
            run("gaps", me, "--role", "testing", "--json", "--basis", basis, home=home).stdout
        )
        for basis in ("self", "manager", "conservative")
    }
    levels = {
        basis: {s["skill"]: s["current"] for s in g["roles"][0]["skills"]}
        for basis, g in gaps.items()
    }
    assert levels["self"]["troubleshooting"] == 4
    assert levels["manager"]["troubleshooting"] == 2
    assert levels["conservative"]["troubleshooting"] == 2
    assert levels["conservative"]["test_design"] == 1
    assert levels["conservative"]["requirements_analysis"] is None  # unsure on one side
    assert gaps["conservative"]["basis"] == "conservative"
    text = run("gaps", me, "--role", "testing", "--basis", "conservative", home=home).stdout
    assert "Basis: conservative, the lower of the self and manager ratings" in text
    plan = run("plan", me, "--basis", "conservative", "--date", "2026-11-09", home=home)
    assert plan.exit_code == 0, plan.output
    assert "Basis: conservative" in plan.stderr
    assert "Troubleshooting: reach level 3" in plan.stdout  # the manager's 2, not the self 4
    # the plan carries the comparison, and says which basis it is built on
    assert "## Self and manager" in plan.stdout
    assert "This plan is built on the **conservative** basis" in plan.stdout
    assert "| Troubleshooting | 4 | 2 | **−2, flagged** |" in plan.stdout
    assert "1. Troubleshooting: you rated 4 advanced, your manager 2 with guidance." in plan.stdout
    first_plan = home / "plan-2026-11-09.json"
    plan = run("plan", me, "--basis", "conservative", "--date", "2026-11-09",
        "--format", "json", "--out", first_plan, home=home)  # fmt: skip
    assert plan.exit_code == 0, plan.output
    agreed = json.loads(first_plan.read_text(encoding="utf-8"))
    assert agreed["basis"] == "conservative"
    assert [d["skill"] for d in agreed["comparison"]["discussion"]] == [
        "troubleshooting",
        "test_design",
    ]

    # 4b. between one-on-ones: goals done, with their evidence, in the plan file itself
    listed = run("goals", "list", first_plan, home=home)
    assert listed.exit_code == 0, listed.output
    assert "skill:test_design:2" in listed.stdout and "mentor:find" in listed.stdout
    for goal, evidence, day in (
        ("skill:test_design:2", "Wrote the test cases for release 4.5 with QA", "2027-01-20"),
        ("mentor:find", "Jo Park (QA lead), every two weeks", "2026-12-01"),
    ):
        done = run(
            "goals", "done", first_plan, goal, "--evidence", evidence, "--date", day, home=home
        )
        assert done.exit_code == 0, done.output
    typo = run("goals", "done", first_plan, "skill:test_desing:3", "--evidence", "x", home=home)
    assert typo.exit_code == 2
    assert "did you mean 'skill:test_design:3'?" in typo.stderr
    assert "done 2026-12-01" in run("goals", "list", first_plan, home=home).stdout

    # 5. a quarter later: the re-assessment, a new dated file next to the first
    done = run("assess", "--update", me, "--answers", files["later"], home=home)
    assert done.exit_code == 0, done.output
    (later,) = home.glob("inventory-*.yaml")  # named for today, next to the first
    assert load_inventory(later, library).manager is None  # the manager rates the new one anew

    # 5b. the next plan carries over what is unfinished, and shows what was completed
    second = run("plan", later, "--date", "2027-02-15", "--previous", first_plan, home=home)
    assert second.exit_code == 0, second.output
    text = second.stdout
    assert "## Self and manager" not in text  # the new inventory has one view so far
    assert "## Since the last plan" in text
    assert "The previous plan (Software tester (QA analyst)) started on 2026-11-09." in text
    assert "**Test design: reach level 2 (with guidance).** Done 2027-01-20." in text
    assert "**Find a mentor for this move.** Done 2026-12-01." in text
    assert "- Test automation: reach level 1 (aware)" in text  # reached in the new ratings
    timeline = text.split("## Timeline")[1]
    assert "Find a mentor" not in timeline and "reach level 2 (with guidance)" in timeline
    assert "Test design: reach level 3 (independent). *(carried over)*" in timeline
    gaps = text.split("## Top gaps")[1].split("## Mentor")[0]
    assert [h.split(" (priority")[0] for h in gaps.split("\n### ")[1:5]] == [  # by priority
        "1. Scripting and programming: from 1 to 3",
        "2. Test design: from 2 to 3",
        "3. Test automation: from 1 to 2",
        "4. Presenting and explaining: from 2 to 3",
    ]
    assert "Carried over from the plan of" not in gaps  # all carried: no order to explain
    data = json.loads(
        run("plan", later, "--date", "2027-02-15", "--previous", first_plan,
            "--format", "json", home=home).stdout
    )  # fmt: skip
    assert {g["id"] for g in data["followup"]["completed"]} == {
        "skill:test_design:2",
        "mentor:find",
    }
    assert "skill:test_design:3" in data["followup"]["carried"]

    # 6. progress between the two, and the history of Sam in the folder
    progress = run("progress", me, later, home=home)
    assert progress.exit_code == 0, progress.output
    assert "Sam Rivera: 2 inventories, 2026-11-02 to 2027-02-15" in progress.stdout
    assert "2 skills moved (2 up, 0 down)" in progress.stdout
    history = json.loads(run("history", "sam rivera", "--format", "json", home=home).stdout)
    assert history["dates"] == ["2026-11-02", "2027-02-15"]
    design = next(s for s in history["skills"] if s["skill"] == "test_design")
    assert design["levels"] == [1, 2] and design["change"] == 1
    assert history["roles"][0]["role"] == "testing"
    assert history["roles"][0]["readiness"][1] > history["roles"][0]["readiness"][0]


def test_manager_answers_errors_name_the_file_and_line(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    home = tmp_path / "home"
    me = tmp_path / "me.yaml"
    run("assess", "--answers", files["self"], "--out", me, home=home)
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Priya\nratings:\n  troubleshooting: 9\n", encoding="utf-8")
    result = run("assess", "--as-manager", me, "--answers", bad, home=home)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"careerpath: error: {bad}:3: ratings.troubleshooting")
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("name: Priya\nratings:\n  juggling: 3\n", encoding="utf-8")
    result = run("assess", "--as-manager", me, "--answers", unknown, home=home)
    assert result.exit_code == 1
    assert f"{unknown}:3: unknown skill 'juggling'" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("gaps", "{me}", "--basis", "manager"), 2, "--basis manager needs a manager rating"),
        (("plan", "{me}", "--basis", "both"), 2, "--basis must be one of self, manager"),
        (("compare", "{me}"), 1, "has no manager rating to compare with"),
        (("assess", "--as-manager", "{me}"), 2, "--answers ANSWERS"),  # no terminal
        (("assess", "--as-manager", "{me}", "--update", "{me}"), 2, "re-assess first"),
        (("history", "Nobody", "--dir", "{dir}"), 1, "no inventories of 'Nobody'"),
        (("progress", "{me}", "{dir}/missing.yaml"), 1, "no such file"),
        (("progress", "{me}", "{me}", "--format", "pdf"), 2, "--format must be one of"),
    ],
)
def test_usage_and_data_errors(
    tmp_path: Path, files: dict[str, Path], args: tuple[str, ...], code: int, message: str
) -> None:
    home = tmp_path / "home"
    me = tmp_path / "me.yaml"
    run("assess", "--answers", files["self"], "--out", me, home=home)
    argv = [a.format(me=me, dir=tmp_path) for a in args]
    result = run(*argv, home=home)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_progress_of_two_people_is_refused(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    me = tmp_path / "sam.yaml"
    run("assess", "--answers", files["self"], "--out", me, home=home)
    grace = tmp_path / "grace.yaml"
    grace.write_text(me.read_text(encoding="utf-8").replace("Sam Rivera", "Grace Hopper"))
    error = one_line_error(run("progress", me, grace, home=home), 1)
    assert error == (
        "the inventories are of two people, Sam Rivera and Grace Hopper; progress follows one"
        " person: give two inventories of the same person"
    )
    # the same person, however the name's case and spaces were typed
    again = tmp_path / "sam-again.yaml"
    again.write_text(me.read_text(encoding="utf-8").replace("Sam Rivera", " sam rivera"))
    assert ": 2 inventories, 2026-11-02 to 2026-11-02-2" in ok(
        run("progress", me, again, home=home)
    )


def test_history_over_a_folder_with_a_broken_file(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    run("assess", "--answers", files["self"], "--out", home / "a.yaml", home=home)
    (home / "b.yaml").write_text("person: [\n", encoding="utf-8")
    result = run("history", "Sam Rivera", "--format", "md", home=home)
    assert result.exit_code == 1
    assert f"{home / 'b.yaml'}:" in result.stderr
    assert result.stdout.startswith("# Progress: Sam Rivera")
    html = run("history", "Sam Rivera", "--format", "html", "--dir", home, home=home).stdout
    assert "<table>" in html and "<script" not in html
