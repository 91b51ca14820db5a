"""The short summary at the end of `careerpath assess`. Pure: values in, text out."""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

from careerpath.core.assessment import describe, skill_order
from careerpath.core.gaps import RoleGaps, ranking_of
from careerpath.core.model import Catalogue, Inventory, Role
from careerpath.errors import flag
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import shorten
from careerpath.views.gaps_text import bar, mark, not_yet

TOP = 3
LINE_WIDTH = 80  # the summary fits a standard terminal
INDENT = "  "
ROW_WIDTH = LINE_WIDTH - len(INDENT)
RANGE_WIDTH = 7  # "19-100%"
NBSP = "\u00a0"  # holds words together while wrapping; never printed


def top_strengths(inventory: Inventory, catalogue: Catalogue, count: int = TOP) -> list[str]:
    """The highest-rated skills (3 or more); with evidence first among equals."""
    place = {skill_id: index for index, skill_id in enumerate(skill_order(catalogue))}
    rated = [
        (skill_id, rating)
        for skill_id, rating in inventory.ratings.items()
        if rating.level is not None and rating.level >= 3 and skill_id in catalogue.skills
    ]
    rated.sort(key=lambda item: (-(item[1].level or 0), not item[1].evidence, place[item[0]]))
    return [skill_id for skill_id, _ in rated[:count]]


def plan_command(out: Path, role: str, roles_dir: Path | None = None) -> str:
    """The exact command that renders the plan."""
    return f"careerpath{_roles_dir(roles_dir)} plan {shlex.quote(str(out))} {flag('role')} {role}"


def update_command(out: Path, roles_dir: Path | None = None) -> str:
    return f"careerpath{_roles_dir(roles_dir)} assess {flag('update')} {shlex.quote(str(out))}"


def _roles_dir(roles_dir: Path | None) -> str:
    return f" {flag('roles_dir')} {shlex.quote(str(roles_dir))}" if roles_dir is not None else ""


def wrapped(text: str, indent: str = INDENT, width: int = LINE_WIDTH) -> list[str]:
    """`text` in lines of `width` at most, continuation lines indented two more; a
    parenthesis is never split across lines, so "(priority 10)" stays whole."""
    kept = re.sub(r"\([^()]*\)", lambda m: m.group().replace(" ", NBSP), text)
    lines = textwrap.wrap(
        kept, width, initial_indent=indent, subsequent_indent=indent + "  ", break_long_words=False
    )
    return [line.replace(NBSP, " ") for line in lines]


def _gap_lines(result: RoleGaps) -> list[str]:
    lines = [f"Top gaps for {result.title} ({result.range_text} ready)"]
    for gap in result.gaps[:TOP]:
        lines += wrapped(
            f"{gap.name}: now {gap.current}, needs {gap.required},"
            f" importance {gap.importance} (priority {gap.priority})"
        )
    if not result.gaps:
        lines.append("  No known gaps: every rated skill meets the role's level.")
    if result.unknowns:
        lines.append(f"  Not rated or 'not sure' yet: {len(result.unknowns)} of its skills")
    return lines


def summary_text(
    inventory: Inventory,
    roles: Iterable[Role],
    catalogue: Catalogue,
    out: Path,
    roles_dir: Path | None = None,
) -> str:
    ranking = ranking_of(inventory, roles, catalogue)
    lines = [f"Saved your inventory: {out}", "", "Top strengths"]
    strengths = top_strengths(inventory, catalogue)
    for skill_id in strengths:
        rating = inventory.ratings[skill_id]
        backed = ", with evidence" if rating.evidence else ""
        lines.append(f"  {catalogue.skills[skill_id].name}: {describe(rating)}{backed}")
    if not strengths:
        lines.append("  None rated 3 (independent) or more yet: an honest place to start.")
    for target in inventory.targets:
        lines += ["", *_gap_lines(_for(ranking, target))]
    lines += ["", *ranking_lines(ranking, inventory.current_role), ""]
    role = inventory.targets[0] if inventory.targets else ranking[0].role
    lines += [
        "Next, your growth plan as a page to read, print or share:",
        f"  {plan_command(out, role, roles_dir)} {flag('format')} html {flag('out')} plan.html",
        "  then open it in your browser: xdg-open plan.html (on a Mac: open plan.html)",
    ]
    if any(_for(ranking, target).unknowns for target in inventory.targets):
        lines += ["Later, to rate the skills not rated yet:", f"  {update_command(out, roles_dir)}"]
    return terminal_text("\n".join(lines))


def ranking_rows(
    ranking: Sequence[RoleGaps], *, ids: bool = True, width: int = ROW_WIDTH
) -> list[str]:
    """One aligned row per role: id (optional), title, bar, readiness, within `width` columns.

    The id is never cut (it is what `--role` takes); a title too long for what is left is
    shortened at a word.
    """
    id_width = max((len(r.role) for r in ranking), default=0) if ids else 0
    fixed = (id_width + 2 if ids else 0) + 2 + len(bar(0)) + 1 + RANGE_WIDTH
    title_width = min(max((len(r.title) for r in ranking), default=0), max(width - fixed, 10))
    return [
        (f"{r.role:<{id_width}}  " if ids else "")
        + f"{shorten(r.title, title_width):<{title_width}}  {bar(r.readiness)}"
        + f" {r.range_text:>{RANGE_WIDTH}}"
        for r in ranking
    ]


def ranking_lines(ranking: Sequence[RoleGaps], current_role: str = "") -> list[str]:
    """Every role, closest first, compactly, with the essential gaps of each; `careerpath gaps`
    prints the arithmetic."""
    lines = ["Readiness for every role, closest first"]
    for result, row in zip(ranking, ranking_rows(ranking), strict=True):
        lines.append(f"{INDENT}{row}")
        notes = [n for n in (mark(result, current_role), not_yet(result)) if n]
        if notes:
            lines += textwrap.wrap(
                "; ".join(notes), LINE_WIDTH, initial_indent=" " * 4, subsequent_indent=" " * 6
            )
    notes = []
    if any(r.unknown_weight for r in ranking):
        notes.append(
            "A range: skills not rated or 'not sure' count as not started at the low end, as"
            " met at the high end."
        )
    if any(r.claimed for r in ranking):
        notes.append(
            "Ratings of 3 or more without evidence are claimed and count half a level lower."
        )
    for note in notes:
        lines += textwrap.wrap(note, LINE_WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    return lines


def _for(ranking: Sequence[RoleGaps], role: str) -> RoleGaps:
    return next(r for r in ranking if r.role == role)
