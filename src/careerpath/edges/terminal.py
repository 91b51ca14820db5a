"""Terminal-only output with rich; the only module that imports it.

`careerpath gaps` as rich tables with bars coloured by priority, used only when the output is
a terminal (piped output stays the plain text of careerpath.views.gaps_text). rich honours NO_COLOR
and
the terminal's width; below NARROW columns the tables drop to the essentials. And a progress
bar for large folders (`progress_bar`), and Markdown rendered for the terminal (`demo`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from careerpath.core.gaps import (
    PRIORITY_FORMULA,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    priority_band,
)
from careerpath.views.escape import terminal_line, terminal_text
from careerpath.views.formatting import gap_cell, percent
from careerpath.views.gaps_text import arithmetic

NARROW = 72
STYLES = {"high": "bold red", "medium": "yellow", "low": "blue"}


def _bar(share: float, width: int, style: str) -> Text:
    filled = max(0, min(width, round(share * width)))
    return Text("█" * filled, style=style) + Text("·" * (width - filled), style="dim")


def ranking_table(results: Sequence[RoleGaps], width: int) -> Table:
    narrow = width < NARROW
    table = Table(
        title="Readiness for every role (closest first)",
        title_justify="left",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        pad_edge=not narrow,
    )
    table.add_column("#", justify="right")
    table.add_column("Role", overflow="fold")
    table.add_column("Readiness", no_wrap=True)
    if width >= NARROW:
        table.add_column("Importance points", overflow="fold")
    bar_width = 10 if width >= NARROW else 6
    for place, result in enumerate(results, 1):
        bar = _bar(result.readiness, bar_width, "green") + Text(f" {percent(result.readiness):>4}")
        row: list[str | Text] = [str(place), terminal_line(f"{result.title} ({result.role})"), bar]
        if width >= NARROW:
            row.append(arithmetic(result))
        table.add_row(*row)
    return table


def role_table(result: RoleGaps, width: int) -> Table:
    title = terminal_line(f"{result.title} ({result.role}): {percent(result.readiness)} ready")
    narrow = width < NARROW
    table = Table(
        title=title,
        title_justify="left",
        caption=arithmetic(result),
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        pad_edge=not narrow,
    )
    table.add_column("Gap, most urgent first", overflow="fold")
    if narrow:
        table.add_column("Level", justify="right", no_wrap=True)
    else:
        table.add_column("Now", justify="right", no_wrap=True)
        table.add_column("Need", justify="right", no_wrap=True)
        table.add_column("Gap", justify="right", no_wrap=True)
        table.add_column("Importance", justify="right", no_wrap=True)
    table.add_column("Priority", no_wrap=True)
    top = max((g.priority or 0 for g in result.gaps), default=1)
    bar_width = 12 if not narrow else 5
    for gap in result.gaps:
        priority = gap.priority or 0
        style = STYLES[priority_band(priority)]
        bar = _bar(priority / top, bar_width, style) + Text(f" {priority:>2}", style=style)
        name = terminal_line(gap.name)
        if narrow:
            table.add_row(name, f"{gap_cell(gap)}→{gap.required}", bar)
        else:
            table.add_row(
                name,
                gap_cell(gap),
                str(gap.required),
                str(gap.gap),
                str(gap.importance),
                bar,
            )
    return table


def _notes(result: RoleGaps) -> list[str]:
    lines = []
    if not result.gaps:
        lines.append("No known gaps: every rated skill meets the role's level.")
    if result.unknowns:
        lines.append("Assess first (counted as not yet covered):")
        lines.extend(
            f"  {g.name}: {g.status}, needs {g.required}, importance {g.importance}"
            for g in result.unknowns
        )
    if result.strengths:
        lines.append("Strengths (met or exceeded):")
        lines.extend(
            f"  {g.name}: {g.current} for {g.required} needed, importance {g.importance}"
            for g in result.strengths[:6]
        )
    return [terminal_line(line) for line in lines]


def write_gaps(
    console: Console, heading: str, ranking: Sequence[RoleGaps], detail: Sequence[RoleGaps]
) -> None:
    width = console.width
    console.print(terminal_text(heading), style="bold", markup=False, highlight=False)
    if ranking:
        console.print()
        console.print(ranking_table(ranking, width))
        console.print(f"{READINESS_FORMULA}.", style="dim", markup=False, highlight=False)
    for result in detail:
        console.print()
        console.print(role_table(result, width))
        for line in _notes(result):
            console.print(line, markup=False, highlight=False)
    console.print()
    console.print(
        f"{PRIORITY_FORMULA}; bars: red 8 or more, yellow 4 to 7, blue below 4.",
        style="dim",
        markup=False,
        highlight=False,
    )
    console.print(f"{UNKNOWN_RULE}.", style="dim", markup=False, highlight=False)


def print_gaps(heading: str, ranking: Sequence[RoleGaps], detail: Sequence[RoleGaps]) -> None:
    """To the terminal: rich finds its width and honours NO_COLOR (and FORCE_COLOR)."""
    write_gaps(Console(highlight=False), heading, ranking, detail)


def write_markdown(console: Console, text: str) -> None:
    """Markdown (a plan) as rich renders it: headings, lists and tables wrapped at words to
    the terminal's width, never the raw text cut mid-word by the terminal."""
    from rich.markdown import Markdown

    console.print(Markdown(_headings_fitted(text, console.width), hyperlinks=False))


def _headings_fitted(text: str, width: int) -> str:
    """A heading too wide for the terminal that ends in a parenthesis, "### 7. Influencing
    without authority: from 1 to 2 (priority 3 = gap 1 × importance 3)", loses the parenthesis
    to the line below it, so that the terminal never splits "(priority 3 = ... importance" from
    its "3)"."""
    import re

    def fitted(heading: re.Match[str]) -> str:
        if len(heading.group()) - len(heading.group(1)) <= width:
            return heading.group()
        return f"{heading.group(1)}{heading.group(2)}\n\n{heading.group(3)}"

    return re.sub(r"(?m)^(#+ )(.*\S) (\([^()\n]*\))$", fitted, text)


def print_markdown(text: str) -> None:
    write_markdown(Console(highlight=False), text)


def markdown_text(text: str, *, width: int = 80) -> str:
    """The same as print_markdown, captured without colour: for tests and a given width."""
    stream = io.StringIO()
    write_markdown(Console(file=stream, width=width, color_system=None, highlight=False), text)
    return stream.getvalue()


def gaps_text(
    heading: str,
    ranking: Sequence[RoleGaps],
    detail: Sequence[RoleGaps],
    *,
    width: int = 100,
    color: bool = True,
) -> str:
    """The same as print_gaps, captured: for tests and for a given width."""
    stream = io.StringIO()
    console = Console(
        file=stream,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
    )
    write_gaps(console, heading, ranking, detail)
    return stream.getvalue()


# --- progress on large folders (careerpath team) ---------------------------------------------


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A `tick(count)` that advances a transient bar on stderr (careerpath.edges.folder_pool
    decides when one is drawn: on a terminal, for a large folder)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def tick(count: int = 1) -> None:
            bar.advance(task, count)

        yield tick
