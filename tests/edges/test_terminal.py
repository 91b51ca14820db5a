"""`careerpath gaps` in a terminal: rich tables with bars coloured by priority, NO_COLOR, narrow
terminals, and plain text when piped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from careerpath.core.gaps import ranking_of
from careerpath.edges import locations
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.terminal import GapsView, gaps_text

EXAMPLE = str(locations.example_inventory())
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[[0-9;]*3[1-7]m|\x1b\[[0-9;]*9[1-7]m")


def views(library: Library) -> tuple[str, list[object], list[object]]:
    inventory = load_inventory(locations.example_inventory(), library)
    ranking = ranking_of(inventory, library.roles.values(), library.catalogue)
    detail = [r for r in ranking if r.role in inventory.targets]
    return f"{inventory.person}, {inventory.date}", list(ranking), list(detail)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_tables_fit_the_width(library: Library, width: int) -> None:
    heading, ranking, detail = views(library)
    text = gaps_text(GapsView(heading, ranking, detail), width=width, color=False)  # type: ignore[arg-type]
    assert not ANSI.search(text)
    assert max(len(line) for line in text.splitlines()) <= width
    for result in detail:
        for gap in result.gaps:  # type: ignore[attr-defined]
            # a long name may wrap in a narrow column, but its start is there
            assert gap.name[:10] in text
    assert "priority = gap x importance" in text.replace("\n", " ") or width < 60


def test_bars_are_coloured_by_priority(library: Library) -> None:
    heading, ranking, detail = views(library)
    text = gaps_text(GapsView(heading, ranking, detail), width=100, color=True)  # type: ignore[arg-type]
    assert "\x1b[1;31m" in text  # high priority: bold red
    assert "\x1b[33m" in text  # medium: yellow
    assert "\x1b[34m" in text  # low: blue
    plain = ANSI.sub("", text)
    assert "Requirements analysis" in plain and "█" in plain


def test_piped_output_is_plain_text() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "careerpath", "gaps", EXAMPLE],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "FORCE_COLOR": "1"},
    )
    assert not ANSI.search(result.stdout)
    assert "█" not in result.stdout
    assert "Gaps, most urgent first" in result.stdout


def _in_terminal(tmp_path: Path, columns: int, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES="50", **extra)
    env["CAREERPATH_CACHE"] = str(tmp_path / "cache")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careerpath", "gaps", EXAMPLE],
        env=env,
        encoding="utf-8",
        dimensions=(50, columns),
        timeout=30,
    )
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    return str(output)


@pytest.mark.slow
def test_in_a_terminal_it_draws_coloured_tables(tmp_path: Path) -> None:
    output = _in_terminal(tmp_path, 100)
    assert COLOUR.search(output)
    assert "█" in output


@pytest.mark.slow
def test_no_color_and_a_narrow_terminal(tmp_path: Path) -> None:
    output = _in_terminal(tmp_path, 50, NO_COLOR="1")
    assert not COLOUR.search(output)
    plain = ANSI.sub("", output).replace("\r", "")
    assert "█" in plain
    assert max(len(line) for line in plain.splitlines()) <= 50
