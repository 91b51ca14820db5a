"""careerpath export: each person's latest inventory as rows for a warehouse or a spreadsheet."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import ForceOption, OutOption, chosen_format, emit_pieces
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

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath export ~/team -o team.csv --anonymous")
@handled
def export(
    ctx: typer.Context,
    folders: FoldersArgument,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="csv|jsonl",
            help="csv (a header row, then the rows) or jsonl (one JSON object a line)."
            " Default: what --out's extension names, else csv.",
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
    force: ForceOption = False,
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous", help="Person 1, Person 2, ... as in team --anonymous; no dates."
        ),
    ] = False,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            autocompletion=complete_role,
            help="Only this role's skills, gaps and readiness. Default: all.",
        ),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Each person's latest inventory as rows for a warehouse or a spreadsheet.

    Levels per skill (self and manager), gaps per target role, readiness and effort per role:
    columns export/1 (docs/formats.md)."""
    from careerpath.core.reviews.export import EXPORT_VERSION
    from careerpath.core.reviews.team import scope
    from careerpath.edges.export_files import FORMATS as EXPORT_FORMATS
    from careerpath.edges.export_files import export_folder
    from careerpath.edges.folder_pool import progress
    from careerpath.edges.inventory_folder import folders_inventories

    fmt = chosen_format(fmt, out, EXPORT_FORMATS, "csv")
    check_jobs(jobs)
    if out is not None:
        from careerpath.edges.private_files import check_target

        check_target(out, force=force)
    library = library_of(ctx)
    profile = library.role(role) if role is not None else None
    paths = folders_inventories(folders)
    frame = scope(library.roles.values(), library.catalogue, role=profile, anonymous=anonymous)
    with progress(len(paths), "Exporting") as tick:
        result = export_folder(paths, library, frame, fmt, jobs=jobs, tick=tick)
        for error in result.errors:
            fail(error)
        read = len(result.errors)
        emit_pieces(result.pieces, out, force)
    for error in result.errors[read:]:  # files changed between the two passes
        fail(error)
    older = (
        f"; {counted(result.older, 'earlier inventory', 'earlier inventories')} set aside"
        if result.older
        else ""
    )
    typer.echo(f"careerpath: {EXPORT_VERSION}, {_people(result.people)}{older}", err=True)
    if result.hidden is not None:
        typer.echo(f"careerpath: {exits.flagged(result.hidden)}", err=True)
    if result.errors:
        typer.echo(f"careerpath: {counted(len(result.errors), 'file')} could not be read", err=True)
        raise typer.Exit(exits.DATA)


def _people(number: int) -> str:
    return f"{number} {'person' if number == 1 else 'people'}"
