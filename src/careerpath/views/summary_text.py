"""The short summary at the end of `careerpath assess`. Pure: values in, text out."""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path

from careerpath.core.assessment import describe, skill_order
from careerpath.core.gaps import RoleGaps, rank
from careerpath.core.model import Catalogue, Inventory, Role
from careerpath.errors import flag
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import percent, shorten
from careerpath.views.gaps_text import bar

TOP = 3
LINE_WIDTH = 80  # the summary fits a standard terminal
INDENT = "  "
ROW_WIDTH = LINE_WIDTH - len(INDENT)


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


def _gap_lines(result: RoleGaps) -> list[str]:
    lines = [f"Top gaps for {result.title} ({percent(result.readiness)} ready)"]
    for gap in result.gaps[:TOP]:
        lines.append(
            f"  {gap.name}: now {gap.current}, needs {gap.required},"
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
    ranking = rank(inventory.ratings, roles, catalogue)
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
    lines += ["", *ranking_lines(ranking), ""]
    role = inventory.targets[0] if inventory.targets else ranking[0].role
    lines += ["Next, your growth plan:", f"  {plan_command(out, role, roles_dir)}"]
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
    fixed = (id_width + 2 if ids else 0) + 2 + len(bar(0)) + 1 + 4
    title_width = min(max((len(r.title) for r in ranking), default=0), max(width - fixed, 10))
    return [
        (f"{r.role:<{id_width}}  " if ids else "")
        + f"{shorten(r.title, title_width):<{title_width}}  {bar(r.readiness)}"
        + f" {percent(r.readiness):>4}"
        for r in ranking
    ]


def ranking_lines(ranking: Sequence[RoleGaps]) -> list[str]:
    """Every role, closest first, compactly; `careerpath gaps` prints the arithmetic."""
    lines = ["Readiness for every role, closest first"]
    lines += [f"{INDENT}{row}" for row in ranking_rows(ranking)]
    if any(r.unknown_weight for r in ranking):
        lines.append("  Skills not rated or 'not sure' count as not yet covered.")
    return lines


def _for(ranking: Sequence[RoleGaps], role: str) -> RoleGaps:
    return next(r for r in ranking if r.role == role)
