"""careerpath gaps: readiness and gaps against the roles."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import sys
from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import (
    ForceOption,
    JsonOption,
    OutOption,
    chosen_format,
    emit,
    json_document,
    with_json,
)
from careerpath.cli.shared import (
    BasisOption,
    InventoryArg,
    based,
    complete_role,
    handled,
    library_of,
    read_inventory,
)

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath gaps examples/support-analyst.yaml -r testing")
@handled
def gaps(
    ctx: typer.Context,
    inventory_path: InventoryArg,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            autocompletion=complete_role,
            help="Only this role. Default: rank every role, then your targets.",
        ),
    ] = None,
    as_json: JsonOption = False,
    basis: BasisOption = "self",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Compare your inventory with the roles: readiness, gaps by priority, strengths."""
    from careerpath.core.basis import basis_line, check_basis
    from careerpath.core.gaps import analyse, baseline_for, ranking_of
    from careerpath.views.gaps_text import gaps_data, ranking_text, role_text

    basis = check_basis(basis)  # in any case: Manager is manager
    fmt = chosen_format(with_json(as_json, None), out, ("text", "json"), "text")
    library = library_of(ctx)
    original = read_inventory(inventory_path, library)
    inventory = based(original, basis)
    catalogue = library.catalogue
    if role is not None:
        ranking = []
        baseline = baseline_for(inventory.current_role, library.roles.values())
        detail = [analyse(inventory.ratings, library.role(role), catalogue, baseline)]
    else:
        ranking = ranking_of(inventory, library.roles.values(), catalogue)
        detail = [r for target in inventory.targets for r in ranking if r.role == target]
    if fmt == "json":
        emit(
            json_document(
                {**gaps_data(inventory.person, ranking, detail, inventory.targets), "basis": basis}
            ),
            out,
            force,
        )
        return
    parts = [f"{inventory.person}, {inventory.date.isoformat()}"]
    if basis != "self" or original.manager is not None:
        parts[0] += "\n" + exits.with_flag(basis_line(original, check_basis(basis)), "basis")
    if (
        out is None and sys.stdout.isatty()
    ):  # a person reading: tables with bars coloured by priority (rich)
        from careerpath.edges.terminal import GapsView, print_gaps

        heading = parts.pop(0)
        print_gaps(GapsView(heading, ranking, detail, inventory.targets, inventory.current_role))
    else:  # piped: plain text
        if ranking:
            parts.append(ranking_text(ranking, inventory.targets, inventory.current_role))
        parts.extend(exits.flagged(role_text(r)) for r in detail)
    if role is None and not inventory.targets:
        parts.append("No targets in the inventory: add `targets: [ROLE]` or use --role ROLE.")
    if parts:
        from careerpath.views.escape import terminal_text

        emit(terminal_text("\n\n".join(parts)) + "\n", out, force)
