"""Gap analysis as plain text and as JSON-ready data. Pure: values in, strings and dicts out."""

from __future__ import annotations

from collections.abc import Sequence

from careerpath.core.gaps import (
    PRIORITY_FORMULA,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    SkillGap,
)
from careerpath.errors import flag
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import gap_cell, percent

BAR_WIDTH = 10


def bar(share: float, width: int = BAR_WIDTH) -> str:
    filled = round(share * width)
    return "#" * filled + "." * (width - filled)


def _points(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def arithmetic(result: RoleGaps) -> str:
    text = f"{_points(result.covered_weight)} of {result.total_weight} importance points covered"
    if result.unknown_weight:
        text += f"; {result.unknown_weight} points unsure or unrated"
    return text


def ranking_text(results: Sequence[RoleGaps]) -> str:
    lines = ["Readiness for every role (closest first)"]
    width = max((len(r.title) for r in results), default=0)
    digits = len(str(len(results)))  # places right-aligned so that the titles line up
    for place, result in enumerate(results, 1):
        lines.append(
            f"  {place:>{digits}}. {result.title:<{width}}  {bar(result.readiness)} "
            f"{percent(result.readiness):>4}  ({result.role}: {arithmetic(result)})"
        )
    lines.append(f"  {READINESS_FORMULA}.")
    return terminal_text("\n".join(lines))


def role_text(result: RoleGaps, limit: int | None = None) -> str:
    lines = [
        f"{result.title} ({result.role}): {percent(result.readiness)} ready",
        f"  {arithmetic(result)}",
        "",
    ]
    shown = result.gaps if limit is None else result.gaps[:limit]
    if shown:
        width = max(len(g.name) for g in shown)
        lines.append(
            f"  {'Gaps, most urgent first':<{width}}   now  need  gap  importance  priority"
        )
        for gap in shown:
            lines.append(
                f"  {gap.name:<{width}}   {gap_cell(gap):>5}  {gap.required:>4}  {gap.gap:>3}"
                f"  {gap.importance:>10}  {gap.priority:>8}"
            )
        hidden = len(result.gaps) - len(shown)
        if hidden:
            lines.append(
                f"  ... and {hidden} smaller gaps"
                f" (careerpath gaps FILE {flag('role')} {result.role})"
            )
    else:
        lines.append("  No known gaps: every rated skill meets the role's level.")
    if result.unknowns:
        lines.append("")
        lines.append("  Assess first (counted as not yet covered):")
        for gap in result.unknowns:
            lines.append(
                f"    {gap.name}: {gap.status}, needs {gap.required}, importance {gap.importance}"
            )
    if result.strengths:
        lines.append("")
        lines.append("  Strengths (met or exceeded):")
        for gap in result.strengths[:6]:
            lines.append(
                f"    {gap.name}: {gap.current} for {gap.required} needed,"
                f" importance {gap.importance}"
            )
    lines.append("")
    lines.append(f"  {PRIORITY_FORMULA}.")
    lines.append(f"  {UNKNOWN_RULE}.")
    return terminal_text("\n".join(lines))


def gap_data(gap: SkillGap) -> dict[str, object]:
    return {
        "skill": gap.skill,
        "name": gap.name,
        "category": gap.category,
        "status": gap.status,
        "current": gap.current,
        "required": gap.required,
        "gap": gap.gap,
        "importance": gap.importance,
        "priority": gap.priority,
        "evidence": gap.evidence,
    }


def role_data(result: RoleGaps) -> dict[str, object]:
    return {
        "role": result.role,
        "title": result.title,
        "readiness": round(result.readiness, 4),
        "covered_weight": round(result.covered_weight, 4),
        "total_weight": result.total_weight,
        "unknown_weight": result.unknown_weight,
        "skills": [gap_data(g) for g in result.skills],
        "strengths": [g.skill for g in result.strengths],
        "unknowns": [g.skill for g in result.unknowns],
    }


def gaps_data(
    person: str, ranking: Sequence[RoleGaps], detail: Sequence[RoleGaps]
) -> dict[str, object]:
    return {
        "schema": "careerpath.gaps/1",
        "person": person,
        "formulas": {
            "priority": PRIORITY_FORMULA,
            "readiness": READINESS_FORMULA,
            "unknown": UNKNOWN_RULE,
        },
        "ranking": [
            {"role": r.role, "title": r.title, "readiness": round(r.readiness, 4)} for r in ranking
        ],
        "roles": [role_data(r) for r in detail],
    }
