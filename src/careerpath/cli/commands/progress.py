"""careerpath progress: the movement between two inventories."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.commands.history import format_and_library, history_output
from careerpath.cli.output import ForceOption, FormatOption, JsonOption, OutOption, emit, with_json
from careerpath.cli.shared import TargetRoleOption, handled, read_inventory

app = typer.Typer(add_completion=False)


@app.command(
    epilog=("Example: careerpath progress inventory-2026-08-01.yaml inventory-2026-11-01.yaml"),
)
@handled
def progress(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier inventory.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later inventory.")],
    role: TargetRoleOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Movement between two inventories: every skill, and readiness for the target roles."""
    from careerpath.core.reviews.history import chronological

    fmt, library, role = format_and_library(ctx, with_json(as_json, fmt), out, role)
    inventories = chronological([read_inventory(old, library), read_inventory(new, library)])
    emit(history_output(library, inventories, role, fmt), out, force)
