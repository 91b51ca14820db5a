"""The built wheel carries roles/, templates/ and examples/ and runs from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from careerpath.edges import locations
from tests.helpers import ROOT


def test_source_checkout_finds_the_top_level_folders() -> None:
    # The test environment is an editable install: data comes from the checkout itself.
    assert locations.builtin("roles") == ROOT / "roles"
    assert locations.builtin("templates") == ROOT / "templates"
    assert locations.example_inventory().is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("careerpath-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for expected in [
        "careerpath/_data/roles/skills.yaml",
        "careerpath/_data/roles/testing.yaml",
        "careerpath/_data/templates/plan.md.j2",
        "careerpath/_data/examples/support-analyst.yaml",
    ]:
        assert expected in names


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_demo(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"CAREERPATH_ROLES", "PYTHONPATH"}}
    result = subprocess.run(
        [str(env_dir / "bin" / "careerpath"), "demo"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "# Growth plan:" in result.stdout
    assert "Traceback" not in result.stderr
