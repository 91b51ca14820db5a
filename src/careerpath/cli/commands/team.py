"""careerpath team: a folder of inventories as a team."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import (
    FORMATS,
    ForceOption,
    FormatOption,
    JsonOption,
    OutOption,
    chosen_format,
    emit_pieces,
    with_json,
)
from careerpath.cli.shared import (
    FoldersArgument,
    JobsOption,
    check_jobs,
    complete_role,
    counted,
    fail,
    handled,
    library_of,
)
from careerpath.errors import CareerpathError

if TYPE_CHECKING:  # the heavy modules load inside the command
    from careerpath.core.reviews.team import Team
    from careerpath.edges.load import Library

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath team ~/team --anonymous -o team.html")
@handled
def team(
    ctx: typer.Context,
    folders: FoldersArgument,
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
    as_json: JsonOption = False,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Replace names with Person 1, Person 2, ...")
    ] = False,
    out: OutOption = None,
    force: ForceOption = False,
    jobs: JobsOption = None,
) -> None:
    """A folder of inventories as a team: heatmap, readiness, thinnest skills, mentor pairs.

    Groups smaller than five are left out of aggregates."""
    from careerpath.core.reviews.team import scope
    from careerpath.edges.folder_pool import collector_paused, progress
    from careerpath.edges.inventory_folder import folders_inventories, read_team

    fmt = chosen_format(with_json(as_json, fmt), out, FORMATS, "text")
    check_jobs(jobs)
    library = library_of(ctx)
    profile = library.role(role) if role is not None else None
    paths = folders_inventories(folders)
    frame = scope(library.roles.values(), library.catalogue, role=profile, anonymous=anonymous)
    with collector_paused() as collector:
        with progress(len(paths), "Reading inventories") as tick:
            tally, errors = read_team(paths, library, frame, jobs=jobs, tick=tick)
        collector.kept()
        for error in errors:
            fail(error)
        if not tally.latest:
            raise CareerpathError(
                f"no team to show: none of {_files_of(folders, len(paths))} is an inventory"
                " careerpath can read (each named above)",
                file=folders[0] if len(folders) == 1 else None,
            )
        result = tally.finish(library.catalogue, profile)
        result = result._replace(hidden=tuple(exits.flagged(note) for note in result.hidden))
        title = "Team" + (f": {profile.title}" if profile is not None else "")
        emit_pieces(team_pieces(library, fmt, result, title), out, force)
    if errors:
        typer.echo(f"careerpath: {counted(len(errors), 'file')} could not be read", err=True)
        raise typer.Exit(exits.DATA)


def _files_of(folders: list[Path], number: int) -> str:
    """ "its 3 YAML files" (one folder, named before the message), or "the 3 YAML files in A, B"."""
    files = counted(number, "YAML file")
    return f"its {files}" if len(folders) == 1 else f"the {files} in {', '.join(map(str, folders))}"


def team_pieces(library: "Library", fmt: str, result: "Team", title: str) -> Iterator[str]:
    """The team view in `fmt`, in pieces as they are made (careerpath.views.team_text)."""
    from careerpath.views import team_text

    if fmt == "json":
        return team_text.team_json(result)
    if fmt == "md":
        return team_text.team_markdown_lines(result)
    if fmt == "text":
        return team_text.team_text_lines(result)
    from careerpath.edges.templates import render_pieces, shipped

    # The shipped template reads the rows as it writes them; anyone else's gets them all.
    roles = [library.roles[role] for role, _ in result.roles]
    page = team_text.team_page(result, roles, whole=not shipped(library.template_dirs))
    context: dict[str, object] = {"title": title, "team": page, "legend": team_text.LEGEND}
    return render_pieces(library.template_dirs, "team.html.j2", context)
