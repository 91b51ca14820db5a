"""End to end: a named pipe (FIFO) or a device where careerpath expects a file it reads.

Opening a FIFO to read it waits for a writer, for ever: `mkfifo dv2/bob.yaml; careerpath team
dv2` hung until killed, and so did every command on a FIFO inventory, plan, answers file,
organisation file or O*NET file. Each is now refused at once, with one line and exit 1 (a folder
of inventories reads the others and names the file); a device is refused without being opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from careerpath.edges.private_files import NOT_UPDATED
from tests.helpers import ONET, ROOT, installed, program_environment

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
PIPE = "is a named pipe, not a regular file; careerpath reads only regular files"
DEVICE = "is a device, not a regular file; careerpath reads only regular files"
PLAN_DATE = ("--date", "2026-11-02")

# Arguments, {f} standing for the FIFO and {tmp} for the test's folder.
COMMANDS = [
    pytest.param(("gaps", "{f}"), id="gaps"),
    pytest.param(("paths", "{f}"), id="paths"),
    pytest.param(("plan", "{f}", *PLAN_DATE), id="plan"),
    pytest.param(("compare", "{f}"), id="compare"),
    pytest.param(("progress", str(EXAMPLE), "{f}"), id="progress"),
    pytest.param(("validate", "{f}"), id="validate"),
    pytest.param(("goals", "list", "{f}"), id="goals-list"),
    pytest.param(("assess", "--answers", "{f}", "--out", "{tmp}/new.yaml"), id="assess-answers"),
    pytest.param(("assess", "--as-manager", "{f}", "--answers", "{f}"), id="assess-as-manager"),
]


def careerpath(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real program; a hang fails the test at the timeout instead of hanging it."""
    return subprocess.run(
        [*installed(), *args],
        capture_output=True,
        text=True,
        env=program_environment(tmp_path / "home"),
        cwd=tmp_path,
        timeout=20,
        check=False,
    )


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line.removeprefix("careerpath: error: ") for line in result.stderr.splitlines()]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_as_the_file_read_is_one_line_not_a_hang(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    pipe = fifo(tmp_path / "f.yaml")
    args = [a.format(f=pipe, tmp=tmp_path) for a in command]
    result = careerpath(tmp_path, *args)
    assert result.returncode == 1, result.stderr
    assert errors(result)[0] == f"{pipe}: {PIPE}"


def test_goals_done_on_a_fifo_is_refused_not_a_hang(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "plan.json")
    result = careerpath(tmp_path, "goals", "done", str(pipe), "mentor:find", "--evidence", "x")
    assert result.returncode == 1
    assert errors(result) == [f"{pipe}: {NOT_UPDATED}"]


@pytest.mark.parametrize("command", ["team", "export"])
def test_a_fifo_in_a_folder_of_inventories_is_named_and_the_others_read(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "dv2"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "alice.yaml")
    pipe = fifo(folder / "bob.yaml")
    result = careerpath(tmp_path, command, str(folder))
    assert result.returncode == 1
    assert f"{pipe}: {PIPE}" in errors(result)
    assert result.stdout  # alice is in it


def test_a_fifo_in_the_folder_history_reads_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "megan.yaml")
    pipe = fifo(folder / "x.yaml")
    result = careerpath(tmp_path, "history", "Megan Doyle", "--dir", str(folder))
    assert f"{pipe}: {PIPE}" in errors(result)


@pytest.mark.parametrize("name", ["skills.yaml", "lattice.yaml", "qa.yaml"])
def test_a_fifo_in_the_organisation_folder_is_one_line_not_a_hang(
    tmp_path: Path, name: str
) -> None:
    org = tmp_path / "org"
    org.mkdir()
    pipe = fifo(org / name)
    result = careerpath(tmp_path, "--roles-dir", str(org), "gaps", str(EXAMPLE))
    assert result.returncode == 1
    assert errors(result) == [f"{pipe}: {PIPE}"]


def test_a_fifo_as_an_organisation_template_is_one_line_not_a_hang(tmp_path: Path) -> None:
    templates = tmp_path / "org" / "templates"
    templates.mkdir(parents=True)
    fifo(templates / "plan.md.j2")
    result = careerpath(tmp_path, "--roles-dir", str(tmp_path / "org"), "plan", str(EXAMPLE))
    assert result.returncode == 1
    [line] = errors(result)
    assert "plan.md.j2" in line and "not a regular file" in line


def test_a_fifo_as_the_template_option_is_a_usage_error(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "mine.md.j2")
    result = careerpath(tmp_path, "plan", str(EXAMPLE), "--template", str(pipe))
    assert result.returncode == 2
    assert errors(result) == [f"{pipe}: --template: not a regular file"]


def test_a_fifo_in_the_onet_folder_is_one_line_not_a_hang(tmp_path: Path) -> None:
    onet = tmp_path / "onet"
    shutil.copytree(ONET, onet)
    (onet / "Skills.txt").unlink()
    pipe = fifo(onet / "Skills.txt")
    result = careerpath(tmp_path, "roles", "import-onet", str(onet), "--code", "15-1232.00")
    assert result.returncode == 1
    assert errors(result) == [f"{pipe}: {PIPE}"]


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    """/dev/zero never ends: read to the size limit, it said "larger than careerpath reads"."""
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    result = careerpath(tmp_path, "gaps", str(link))
    assert result.returncode == 1
    assert errors(result) == [f"{link}: {DEVICE}"]
