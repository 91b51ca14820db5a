"""End to end: `careerpath team` on a large folder in a pseudo-terminal (pexpect), as a manager
runs it: a progress bar while the worker processes read, one broken file named, the rest in
the view, exit 1."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from careerpath.edges.folder_pool import POOL_FROM
from careerpath.edges.yaml_source import dump
from tests.builders import member

pytestmark = pytest.mark.slow


def test_a_bar_while_reading_and_a_broken_file_named(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    for index in range(POOL_FROM):
        data = member(f"Person {index:03d}", {"troubleshooting": index % 6})
        (folder / f"p{index:03d}.yaml").write_text(dump(data), encoding="utf-8")
    (folder / "p050.yaml").write_text("person: [broken\n", encoding="utf-8")
    out = tmp_path / "team.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERPATH_")}
    env.update(TERM="xterm", COLUMNS="80")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careerpath", "team", str(folder), "--out", str(out)],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=60,
    )
    child.expect("Reading inventories")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    screen = child.before
    assert f"{folder / 'p050.yaml'}:1:" in screen
    assert "1 file could not be read" in screen
    assert out.is_file() and '"size": 199' in out.read_text(encoding="utf-8")
