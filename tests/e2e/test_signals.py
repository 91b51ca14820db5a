"""End to end: a signal in the middle of a write, to the real program.

The write is held open at its slowest step (the flush to disk, os.fsync, made to wait) so that the
signal lands inside it every time. Ctrl-C (SIGINT), SIGTERM and SIGHUP each leave no temporary
file and the old file whole; kill -9, which nothing can catch, leaves its temporary file, and the
next write in that folder sweeps it once it is stale.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careerpath.edges import locations
from careerpath.edges.private_files import STALE_AFTER
from tests.helpers import installed, json_plan, program_environment

pytestmark = pytest.mark.slow

EXAMPLE = locations.example_inventory()
# careerpath's console script, with the flush to disk of every write made to wait: the marker
# file says the write is under way.
SLOW_DISK = """\
import os, sys, time
marker = sys.argv.pop(1)
def fsync(fd):
    open(marker, "w").close()
    time.sleep(60)
os.fsync = fsync
sys.argv[0] = "careerpath"
from careerpath.cli import main
main()
"""


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def plan_json(tmp_path: Path) -> Path:
    return json_plan(tmp_path / "plan.json", tmp_path / "home")


def interrupted(tmp_path: Path, number: int, *args: str) -> subprocess.CompletedProcess[str]:
    """careerpath ARGS, sent signal `number` while it writes."""
    marker = tmp_path / "writing"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_DISK, str(marker), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=program_environment(tmp_path / "home"),
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)
    child.send_signal(number)
    out, err = child.communicate(timeout=60)
    return subprocess.CompletedProcess(args, child.returncode, out, err)


CATCHABLE = [
    pytest.param(signal.SIGINT, 130, "careerpath: cancelled\n", id="SIGINT"),
    pytest.param(signal.SIGTERM, -signal.SIGTERM, "", id="SIGTERM"),
    pytest.param(signal.SIGHUP, -signal.SIGHUP, "", id="SIGHUP"),
]


@pytest.mark.parametrize(("number", "code", "stderr"), CATCHABLE)
def test_a_signal_during_goals_done_leaves_the_plan_whole_and_no_temporary_file(
    tmp_path: Path, number: int, code: int, stderr: str
) -> None:
    plan = plan_json(tmp_path)
    before = plan.read_bytes()
    result = interrupted(
        tmp_path, number, "goals", "done", str(plan), "mentor:find", "--evidence", "x"
    )
    assert result.returncode == code  # SIGTERM and SIGHUP end the process by that signal
    assert result.stderr == stderr
    assert temporary_files(tmp_path) == []
    assert plan.read_bytes() == before


@pytest.mark.parametrize(("number", "code", "stderr"), CATCHABLE)
def test_a_signal_during_plan_out_force_leaves_the_old_file(
    tmp_path: Path, number: int, code: int, stderr: str
) -> None:
    out = tmp_path / "out" / "plan.md"
    out.parent.mkdir()
    out.write_text("my notes\n", encoding="utf-8")
    result = interrupted(tmp_path, number, "plan", str(EXAMPLE), "--out", str(out), "--force")
    assert result.returncode == code
    assert result.stderr == stderr
    assert temporary_files(out.parent) == []
    assert out.read_text(encoding="utf-8") == "my notes\n"


def test_a_temporary_file_left_by_kill_9_is_swept_once_stale(tmp_path: Path) -> None:
    plan = plan_json(tmp_path)
    before = plan.read_bytes()
    result = interrupted(
        tmp_path, signal.SIGKILL, "goals", "done", str(plan), "mentor:find", "--evidence", "x"
    )
    assert result.returncode == -signal.SIGKILL
    assert plan.read_bytes() == before  # never torn
    [left] = temporary_files(tmp_path)
    assert left.startswith(".plan.json.")
    assert oct((tmp_path / left).stat().st_mode & 0o777) == "0o600"
    # A write soon after leaves it: it could be another run's, still writing.
    done = [*installed(), "goals", "done", str(plan)]
    env = program_environment(tmp_path / "home")
    first = [*done, "mentor:find", "--evidence", "x"]
    subprocess.run(first, check=True, capture_output=True, env=env, timeout=60)
    assert temporary_files(tmp_path) == [left]
    # Once it is older than STALE_AFTER, the next write in the folder removes it.
    old = time.time() - STALE_AFTER - 60
    os.utime(tmp_path / left, (old, old))
    again = [*done, "mentor:find", "--evidence", "y", "--force"]
    subprocess.run(again, check=True, capture_output=True, env=env, timeout=60)
    assert temporary_files(tmp_path) == []
