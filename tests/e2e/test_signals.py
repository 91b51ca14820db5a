"""End to end: a signal in the middle of a write, to the real program.

The write is held open at its slowest step (the flush to disk, os.fsync, made to wait) so that the
signal lands inside it every time. Ctrl-C (SIGINT), SIGTERM, SIGHUP and every other signal that
would end the process and can be caught (SIGQUIT, SIGUSR1, SIGALRM, ...) each leave no temporary
file and the old file whole; kill -9, which nothing can catch, leaves its temporary file, and
the next write in that folder sweeps it once it is stale.
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
import os, resource, signal, sys, time
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGQUIT and SIGXCPU: no core file
marker = sys.argv.pop(1)
for name in os.environ.get("IGNORED", "").split():  # as nohup or a background job has them
    signal.signal(getattr(signal, name), signal.SIG_IGN)
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


def interrupted(
    tmp_path: Path, number: int, *args: str, then: int | None = None, ignored: str = ""
) -> subprocess.CompletedProcess[str]:
    """careerpath ARGS, sent signal `number` (and then signal `then`) while it writes, with
    the signals named in `ignored` ignored from the start."""
    marker = tmp_path / "writing"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_DISK, str(marker), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=program_environment(tmp_path / "home", IGNORED=ignored),
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)
    child.send_signal(number)
    if then is not None:
        child.send_signal(then)
    out, err = child.communicate(timeout=60)
    return subprocess.CompletedProcess(args, child.returncode, out, err)


# Every signal whose default ends the process and that can be caught (SIGQUIT and SIGXCPU dump
# core too), each ending careerpath by that same signal once the temporary file is gone.
# SIGPIPE is not one: Python ignores it (a closed pipe is an EPIPE error, tests/e2e/test_output).
TERMINATING = [
    "SIGTERM",
    "SIGHUP",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    *(["SIGIO", "SIGPWR", "SIGRTMIN", "SIGRTMAX"] if sys.platform.startswith("linux") else []),
]
CATCHABLE = [
    pytest.param(signal.SIGINT, 130, "careerpath: cancelled\n", id="SIGINT"),
    *(
        pytest.param(getattr(signal, name), -getattr(signal, name), "", id=name)
        for name in TERMINATING
        if hasattr(signal, name)
    ),
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


def test_a_signal_ignored_from_the_start_stays_ignored(tmp_path: Path) -> None:
    """Under nohup SIGHUP is ignored: careerpath must not end by it. Python handles pending
    signals in number order, so SIGHUP (1) would end the run before SIGTERM (15) if taken."""
    plan = plan_json(tmp_path)
    before = plan.read_bytes()
    args = ("goals", "done", str(plan), "mentor:find", "--evidence", "x")
    result = interrupted(tmp_path, signal.SIGHUP, *args, then=signal.SIGTERM, ignored="SIGHUP")
    assert result.returncode == -signal.SIGTERM
    assert temporary_files(tmp_path) == []
    assert plan.read_bytes() == before


def test_a_second_signal_does_not_cut_the_clean_up_short(tmp_path: Path) -> None:
    """SIGHUP is handled first (the lower number); the SIGTERM pending behind it is ignored
    while the clean-up runs, and the run ends by SIGHUP."""
    plan = plan_json(tmp_path)
    before = plan.read_bytes()
    args = ("goals", "done", str(plan), "mentor:find", "--evidence", "x")
    result = interrupted(tmp_path, signal.SIGHUP, *args, then=signal.SIGTERM)
    assert result.returncode == -signal.SIGHUP
    assert result.stderr == ""
    assert temporary_files(tmp_path) == []
    assert plan.read_bytes() == before
