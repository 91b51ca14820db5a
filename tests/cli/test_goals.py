"""Goals across time: stable ids, carry-over to the next plan (pure tables), the JSON plan read
back (old plans without ids included), `careerpath goals list|done` and `plan --previous`
through the CLI, and the self-vs-manager section of a plan in md, html and json."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import Result

from careerpath.core.gaps import analyse
from careerpath.core.model import ManagerView
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.carryover import Previous, carried_first, follow, follow_up
from careerpath.core.plan.goals import Done, Goal, goal_id, identify, slug
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
from tests.builders import catalogue, every_goal, inventory, rating, role
from tests.helpers import GOLDEN, one_line_error, run

START = dt.date(2026, 11, 2)
LATER = dt.date(2027, 5, 2)
CAT = catalogue("a", "b", "c")
ROLE = role(a=(3, 5), b=(2, 4), c=(1, 1))
UPDATE = os.environ.get("CAREERPATH_UPDATE_GOLDEN") == "1"
EXAMPLE = locations.example_inventory()


def goal(kind: str, **fields: object) -> Goal:
    return Goal(
        kind, str(fields.pop("title", "T")), str(fields.pop("action", "A")), "E", "Alex", **fields
    )  # type: ignore[arg-type]


# --- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (goal("skill", skill="test_design", level=3), "skill:test_design:3"),
        (
            goal("relationship", subject="QA lead (or test manager)"),
            "relationship:qa-lead-or-test-manager",
        ),
        (
            goal("relationship", title="Hear the story", subject="Hear the story"),
            "relationship:hear-the-story",
        ),
        (goal("exposure", subject="Release management"), "exposure:release-management"),
        (
            goal("influence", action="Propose a bug-report template for support escalations, now"),
            "influence:propose-a-bug-report-template-for-support",
        ),
        (goal("mentor", title="Find a mentor for this move"), "mentor:find"),
        (goal("assess", title="Rate the skills you are unsure of"), "assess:unsure"),
        (goal("review", title="Mid-plan review"), "review:mid-plan-review"),
    ],
)
def test_goal_ids_name_what_a_goal_is_about(value: Goal, expected: str) -> None:
    assert goal_id(value) == expected
    assert goal_id(value._replace(due=LATER, why="other")) == expected  # not when it is due


@pytest.mark.parametrize(
    ("text", "expected"),
    [("QA lead", "qa-lead"), ("  ", "goal"), ("Über & co.", "ber-co"), ("x" * 60, "x" * 48)],
)
def test_slugs(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_identify_keeps_ids_unique_within_a_plan() -> None:
    taken: set[str] = set()
    twins = identify([goal("exposure", subject="Sales"), goal("exposure", subject="sales")], taken)
    assert [g.id for g in twins] == ["exposure:sales", "exposure:sales-2"]
    assert identify([goal("exposure", subject="Sales")], taken)[0].id == "exposure:sales-3"


def test_every_goal_of_a_plan_has_a_unique_stable_id(library: Library) -> None:
    plan = shipped(library)
    ids = [g.id for g in every_goal(plan)]
    assert all(ids) and len(ids) == len(set(ids))
    assert "skill:requirements_analysis:2" in ids and "mentor:find" in ids
    assert [g.id for g in every_goal(shipped(library, LATER))] == ids  # the same goals, re-dated


# --- carry-over: the core ----------------------------------------------------------------------


def plan_for(ratings: dict[str, int | str], previous: Previous | None = None) -> Plan:
    return build_plan(
        inventory(**ratings),
        ROLE,
        CAT,
        [ROLE],
        start=START if previous is None else LATER,
        horizon=parse_horizon("6m"),
        previous=previous,
    )


def as_previous(plan: Plan, done: dict[str, Done] | None = None) -> Previous:
    marks = done or {}
    return Previous(
        plan.start,
        plan.role.id,
        plan.role.title,
        tuple(g._replace(done=marks.get(g.id)) for g in every_goal(plan)),
    )


DONE = Done(dt.date(2027, 1, 5), "The evidence")


@pytest.mark.parametrize(
    ("done", "later", "carried", "completed", "reached", "absent"),
    [
        # nothing done, nothing moved: every open skill step and people goal is carried over
        (
            (),
            {"a": 1, "b": 0},
            {"skill:a:2", "skill:a:3", "skill:b:1", "skill:b:2"},
            set(),
            set(),
            set(),
        ),
        # a step marked done is not repeated, the next one is carried
        (
            ("skill:a:2",),
            {"a": 1, "b": 0},
            {"skill:a:3", "skill:b:1"},
            {"skill:a:2"},
            set(),
            {"skill:a:2"},
        ),
        # the new ratings meet a step nobody marked done: reached, not carried
        (
            (),
            {"a": 3, "b": 1},
            {"skill:b:2"},
            set(),
            {"skill:a:2", "skill:a:3", "skill:b:1"},
            {"skill:a:2", "skill:a:3"},
        ),
        # the mentor was found: not asked again
        (
            ("mentor:find",),
            {"a": 1, "b": 0},
            {"skill:a:2"},
            {"mentor:find"},
            set(),
            {"mentor:find"},
        ),
    ],
)
def test_carry_over(
    done: tuple[str, ...],
    later: dict[str, int | str],
    carried: set[str],
    completed: set[str],
    reached: set[str],
    absent: set[str],
) -> None:
    first = plan_for({"a": 1, "b": 0, "c": 1})
    previous = as_previous(first, {goal_id: DONE for goal_id in done})
    second = plan_for({**later, "c": 1}, previous)
    ids = {g.id for g in every_goal(second)}
    follow = second.followup
    assert follow is not None and follow.since == START
    carried_ids = {g.id for g in follow.carried}
    assert carried <= carried_ids
    assert {g.id for g in follow.carried if g.kind == "skill"} == {
        i for i in ids if i.startswith("skill:") and i in carried_ids
    }
    assert {g.id for g in follow.completed} == completed
    assert {g.id for g in follow.reached} == reached
    assert not absent & ids
    assert all(g.carried_from == START for g in every_goal(second) if g.id in carried_ids)
    assert all(g.due is not None and g.due > LATER for g in second.goals)  # re-dated
    assert set(follow.done_ids) == completed


def test_carried_skills_keep_their_place_ahead_of_new_gaps() -> None:
    first = plan_for({"a": 1, "b": 1, "c": 1})  # a first (priority 10), then b
    order = [gp.gap.skill for gp in first.top_gaps]
    assert order == ["a", "b"]
    previous = as_previous(first)
    # later, c drops to 0 and would come before b by priority alone? b keeps its place
    gaps = analyse({"a": rating(2), "b": rating(1), "c": rating(0)}, ROLE, CAT).gaps
    assert [g.skill for g in carried_first(previous, gaps)][:2] == ["a", "b"]
    second = plan_for({"a": 2, "b": 1, "c": 0}, previous)
    assert [gp.gap.skill for gp in second.top_gaps] == ["a", "b", "c"]
    assert second.top_gaps[2].steps[0].carried_from is None  # new


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (goal("review", title="Mid-plan review", id="review:mid-plan-review"), "same"),
        (goal("mentor", id="mentor:find"), "carried"),
        (goal("exposure", id="exposure:new"), "same"),
        (goal("skill", id="skill:a:2", skill="a", level=2), None),
    ],
)
def test_follow_one_goal(value: Goal, kept: str | None) -> None:
    previous = Previous(
        START,
        "target",
        "Target",
        (
            goal("mentor", id="mentor:find"),
            goal("review", title="Mid-plan review", id="review:mid-plan-review", done=DONE),
            goal("skill", id="skill:a:2", skill="a", level=2, done=DONE),
        ),
    )
    result = follow(value, previous)
    if kept is None:
        assert result is None
    else:
        assert result == (value._replace(carried_from=START) if kept == "carried" else value)


def test_done_in_an_earlier_plan_is_not_repeated_and_unconfirmed_steps_are_named() -> None:
    previous = Previous(
        START,
        "target",
        "Target",
        (goal("skill", id="skill:a:2", skill="a", level=2, done=DONE),),
        done_before=("mentor:find",),
    )
    second = plan_for({"a": 1, "b": 0, "c": 1}, previous)
    ids = {g.id for g in every_goal(second)}
    assert "mentor:find" not in ids and "skill:a:2" not in ids and "skill:a:3" in ids
    assert second.followup is not None
    assert second.followup.unconfirmed == ("skill:a:2",)  # the ratings still say 1
    assert set(second.followup.done_ids) == {"mentor:find", "skill:a:2"}
    summary = follow_up(previous, every_goal(second), {"a": rating(2)})
    assert summary.unconfirmed == ()


# --- the JSON plan read back -------------------------------------------------------------------


def shipped(library: Library, start: dt.date = START) -> Plan:
    return build_plan(
        load_inventory(EXAMPLE, library),
        library.roles["testing"],
        library.catalogue,
        list(library.roles.values()),
        start=start,
        horizon=parse_horizon("6m"),
    )


def test_a_plan_written_before_ids_gets_the_same_ids(library: Library, tmp_path: Path) -> None:
    text = render_plan(shipped(library), library, "json").text
    data = json.loads(text)

    def strip(node: object) -> None:
        if isinstance(node, dict):
            if "kind" in node:  # a goal
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
    first = marked.top_gaps[0].steps[0]
    assert first.id == "skill:requirements_analysis:2" and first.done is not None
    timeline = [g for m in marked.milestones for g in m.goals if g.id == first.id]
    assert len(timeline) == 1 and timeline[0].done == first.done
    assert sum(1 for g in document_goals(marked) if g.done is not None) == 1
    assert previous_plan(marked).goals[0].done == DONE


# --- the CLI -----------------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    out = tmp_path / "plan.json"
    result = run("plan", EXAMPLE, "--date", START, "--format", "json", "--out", out)
    assert result.exit_code == 0, result.output
    return out


def test_goals_list_and_done(plan_file: Path) -> None:
    listed = run("goals", "list", plan_file)
    assert listed.exit_code == 0, listed.output
    assert re.search(r"\n  skill:requirements_analysis:2 +2026-12-02  open ", listed.stdout)
    assert (
        "mentor:find" in listed.stdout and "relationship:qa-lead-or-test-manager" in listed.stdout
    )
    done = run(
        "goals",
        "done",
        plan_file,
        "mentor:find",
        "--evidence",
        "Jo, fortnightly",
        "--date",
        "2026-11-20",
    )
    assert done.exit_code == 0, done.output
    assert done.stderr == f"careerpath: mentor:find done on 2026-11-20; updated {plan_file}\n"
    assert plan_file.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in plan_file.parent.iterdir()] == ["plan.json"]  # no temporary left
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(schema_text("plan")))
    mentor = next(g for g in data["milestones"][0]["goals"] if g["id"] == "mentor:find")
    assert mentor["done"] == {"date": "2026-11-20", "evidence": "Jo, fortnightly"}
    assert "done 2026-11-20" in run("goals", "list", plan_file).stdout
    # again: refused without --force, the evidence kept; with --force replaced
    again = run("goals", "done", plan_file, "mentor:find", "--evidence", "Other")
    assert "already done (2026-11-20: Jo, fortnightly); use --force" in one_line_error(
        again, 1, quiet_stdout=False
    )
    forced = run("goals", "done", plan_file, "mentor:find", "--evidence", "Other", "--force")
    assert forced.exit_code == 0
    assert '"evidence": "Other"' in plan_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("skill:requirments_analysis:2", "--evidence", "x"),
            2,
            "{plan}: no goal 'skill:requirments_analysis:2' in this plan; did you mean"
            " 'skill:requirements_analysis:2'? careerpath goals list {plan} lists them",
        ),
        (("nothing-like-it", "--evidence", "x"), 2, "{plan}: no goal 'nothing-like-it' in"),
        (("mentor:find", "--evidence", "  "), 2, "--evidence must say what shows it is done"),
        (("mentor:find", "--evidence", "x", "--date", "20/11/2026"), 2, "--date must be a date"),
    ],
)
def test_goals_done_usage_errors(
    plan_file: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = plan_file.read_bytes()
    result = run("goals", "done", plan_file, *args)
    assert message.format(plan=plan_file) in one_line_error(result, code, quiet_stdout=False)
    assert plan_file.read_bytes() == before  # untouched


def test_goals_done_without_evidence_is_a_usage_error(plan_file: Path) -> None:
    result = run("goals", "done", plan_file, "mentor:find")
    assert result.exit_code == 2 and "--evidence" in result.output


def broken(plan_file: Path, kind: str) -> tuple[Path, str]:
    text = plan_file.read_text(encoding="utf-8")
    if kind == "syntax":
        lines = text.splitlines()
        lines[3] = lines[3].rstrip(",")  # "current_role": "support" without its comma
        return plan_file.with_name("syntax.json"), "\n".join(lines)
    if kind == "field":
        return plan_file.with_name("field.json"), text.replace('"day": 30', '"day": "thirty"', 1)
    if kind == "schema":
        return plan_file.with_name("schema.json"), text.replace(
            "careerpath.plan/1", "careerpath.plan/9"
        )
    if kind == "duplicate":
        return plan_file.with_name("dup.json"), text.replace(
            '"person": "Megan Doyle",', '"person": "Megan Doyle",\n  "person": "Sam",'
        )
    if kind == "yaml":
        return plan_file.with_name("plan.md"), "# Growth plan: Megan\n"
    return plan_file.with_name("list.json"), "[1, 2]\n"


def reading(command: str, path: Path) -> Result:
    """Each command that reads a JSON plan, run on `path`."""
    if command == "list":
        return run("goals", "list", path)
    if command == "done":
        return run("goals", "done", path, "mentor:find", "--evidence", "x")
    return run("plan", EXAMPLE, "--previous", path)


@pytest.mark.parametrize(
    ("kind", "line", "message"),
    [
        ("syntax", 5, "not a JSON plan (Expecting ',' delimiter at column 3); write one with"),
        ("field", None, "must be a whole number, got 'thirty'"),
        (
            "schema",
            2,
            "\"schema\" is 'careerpath.plan/9'; this careerpath reads 'careerpath.plan/1'",
        ),
        ("duplicate", 4, "duplicate key 'person'"),
        ("yaml", 1, "not a JSON plan"),
        ("other", 1, 'not a careerpath plan: no "schema": "careerpath.plan/1"'),
    ],
)
@pytest.mark.parametrize("command", ["list", "done", "previous"])
def test_a_malformed_plan_file_is_one_line_with_its_line(
    plan_file: Path, kind: str, line: int | None, message: str, command: str
) -> None:
    path, text = broken(plan_file, kind)
    path.write_text(text, encoding="utf-8")
    if line is None:  # the line of "day": "thirty"
        line = text.splitlines().index('      "day": "thirty",') + 1
    result = reading(command, path)
    error = one_line_error(result, 1, quiet_stdout=False)
    assert error.startswith(f"{path}:{line}: "), error
    assert message in error
    assert path.read_text(encoding="utf-8") == text  # never rewritten


def beyond_a_limit(text: str, kind: str) -> str:
    """The JSON plan `text` made to cross one of careerpath.edges.limits."""
    from careerpath.edges import limits

    person = '"person": "Megan Doyle",'
    if kind == "surrogate":
        return text.replace(person, '"person": "Megan \\ud800",')
    if kind == "digits":
        return text.replace('"day": 30', '"day": ' + "3" * 4301, 1)
    if kind == "long-text":
        return text.replace(person, f'"person": "{"M" * (limits.MAX_TEXT + 1)}",')
    if kind == "huge":
        padding = "M" * limits.MAX_FILE_BYTES
        return text.replace(person, f'"person": "Megan Doyle", "x": "{padding}",')
    depth = {"deep": limits.MAX_DEPTH + 1, "deep-990": 990, "deep-5000": 5000}[kind]
    return text.replace(person, f'"x": {"[" * depth}{"]" * depth}, {person}')


@pytest.mark.parametrize(
    ("kind", "line", "message"),
    [
        ("surrogate", 3, "holds \\ud800, half of a surrogate pair, which is not a character"),
        ("digits", None, "a number of 4,301 digits is longer than careerpath reads (100)"),
        ("long-text", 3, "a text of 10,001 characters is longer than careerpath reads (10,000)"),
        ("huge", 0, "is larger than careerpath reads (1,048,576 bytes"),
        ("deep", 3, "nested more than 64 levels deep"),
        ("deep-990", 3, "nested more than 64 levels deep"),
        ("deep-5000", 0, "nested more than 64 levels deep"),
    ],
)
@pytest.mark.parametrize("command", ["list", "done", "previous"])
def test_a_plan_beyond_a_limit_is_one_line(
    plan_file: Path, kind: str, line: int | None, message: str, command: str
) -> None:
    """Line 0: no line (the whole file). A surrogate crashed goals list and done."""
    text = beyond_a_limit(plan_file.read_text(encoding="utf-8"), kind)
    path = plan_file.with_name(f"{kind}.json")
    path.write_text(text, encoding="utf-8")
    if line is None:
        line = next(n for n, row in enumerate(text.splitlines(), 1) if "3333" in row)
    result = reading(command, path)
    error = one_line_error(result, 1, quiet_stdout=False)
    where = f"{path}:{line}: " if line else f"{path}: "
    if kind == "deep-990" and not error.startswith(where):  # json's parser ran out of stack
        where = f"{path}: "
    assert error.startswith(where), error
    assert message in error
    assert path.read_text(encoding="utf-8") == text  # never rewritten


def test_goals_of_a_missing_file(tmp_path: Path) -> None:
    assert "no such file" in one_line_error(
        run("goals", "list", tmp_path / "nope.json"), 1, quiet_stdout=False
    )


def test_plan_previous_of_someone_else_is_refused(plan_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("Megan Doyle", "Sam Rivera"),
        encoding="utf-8",
    )
    error = one_line_error(run("plan", other, "--previous", plan_file), 1, quiet_stdout=False)
    assert "--previous is Megan Doyle's plan, and the inventory is Sam Rivera's" in error


def test_plan_previous_carries_over_in_every_format(plan_file: Path) -> None:
    run("goals", "done", plan_file, "skill:requirements_analysis:2", "--evidence", "Spec review")
    args = ("plan", EXAMPLE, "--date", "2027-05-02", "--previous", plan_file)
    md = run(*args)
    assert md.exit_code == 0, md.output
    assert "## Since the last plan" in md.stdout
    assert "**Requirements analysis: reach level 2 (with guidance).** Done" in md.stdout
    assert "*Evidence:* Spec review." in md.stdout
    assert "Not in your ratings yet: re-rate it" in md.stdout  # the inventory still says 1
    assert "Requirements analysis: reach level 2" not in md.stdout.split("## Timeline")[1]
    assert "*(carried over)*" in md.stdout
    html = run(*args, "--format", "html").stdout
    assert '<section id="since">' in html and "carried over" in html
    data = json.loads(run(*args, "--format", "json").stdout)
    jsonschema.validate(data, json.loads(schema_text("plan")))
    follow = data["followup"]
    assert follow["since"] == "2026-11-02"
    assert [g["id"] for g in follow["completed"]] == ["skill:requirements_analysis:2"]
    assert "skill:requirements_analysis:3" in follow["carried"]
    assert data["top_gaps"][0]["skill"] == "requirements_analysis"
    step = data["top_gaps"][0]["steps"][0]
    assert step["id"] == "skill:requirements_analysis:3" and step["carried_from"] == "2026-11-02"
    assert "basis" not in data and "comparison" not in data  # no manager view


def test_plan_help_says_previous_is_never_found_automatically() -> None:
    assert "Never found automatically" in " ".join(run("plan", "--help").stdout.split())


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
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_plan_with_a_manager_view_matches_golden_file(library: Library, fmt: str) -> None:
    """CAREERPATH_UPDATE_GOLDEN=1 rewrites it after an intended change."""
    rendered = render_plan(managed_plan(library, "conservative"), library, fmt)
    golden = GOLDEN / f"plan-testing-manager.{fmt}"
    if UPDATE:
        golden.write_text(rendered.text, encoding="utf-8")
    assert rendered.text == golden.read_text(encoding="utf-8")


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
        "self": "4",
        "manager": "2",
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
