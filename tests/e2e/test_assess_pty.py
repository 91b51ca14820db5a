"""End to end: the real program in a pseudo-terminal (pexpect), as a person would run it.

PROMPT_TOOLKIT_NO_CPR=1 stops prompt_toolkit from asking the terminal for its cursor position,
which pexpect would never answer. Every wait has a timeout, so a broken flow fails, never hangs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from careerpath.edges.load import Library, load_inventory

pytestmark = pytest.mark.slow

TIMEOUT = 20
# (key, evidence) for the ten skills of --role testing; evidence only for 3 or more
TESTING = [
    ("4", "Ticket 48211: traced the SSO loop"),
    ("2", None),
    ("3", ""),
    ("1", None),
    ("2", None),
    ("0", None),
    ("3", "Survey comment on ticket 50412"),
    ("4", "KB-1182"),
    ("u", None),
    ("2", None),
]


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERPATH_")}
    env.update(CAREERPATH_HOME=str(home), PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="80")
    return env


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[object]:
    children: list[pexpect.spawn] = []

    def start(*args: str) -> pexpect.spawn:
        child = pexpect.spawn(
            sys.executable,
            ["-m", "careerpath", "assess", *args],
            env=environment(tmp_path / "home"),
            cwd=str(tmp_path),
            dimensions=(24, 80),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def who(child: pexpect.spawn) -> None:
    child.expect_exact("Your name")
    child.send("Sam Rivera\r")
    child.expect_exact("Your current role")
    child.send("\r")  # the default: support
    child.expect_exact("Years in that role")
    child.send("3\r")
    child.expect_exact("Hours a week for your development")
    child.send("4\r")


def rate(child: pexpect.spawn, first: int, last: int, total: int = 10) -> None:
    """Rate the skills; where no evidence is asked, Enter is pressed twice, the way a hurried
    person does: the second Enter must not answer the next skill."""
    for number in range(first, last + 1):
        key, evidence = TESTING[number - 1]
        child.expect_exact(f"skill {number} of {total})")
        child.send(key)
        child.send("\r\r" if evidence is None and number < total else "\r")
        if evidence is not None:
            child.expect_exact("Evidence (optional)")
            child.send(evidence + "\r")


def the_rest(child: pexpect.spawn) -> None:
    child.expect_exact("Credential 1")
    child.send("CompTIA A+\r")
    child.expect_exact("Credential 2")
    child.send("\r")
    child.expect_exact("Experience 1")
    child.send("\r")
    child.expect_exact("aspirations")
    child.send("Move into testing within a year\r")
    child.expect_exact("Check your answers before saving")
    child.send("\r")  # a stray Enter on "nothing chosen yet": nothing happens
    child.send("\x1b[B\r")  # down to Save


def finished(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_role_path_end_to_end_gives_an_inventory_plan_accepts(
    spawn, tmp_path: Path, library: Library
) -> None:
    out = tmp_path / "sam.yaml"
    child = spawn("--role", "testing", "--out", str(out))
    who(child)
    child.expect_exact("Press Enter to start rating")
    child.send("\r")
    rate(child, 1, 10)
    the_rest(child)
    transcript = finished(child)
    assert f"careerpath plan {out} --role testing" in transcript
    inventory = load_inventory(out, library)
    assert inventory.person == "Sam Rivera"
    assert inventory.targets == ["testing"]
    assert len(inventory.ratings) == 10
    assert inventory.ratings["troubleshooting"].evidence == "Ticket 48211: traced the SSO loop"
    assert inventory.ratings["escalation_judgement"].status == "unsure"
    levels = [r.level if r.level is not None else r.status for r in inventory.ratings.values()]
    assert levels == [int(k) if k.isdigit() else "unsure" for k, _ in TESTING]
    assert not list((tmp_path / "home").glob("assess-in-progress*"))
    plan = subprocess.run(
        [sys.executable, "-m", "careerpath", "plan", str(out), "--role", "testing"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=environment(tmp_path / "home"),
    )
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout.startswith("# Growth plan: Sam Rivera → Software tester (QA analyst)")


def test_ctrl_c_saves_progress_and_resume_finishes(spawn, tmp_path: Path, library: Library) -> None:
    progress = tmp_path / "home" / "assess-in-progress-sam-rivera.yaml"  # one per person
    child = spawn("--role", "testing")
    who(child)
    child.expect_exact("Press Enter to start rating")
    child.send("\r")
    rate(child, 1, 2)
    child.expect_exact("skill 3 of 10)")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (
        f"careerpath: cancelled; progress saved to {progress};"
        " continue with careerpath assess --resume"
    ) in str(child.before)
    assert progress.stat().st_mode & 0o777 == 0o600

    child = spawn("--resume")
    child.expect_exact("Continuing the inventory of Sam Rivera")
    child.expect_exact("at skill 3 of 10")
    child.expect_exact("Press Enter to go on")
    child.send("\r")
    rate(child, 3, 10)
    the_rest(child)
    finished(child)
    assert not progress.exists()
    (written,) = (tmp_path / "home").glob("inventory-*.yaml")
    inventory = load_inventory(written, library)
    assert inventory.ratings["troubleshooting"].level == 4  # answered before the Ctrl-C
    assert inventory.ratings["product_knowledge"].level == 2
    assert inventory.ratings["requirements_analysis"].level == 2  # answered after --resume
    assert len(inventory.ratings) == 10


@pytest.mark.parametrize("args", [(), ("--role", "testing")], ids=["whole", "role"])
def test_stopping_at_the_first_question_saves_nothing(spawn, tmp_path: Path, args) -> None:
    """Nothing answered, nothing kept: no unfinished inventory left behind to be offered."""
    child = spawn(*args)
    child.expect_exact("Your name")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "careerpath: cancelled before the first answer; nothing was saved" in child.before
    assert "progress saved" not in child.before
    assert not list((tmp_path / "home").glob("assess-in-progress*"))


@pytest.mark.parametrize("stdin", ["pipe", "devnull"])
def test_no_terminal_exits_2_at_once_and_reads_nothing(tmp_path: Path, stdin: str) -> None:
    home = tmp_path / "home"
    command = [sys.executable, "-m", "careerpath", "assess", "--role", "testing"]
    options = {"input": b"Sam\r\r3\r\r4\r"} if stdin == "pipe" else {"stdin": subprocess.DEVNULL}
    result = subprocess.run(
        command, capture_output=True, timeout=TIMEOUT, env=environment(home), **options
    )
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert stderr.startswith("careerpath: error: ")
    assert "--answers FILE" in stderr
    assert result.stdout == b""
    assert not home.exists()


def test_each_person_and_kind_has_its_own_unfinished_slot(spawn, tmp_path: Path) -> None:
    """A manager rating Ben is never offered Sam's unfinished self-inventory, and --resume
    with two unfinished asks which."""
    home = tmp_path / "home"
    ben = tmp_path / "ben.yaml"
    ben.write_text(
        "person: Ben Okafor\ndate: 2026-11-02\ncurrent_role: support\ntargets: [testing]\n"
        "ratings: {troubleshooting: 3, scripting: 1}\n",
        encoding="utf-8",
    )
    child = spawn("--role", "testing")
    who(child)
    child.expect_exact("Press Enter to start rating")
    child.send("\r")
    rate(child, 1, 1)
    child.expect_exact("skill 2 of 10)")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert [p.name for p in home.glob("assess-in-progress*")] == [
        "assess-in-progress-sam-rivera.yaml"
    ]

    child = spawn("--as-manager", str(ben))
    index = child.expect_exact(["Continue it?", "Your name (the manager)"])
    assert index == 1, "Sam's own unfinished inventory was offered to Ben's manager"
    child.send("Priya Shah\r")
    child.expect_exact("Press Enter to start rating")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert sorted(p.name for p in home.glob("assess-in-progress*")) == [
        "assess-in-progress-manager-ben-okafor.yaml",
        "assess-in-progress-sam-rivera.yaml",
    ]

    child = spawn("--as-manager", str(ben))  # the manager's own rating of Ben is offered
    child.expect_exact("Priya Shah's rating of Ben Okafor")
    child.expect_exact("Continue it?")
    child.send("\x1b[B\x1b[B\r")  # Stop here
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (
        "careerpath: cancelled before the first answer; nothing was saved; the 2 unfinished"
        f" inventories in {home} are kept"
    ) in " ".join(child.before.split())

    child = spawn("--resume")
    child.expect_exact("2 unfinished inventories: continue which?")
    child.expect_exact("Sam Rivera, started")
    child.expect_exact("Priya Shah's rating of Ben Okafor, started")
    child.send("\r")  # the first: Sam's
    child.expect_exact("Continuing the inventory of Sam Rivera")
    child.close(force=True)


def test_a_file_that_cannot_be_written_at_the_end_keeps_the_answers_for_a_new_out(
    spawn, tmp_path: Path, library: Library
) -> None:
    """--out is checked before the first question; if it stops being writable meanwhile, the
    answers are kept and --resume --out saves them elsewhere."""
    folder = tmp_path / "shared"
    folder.mkdir()
    child = spawn("--role", "testing", "--out", str(folder / "sam.yaml"))
    who(child)
    child.expect_exact("Press Enter to start rating")
    child.send("\r")
    rate(child, 1, 10)
    folder.rmdir()  # the share went away while the person answered
    folder.write_text("not a folder any more\n")
    the_rest(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    progress = tmp_path / "home" / "assess-in-progress-sam-rivera.yaml"
    assert (
        f"careerpath: error: {folder / 'sam.yaml'}: cannot write here: {folder} is not a"
        f" folder; your answers are kept in {progress}"
    ) in " ".join(str(child.before).split())

    elsewhere = tmp_path / "sam.yaml"
    child = spawn("--resume", "--out", str(elsewhere))
    child.expect_exact("Continuing the inventory of Sam Rivera")
    transcript = finished(child)  # Save was chosen before: it is saved at once
    assert str(elsewhere) in transcript
    assert len(load_inventory(elsewhere, library).ratings) == 10
    assert not progress.exists()
