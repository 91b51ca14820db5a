"""The conventions a command-line user expects: plain help with examples, short options,
completion, --json everywhere, the same option meaning the same thing in every command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerpath.cli.app import COMMANDS
from tests.helpers import ROOT, ok, run

ORG_ROLE = """\
id: qa_lead
title: QA lead (our organisation)
summary: Leads testing for one product line.
skills:
  test_design: {level: 4, importance: 5}
mentor:
  profile: The head of quality.
"""


@pytest.fixture
def org(write) -> Path:
    """An organisation's folder that adds one role."""
    return write("org/qa_lead.yaml", ORG_ROLE).parent


# Every command and subcommand a person can ask --help of.
COMMAND_PATHS = (
    *((c,) for c in COMMANDS),
    ("roles", "show"),
    ("roles", "skills"),
    ("roles", "import-onet"),
    ("goals", "list"),
    ("goals", "done"),
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
    assert "Usage: careerpath history [OPTIONS] PERSON" in ok(run("history", "--help"))
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
