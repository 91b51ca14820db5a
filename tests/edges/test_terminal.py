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
from careerpath.edges.terminal import GapsView, gaps_text, markdown_text

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


def _in_terminal(tmp_path: Path, columns: int, *command: str, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES="50", **extra)
    env["CAREERPATH_CACHE"] = str(tmp_path / "cache")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careerpath", *(command or ("gaps", EXAMPLE))],
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


@pytest.mark.slow
def test_demo_in_a_terminal_draws_the_tables_and_the_plan_within_80_columns(
    tmp_path: Path,
) -> None:
    plain = ANSI.sub("", _in_terminal(tmp_path, 80, "demo", NO_COLOR="1")).replace("\r", "")
    lines = plain.splitlines()
    assert "█" in plain and "│" in plain  # the rich tables careerpath gaps draws
    assert max(len(line) for line in lines) <= 80
    assert not any(line.startswith("#") for line in lines)  # Markdown laid out, not raw
    assert lines[-3:] == [
        "Now make your own: careerpath assess",
        "  (careerpath assess --role testing asks only that role's ten key skills)",
        "then read your plan: careerpath plan FILE --role testing --out plan.html",
    ]


def test_markdown_wraps_at_words_and_keeps_a_heading_parenthesis_whole() -> None:
    heading = (
        "### 7. Influencing without authority: from 1 to 2 (priority 3 = gap 1 × importance 3)"
    )
    text = markdown_text(heading + "\n\n" + "A paragraph of words. " * 20, width=80)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert all(len(line) <= 80 for line in text.splitlines())
    assert lines[:2] == [
        "7. Influencing without authority: from 1 to 2",
        "(priority 3 = gap 1 × importance 3)",
    ]
    assert not any(line.startswith("#") for line in lines)
    narrow = markdown_text("### Test design: from 2 to 3 (priority 5)", width=80)
    assert narrow.strip() == "Test design: from 2 to 3 (priority 5)"  # fits: left as it is
