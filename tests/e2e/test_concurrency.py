"""End to end: eight real careerpath processes at once on the same files, counted afterwards.

Before careerpath locked its read-modify-writes and created new files exclusively, 8 `goals done`
at once lost most of the goals marked, 8 `assess --answers` reported the same file name and lost
inventories, and 8 `plan --out NEW` replaced each other's plan although each said it had written
it. Each process is the installed `careerpath`, started together behind one barrier file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careerpath.edges import locations
from tests.helpers import installed, json_plan, program_environment

pytestmark = pytest.mark.slow

RUNS = 8
EXAMPLE = locations.example_inventory()
ANSWERS = """\
person: Sam Rivera
current_role: support
targets: [testing]
ratings:
  troubleshooting: 3
  test_design: 2
"""
# Every process imports careerpath, then waits for the barrier file, then runs the command: the
# eight start their real work within a few milliseconds of each other, not one import apart.
START = """\
import os, sys, time
from careerpath.cli import main
barrier = sys.argv.pop(1)
while not os.path.exists(barrier):
    time.sleep(0.001)
sys.argv[0] = "careerpath"
main()
"""


def at_once(tmp_path: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run `commands` (careerpath's arguments) together; their results, in order."""
    barrier = tmp_path / "go"
    env = program_environment(tmp_path / "home")
    children = [
        subprocess.Popen(
            [sys.executable, "-c", START, str(barrier), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        for command in commands
    ]
    time.sleep(1.0)  # let every process finish importing and wait at the barrier
    barrier.touch()
    results = []
    for command, child in zip(commands, children, strict=True):
        out, err = child.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, child.returncode, out, err))
    return results


def test_the_runner_is_the_installed_program() -> None:
    """The barrier runs what the installed `careerpath` script runs: careerpath.cli:main."""
    from importlib.metadata import entry_points

    [script] = [e for e in entry_points(group="console_scripts") if e.name == "careerpath"]
    assert script.value == "careerpath.cli:main"
    version = subprocess.run(
        [*installed(), "--version"], capture_output=True, text=True, check=True, timeout=60
    )
    assert version.stdout.startswith("careerpath ")


def test_eight_goals_done_at_once_lose_none(tmp_path: Path) -> None:
    plan = json_plan(tmp_path / "plan.json", tmp_path / "home")
    goals = [
        goal["id"]
        for milestone in json.loads(plan.read_text(encoding="utf-8"))["milestones"]
        for goal in milestone["goals"]
    ][:RUNS]
    assert len(goals) == RUNS
    results = at_once(
        tmp_path,
        [["goals", "done", str(plan), goal, "--evidence", f"evidence {goal}"] for goal in goals],
    )
    assert [r.returncode for r in results] == [0] * RUNS, [r.stderr for r in results]
    done = {
        goal["id"]: goal["done"]["evidence"]
        for milestone in json.loads(plan.read_text(encoding="utf-8"))["milestones"]
        for goal in milestone["goals"]
        if goal.get("done")
    }
    assert done == {goal: f"evidence {goal}" for goal in goals}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_eight_assessments_at_once_get_eight_files(tmp_path: Path) -> None:
    answers = []
    for number in range(RUNS):
        path = tmp_path / f"answers-{number}.yaml"
        path.write_text(ANSWERS.replace("Sam Rivera", f"Person {number}"), encoding="utf-8")
        answers.append(path)
    results = at_once(tmp_path, [["assess", "--answers", str(path)] for path in answers])
    assert [r.returncode for r in results] == [0] * RUNS, [r.stderr for r in results]
    home = tmp_path / "home"
    files = sorted(home.glob("inventory-*.yaml"))
    assert len(files) == RUNS
    people = sorted(
        line.removeprefix("person: ")
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("person: ")
    )
    assert people == sorted(f"Person {number}" for number in range(RUNS))
    reported = {next(str(f) for f in files if str(f) in r.stdout) for r in results}
    assert len(reported) == RUNS  # each run names the file it wrote, and no two the same
    assert [p.name for p in home.iterdir() if p.name.startswith(".")] == []


def test_eight_plans_to_one_new_file_at_once_one_wins(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    results = at_once(
        tmp_path,
        [
            [
                *("plan", str(EXAMPLE), "--out", str(out), "--date", "2026-11-02"),
                *("--format", "html", "--role", role),
            ]
            for role in ["testing", "development"] * (RUNS // 2)
        ],
    )
    codes = sorted(r.returncode for r in results)
    assert codes == [0] + [1] * (RUNS - 1), [r.stderr for r in results]
    winner = next(r for r in results if r.returncode == 0)
    alone = subprocess.run(  # the winner's plan, whole: what the same command prints alone
        [*installed(), *(a for a in winner.args if a not in ("--out", str(out)))],
        capture_output=True, text=True, check=True, env=program_environment(tmp_path / "home"),
        timeout=60,
    )  # fmt: skip
    assert out.read_text(encoding="utf-8") == alone.stdout
    for loser in (r for r in results if r.returncode != 0):
        assert loser.stderr == (
            f"careerpath: error: {out}: already exists; use --force to replace it\n"
        )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
