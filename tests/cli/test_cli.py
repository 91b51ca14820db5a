"""The command line through typer's CliRunner: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from careerpath import __version__
from tests.conftest import ORG_ROLE, WriteFile
from tests.helpers import ROOT, assert_no_traceback, ok, one_line_error, run

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
# Every shipped profile, read from the files themselves (not through careerpath), so a profile
# the library failed to list would fail these tests.
ROLE_FILES = sorted(
    p for p in (ROOT / "roles").glob("*.yaml") if p.stem not in ("skills", "lattice")
)
ROLE_IDS = {p.stem for p in ROLE_FILES}
ROLE_TITLES = {
    line.removeprefix("title:").strip()
    for p in ROLE_FILES
    for line in p.read_text(encoding="utf-8").splitlines()
    if line.startswith("title:")
}
PLAN = ("plan", EXAMPLE, "--role", "testing", "--date", "2026-11-02")


# --- help and version --------------------------------------------------------------------


def test_help() -> None:
    out = ok(run("--help"))
    assert "Usage" in out
    for command in ("roles", "validate", "gaps", "plan", "demo", "schema"):
        assert re.search(rf"^\W*{command}\b", out, re.MULTILINE), command


COMMANDS = (
    *("validate", "gaps", "paths", "plan", "assess", "demo", "compare"),
    *("progress", "history", "team", "export", "schema", "roles", "goals"),
)


def test_help_lists_every_command_in_order_with_its_summary() -> None:
    """Commands are built only when looked up; --help must still show all, in their order."""
    out = ok(run("--help"))
    listed = re.findall(r"^\W*([a-z]+)\s{2,}\S", out.split("Commands")[1], re.MULTILINE)
    assert listed == list(COMMANDS)
    assert re.search(r"plan\s+Write a dated growth plan for one role\.", out)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_its_own_help(command: str) -> None:
    out = ok(run(command, "--help"))
    assert f"Usage: careerpath {command}" in re.sub(r"\s+", " ", out)


@pytest.mark.parametrize(("typo", "suggestion"), [("gasp", "'gaps'"), ("paln", "'plan'")])
def test_a_misspelt_command_gets_a_suggestion(typo: str, suggestion: str) -> None:
    result = run(typo)
    assert result.exit_code == 2
    assert f"No such command '{typo}'. Did you mean {suggestion}" in result.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["gasp"], "No such command 'gasp'. Did you mean 'gaps', 'goals'? See careerpath --help"),
        (["plan"], "Missing argument 'INVENTORY'; see careerpath plan --help"),
        (["gaps", "x.yaml", "--colour"], "No such option: --colour"),
        (["--roles-dir"], "Option '--roles-dir' requires an argument"),
    ],
)
def test_the_console_script_turns_usage_errors_into_one_line(
    argv: list[str],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from careerpath.cli import main

    monkeypatch.setattr("sys.argv", ["careerpath", *argv])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"careerpath: error: {expected}")
    assert err.count("\n") == 1


def test_no_arguments_shows_help() -> None:
    result = run()
    assert_no_traceback(result)
    assert "Usage" in result.output


def test_version() -> None:
    assert ok(run("--version")) == f"careerpath {__version__}\n"


# --- roles -------------------------------------------------------------------------------


def test_roles() -> None:
    out = ok(run("roles"))
    rows = [line.split()[0] for line in out.splitlines()[: len(ROLE_IDS)]]
    assert rows == sorted(ROLE_IDS)
    for title in ROLE_TITLES:
        assert title in out


def test_roles_json() -> None:
    document = json.loads(ok(run("roles", "--json")))
    assert document["schema"] == "careerpath.roles/1"
    data = document["roles"]
    assert len(data) == len(ROLE_IDS)
    assert {role["id"] for role in data} == ROLE_IDS
    assert {role["title"] for role in data} == ROLE_TITLES
    for role in data:
        assert role["skills"] > 0
        assert Path(role["source"]).name == f"{role['id']}.yaml"


def test_roles_show() -> None:
    out = ok(run("roles", "show", "testing"))
    assert out.startswith("Software tester (QA analyst)\n")
    assert "Test design" in out
    assert "level 3 (independent), importance 5" in out


def test_roles_show_unknown_role() -> None:
    message = one_line_error(run("roles", "show", "nosuch"), 2)
    assert message == f"unknown role 'nosuch'; choose one of: {', '.join(sorted(ROLE_IDS))}"


def test_roles_skills() -> None:
    out = ok(run("roles", "skills"))
    lines = out.splitlines()
    assert lines[0] == "Technical"
    assert re.search(r"^  troubleshooting +Troubleshooting$", out, re.MULTILINE)
    assert re.search(r"^  test_design +Test design$", out, re.MULTILINE)


# --- validate ----------------------------------------------------------------------------


def test_validate_built_in_data() -> None:
    expected = len(list((ROOT / "roles").glob("*.yaml"))) + 1  # roles, catalogue, the example
    assert ok(run("validate")) == f"ok: {expected} files valid\n"


def test_validate_an_inventory() -> None:
    assert ok(run("validate", EXAMPLE)) == "ok: 1 file valid\n"


def test_validate_folder_with_bad_files(write) -> None:
    role = write(
        "data/qa.yaml",
        "id: qa\nsummary: x\nskills:\n  test_design: {level: 7, importance: 5}\n",
    )
    inventory = write(
        "data/sam.yaml",
        "person: Sam\ndate: 2026-11-02\ncurrent_role: support\nratings:\n  scriptng: 2\n",
    )
    write("data/good.yaml", ORG_ROLE.replace("id: qa_lead", "id: good"))
    result = run("validate", role.parent)
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"careerpath: error: {role}:1: title is missing;"
        " add it (careerpath schema role lists the fields)",
        f"careerpath: error: {role}:1: mentor is missing;"
        " add it (careerpath schema role lists the fields)",
        f"careerpath: error: {role}:4: skills.test_design.level must be 0 to 5, got 7",
        f"careerpath: error: {inventory}:5: unknown skill 'scriptng'; did you mean 'scripting'?",
        "4 problems in 3 files",
    ]


def test_validate_unreadable_and_missing_files(write, tmp_path: Path) -> None:
    bad = write("bad.yaml", b"person: caf\xe9\n")
    missing = tmp_path / "missing.yaml"
    result = run("validate", bad, missing, EXAMPLE)
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"careerpath: error: {bad}:1: not UTF-8 text (byte 0xe9); save the file as UTF-8",
        f"careerpath: error: {missing}: no such file; check the path",
        "2 problems in 3 files",
    ]


def test_validate_org_folder(org: Path) -> None:
    expected = len(list((ROOT / "roles").glob("*.yaml"))) + 2
    assert ok(run("--roles-dir", org, "validate")) == f"ok: {expected} files valid\n"


# --- gaps --------------------------------------------------------------------------------


def test_gaps_ranks_every_role_then_targets() -> None:
    out = ok(run("gaps", EXAMPLE))
    assert out.startswith("Megan Doyle, 2026-11-02\n")
    ranking = re.findall(r"^  ( *\d+)[.=] +(.+?)  ", out, re.MULTILINE)
    places = [int(place) for place, _ in ranking]
    assert places[0] == 1 and places == sorted(places) and len(places) == len(ROLE_IDS)
    assert {title.strip() for _, title in ranking} == ROLE_TITLES
    rows = out.splitlines()[3 : 3 + len(ROLE_IDS)]
    assert len({row.index(title) for row, (_, title) in zip(rows, ranking, strict=True)}) == 1
    assert "Software tester (QA analyst) (testing): " in out
    assert "Junior software developer (development): " in out
    assert out.index("(testing): ") < out.index("(development): ")
    assert "(consulting): " not in out


def test_gaps_one_role() -> None:
    out = ok(run("gaps", EXAMPLE, "--role", "testing"))
    assert re.search(r"\nSoftware tester \(QA analyst\) \(testing\): \d+% ready\n", out)
    assert "Readiness for every role" not in out
    assert "(development): " not in out


def test_gaps_json() -> None:
    data = json.loads(ok(run("gaps", EXAMPLE, "--json")))
    assert data["schema"] == "careerpath.gaps/2"
    assert data["person"] == "Megan Doyle"
    assert {r["role"] for r in data["ranking"]} == ROLE_IDS
    moves = [round(r["readiness"] * 100) for r in data["ranking"] if not r["step_back"]]
    assert moves == sorted(moves, reverse=True)
    assert data["ranking"][-1]["role"] == "support" and data["ranking"][-1]["step_back"]
    assert data["ranking"][0]["place"].rstrip("=") == "1"
    assert data["formulas"]["baseline"] and data["formulas"]["rank"] and data["formulas"]["effort"]
    assert [r["role"] for r in data["roles"]] == ["testing", "development"]
    for role in data["roles"]:
        assert 0 <= role["readiness"] <= 1
        assert role["skills"]
        for skill in role["skills"]:
            if skill["current"] is None:
                assert skill["gap"] is None and skill["priority"] is None
            else:
                assert skill["gap"] == max(0, skill["required"] - skill["current"])
                assert skill["priority"] == skill["gap"] * skill["importance"]


def test_gaps_print_the_arithmetic_ranges_claims_and_essential_gaps(write: WriteFile) -> None:
    path = write(
        "me.yaml",
        "person: Sam\ndate: 2026-11-02\ncurrent_role: phone support\ntargets: [development]\n"
        "ratings:\n  scripting: 1\n  troubleshooting: 4\n  resourcefulness: unsure\n"
        "  ticket_documentation: {level: 4, evidence: KB-1182}\n",
    )
    out = ok(run("gaps", path))
    assert "Measured from the lowest level every profile asks" in out or "entry profile" in out
    assert "weight = importance² x (1 + the levels the role adds beyond your baseline)" in out
    assert "not yet: scripting and programming 1 of 3 needed" in out
    assert re.search(r"\(development\): \d+-\d+% ready", out)  # resourcefulness is unsure
    assert "Troubleshooting       4 claimed" in out or "Troubleshooting: 4 claimed" in out
    assert "Ticket and written documentation: 4 for" in out  # with evidence: not a claim
    assert "importance-weighted levels to climb, about" in out
    data = json.loads(ok(run("gaps", path, "--json")))
    (development,) = data["roles"]
    assert development["not_yet"] == ["scripting"]
    assert development["claimed"] == ["troubleshooting"]
    assert development["readiness"] < development["readiness_high"]
    assert development["readiness"] <= 0.6 and development["essential_factor"] == 0.6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "person: Sam\ndate: 2026-11-02\ncurrent_role: support\nratings:\n  scripting: 9\n",
            "{path}:5: ratings.scripting must be a level 0 to 5, n/a or unsure, got 9",
            id="bad-rating",
        ),
        pytest.param(
            "person: Sam\ndate: 2026-11-02\ncurrent_role: support\ntargets: [testng]\n",
            "{path}:4: unknown role 'testng'; did you mean 'testing'?",
            id="unknown-target",
        ),
        pytest.param(
            b"person: \xff\n",
            "{path}:1: not UTF-8 text (byte 0xff); save the file as UTF-8",
            id="not-utf-8",
        ),
        pytest.param("", "{path}:1: the file is empty; it needs YAML content", id="empty"),
    ],
)
def test_gaps_bad_inventory(write, content: str | bytes, message: str) -> None:
    path = write("inv.yaml", content)
    assert one_line_error(run("gaps", path), 1) == message.replace("{path}", str(path))


def test_gaps_missing_inventory(tmp_path: Path) -> None:
    path = tmp_path / "nosuch.yaml"
    assert one_line_error(run("gaps", path), 1) == f"{path}: no such file; check the path"


def test_gaps_unknown_role() -> None:
    message = one_line_error(run("gaps", EXAMPLE, "--role", "nosuch"), 2)
    assert message.startswith("unknown role 'nosuch'; choose one of: ")


# --- plan --------------------------------------------------------------------------------


def test_plan_is_deterministic() -> None:
    first = ok(run(*PLAN))
    assert first == ok(run(*PLAN))
    assert "Megan Doyle" in first
    assert "Software tester (QA analyst)" in first
    assert "2026-11-02" in first


def test_plan_out_writes_private_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = run(*PLAN, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"careerpath: wrote {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").rstrip("\n") == ok(run(*PLAN)).rstrip("\n")
    assert not [p for p in tmp_path.iterdir() if p != out], "temporary file left behind"


def test_plan_out_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run(*PLAN, "--out", out).exit_code == 0
    before = out.read_bytes()
    message = one_line_error(run(*PLAN, "--horizon", "3m", "--out", out), 1)
    assert message == f"{out}: already exists; use --force to replace it"
    assert out.read_bytes() == before

    result = run(*PLAN, "--horizon", "3m", "--out", out, "--force")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() != before
    assert out.read_text(encoding="utf-8").rstrip("\n") == (
        ok(run(*PLAN, "--horizon", "3m")).rstrip("\n")
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_plan_force_makes_an_existing_file_private(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("old notes\n")
    out.chmod(0o644)
    assert run(*PLAN, "--out", out, "--force").exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") != "old notes\n"


def test_plan_out_to_a_folder(tmp_path: Path) -> None:
    message = one_line_error(run(*PLAN, "--out", tmp_path), 1)
    assert "--force" not in message
    assert "folder" in message


@pytest.mark.parametrize(
    ("horizon", "end"),
    [("3m", "2027-02-02"), ("6m", "2027-05-02"), ("26w", "2027-05-03"), ("1y", "2027-11-02")],
)
def test_plan_horizon_sets_the_end_date(horizon: str, end: str) -> None:
    out = ok(run(*PLAN, "--horizon", horizon))
    assert f"2026-11-02 to {end}" in out
    for other in {"2027-02-02", "2027-05-02", "2027-11-02"} - {end}:
        assert f"2026-11-02 to {other}" not in out


def test_plan_default_horizon_is_six_months() -> None:
    assert ok(run(*PLAN)) == ok(run(*PLAN, "--horizon", "6m"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--horizon", "5x"),
            "--horizon must look like 6m, 26w, 180d or 1y, got '5x'",
            id="horizon-unit",
        ),
        pytest.param(
            ("--horizon", "six months"),
            "--horizon must look like 6m, 26w, 180d or 1y, got 'six months'",
            id="horizon-words",
        ),
        pytest.param(
            ("--horizon", "10y"),
            "--horizon must be between two weeks and three years, got '10y'",
            id="horizon-too-long",
        ),
        pytest.param(
            ("--horizon", "3d"),
            "--horizon must be between two weeks and three years, got '3d'",
            id="horizon-too-short",
        ),
        pytest.param(
            ("--date", "2026-02-30"),
            "--date must be a date like 2026-11-23, got '2026-02-30'",
            id="date-impossible",
        ),
        pytest.param(
            ("--date", "next tuesday"),
            "--date must be a date like 2026-11-23, got 'next tuesday'",
            id="date-words",
        ),
        pytest.param(
            ("--date", "9999-12-31"),
            "--date must be between 1900-01-01 and 2999-12-31, got 9999-12-31",
            id="date-9999",
        ),
        pytest.param(
            ("--date", "0001-01-01"),
            "--date must be between 1900-01-01 and 2999-12-31, got 0001-01-01",
            id="date-year-1",
        ),
        pytest.param(
            ("--horizon", "8000y"),
            "--horizon must be between two weeks and three years, got '8000y'",
            id="horizon-8000y",
        ),
        pytest.param(
            ("--horizon", "99999999999999999999d"),
            "--horizon must be between two weeks and three years, got '99999999999999999999d'",
            id="horizon-20-digits",
        ),
    ],
)
def test_plan_bad_option(args: tuple[str, ...], message: str) -> None:
    assert one_line_error(run(*PLAN, *args), 2) == message


@pytest.mark.parametrize(
    "command",
    [
        ("demo",),
        ("goals", "done", "plan.json", "mentor:find", "--evidence", "x"),
        ("plan", EXAMPLE, "--format", "json"),
    ],
    ids=["demo", "goals-done", "plan-json"],
)
def test_every_date_option_is_range_checked(command: tuple[object, ...]) -> None:
    message = one_line_error(run(*command, "--date", "9999-12-31"), 2)
    assert message == "--date must be between 1900-01-01 and 2999-12-31, got 9999-12-31"


def test_plan_unknown_role() -> None:
    message = one_line_error(run("plan", EXAMPLE, "--role", "nosuch"), 2)
    assert message.startswith("unknown role 'nosuch'; choose one of: ")


def test_plan_without_targets_or_role(write) -> None:
    path = write("inv.yaml", "person: Sam\ndate: 2026-11-02\ncurrent_role: support\n")
    message = one_line_error(run("plan", path), 2)
    assert message == (
        "the inventory has no targets; add `targets: [ROLE]` to it or pass --role ROLE"
    )


# --- demo and schema ---------------------------------------------------------------------


def test_demo() -> None:
    out = ok(run("demo"))
    assert "Readiness for every role" in out
    assert "# Growth plan: Megan Doyle → Software tester (QA analyst)" in out  # piped: as is
    assert out.endswith(
        "Now make your own: careerpath assess\n"
        "  (careerpath assess --role testing asks only that role's ten key skills)\n"
        "then read your plan: careerpath plan FILE --role testing --out plan.html\n"
    )


@pytest.mark.parametrize(
    ("name", "field"), [("role", "skills"), ("inventory", "ratings"), ("catalogue", "skills")]
)
def test_schema(name: str, field: str) -> None:
    schema = json.loads(ok(run("schema", name)))
    assert field in schema["properties"]
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"] == f"careerpath.{name}/1"


def test_schema_unknown_name() -> None:
    message = one_line_error(run("schema", "nosuch"), 2)
    assert message == (
        "unknown schema 'nosuch'; choose one of: catalogue, role, inventory, lattice, plan,"
        " gaps, paths, compare, history, team, roles, goals, validate"
    )


# --- an organisation's folder ------------------------------------------------------------


def test_roles_dir_adds_a_role(org: Path) -> None:
    out = ok(run("--roles-dir", org, "roles"))
    assert re.search(r"^qa_lead +QA lead \(our organisation\)$", out, re.MULTILINE)
    assert {
        role["id"] for role in json.loads(ok(run("--roles-dir", org, "roles", "--json")))["roles"]
    } == (ROLE_IDS | {"qa_lead"})


def test_roles_env_var_adds_a_role(org: Path) -> None:
    out = ok(run("roles", env={"CAREERPATH_ROLES": str(org)}))
    assert "QA lead (our organisation)" in out
    assert "qa_lead" not in ok(run("roles"))


def test_roles_dir_role_in_gaps(org: Path) -> None:
    data = json.loads(ok(run("--roles-dir", org, "gaps", EXAMPLE, "--role", "qa_lead", "--json")))
    assert [r["role"] for r in data["roles"]] == ["qa_lead"]
    assert data["roles"][0]["skills"][0]["skill"] == "test_design"


def test_missing_roles_dir(tmp_path: Path) -> None:
    folder = tmp_path / "nosuch"
    message = one_line_error(run("--roles-dir", folder, "roles"), 2)
    assert message == (
        f"{folder}: the roles folder does not exist; check --roles-dir or CAREERPATH_ROLES"
    )


def test_broken_org_role(write) -> None:
    path = write("org/qa_lead.yaml", ORG_ROLE.replace("level: 4", "level: 7"))
    message = one_line_error(run("--roles-dir", path.parent, "roles"), 1)
    assert message == f"{path}:5: skills.test_design.level must be 0 to 5, got 7"
