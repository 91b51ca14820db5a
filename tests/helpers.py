"""What many tests share: the repository's folders, and running careerpath in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from typer.testing import CliRunner, Result

from careerpath.cli import app

if TYPE_CHECKING:
    from careerpath.core.plan.values import Plan
    from careerpath.edges.load import Library

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
ONET = TESTS / "data" / "onet"


def example_plan(
    library: Library, role_id: str = "testing", start: str = "2026-11-02", person: str = ""
) -> Plan:
    """The shipped example's six-month plan for `role_id` (under another name if given)."""
    import datetime as dt

    from careerpath.core.plan.builder import build_plan
    from careerpath.core.plan.horizon import parse_horizon
    from careerpath.edges import locations
    from careerpath.edges.load import load_inventory

    inventory = load_inventory(locations.example_inventory(), library)
    if person:
        inventory = inventory.model_copy(update={"person": person})
    return build_plan(
        inventory,
        library.roles[role_id],
        library.catalogue,
        list(library.roles.values()),
        start=dt.date.fromisoformat(start),
        horizon=parse_horizon("6m"),
        lattice=library.lattice,
    )


def installed() -> list[str]:
    """The installed console script beside this interpreter, else `python -m careerpath`."""
    script = Path(sys.executable).with_name("careerpath")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "careerpath"]


def program_environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a real careerpath process: no CAREERPATH_* of the developer's, the
    test's own home and no cache (a cache shared by processes at once is not what is tested)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERPATH_")}
    env.update(CAREERPATH_HOME=str(home), CAREERPATH_CACHE="off", **extra)
    return env


def json_plan(out: Path, home: Path) -> Path:
    """The shipped example's JSON plan (of 2026-11-02) in `out`, written by the real program."""
    example = ROOT / "examples" / "support-analyst.yaml"
    command = ["plan", str(example), "--format", "json", "--out", str(out), "--date", "2026-11-02"]
    subprocess.run(
        [*installed(), *command],
        check=True,
        capture_output=True,
        env=program_environment(home),
        timeout=60,
    )
    return out


def run(
    *args: object,
    env: dict[str, str] | None = None,
    home: Path | None = None,
    input: str | None = None,
) -> Result:
    """careerpath ARGS through typer's CliRunner; `home` sets CAREERPATH_HOME."""
    environment = dict(env or {})
    if home is not None:
        environment["CAREERPATH_HOME"] = str(home)
    return CliRunner().invoke(app, [str(a) for a in args], env=environment, input=input)


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def ok(result: Result) -> str:
    """stdout of a run that must have succeeded quietly."""
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert result.stderr == ""
    return result.stdout


def one_line_error(result: Result, code: int, *, quiet_stdout: bool = True) -> str:
    """The message of a run that failed with one `careerpath: error:` line on stderr."""
    assert_no_traceback(result)
    assert result.exit_code == code, result.output
    if quiet_stdout:
        assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("careerpath: error: ")
    return lines[0].removeprefix("careerpath: error: ")
