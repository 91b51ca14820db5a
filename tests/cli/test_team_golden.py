"""`careerpath team` on a generated folder of 60 varied inventories: every format, byte for byte
the output recorded in tests/golden before the team view was rewritten for organisation scale
(CAREERPATH_UPDATE_GOLDEN=1 rewrites it after an intended change), whichever way the folder is
read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerpath.core.assessment import skill_order
from careerpath.edges.load import Library
from careerpath.edges.yaml_source import dump
from tests.builders import varied_team
from tests.helpers import GOLDEN, run

UPDATE = os.environ.get("CAREERPATH_UPDATE_GOLDEN") == "1"
SEED = 14

CASES = {
    "team-all": (),
    "team-testing-anonymous": ("--role", "testing", "--anonymous"),
}
SUFFIXES = {"text": "txt", "md": "md", "json": "json", "html": "html"}


def write_team(folder: Path, library: Library, count: int) -> Path:
    folder.mkdir()
    skills = skill_order(library.catalogue)
    for name, data in varied_team(count, SEED, skills, sorted(library.roles)):
        (folder / name).write_text(dump(data), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def team_folder(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    return write_team(tmp_path_factory.mktemp("golden") / "team", library, 52)


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    return write_team(tmp_path_factory.mktemp("golden") / "small", library, 4)


def check(output: str, golden: Path) -> None:
    if UPDATE:
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_the_folder_is_varied(team_folder: Path) -> None:
    files = sorted(team_folder.glob("*.yaml"))
    assert len(files) == 61
    texts = [path.read_text(encoding="utf-8") for path in files]
    assert sum("manager:" in t for t in texts) == 13
    assert sum(path.name.endswith("-old.yaml") for path in files) == 9
    for word in ("n/a", "unsure", "evidence:", "Kim <Lee>", "Pat | Quinn"):
        assert any(word in t for t in texts), word


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", SUFFIXES)
@pytest.mark.parametrize("case", CASES)
def test_team_matches_golden(team_folder: Path, case: str, fmt: str, jobs: str) -> None:
    """In this process (--jobs 1) and in two worker processes, whose rows come in any order."""
    result = run("team", team_folder, "--format", fmt, "--jobs", jobs, *CASES[case])
    assert result.exit_code == 0, result.output
    check(result.stdout, GOLDEN / f"{case}.{SUFFIXES[fmt]}")


def test_out_is_the_same_as_stdout(team_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "team.json"
    result = run("team", team_folder, "--format", "json", "--jobs", "2", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (GOLDEN / "team-all.json").read_text("utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_small_anonymous_team_matches_golden(small_folder: Path, fmt: str, jobs: str) -> None:
    """Nothing that points at a person, in this process or in worker processes."""
    result = run("team", small_folder, "--format", fmt, "--anonymous", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    check(result.stdout, GOLDEN / f"team-small-anonymous.{SUFFIXES[fmt]}")
