"""The conventions a command-line user expects: plain help with examples, short options,
completion, --json everywhere, the same option meaning the same thing in every command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careerpath.cli.app import COMMANDS
from tests.helpers import ROOT, ok, one_line_error, run

# Every command and subcommand a person can ask --help of.
COMMAND_PATHS = (
    *((c,) for c in COMMANDS),
    ("roles", "show"),
    ("roles", "skills"),
    ("roles", "import-onet"),
    ("goals", "list"),
    ("goals", "done"),
    ("goals", "reopen"),
)

# --- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [(), *COMMAND_PATHS], ids=lambda p: " ".join(p) or "top")
def test_help_shows_no_internal_type_names(path: tuple[str, ...]) -> None:
    out = ok(run(*path, "--help"))
    assert not re.search(r"<(bool|str|int|path|list\[[^]]*\])>", out), out
    assert "{" not in out, out
    assert "list[" not in out, out


@pytest.mark.parametrize("path", [(), *COMMAND_PATHS], ids=lambda p: " ".join(p) or "top")
def test_dash_h_is_help(path: tuple[str, ...]) -> None:
    assert ok(run(*path, "-h")) == ok(run(*path, "--help"))


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=" ".join)
def test_every_command_help_has_an_example(path: tuple[str, ...]) -> None:
    out = ok(run(*path, "--help"))
    assert re.search(r"Example: careerpath \S", out), out


def test_usage_lines_read_like_unix_usage() -> None:
    assert "Usage: careerpath history [OPTIONS] PERSON [DIR]..." in ok(run("history", "--help"))
    assert "Usage: careerpath team [OPTIONS] DIR..." in ok(run("team", "--help"))
    assert "Usage: careerpath validate [OPTIONS] [PATH]..." in ok(run("validate", "--help"))
    assert "Usage: careerpath paths [OPTIONS] [INVENTORY]" in ok(run("paths", "--help"))


@pytest.mark.parametrize(
    ("path", "short", "long"),
    [
        (("plan",), "-o", "--out"),
        (("plan",), "-f", "--format"),
        (("plan",), "-r", "--role"),
        (("gaps",), "-r", "--role"),
        (("team",), "-o", "--out"),
        (("team",), "-f", "--format"),
        (("history",), "-r", "--role"),
        (("progress",), "-f", "--format"),
        (("assess",), "-o", "--out"),
        (("assess",), "-r", "--role"),
        (("roles", "import-onet"), "-o", "--out"),
        ((), "-V", "--version"),
    ],
)
def test_short_forms_of_the_common_options(path: tuple[str, ...], short: str, long: str) -> None:
    out = ok(run(*path, "--help"))
    assert re.search(rf"{long}\s+{short}\b", out), out


def test_short_options_work() -> None:
    from tests.helpers import ROOT

    example = ROOT / "examples" / "support-analyst.yaml"
    long = ok(run("plan", example, "--role", "testing", "--format", "json", "--date", "2026-11-02"))
    short = ok(run("plan", example, "-r", "testing", "-f", "json", "--date", "2026-11-02"))
    assert short == long
    assert ok(run("-V")) == ok(run("--version"))


# --- shell completion ------------------------------------------------------------------------


def bash_completion(words: str, **env: str) -> list[str]:
    """What careerpath offers bash for the last word of `words` (an empty last word: a
    space at the end)."""
    parts = words.split(" ")
    result = run(
        env={
            "_CAREERPATH_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
            **env,
        }
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_completion_offers_the_commands() -> None:
    assert bash_completion("careerpath ") == list(COMMANDS)
    assert bash_completion("careerpath pro") == ["progress"]


def test_completion_offers_a_lazily_loaded_commands_options_and_subcommands() -> None:
    options = bash_completion("careerpath plan x.yaml --")
    assert {"--role", "--out", "--format", "--ics", "--previous"} <= set(options)
    assert bash_completion("careerpath roles ") == ["show", "skills", "import-onet"]
    assert bash_completion("careerpath goals d") == ["done"]


def test_completion_offers_role_ids() -> None:
    assert bash_completion("careerpath roles show te") == [
        "team-lead",
        "technical-writing",
        "testing",
    ]
    assert bash_completion("careerpath gaps me.yaml --role dev") == ["development"]
    assert bash_completion("careerpath plan me.yaml -r dev") == ["development"]
    assert bash_completion("careerpath paths --to dev") == ["development"]


def test_completion_offers_the_short_ids_of_the_plans_goals(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    assert run("plan", EXAMPLE, "--date", "2026-11-02", "-o", plan).exit_code == 0
    assert bash_completion(f"careerpath goals done {plan} bridge:") == [
        "bridge:shadow-a-tester",
        "bridge:retest-the-fixes",
        "bridge:a-sprint-in-the",
    ]
    assert bash_completion(f"careerpath goals reopen {plan} bridge:shadow-a-tester-") == [
        "bridge:shadow-a-tester-through-one-release-s-regression"
    ]
    assert bash_completion(f"careerpath goals done {plan} ment") == ["mentor:find"]
    assert bash_completion(f"careerpath goals done {tmp_path / 'none.json'} m") == []


def test_completion_offers_the_roles_dirs_roles(org: Path) -> None:
    assert bash_completion(f"careerpath --roles-dir {org} roles show qa") == ["qa_lead"]
    assert bash_completion("careerpath team x --role qa", CAREERPATH_ROLES=str(org)) == ["qa_lead"]
    assert bash_completion(f"careerpath roles show qa --roles-dir {org}") == []  # not yet given
    assert bash_completion(f"careerpath --roles-dir {org / 'missing'} roles show qa") == []


@pytest.mark.parametrize(
    "words",
    [
        "careerpath gaps ",
        "careerpath plan me.yaml --out ",
        "careerpath team ",
        "careerpath validate ",
    ],
)
def test_completion_leaves_file_paths_to_the_shell(words: str) -> None:
    """Nothing offered: the completion script then falls back to the shell's own file names
    (bash: complete -o default; zsh: _files; fish: files allowed)."""
    assert bash_completion(words) == []


@pytest.fixture
def no_shell_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell named on the command line, not detected from the processes running pytest."""
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")


@pytest.mark.usefixtures("no_shell_detection")
def test_show_completion_prints_a_script_for_the_shell() -> None:
    out = ok(run("--show-completion", "bash"))
    assert "_CAREERPATH_COMPLETE=complete_bash" in out
    assert "complete -o default" in out  # file names when careerpath offers nothing
    assert "compdef" in ok(run("--show-completion", "zsh"))


@pytest.mark.usefixtures("no_shell_detection")
def test_install_completion_writes_the_script_for_the_shell(tmp_path: Path) -> None:
    result = run("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "careerpath.sh"
    assert "_CAREERPATH_COMPLETE=complete_bash" in script.read_text()
    assert str(script) in (tmp_path / ".bashrc").read_text()


# --- options mean the same everywhere --------------------------------------------------------

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"


@pytest.mark.parametrize(
    "command",
    [
        ("roles", "show", "qa_lead"),
        ("gaps", EXAMPLE, "--role", "qa_lead", "--json"),
        ("roles", "--json"),
    ],
    ids=lambda c: " ".join(str(w) for w in c if "/" not in str(w)),
)
def test_roles_dir_works_after_the_command_too(org: Path, command: tuple[object, ...]) -> None:
    before = ok(run("--roles-dir", org, *command))
    assert ok(run(*command, "--roles-dir", org)) == before
    assert ok(run(*command, f"--roles-dir={org}")) == before


def _person_in(folder: Path, name: str) -> Path:
    """A copy of the shipped example as `name`'s inventory, in `folder` (made)."""
    folder.mkdir(exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace("person: Megan Doyle", f"person: {name}")
    path = folder / f"{name.lower().replace(' ', '-')}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two team folders: Ana Lopez and Ben Ode in one, Cy Ray in the other."""
    first, second = tmp_path / "north", tmp_path / "south"
    _person_in(first, "Ana Lopez")
    _person_in(first, "Ben Ode")
    _person_in(second, "Cy Ray")
    return first, second


@pytest.mark.parametrize(
    ("command", "options", "people"),
    [
        (("history", "Cy Ray"), ("--json",), ["Cy Ray"]),
        (("team",), ("--json",), ["Ana Lopez", "Ben Ode", "Cy Ray"]),
        (("export",), ("-f", "jsonl"), ["Ana Lopez", "Ben Ode", "Cy Ray"]),
    ],
    ids=["history", "team", "export"],
)
def test_folders_are_positional_and_several_can_be_given(
    two_folders: tuple[Path, Path],
    command: tuple[str, ...],
    options: tuple[str, ...],
    people: list[str],
) -> None:
    first, second = two_folders
    result = run(*command, first, second, *options)
    assert result.exit_code == 0, result.output
    assert [p for p in ("Ana Lopez", "Ben Ode", "Cy Ray") if p in result.stdout] == people


def test_history_still_takes_dir_as_it_did(two_folders: tuple[Path, Path]) -> None:
    first, second = two_folders
    positional = ok(run("history", "Cy Ray", second, "--json"))
    assert ok(run("history", "Cy Ray", "--dir", second, "--json")) == positional
    assert ok(run("history", "Cy Ray", "--dir", first, "--dir", second, "--json")) == positional
    assert ok(run("history", "Cy Ray", first, "--dir", second, "--json")) == positional
    assert "--dir" not in ok(run("history", "--help"))  # the old spelling, hidden
    twice = json.loads(ok(run("history", "Cy Ray", second, "--dir", second, "--json")))
    assert len(twice["dates"]) == 1  # a folder named twice is read once


def test_history_with_the_folder_first_says_the_person_comes_first(
    two_folders: tuple[Path, Path],
) -> None:
    _, second = two_folders
    message = one_line_error(run("history", second, "Cy Ray"), 2)
    assert message == f"the person comes first, then the folders: careerpath history NAME {second}"


def test_plan_takes_its_folder_positionally_too(two_folders: tuple[Path, Path], tmp_path) -> None:
    first, _ = two_folders
    result = run("plan", first, "--out-dir", tmp_path / "plans", "--role", "testing")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["ana-lopez.md", "ben-ode.md"]


def test_a_folder_missing_among_several_is_named(two_folders: tuple[Path, Path]) -> None:
    first, second = two_folders
    missing = second.parent / "west"
    for command in (("history", "Cy Ray"), ("team",), ("export",)):
        message = one_line_error(run(*command, first, missing, second), 2)
        assert message == f"{missing}: does not exist; name a folder of inventory files"


def test_no_team_in_several_folders_names_them(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.yaml").write_text("title: not an inventory\n", encoding="utf-8")
    result = run("team", tmp_path / "a", tmp_path / "b")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"careerpath: error: no team to show: none of the 2 YAML files in {tmp_path / 'a'},"
        f" {tmp_path / 'b'} is an inventory careerpath can read (each named above)"
    )


def test_no_inventories_in_any_of_several_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    message = one_line_error(run("team", tmp_path / "a", tmp_path / "b"), 1)
    assert message.startswith(f"{tmp_path / 'a'}: no inventory files (*.yaml) here: it is empty")


# --- JSON: every read command, one type per value, a schema per document --------------------

MANAGER_RATED = """\
person: Sam Lee
date: 2026-11-02
current_role: support
targets: [testing]
ratings:
  troubleshooting: {level: 4, evidence: Ticket 1}
  test_design: unsure
  scripting: n/a
manager:
  name: Priya Shah
  date: 2026-11-03
  ratings:
    troubleshooting: {level: 2, evidence: Still escalates}
    test_design: 1
"""


@pytest.fixture
def documents(write, tmp_path: Path) -> dict[str, tuple[object, ...]]:
    """Each kind of JSON document, and a command that prints it with --json."""
    from tests.helpers import json_plan

    team = tmp_path / "team"
    team.mkdir()
    (team / "megan.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    sam = write("team/sam.yaml", MANAGER_RATED)
    plan = json_plan(tmp_path / "plan.json", tmp_path)
    return {
        "gaps": ("gaps", EXAMPLE),
        "paths": ("paths", EXAMPLE),
        "compare": ("compare", sam),
        "history": ("progress", EXAMPLE, EXAMPLE),
        "team": ("team", team),
        "roles": ("roles",),
        "role": ("roles", "show", "testing"),
        "catalogue": ("roles", "skills"),
        "goals": ("goals", "list", plan),
        "validate": ("validate", EXAMPLE),
    }


def test_every_read_command_prints_json_that_its_schema_accepts(
    documents: dict[str, tuple[object, ...]],
) -> None:
    import jsonschema

    for name, command in documents.items():
        data = json.loads(ok(run(*command, "--json")))
        schema = json.loads(ok(run("schema", name)))
        jsonschema.validate(data, schema)
        if "schema" in data:
            assert data["schema"] == schema["$id"], name


def test_history_also_takes_json(tmp_path: Path) -> None:
    (tmp_path / "megan.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(ok(run("history", "Megan Doyle", "--dir", tmp_path, "--json")))
    assert data["schema"] == "careerpath.history/1"
    assert ok(run("progress", EXAMPLE, EXAMPLE, "--json")) == ok(
        run("progress", EXAMPLE, EXAMPLE, "--format", "json")
    )


def test_json_and_another_format_is_a_usage_error() -> None:
    message = one_line_error(run("progress", EXAMPLE, EXAMPLE, "--json", "--format", "md"), 2)
    assert message == "--json and --format md ask for two formats; give one"


def test_levels_are_integers_in_every_document(documents: dict[str, tuple[object, ...]]) -> None:
    """compare and team printed "4" and "?" where gaps printed 4: now 4, "unsure", null."""
    compare = json.loads(ok(run(*documents["compare"], "--json")))
    rows = {row["skill"]: row for row in compare["skills"]}
    assert (rows["troubleshooting"]["self"], rows["troubleshooting"]["manager"]) == (4, 2)
    assert (rows["test_design"]["self"], rows["test_design"]["manager"]) == ("unsure", 1)
    assert rows["scripting"]["self"] == "n/a"
    team = json.loads(ok(run(*documents["team"], "--json")))
    sam = next(p for p in team["people"] if p["person"] == "Sam Lee")
    assert sam["ratings"]["troubleshooting"] == 4
    assert sam["ratings"]["test_design"] == "unsure"
    assert None in sam["ratings"].values()  # not rated
    gaps = json.loads(ok(run(*documents["gaps"], "--json")))
    assert all(isinstance(s["current"], int | None) for r in gaps["roles"] for s in r["skills"])


def test_validate_json_lists_the_problems_and_exits_1(write) -> None:
    bad = write("bad.yaml", "person: x\nratings: [\n")
    result = run("validate", bad, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["problems"][0]["file"] == str(bad) and data["problems"][0]["line"] == 3
    assert not data["problems"][0]["message"].startswith(str(bad))


def test_gaps_and_compare_take_out(write, tmp_path: Path) -> None:
    gaps = tmp_path / "gaps.txt"
    result = run("gaps", EXAMPLE, "-o", gaps)
    assert result.exit_code == 0 and result.stdout == ""
    assert gaps.read_text(encoding="utf-8") == ok(run("gaps", EXAMPLE))
    as_json = tmp_path / "gaps.json"  # the extension names the format, as everywhere
    assert run("gaps", EXAMPLE, "--out", as_json).exit_code == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["schema"] == "careerpath.gaps/2"
    sam = write("sam.yaml", MANAGER_RATED)
    compared = tmp_path / "compare.json"
    assert run("compare", sam, "--json", "-o", compared).exit_code == 0
    assert compared.read_text(encoding="utf-8") == ok(run("compare", sam, "--json"))
    assert "exists" in one_line_error(run("compare", sam, "--json", "-o", compared), 1)


@pytest.mark.parametrize(
    "command",
    [
        ("gaps", EXAMPLE, "--role", "TESTING", "--json"),
        ("plan", EXAMPLE, "--role", "Testing", "--format", "JSON", "--date", "2026-11-02"),
        ("progress", EXAMPLE, EXAMPLE, "--role", "Testing", "--format", "Json"),
        ("paths", "--from", "Support", "--to", "Testing", "--json"),
        ("roles", "show", "Testing", "--json"),
        ("gaps", EXAMPLE, "--basis", "Self", "--json"),
    ],
    ids=lambda c: " ".join(str(w) for w in c if "/" not in str(w)),
)
def test_role_format_and_basis_values_are_case_insensitive(command: tuple[object, ...]) -> None:
    lower = tuple(w.lower() if isinstance(w, str) and not w.startswith("-") else w for w in command)
    assert ok(run(*command)) == ok(run(*lower))


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("gaps", EXAMPLE, "--role", "testng"), "unknown role 'testng' (did you mean 'testing'?)"),
        (
            ("roles", "show", "devlopment"),
            "unknown role 'devlopment' (did you mean 'development'?)",
        ),
        (("team", ROOT / "examples", "--format", "jsn"), "got 'jsn' (did you mean 'json'?)"),
        (("plan", EXAMPLE, "-f", "htm"), "got 'htm' (did you mean 'html'?)"),
        (("schema", "gap"), "unknown schema 'gap' (did you mean 'gaps'?)"),
    ],
    ids=lambda c: " ".join(str(w) for w in c if "/" not in str(w)) if isinstance(c, tuple) else "",
)
def test_a_typo_in_a_value_gets_a_did_you_mean(command: tuple[object, ...], message: str) -> None:
    assert message in one_line_error(run(*command), 2)


# --- --out -----------------------------------------------------------------------------------

PLAN_ARGS = ("plan", EXAMPLE, "--role", "testing", "--date", "2026-11-02")


@pytest.mark.parametrize(
    "command",
    [PLAN_ARGS, ("gaps", EXAMPLE), ("progress", EXAMPLE, EXAMPLE), ("team", ROOT / "examples")],
    ids=lambda c: str(c[0]),
)
def test_out_dash_is_stdout(command: tuple[object, ...], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert ok(run(*command, "--out", "-")) == ok(run(*command))
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("flag", ["--out", "--ics"])
def test_out_never_makes_a_folder(tmp_path: Path, flag: str) -> None:
    target = tmp_path / "no-such-folder" / "plan.md"
    message = one_line_error(
        run(*PLAN_ARGS, flag, target.with_suffix(".ics" if flag == "--ics" else ".md")), 2
    )
    assert f"the folder {target.parent} does not exist" in message
    assert "mkdir -p" in message
    assert not target.parent.exists()
    gaps = one_line_error(run("gaps", EXAMPLE, "-o", target.with_name("gaps.txt")), 2)
    assert "does not exist" in gaps


def test_a_plan_never_overwrites_its_own_inventory(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    mine.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = mine.read_bytes()
    for flag in ("--out", "--ics"):
        result = run("plan", mine, "--date", "2026-11-02", flag, mine, "--force")
        assert "is the inventory the plan is made from" in one_line_error(result, 2)
    assert mine.read_bytes() == before


def test_out_and_ics_write_both_or_neither(tmp_path: Path) -> None:
    plan, ics = tmp_path / "plan.md", tmp_path / "plan.ics"
    ics.write_text("mine\n")
    assert "already exists" in one_line_error(run(*PLAN_ARGS, "-o", plan, "--ics", ics), 1)
    assert not plan.exists() and ics.read_text() == "mine\n"
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    result = run(*PLAN_ARGS, "-o", plan, "--ics", blocked / "plan.ics")
    assert result.exit_code == 2 and not plan.exists()
    result = run(*PLAN_ARGS, "-o", plan, "--ics", tmp_path / "new.ics")
    assert result.exit_code == 0 and plan.exists() and (tmp_path / "new.ics").exists()
