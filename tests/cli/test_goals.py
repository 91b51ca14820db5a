"""`careerpath goals list|done` and `plan --previous` through the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import Result

from careerpath.edges import locations
from careerpath.views.schemas import schema_text
from tests.helpers import one_line_error, run

START = dt.date(2026, 11, 2)
EXAMPLE = locations.example_inventory()


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
    assert re.search(r"\n  skill:requirements_analysis:2 +2027-01-31  open\n", listed.stdout)
    assert "mentor:find" in listed.stdout and "relationship:qa-lead-or-test " in listed.stdout
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


def test_goals_list_shows_short_ids_and_done_takes_them_or_any_unambiguous_start(
    plan_file: Path,
) -> None:
    listed = run("goals", "list", plan_file).stdout
    assert "\n  bridge:shadow-a-tester " in listed
    assert "bridge:shadow-a-tester-through" not in listed  # the long id is not shown
    for typed, id_ in [
        ("bridge:shadow-a-tester", "bridge:shadow-a-tester-through-one-release-s-regression"),
        ("Relationship:QA", "relationship:qa-lead-or-test-manager"),
        ("ment", "mentor:find"),
    ]:
        done = run("goals", "done", plan_file, typed, "--evidence", "Done", "--date", START)
        assert done.stderr == f"careerpath: {id_} done on {START}; updated {plan_file}\n"
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    marked = {g["id"] for m in data["milestones"] for g in m["goals"] if g.get("done")}
    assert marked == {
        "bridge:shadow-a-tester-through-one-release-s-regression",
        "relationship:qa-lead-or-test-manager",
        "mentor:find",
    }  # the plan keeps its ids: a later plan --previous knows them


def test_the_long_ids_of_a_saved_plan_still_work(plan_file: Path) -> None:
    long = "influence:propose-a-bug-report-template-for-support"
    assert long in plan_file.read_text(encoding="utf-8")  # as every plan saved before has them
    done = run("goals", "done", plan_file, long, "--evidence", "Template adopted")
    assert done.exit_code == 0, done.output
    listing = json.loads(run("goals", "list", plan_file, "--json").stdout)
    goal = next(g for g in listing["goals"] if g["id"] == long)
    assert goal["short"] == "influence:propose-a-bug"
    assert goal["done"]["evidence"] == "Template adopted"
    follow = run("plan", EXAMPLE, "--previous", plan_file, "--format", "json")
    assert follow.exit_code == 0, follow.output
    assert long in json.loads(follow.stdout)["followup"]["done_ids"]


def test_an_ambiguous_start_is_one_line_listing_the_matches(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    result = run("goals", "done", plan_file, "bridge:", "--evidence", "x")
    assert one_line_error(result, 2, quiet_stdout=False) == (
        f"{plan_file}: 'bridge:' is the start of 3 goals' ids: bridge:shadow-a-tester,"
        " bridge:retest-the-fixes, bridge:a-sprint-in-the; type more of the one you mean"
    )
    assert plan_file.read_bytes() == before


def test_a_goal_done_can_be_reopened(plan_file: Path) -> None:
    written = plan_file.read_bytes()
    run("goals", "done", plan_file, "mentor", "--evidence", "Jo, fortnightly", "--date", START)
    reopened = run("goals", "reopen", plan_file, "mentor")
    assert reopened.exit_code == 0, reopened.output
    assert reopened.stderr == (
        f"careerpath: mentor:find is open again (it was done {START}: Jo, fortnightly);"
        f" updated {plan_file}\n"
    )
    assert plan_file.stat().st_mode & 0o777 == 0o600
    assert plan_file.read_bytes() == written  # as it was before the goal was marked done
    listing = json.loads(run("goals", "list", plan_file, "--json").stdout)
    assert next(g for g in listing["goals"] if g["id"] == "mentor:find")["done"] is None
    # open already: nothing to reopen, and the file is left as it is
    before = plan_file.read_bytes()
    again = run("goals", "reopen", plan_file, "mentor:find")
    assert one_line_error(again, 1, quiet_stdout=False) == (
        f"{plan_file}: goal 'mentor:find' is open: it has not been marked done, so there is"
        " nothing to reopen"
    )
    assert plan_file.read_bytes() == before
    unknown = run("goals", "reopen", plan_file, "mentr:find")
    assert "did you mean 'mentor:find'?" in one_line_error(unknown, 2, quiet_stdout=False)


def test_every_line_of_goals_list_fits_80_columns(plan_file: Path) -> None:
    """Done and carried-over goals (the widest statuses), a long name: nothing past 80
    columns, and every title whole once its wrapped lines are joined."""
    text = plan_file.read_text(encoding="utf-8").replace(
        '"person": "Megan Doyle"', '"person": "Megan Alexandra Doyle-Fitzgerald of Support"'
    )
    plan_file.write_text(text, encoding="utf-8")
    run("goals", "done", plan_file, "influence:share", "--evidence", "x", "--date", START)
    inventory = plan_file.with_name("later.yaml")
    inventory.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        .replace("person: Megan Doyle", "person: Megan Alexandra Doyle-Fitzgerald of Support")
        .replace("date: 2026-11-02", "date: 2027-02-01"),
        encoding="utf-8",
    )
    later = plan_file.with_name("later.json")
    made = run("plan", inventory, "--previous", plan_file, "-o", later, "--date", "2027-02-01")
    assert made.exit_code == 0, made.output
    for path in (plan_file, later):
        listed = run("goals", "list", path)
        assert listed.exit_code == 0, listed.output
        lines = listed.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80, listed.stdout
        flowing = " ".join(line.strip() for line in lines)
        for goal in json.loads(run("goals", "list", path, "--json").stdout)["goals"]:
            assert goal["title"] in flowing
    assert "done 2026-11-02" in run("goals", "list", plan_file).stdout
    assert "open, carried" in run("goals", "list", later).stdout
    deep = plan_file.parent / ("folder-" * 12) / "plan.json"  # a path longer than a line
    deep.parent.mkdir()
    deep.write_bytes(plan_file.read_bytes())
    listed = run("goals", "list", deep).stdout
    assert max(len(line) for line in listed.splitlines()) <= 80
    assert 'careerpath goals done PLAN.json ID --evidence "..."' in listed


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
    # the unfinished skills keep their place: test automation, then requirements analysis
    assert [gp["skill"] for gp in data["top_gaps"]][:2] == [
        "test_automation",
        "requirements_analysis",
    ]
    step = data["top_gaps"][1]["steps"][0]
    assert step["id"] == "skill:requirements_analysis:3" and step["carried_from"] == "2026-11-02"
    assert "basis" not in data and "comparison" not in data  # no manager view


def test_plan_help_says_previous_is_never_found_automatically() -> None:
    words = re.sub(r"[│╭╮╰╯─]", " ", run("plan", "--help").stdout).split()
    assert "Never found automatically" in " ".join(words)
