"""Terminal-only output with rich; the only module that imports it.

`careerpath gaps` as rich tables with bars coloured by priority, used only when the output is
a terminal (piped output stays the plain text of careerpath.views.gaps_text). rich honours
NO_COLOR and the terminal's width; below NARROW columns the tables drop to the essentials. And
a progress bar for large folders (`progress_bar`), and Markdown rendered for the terminal (`demo`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from careerpath.core.gaps import (
    CLAIM_DISCOUNT,
    PRIORITY_FORMULA,
    RANK_RULE,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    places,
    priority_band,
)
from careerpath.views.escape import terminal_line, terminal_text
from careerpath.views.formatting import gap_cell
from careerpath.views.gaps_text import arithmetic, effort, effort_short, mark, not_yet

NARROW = 72
WIDE = 100  # from here the gaps table also shows each skill's weight
STYLES = {"high": "bold red", "medium": "yellow", "low": "blue"}


def _bar(share: float, width: int, style: str) -> Text:
    filled = max(0, min(width, round(share * width)))
    return Text("█" * filled, style=style) + Text("·" * (width - filled), style="dim")


def ranking_table(
    results: Sequence[RoleGaps], width: int, targets: Sequence[str] = (), current_role: str = ""
) -> Table:
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
    table.add_column("Effort (importance x levels), essential gaps", overflow="fold")
    bar_width = 10 if width >= NARROW else 6
    for place, result in zip(places(results, targets), results, strict=True):
        bar = _bar(result.readiness, bar_width, "green") + Text(f" {result.range_text:>7}")
        notes = [
            n for n in (mark(result, current_role), effort_short(result), not_yet(result)) if n
        ]
        row: list[str | Text] = [
            place,
            terminal_line(f"{result.title} ({result.role})"),
            bar,
            "; ".join(notes),
        ]
        table.add_row(*row)
    return table


def role_table(result: RoleGaps, width: int) -> Table:
    title = terminal_line(f"{result.title} ({result.role}): {result.range_text} ready")
    if result.essential:
        title += f"; {not_yet(result)}"
    narrow = width < NARROW
    table = Table(
        title=title,
        title_justify="left",
        caption=f"{effort(result)}; {arithmetic(result)}",
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
    wide = width >= WIDE
    if wide:
        table.add_column("Weight", justify="right", no_wrap=True)
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
            cells = [name, gap_cell(gap), str(gap.required), str(gap.gap), str(gap.importance)]
            table.add_row(*cells, *([str(gap.weight)] if wide else []), bar)
    return table


def _notes(result: RoleGaps) -> list[str]:
    lines = []
    if not result.gaps:
        lines.append("No known gaps: every rated skill meets the role's level.")
    if result.unknowns:
        lines.append("Assess first (the low end counts them as not started, the high end as met):")
        lines.extend(
            f"  {g.name}: {g.status}, needs {g.required}, importance {g.importance}"
            for g in result.unknowns
        )
    if result.strengths:
        lines.append("Strengths (met or exceeded):")
        lines.extend(
            f"  {g.name}: {gap_cell(g)} for {g.required} needed, importance {g.importance}"
            for g in result.strengths[:6]
        )
    if result.claimed:
        lines.append(
            f"Claimed (3 or more without evidence, counted {CLAIM_DISCOUNT:g} of a level lower):"
            f" {', '.join(g.name for g in result.claimed)}. Add evidence to count them in full."
        )
    lines.append(f"Measured from {result.baseline}; weight = importance² x (1 + levels added).")
    return [terminal_line(line) for line in lines]


class GapsView(NamedTuple):
    """What `careerpath gaps` shows: the ranking, the roles in detail, and whose they are."""

    heading: str
    ranking: Sequence[RoleGaps]
    detail: Sequence[RoleGaps]
    targets: Sequence[str] = ()
    current_role: str = ""


def write_gaps(console: Console, view: GapsView) -> None:
    width = console.width
    console.print(terminal_text(view.heading), style="bold", markup=False, highlight=False)
    if view.ranking:
        console.print()
        console.print(ranking_table(view.ranking, width, view.targets, view.current_role))
        for rule in (f"Measured from {view.ranking[0].baseline}", READINESS_FORMULA, RANK_RULE):
            console.print(f"{rule}.", style="dim", markup=False, highlight=False)
    for result in view.detail:
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


def print_gaps(view: GapsView) -> None:
    """To the terminal: rich finds its width and honours NO_COLOR (and FORCE_COLOR)."""
    write_gaps(Console(highlight=False), view)


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


def gaps_text(view: GapsView, *, width: int = 100, color: bool = True) -> str:
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
    write_gaps(console, view)
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
