"""The conventions a command-line user expects: plain help with examples, short options,
completion, --json everywhere, the same option meaning the same thing in every command."""

from __future__ import annotations

import re

import pytest

from careerpath.cli.app import COMMANDS
from tests.helpers import ok, run

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
