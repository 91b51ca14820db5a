"""The installed console script, as a person types it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from careerpath.cli.app import COMMANDS

SCRIPT = Path(sys.executable).parent / (
    "careerpath.exe" if sys.platform == "win32" else "careerpath"
)


def test_no_arguments_shows_the_help_and_exits_0() -> None:
    assert SCRIPT.is_file(), "the tests run where careerpath is installed (pip install -e .)"
    done = subprocess.run(
        [str(SCRIPT)], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    text = re.sub(r"\s+", " ", done.stdout)
    assert "Usage: careerpath [OPTIONS] COMMAND [ARGS]..." in text
    listed = re.findall(r"^\W*([a-z]+)\s{2,}\S", done.stdout.split("Commands")[1], re.MULTILINE)
    assert listed == list(COMMANDS)
