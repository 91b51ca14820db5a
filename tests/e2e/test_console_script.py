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


def test_bash_completion_through_the_script_it_installs(tmp_path: Path) -> None:
    """The script --show-completion prints, sourced in a real bash, completes a role id and
    a command; a file argument is left to bash's own file names (complete -o default)."""
    (tmp_path / "me.yaml").write_text("")
    line = (
        'eval "$(careerpath --show-completion bash)";'
        " for words in 'careerpath roles show te' 'careerpath pro'; do"
        " COMP_WORDS=($words); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=();"
        ' _careerpath_completion careerpath; echo "${COMPREPLY[*]}"; done'
    )
    env = {
        "PATH": f"{SCRIPT.parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
    }
    done = subprocess.run(
        ["bash", "--norc", "-c", line], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["team-lead technical-writing testing", "progress"]
