"""One person's movement over time (careerpath.core.reviews.history) as terminal text,
Markdown and JSON-ready data. Pure: values in, text out."""

from __future__ import annotations

from careerpath.core.assessment import describe
from careerpath.core.model import level_of
from careerpath.core.reviews.history import History, SkillTrack
from careerpath.errors import flag
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import counted, md_cell, percent, points, rating_cell, signed
from careerpath.views.history_charts import history_charts, moved


def _cells(track: SkillTrack) -> list[str]:
    return [rating_cell(r) for r in track.ratings]


def history_text(result: History) -> str:
    """For the terminal: a table of levels per date, then readiness per role."""
    first, last = result.dates[0], result.dates[-1]
    span = first if len(result.dates) == 1 else f"{first} to {last}"
    lines = [
        f"{result.person}: {counted(len(result.dates), 'inventory', 'inventories')}, {span}",
        "",
    ]
    width = max([len("Skill"), *(len(t.name) for t in result.skills)])
    columns = "".join(f"  {date:>10}" for date in result.dates)
    lines.append(f"  {'Skill':<{width}}{columns}  change")
    for track in result.skills:
        cells = "".join(f"  {label:>10}" for label in _cells(track))
        lines.append(f"  {track.name:<{width}}{cells}  {signed(track.change):>6}")
    lines += ["", "  Readiness per role"]
    role_width = max(len(t.title) for t in result.roles)
    for role in result.roles:
        cells = "".join(f"  {percent(r):>10}" for r in role.readiness)
        lines.append(f"  {role.title:<{role_width}}{cells}  {points(role.change)}")
    moved = result.moved
    lines.append("")
    if len(result.dates) == 1:
        lines.append(
            f"  One inventory so far: re-assess with careerpath assess {flag('update')} FILE."
        )
    elif moved:
        up = sum(1 for t in moved if (t.change or 0) > 0)
        lines.append(f"  {len(moved)} skills moved ({up} up, {len(moved) - up} down).")
    else:
        lines.append("  No skill moved between these inventories.")
    lines.append("  Cells: a level 0-5, n/a, ? (unsure) or - (not rated); change is first to last")
    lines.append("  known level (n/a as 0); readiness is careerpath gaps' arithmetic.")
    return terminal_text("\n".join(lines))


def history_markdown(result: History) -> str:
    head = "| Skill | " + " | ".join(result.dates) + " | change |"
    rule = "|---|" + "---:|" * len(result.dates) + "---:|"
    lines = [f"# Progress: {md_cell(result.person)}", "", head, rule]
    for track in result.skills:
        cells = " | ".join(_cells(track))
        lines.append(f"| {md_cell(track.name)} | {cells} | {signed(track.change)} |")
    lines += [
        "",
        "## Readiness per role",
        "",
        "| Role | " + " | ".join(result.dates) + " | change |",
    ]
    lines.append(rule)
    for role in result.roles:
        cells = " | ".join(percent(r) for r in role.readiness)
        lines.append(f"| {md_cell(role.title)} | {cells} | {points(role.change)} |")
    lines += [
        "",
        "Cells: a level 0-5, n/a, ? (unsure) or - (not rated). Change is from the first to the"
        " last known level (n/a counts as 0).",
    ]
    return "\n".join(lines) + "\n"


def history_data(result: History) -> dict[str, object]:
    return {
        "schema": "careerpath.history/1",
        "person": result.person,
        "dates": list(result.dates),
        "skills": [
            {
                "skill": t.skill,
                "name": t.name,
                "ratings": [describe(r) if r is not None else None for r in t.ratings],
                "levels": [level_of(r) for r in t.ratings],
                "cells": list(_cells(t)),
                "change": t.change,
            }
            for t in result.skills
        ],
        "roles": [
            {
                "role": r.role,
                "title": r.title,
                "readiness": [round(x, 4) for x in r.readiness],
                "change": round(r.change, 4),
            }
            for r in result.roles
        ],
    }


def history_page(result: History) -> dict[str, object]:
    """history_data for the HTML page, with the charts of what moved and, per skill whose
    level changed, the evidence given for it (careerpath.views.history_charts)."""
    return {**history_data(result), "charts": history_charts(result), "moved": moved(result)}
