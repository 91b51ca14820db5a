"""The team view as terminal text, Markdown and JSON-ready data. Pure: values in, text out."""

from __future__ import annotations

from careerpath.core.reviews.team import MENTOR_FROM, MIN_GROUP, Mentoring, Team
from careerpath.views.formatting import md_cell, percent, rating_cell

NAMES_SHOWN = 6  # names per list in text and Markdown; JSON has them all

LEGEND = (
    "Cells: a level 0-5, n/a, ? (unsure) or - (not rated). Readiness is careerpath gaps'"
    " arithmetic. Mentors are at level 4 or 5; a gap is a known level below what one of the"
    " person's targets needs."
)


def _names(names: list[str]) -> str:
    more = len(names) - NAMES_SHOWN
    shown = ", ".join(names[:NAMES_SHOWN])
    return f"{shown} and {more} more" if more > 0 else shown


def _mentoring_line(group: Mentoring) -> str:
    mentors = _names([f"{name} ({level})" for name, level in group.mentors])
    return f"{group.name}: at level 4 or 5: {mentors}"


def _pairs(group: Mentoring) -> str:
    gaps = {m.person: f"{m.current} of {m.needed} for {m.role}" for m in group.mentees}
    return _names([f"{mentor} -> {mentee} ({gaps[mentee]})" for mentor, mentee in group.pairs])


def _header(result: Team) -> list[str]:
    scope = f"for {result.role}" if result.role else "for every role"
    lines = [f"Team of {result.size} {scope}" + (", anonymised" if result.anonymous else "")]
    if result.older:
        lines.append(f"({result.older} earlier inventories of the same people set aside: the")
        lines[-1] += " latest per person is used)"
    return lines


def team_text(result: Team) -> str:
    lines = _header(result)
    if result.people:
        width = max(len("Person"), *(len(p) for p in result.people))
        numbers = "".join(f"{n:>4}" for n in range(1, len(result.skills) + 1))
        lines += ["", "Skills heatmap (columns numbered; key below)"]
        lines.append(f"  {'Person':<{width}}{numbers}")
        for person, row in zip(result.people, result.heatmap, strict=True):
            lines.append(f"  {person:<{width}}" + "".join(f"{rating_cell(r):>4}" for r in row))
        lines += ["", "  Key:"]
        lines += [f"  {n:>4}  {name}" for n, (_, name) in enumerate(result.skills, 1)]

        titles = [title for _, title in result.roles]
        ids = [role for role, _ in result.roles]
        col = max(len(r) for r in ids) + 1
        lines += ["", "Readiness per role"]
        lines.append(f"  {'Person':<{width}}" + "".join(f"{r:>{col + 1}}" for r in ids))
        for person, values in zip(result.people, result.readiness, strict=True):
            cells = "".join(f"{percent(x):>{col + 1}}" for x in values)
            lines.append(f"  {person:<{width}}{cells}")
        if result.median_readiness is not None:
            cells = "".join(f"{percent(x):>{col + 1}}" for x in result.median_readiness)
            lines.append(f"  {'median':<{width}}{cells}")
        lines.append("  " + "; ".join(f"{i}: {t}" for i, t in zip(ids, titles, strict=True)))
    if result.thinnest:
        lines += ["", f"Thinnest skills (fewest people at {result.strong_level})"]
        for spread in result.thinnest:
            lines.append(
                f"  {spread.name}: {spread.strong} of {spread.known} people,"
                f" median level {spread.median:g}"
            )
    if result.mentoring:
        lines += ["", f"Who could mentor whom (level {MENTOR_FROM}+ where another has a gap)"]
        for group in result.mentoring:
            lines.append(f"  {_mentoring_line(group)}")
            lines.append(f"    could mentor: {_pairs(group)}")
    elif result.people:
        lines += ["", "Who could mentor whom: no one at level 4 or 5 where another has a gap."]
    if result.hidden:
        lines += ["", "Hidden:"]
        lines += [f"  - {note}" for note in result.hidden]
    lines += ["", LEGEND]
    return "\n".join(lines)


def team_markdown(result: Team) -> str:
    lines = ["# " + " ".join(_header(result)), ""]
    if result.people:
        lines += ["## Skills heatmap", ""]
        lines.append("| Person | " + " | ".join(md_cell(name) for _, name in result.skills) + " |")
        lines.append("|---|" + "---:|" * len(result.skills))
        for person, row in zip(result.people, result.heatmap, strict=True):
            lines.append(f"| {md_cell(person)} | " + " | ".join(rating_cell(r) for r in row) + " |")
        lines += ["", "## Readiness per role", ""]
        lines.append("| Person | " + " | ".join(md_cell(t) for _, t in result.roles) + " |")
        lines.append("|---|" + "---:|" * len(result.roles))
        for person, values in zip(result.people, result.readiness, strict=True):
            cells = " | ".join(percent(x) for x in values)
            lines.append(f"| {md_cell(person)} | {cells} |")
        if result.median_readiness is not None:
            cells = " | ".join(percent(x) for x in result.median_readiness)
            lines.append(f"| median | {cells} |")
    if result.thinnest:
        lines += ["", "## Thinnest skills", "", f"Fewest people at {result.strong_level}:", ""]
        lines += [
            f"- {md_cell(s.name)}: {s.strong} of {s.known} people, median level {s.median:g}"
            for s in result.thinnest
        ]
    if result.mentoring:
        lines += ["", "## Who could mentor whom", ""]
        for group in result.mentoring:
            mentors, pairs = md_cell(_mentoring_line(group)), md_cell(_pairs(group))
            lines.append(f"- {mentors}; could mentor: {pairs}")
    if result.hidden:
        lines += ["", "## Hidden", ""]
        lines += [f"- {md_cell(note)}" for note in result.hidden]
    lines += ["", LEGEND]
    return "\n".join(lines) + "\n"


def team_data(result: Team) -> dict[str, object]:
    return {
        "schema": "careerpath.team/1",
        "size": result.size,
        "role": result.role,
        "anonymous": result.anonymous,
        "min_group": MIN_GROUP,
        "older_inventories_set_aside": result.older,
        "skills": [{"skill": s, "name": n} for s, n in result.skills],
        "roles": [{"role": r, "title": t} for r, t in result.roles],
        "people": [
            {
                "person": person,
                "ratings": {
                    skill: rating_cell(rating)
                    for (skill, _), rating in zip(result.skills, row, strict=True)
                },
                "readiness": {
                    role: round(value, 4)
                    for (role, _), value in zip(result.roles, values, strict=True)
                },
            }
            for person, row, values in zip(
                result.people, result.heatmap, result.readiness, strict=True
            )
        ],
        "median_readiness": None
        if result.median_readiness is None
        else {
            role: round(value, 4)
            for (role, _), value in zip(result.roles, result.median_readiness, strict=True)
        },
        "thinnest": [
            {
                "skill": s.skill,
                "name": s.name,
                "known": s.known,
                "strong": s.strong,
                "median": s.median,
            }
            for s in result.thinnest
        ],
        "strong_means": result.strong_level,
        "mentoring": [
            {
                "skill": g.skill,
                "name": g.name,
                "mentors": [{"person": p, "level": lv} for p, lv in g.mentors],
                "mentees": [
                    {**m._asdict(), "suggested_mentor": mentor}
                    for m, (mentor, _) in zip(g.mentees, g.pairs, strict=True)
                ],
            }
            for g in result.mentoring
        ],
        "hidden": list(result.hidden),
    }
