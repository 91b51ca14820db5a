"""careerpath paths: the career lattice as seen from a person, or from a role."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import echo_json
from careerpath.cli.shared import complete_role, handled, library_of, read_inventory

app = typer.Typer(add_completion=False)


@app.command(
    epilog=(
        "Example: careerpath paths examples/support-analyst.yaml\n"
        "Example: careerpath paths --from support --to development"
    ),
)
@handled
def paths(
    ctx: typer.Context,
    inventory_path: Annotated[
        Path | None,
        typer.Argument(
            metavar="INVENTORY",
            help="Your self-inventory YAML file. Without it, the moves from --from ROLE.",
            show_default=False,
        ),
    ] = None,
    from_role: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ROLE",
            autocompletion=complete_role,
            help="Start from this role. Default: the inventory's current role.",
            show_default=False,
        ),
    ] = None,
    to_role: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="ROLE",
            autocompletion=complete_role,
            help="Only this role, with every route to it.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Where the career lattice leads from you: every role your moves reach.

    Each move with its readiness and effort, ways to try it first, and routes in shorter
    steps."""
    from careerpath.core.paths import meeting, start_of
    from careerpath.core.paths import paths as find_paths
    from careerpath.views.paths_text import PathsView, paths_data, paths_text

    library = library_of(ctx)
    inventory = None if inventory_path is None else read_inventory(inventory_path, library)
    if from_role is not None:
        start = library.role(from_role).id
    else:
        current = None if inventory is None else inventory.current_role
        start = start_of(current, library.lattice, library.roles)
    if to_role is not None:
        to_role = library.role(to_role).id
    note = ""
    if inventory is not None and from_role is None and start != inventory.current_role:
        note = exits.with_flag(
            f"Your current role '{inventory.current_role}' is not a role profile: starting from"
            f" {start}, where a support career starts ({{option}} ROLE to choose).",
            "from_role",
        )
    ratings = meeting(library.role(start)) if inventory is None else inventory.ratings
    found = find_paths(
        start,
        ratings,
        library.lattice,
        library.roles,
        library.catalogue,
        targets=() if inventory is None else inventory.targets,
        to=to_role,
    )
    view = PathsView(
        found,
        library.role(start).title,
        library.catalogue,
        person=None if inventory is None else inventory.person,
        date=None if inventory is None else inventory.date.isoformat(),
        note=note,
    )
    if as_json:
        echo_json(paths_data(view))
        return
    typer.echo(exits.flagged(paths_text(view)), nl=False)
