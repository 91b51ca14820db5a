"""A JSON plan's goals (`careerpath goals list`) as text within 80 columns, and as JSON. Pure.

Each goal is a row with its short id (careerpath.core.plan.goals.short_ids, the one to type),
due date and status, and its title below, wrapped at words: an id and a title side by side
would leave a title column of twenty characters, so no line runs past LINE_WIDTH and nothing
is cut off.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from careerpath.core.plan.goals import Goal
from careerpath.errors import flag, spelled
from careerpath.views.escape import terminal_line
from careerpath.views.formatting import counted
from careerpath.views.plan_document import PlanDocument

LINE_WIDTH = 80  # a standard terminal, and what a pipe gets
BELOW = "      "  # the indent of a title, on the lines below its row


def _fitted(text: str) -> list[str]:
    """`text` wrapped at words within LINE_WIDTH, continuation lines indented two."""
    return textwrap.wrap(
        text, LINE_WIDTH, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def goals_text(
    document: PlanDocument,
    goals: Sequence[Goal],
    shorts: Mapping[str, str],
    plan: str,
    flags: Mapping[str, str],
) -> str:
    """The whole list: whose plan, the table, and how to mark a goal done or reopen one (`plan`
    is the plan file as the person named it; `flags` spell the options, cli.exits.FLAGS)."""
    heading = (
        terminal_line(f"{document.person} → {document.role.title}:")
        + f" plan of {document.start.isoformat()} to {document.end.isoformat()}"
    )
    done = sum(1 for g in goals if g.done is not None)
    # the plan as it was named, unless a path too long for a line of its own: then PLAN.json
    name = terminal_line(plan)
    name = name if len(name) <= LINE_WIDTH - 2 else "PLAN.json"
    footer = [
        f"{counted(len(goals), 'goal')}: {done} done, {len(goals) - done} open.",
        spelled(f'Mark one done: careerpath goals done {name} ID {flag("evidence")} "..."', flags),
        *([f"Reopen one: careerpath goals reopen {name} ID"] if done else []),
        "ID: as shown, or any start of it that no other goal's id has.",
    ]
    lines = [*_fitted(heading), *goals_table(goals, shorts), ""]
    return "\n".join(lines + [part for line in footer for part in _fitted(line)])


def status(goal: Goal) -> str:
    if goal.done is not None:
        return f"done {goal.done.date.isoformat()}"
    return "open" if goal.carried_from is None else "open, carried"


def goals_table(goals: Sequence[Goal], shorts: Mapping[str, str]) -> list[str]:
    """The header, then per goal a row (short id, due date, status) and its title below it,
    wrapped at words within LINE_WIDTH."""
    rows = [
        (
            terminal_line(shorts.get(g.id, g.id)),
            g.due.isoformat() if g.due else "later",
            status(g),
            terminal_line(g.title),
        )
        for g in goals
    ]
    # an id too long to leave room for the due date and status has them on the line below it
    room = LINE_WIDTH - 16 - max(len("status"), *(len(r[2]) for r in rows))
    id_width = min(room, max([len("id"), *(len(r[0]) for r in rows)]))
    lines = [f"  {'id':<{id_width}}  {'due':<10}  status"]
    for short, due, state, title in rows:
        if len(short) > id_width:
            lines += textwrap.wrap(short, LINE_WIDTH, initial_indent="  ", subsequent_indent="  ")
            short = ""
        lines.append(f"  {short:<{id_width}}  {due:<10}  {state}")
        lines += textwrap.wrap(
            title,
            LINE_WIDTH,
            initial_indent=BELOW,
            subsequent_indent=BELOW,
            break_on_hyphens=False,
        )
    return lines


def goals_data(
    document: PlanDocument, goals: Sequence[Goal], shorts: Mapping[str, str]
) -> dict[str, object]:
    """`goals list --json` (careerpath.goals/2): each goal with its id and its short form."""
    return {
        "schema": "careerpath.goals/2",
        "person": document.person,
        "role": document.role.id,
        "start": document.start.isoformat(),
        "end": document.end.isoformat(),
        "goals": [
            {
                "id": g.id,
                "short": shorts.get(g.id, g.id),
                "title": g.title,
                "due": None if g.due is None else g.due.isoformat(),
                "done": None
                if g.done is None
                else {"date": g.done.date.isoformat(), "evidence": g.done.evidence},
                "carried_from": None if g.carried_from is None else g.carried_from.isoformat(),
            }
            for g in goals
        ],
    }
