"""careerpath demo: the whole loop on the shipped example."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import sys
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
    from careerpath.core.gaps import ranking_of
    from careerpath.edges import locations
    from careerpath.edges.plan_batch import first_target
    from careerpath.views.gaps_text import ranking_text, role_text

    chosen = parse_date(date) if date else None  # a wrong --date stops before any output
    library = library_of(ctx)
    path = locations.example_inventory()
    inventory = read_inventory(path, library)
    ranking = ranking_of(inventory, library.roles.values(), library.catalogue)
    target = first_target(inventory)
    heading = f"careerpath demo: the shipped example inventory, {path.name}"
    detail = next(r for r in ranking if r.role == target)
    start = chosen or inventory.date
    plan = plan_markdown(library, inventory, target, start, parse_horizon("6m"))
    if sys.stdout.isatty():  # a person reading: the tables gaps shows, the plan laid out (rich)
        from careerpath.edges.terminal import GapsView, print_gaps, print_markdown

        print_gaps(GapsView(heading, ranking, [detail], inventory.targets, inventory.current_role))
        typer.echo()
        print_markdown(plan)
        typer.echo()
    else:  # piped: plain text and the plan's Markdown as it is
        typer.echo(f"{heading}\n")
        typer.echo(ranking_text(ranking, inventory.targets, inventory.current_role) + "\n")
        typer.echo(exits.flagged(role_text(detail, limit=8)) + "\n")
        typer.echo("-" * 72)
        typer.echo(plan)
        typer.echo("-" * 72)
    typer.echo(
        "Now make your own: careerpath assess\n"
        f"  (careerpath assess --role {target} asks only that role's ten key skills)\n"
        f"then read your plan: careerpath plan FILE --role {target} --out plan.html"
    )
