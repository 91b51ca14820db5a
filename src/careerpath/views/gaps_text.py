"""Gap analysis as plain text and as JSON-ready data. Pure: values in, strings and dicts out."""

from __future__ import annotations

from collections.abc import Sequence

from careerpath.core.gaps import (
    BASELINE_RULE,
    CLAIM_DISCOUNT,
    EFFORT_RULE,
    ESSENTIAL_FACTOR,
    PRIORITY_FORMULA,
    RANK_RULE,
    READINESS_FORMULA,
    UNKNOWN_RULE,
    RoleGaps,
    SkillGap,
    places,
)
from careerpath.errors import flag
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import gap_cell

BAR_WIDTH = 10


def bar(share: float, width: int = BAR_WIDTH) -> str:
    filled = round(share * width)
    return "#" * filled + "." * (width - filled)


def _points(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def arithmetic(result: RoleGaps) -> str:
    """E.g. 725 of 1016 weighted levels reached; 60 unsure or unrated; x0.6 for an essential gap."""
    text = f"{_points(result.covered_weight)} of {result.total_weight} weighted levels reached"
    if result.unknown_weight:
        text += f"; {result.unknown_weight} unsure or unrated"
    if result.factor != 1 or result.essential:
        text += f"; x{ESSENTIAL_FACTOR:g} for an essential gap"
    return text


def not_yet(result: RoleGaps) -> str:
    """E.g. not yet: scripting 1 of 3 needed, test automation 0 of 2 needed; or nothing."""
    if not result.essential:
        return ""
    return "not yet: " + ", ".join(g.not_yet for g in result.essential)


def effort(result: RoleGaps) -> str:
    """'36 importance-weighted levels to climb, about 94 hours' (EFFORT_RULE)."""
    if not result.climb:
        return "nothing left to climb in the skills you rated"
    return f"{result.climb} importance-weighted levels to climb, about {round(result.hours)} hours"


def effort_short(result: RoleGaps) -> str:
    """'44 to climb, about 145 h', for tables."""
    if not result.climb:
        return "nothing to climb"
    return f"{result.climb} to climb, about {round(result.hours)} h"


def mark(result: RoleGaps, current_role: str = "") -> str:
    if result.role == current_role:
        return "your current role"
    return "your current role asks as much" if result.step_back else ""


def ranking_text(
    results: Sequence[RoleGaps], targets: Sequence[str] = (), current_role: str = ""
) -> str:
    lines = ["Readiness for every role (closest first)"]
    width = max((len(r.title) for r in results), default=0)
    for place, result in zip(places(results, targets), results, strict=True):
        notes = [n for n in (mark(result, current_role), effort(result), not_yet(result)) if n]
        lines.append(
            f"  {place + ('.' if not place.endswith('=') else ''):<4}{result.title:<{width}}"
            f"  {bar(result.readiness)} {result.range_text:>7}  ({'; '.join(notes)})"
        )
    if results:
        lines.append(f"  Measured from {results[0].baseline}.")
    lines += [f"  {READINESS_FORMULA}.", f"  {RANK_RULE}.", f"  {EFFORT_RULE}."]
    return terminal_text("\n".join(lines))


def role_text(result: RoleGaps, limit: int | None = None) -> str:
    lines = [f"{result.title} ({result.role}): {result.range_text} ready"]
    if result.essential:
        lines.append(f"  {not_yet(result)}")
    lines += [f"  {effort(result)}", f"  {arithmetic(result)}", ""]
    shown = result.gaps if limit is None else result.gaps[:limit]
    if shown:
        width = max(len(g.name) for g in shown)
        lines.append(
            f"  {'Gaps, most urgent first':<{width}}        now  need  gap  importance  priority"
            "  weight"
        )
        for gap in shown:
            lines.append(
                f"  {gap.name:<{width}}  {gap_cell(gap):>9}  {gap.required:>4}  {gap.gap:>3}"
                f"  {gap.importance:>10}  {gap.priority:>8}  {gap.weight:>6}"
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
        lines.append(
            "  Assess first (the low end counts them as not started, the high end as met):"
        )
        for gap in result.unknowns:
            lines.append(
                f"    {gap.name}: {gap.status}, needs {gap.required}, importance {gap.importance}"
            )
    if result.strengths:
        lines.append("")
        lines.append("  Strengths (met or exceeded):")
        for gap in result.strengths[:6]:
            lines.append(
                f"    {gap.name}: {gap_cell(gap)} for {gap.required} needed,"
                f" importance {gap.importance}"
            )
    if result.claimed:
        lines.append("")
        lines.append(
            f"  Claimed (3 or more without evidence, counted {CLAIM_DISCOUNT:g} of a level"
            f" lower): {', '.join(g.name for g in result.claimed)}. Add evidence to count them"
            " in full."
        )
    lines.append("")
    lines.append(f"  Measured from {result.baseline}; weight = importance² x (1 + levels added).")
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
        "claimed": gap.claimed,
        "baseline": gap.baseline,
        "weight": gap.weight,
        "essential": gap.essential,
    }


def role_data(result: RoleGaps) -> dict[str, object]:
    return {
        "role": result.role,
        "title": result.title,
        "readiness": round(result.readiness, 4),
        "readiness_high": round(result.high, 4),
        "percent": result.percent,
        "percent_high": result.percent_high,
        "covered_weight": round(result.covered_weight, 4),
        "total_weight": result.total_weight,
        "unknown_weight": result.unknown_weight,
        "essential_factor": result.factor,
        "not_yet": [g.skill for g in result.essential],
        "claimed": [g.skill for g in result.claimed],
        "climb": result.climb,
        "hours": round(result.hours, 1),
        "adds": result.adds,
        "step_back": result.step_back,
        "baseline": result.baseline,
        "skills": [gap_data(g) for g in result.skills],
        "strengths": [g.skill for g in result.strengths],
        "unknowns": [g.skill for g in result.unknowns],
    }


def gaps_data(
    person: str,
    ranking: Sequence[RoleGaps],
    detail: Sequence[RoleGaps],
    targets: Sequence[str] = (),
) -> dict[str, object]:
    return {
        "schema": "careerpath.gaps/2",
        "person": person,
        "formulas": {
            "priority": PRIORITY_FORMULA,
            "readiness": READINESS_FORMULA,
            "unknown": UNKNOWN_RULE,
            "baseline": BASELINE_RULE,
            "rank": RANK_RULE,
            "effort": EFFORT_RULE,
        },
        "ranking": [
            {
                "role": r.role,
                "title": r.title,
                "place": place,
                "readiness": round(r.readiness, 4),
                "readiness_high": round(r.high, 4),
                "not_yet": [g.skill for g in r.essential],
                "climb": r.climb,
                "hours": round(r.hours, 1),
                "step_back": r.step_back,
            }
            for place, r in zip(places(ranking, targets), ranking, strict=True)
        ],
        "roles": [role_data(r) for r in detail],
    }
