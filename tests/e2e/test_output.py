"""End to end: standard output that cannot be written, as a shell pipeline or a full disk has it.

A reader that closes the pipe early (`careerpath demo | head -1`) got what it wanted: exit 0,
nothing on stderr. A full disk (`> /dev/full`) is an error: one line, exit 1, no traceback.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, installed, json_plan, program_environment

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
COMMANDS = [
    ("demo",),
    ("roles", "show", "testing"),
    ("gaps", str(EXAMPLE)),
    ("plan", str(EXAMPLE), "--date", "2026-11-02"),
    ("plan", str(EXAMPLE), "--format", "json", "--date", "2026-11-02"),
    ("schema", "plan"),
    ("--help",),
    ("gaps", "--help"),
]
IDS = ["-".join(c for c in command if "/" not in c) for command in COMMANDS]


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_reader_that_stops_early_ends_the_run_quietly(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`careerpath demo | head -1`: exit 0 and no word (it was exit 1, or a traceback).

    The pipe is made small (one page), so that the output never fits in it whole."""
    read_end, write_end = os.pipe()
    with contextlib.suppress(AttributeError, OSError):  # Linux: the pipe's buffer, one page
        fcntl.fcntl(write_end, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    child = subprocess.Popen(
        [*installed(), *command],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=program_environment(tmp_path),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        first = reader.readline()
    assert child.stderr is not None
    errors = child.stderr.read()
    assert child.wait(timeout=60) == 0, errors
    assert first
    assert errors == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*installed(), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            env=program_environment(tmp_path),
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "careerpath: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.parametrize(
    "command",
    ["demo", "goals list PLAN", "--help", "roles --help"],
)
def test_head_1_in_a_real_shell_with_pipefail(tmp_path: Path, command: str) -> None:
    """`set -o pipefail; careerpath ... | head -1` exits 0 and says nothing more, as other Unix
    tools do (--help used to exit 1: rich ends a broken pipe with exit 1)."""
    plan = json_plan(tmp_path / "plan.json", tmp_path)
    program = " ".join(installed())
    line = f"set -o pipefail; {program} {command.replace('PLAN', str(plan))} | head -1"
    result = subprocess.run(
        ["bash", "-c", line],
        capture_output=True,
        env=program_environment(tmp_path),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert len(result.stdout.splitlines()) == 1
