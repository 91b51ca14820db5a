"""`careerpath paths` as plain text and as JSON-ready data. Pure: values in, strings out."""

from __future__ import annotations

import textwrap

from careerpath.core.gaps import READINESS_FORMULA
from careerpath.core.model import MOVE_KINDS, Bridge, Catalogue, Move
from careerpath.core.paths import EFFORT_RULE, LONG_RULE, MAX_MOVES, Effort, Paths, Reach, Route
from careerpath.errors import flag
from careerpath.views.escape import terminal_text

SCHEMA_ID = "careerpath.paths/1"
DETAILED = 3  # roles shown in full beside the person's targets; --to shows any other
WIDTH = 96


class PathsView:
    """What the text and the JSON need beside the paths: who, from where, and the skills."""

    def __init__(
        self,
        paths: Paths,
        start_title: str,
        catalogue: Catalogue,
        person: str | None = None,
        date: str | None = None,
        note: str = "",
    ) -> None:
        self.paths = paths
        self.start_title = start_title
        self.catalogue = catalogue
        self.person = person
        self.date = date
        self.note = note

    def skill_name(self, skill: str) -> str:
        return self.catalogue.skills[skill].name


def _effort(effort: Effort) -> str:
    steps = f"{effort.steps} step{'' if effort.steps == 1 else 's'}"
    hours = "" if effort.hours is None else f", ~{effort.hours} h"
    return f"{effort.levels} ({steps}{hours})"


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def route_text(route: Route) -> str:
    legs = " then ".join(str(leg.effort.levels) for leg in route.legs)
    total = route.effort
    hours = "" if total.hours is None else f", ~{total.hours} h"
    return (
        f"{' -> '.join(route.roles)}: effort {legs}, {total.levels} in all"
        f" ({len(route.legs)} moves{hours})"
    )


def _bridge(bridge: Bridge) -> list[str]:
    weeks = f"{bridge.weeks} week{'' if bridge.weeks == 1 else 's'}"
    kind = bridge.kind.replace("-", " ")
    return [
        f"    - {bridge.title} ({kind}, {weeks}, {bridge.hours} h)",
        *textwrap.wrap(
            f"done when: {bridge.evidence}",
            WIDTH,
            initial_indent=" " * 6,
            subsequent_indent=" " * 8,
        ),
    ]


KIND_PHRASES = {
    "step-up": "A step up",
    "lateral": "A lateral move",
    "diagonal": "A diagonal move",
    "step-back": "A step back",
}


def _move_kind(move: Move) -> str:
    tier = f" (O*NET related-occupation tier: {move.onet})" if move.onet else ""
    return f"{KIND_PHRASES[move.kind]}{tier}."


def _detail(view: PathsView, reach: Reach) -> list[str]:
    mark = "  (your target)" if reach.target else ""
    lines = [f"{reach.role}: {reach.title}{mark}"]
    move = reach.move
    if move is None:
        lines.append(f"  No direct move; the route: {route_text(reach.route)}")
    else:
        lines.append(f"  {_move_kind(move)}")
        lines += textwrap.wrap(move.summary, WIDTH, initial_indent="  ", subsequent_indent="  ")
        if move.carries:
            carries = ", ".join(view.skill_name(s) for s in move.carries)
            lines += textwrap.wrap(
                f"Carries: {carries}", WIDTH, initial_indent="  ", subsequent_indent=" " * 11
            )
        if reach.builds:
            builds = ", ".join(
                f"{view.skill_name(b.skill)} {b.current} -> {b.required}" for b in reach.builds
            )
            lines += textwrap.wrap(
                f"Builds:  {builds}", WIDTH, initial_indent="  ", subsequent_indent=" " * 11
            )
        if move.bridges:
            lines.append("  Try it before applying:")
            for bridge in move.bridges:
                lines += _bridge(bridge)
    if reach.route.legs[0].move is not move:
        lines.append(f"  In shorter steps: {route_text(reach.route)}")
    for other in reach.routes:
        if len(other.legs) > 1:
            lines.append(f"  Or: {route_text(other)}")
    return lines


def paths_text(view: PathsView) -> str:
    paths = view.paths
    who = f"{view.person}: " if view.person else ""
    when = f", {view.date}" if view.date else ""
    lines = [f"{who}where the lattice leads from {paths.start} ({view.start_title}){when}"]
    if view.note:
        lines.append(view.note)
    if not paths.reaches:
        if paths.to is None:
            lines.append(f"\nThe lattice has no moves from {paths.start}.")
        else:
            lines.append(
                f"\nThe lattice has no route from {paths.start} to {paths.to}"
                f" in {MAX_MOVES} moves or fewer."
            )
        return terminal_text("\n".join(lines) + "\n")
    width = max(len(r.role) for r in paths.reaches)
    lines += ["", f"  {'role':<{width}}  {'move':<22}  readiness  effort"]
    for reach in paths.reaches:
        if reach.move is not None:
            move = MOVE_KINDS[reach.move.kind]
        else:
            move = f"via {' -> '.join(reach.route.roles[1:-1])}"
        if reach.move is not None and reach.route.legs[0].move is not reach.move:
            move += ", or in steps"
        mark = "  your target" if reach.target else ""
        lines.append(
            f"  {reach.role:<{width}}  {move:<22}  {_percent(reach.readiness):>9}"
            f"  {_effort(reach.effort)}{mark}"
        )
    shown = [r for i, r in enumerate(paths.reaches) if i < DETAILED or r.target]
    for reach in shown:
        lines += ["", *_detail(view, reach)]
    hidden = len(paths.reaches) - len(shown)
    if hidden:
        lines += [
            "",
            f"{hidden} more in the table above: careerpath paths ... {flag('to')} ROLE shows one.",
        ]
    lines += [
        "",
        *textwrap.wrap(f"{READINESS_FORMULA}.", WIDTH),
        *textwrap.wrap(f"{EFFORT_RULE}.", WIDTH),
        *textwrap.wrap(f"{LONG_RULE}.", WIDTH),
    ]
    return terminal_text("\n".join(lines) + "\n")


def _effort_data(effort: Effort) -> dict[str, object]:
    return {"levels": effort.levels, "steps": effort.steps, "hours": effort.hours}


def _route_data(route: Route) -> dict[str, object]:
    return {
        "roles": list(route.roles),
        "effort": _effort_data(route.effort),
        "legs": [
            {
                "from": leg.move.from_,
                "to": leg.move.to,
                "kind": leg.move.kind,
                "readiness": round(leg.readiness, 4),
                "effort": _effort_data(leg.effort),
            }
            for leg in route.legs
        ],
    }


def _move_data(view: PathsView, reach: Reach) -> dict[str, object] | None:
    move = reach.move
    if move is None:
        return None
    return {
        "from": move.from_,
        "to": move.to,
        "kind": move.kind,
        "summary": move.summary,
        "onet": move.onet,
        "carries": [{"skill": s, "name": view.skill_name(s)} for s in move.carries],
        "builds": [
            {
                "skill": b.skill,
                "name": view.skill_name(b.skill),
                "current": b.current,
                "required": b.required,
            }
            for b in reach.builds
        ],
        "bridges": [bridge.model_dump() for bridge in move.bridges],
    }


def paths_data(view: PathsView) -> dict[str, object]:
    paths = view.paths
    return {
        "schema": SCHEMA_ID,
        "person": view.person,
        "date": view.date,
        "start": {"role": paths.start, "title": view.start_title},
        "note": view.note,
        "formulas": {"readiness": READINESS_FORMULA, "effort": EFFORT_RULE, "long": LONG_RULE},
        "roles": [
            {
                "role": reach.role,
                "title": reach.title,
                "target": reach.target,
                "readiness": round(reach.readiness, 4),
                "percent": round(reach.readiness * 100),
                "effort": _effort_data(reach.effort),
                "move": _move_data(view, reach),
                "route": _route_data(reach.route),
                "routes": [_route_data(r) for r in reach.routes],
            }
            for reach in paths.reaches
        ],
    }
