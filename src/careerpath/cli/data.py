"""roles, validate and schema: the role profiles, the skills, and checking data files."""

# No `from __future__ import annotations`: typer reads every command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.app import commands
from careerpath.cli.shared import (
    Settings,
    counted,
    echo_json,
    emit,
    fail,
    handled,
    library_of,
)
from careerpath.errors import CareerpathError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.edges.load import Library

roles_app = typer.Typer(
    invoke_without_command=True,
    help="List the role profiles, or show one role, or list the skills.",
)
commands.add_typer(roles_app, name="roles")


# --- roles -------------------------------------------------------------------------------


@roles_app.callback()
@handled
def roles(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the role profiles you can aim at."""
    if ctx.invoked_subcommand is not None:
        return
    library = library_of(ctx)
    if as_json:
        data = [
            {
                "id": r.id,
                "title": r.title,
                "summary": r.summary,
                "skills": len(r.skills),
                "source": str(library.sources[r.id]),
            }
            for r in sorted(library.roles.values(), key=lambda r: r.id)
        ]
        echo_json(data)
        return
    from careerpath.views.escape import terminal_line

    width = max(len(r) for r in library.roles)
    for role in sorted(library.roles.values(), key=lambda r: r.id):
        typer.echo(terminal_line(f"{role.id:<{width}}  {role.title}"))
    typer.echo("\nShow one with: careerpath roles show ROLE")


@roles_app.command("show")
@handled
def roles_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id, e.g. testing.")],
) -> None:
    """Show what a role needs: skills with level and importance, credentials, people, mentor."""
    from careerpath.views.role_text import role_text

    library = library_of(ctx)
    typer.echo(role_text(library.role(role_id), library.catalogue))


@roles_app.command("skills")
@handled
def roles_skills(ctx: typer.Context) -> None:
    """List every skill in the catalogue, by category, with its id."""
    from careerpath.views.escape import terminal_line

    library = library_of(ctx)
    catalogue = library.catalogue
    for category, title in catalogue.categories.items():
        typer.echo(terminal_line(title))
        for skill_id, skill in catalogue.skills.items():
            if skill.category == category:
                typer.echo(terminal_line(f"  {skill_id:<28} {skill.name}"))


@roles_app.command("import-onet")
@handled
def roles_import_onet(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The O*NET text database: a folder with Skills.txt, Knowledge.txt and"
            " Occupation Data.txt (db_30_x_text from onetcenter.org).",
        ),
    ],
    code: Annotated[str, typer.Option("--code", help="The O*NET-SOC code, e.g. 15-1232.00.")],
    role_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="The new role's id. Default: the --out file's name, else the title's.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write the draft here (never over a file without --force).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
) -> None:
    """Draft a role profile from an O*NET occupation's skill ratings, to finish by hand."""
    from careerpath.edges.onet import import_role

    library = library_of(ctx)
    draft, text = import_role(folder, code, library, role_id, out)
    emit(text, out, force)
    if out is not None:
        typer.echo(
            f"careerpath: {counted(len(draft.kept), 'skill')} from O*NET;"
            f" {counted(len(draft.unlinked), 'skill')} and the prose sections to write by hand"
            " (listed at the top of the file)",
            err=True,
        )


# --- validate ----------------------------------------------------------------------------


@commands.command()
@handled
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to check. Default: the built-in and organisation data.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check skill catalogues, role profiles, the lattice and inventories; print every problem."""
    from careerpath.edges.validation import default_paths, validate_paths

    settings = ctx.find_object(Settings) or Settings()
    library = library_of(ctx) if not paths else _library_or_builtin(ctx)
    report = validate_paths(paths or default_paths(settings.roles_dir), library)
    for error in report.errors:
        fail(error)
    files = counted(len(report.checked), "file")
    if report.errors:
        typer.echo(f"{counted(len(report.errors), 'problem')} in {files}", err=True)
        raise typer.Exit(exits.DATA)
    typer.echo(f"ok: {files} valid")


def _library_or_builtin(ctx: typer.Context) -> "Library":
    """The library to check files against; the built-in one if the organisation's is broken."""
    from careerpath.edges.load import load_library

    try:
        return library_of(ctx)
    except CareerpathError:
        return load_library(None)


@commands.command()
@handled
def schema(
    name: Annotated[str, typer.Argument(help="catalogue, role, lattice, inventory or plan.")],
) -> None:
    """Print the JSON Schema of a file format, for editors that autocomplete YAML."""
    from careerpath.views.schemas import schema_text

    typer.echo(schema_text(name), nl=False)
