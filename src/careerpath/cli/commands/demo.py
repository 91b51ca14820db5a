"""careerpath demo: the whole loop on the shipped example."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.commands.plan import plan_markdown
from careerpath.cli.shared import handled, library_of, parse_date, read_inventory
from careerpath.core.plan.horizon import parse_horizon

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath demo | less")
@handled
def demo(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="Start date for the plan. Default: the example's own date.",
        ),
    ] = None,
) -> None:
    """Show the whole loop on the shipped example: gaps for every role, then a growth plan."""
    from careerpath.core.gaps import rank
    from careerpath.edges import locations
    from careerpath.edges.plan_batch import first_target
    from careerpath.views.gaps_text import ranking_text, role_text

    chosen = parse_date(date) if date else None  # a wrong --date stops before any output
    library = library_of(ctx)
    path = locations.example_inventory()
    inventory = read_inventory(path, library)
    ranking = rank(inventory.ratings, library.roles.values(), library.catalogue)
    target = first_target(inventory)
    typer.echo(f"careerpath demo: the shipped example inventory, {path.name}\n")
    typer.echo(ranking_text(ranking) + "\n")
    typer.echo(exits.flagged(role_text(next(r for r in ranking if r.role == target), limit=8)))
    typer.echo()
    typer.echo("-" * 72)
    start = chosen or inventory.date
    typer.echo(plan_markdown(library, inventory, target, start, parse_horizon("6m")))
    typer.echo("-" * 72)
    typer.echo(
        f"Try it on your own file: careerpath gaps my.yaml, then"
        f" careerpath plan my.yaml --role {target} --out plan.md"
    )
