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
from careerpath.cli.shared import counted, fail, handled, library_of
from careerpath.errors import CareerpathError

app = typer.Typer(add_completion=False)


@app.command()
@handled
def team(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder of inventories.")],
    role: Annotated[
        str | None,
        typer.Option("--role", help="Only this role's skills and readiness. Default: all."),
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
    if not paths:
        raise CareerpathError(_nothing_in(folder), file=folder)
    with progress_bar(len(paths), "Reading inventories") as tick:
        loaded, errors = read_inventories(paths, library, tick)
    for error in errors:
        fail(error)
    if not loaded:
        raise CareerpathError(
            f"no team to show: none of its {counted(len(paths), 'YAML file')} is an inventory"
            " careerpath can read (each named above)",
            file=folder,
        )
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


def _nothing_in(folder: Path) -> str:
    """Why a folder gives no team: no YAML at all, or only unfinished assessments."""
    from careerpath.edges.load import yaml_files

    unfinished = yaml_files(folder)
    if not unfinished:
        return "no team to show: the folder has no inventory files (*.yaml, *.yml)"
    names = ", ".join(p.name for p in unfinished)
    return (
        f"no team to show: the folder holds only unfinished assessments ({names}), not"
        " inventories yet; finish one with careerpath assess --resume"
    )
