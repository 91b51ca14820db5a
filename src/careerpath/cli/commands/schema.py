"""careerpath schema: the JSON Schema of a file format."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.shared import handled

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath schema inventory > inventory.schema.json")
@handled
def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A file format (catalogue, role, lattice, inventory) or a command's JSON"
            " (plan, gaps, paths, compare, history, team, roles, goals, validate).",
        ),
    ],
) -> None:
    """Print the JSON Schema of a file format or of a command's JSON output.

    Editors autocomplete YAML with a file format's schema; a script checks what it reads."""
    from careerpath.views.schemas import schema_text

    typer.echo(exits.flagged(schema_text(name)), nl=False)
