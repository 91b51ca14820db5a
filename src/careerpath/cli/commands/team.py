"""careerpath team: a folder of inventories as a team."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import (
    FORMATS,
    ForceOption,
    FormatOption,
    OutOption,
    chosen_format,
    emit,
    formatted,
)
from careerpath.cli.shared import complete_role, counted, fail, handled, library_of

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath team ~/team --anonymous -o team.html")
@handled
def team(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder of inventories.")],
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            autocompletion=complete_role,
            help="Only this role's skills and readiness. Default: all.",
        ),
    ] = None,
    fmt: FormatOption = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Replace names with Person 1, Person 2, ...")
    ] = False,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """A folder of inventories as a team: heatmap, readiness, thinnest skills, mentor pairs.

    Groups smaller than five are left out of aggregates."""
    from careerpath.core.reviews.team import team as team_view
    from careerpath.edges.inventory_folder import inventory_paths, read_inventories
    from careerpath.edges.terminal import progress_bar
    from careerpath.views.team_text import team_data, team_markdown, team_text

    fmt = chosen_format(fmt, out, FORMATS, "text")
    library = library_of(ctx)
    profile = library.role(role) if role is not None else None
    paths = inventory_paths(folder)
    with progress_bar(len(paths), "Reading inventories") as tick:
        loaded, errors = read_inventories(paths, library, tick)
    for error in errors:
        fail(error)
    result = team_view(
        [inventory for _, inventory in loaded],
        library.roles.values(),
        library.catalogue,
        role=profile,
        anonymous=anonymous,
    )
    text = formatted(
        library,
        fmt,
        lambda: team_text(result),
        lambda: team_markdown(result),
        lambda: team_data(result),
        "team.html.j2",
        "Team" + (f": {profile.title}" if profile is not None else ""),
    )
    emit(text, out, force)
    if errors:
        typer.echo(f"careerpath: {counted(len(errors), 'file')} could not be read", err=True)
        raise typer.Exit(exits.DATA)
