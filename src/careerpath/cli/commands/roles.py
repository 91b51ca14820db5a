"""careerpath roles: the role profiles, one role, and the skills."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.output import JsonOption, dash_is_stdout, echo_json, emit
from careerpath.cli.shared import complete_role, counted, handled, library_of

app = typer.Typer(
    name="roles",
    add_completion=False,
    invoke_without_command=True,
    help="List the role profiles, or show one role, or list the skills.",
    epilog=("Example: careerpath roles --json"),
)


@app.callback()
@handled
def roles(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """List the role profiles you can aim at."""
    if ctx.invoked_subcommand is not None:
        return
    library = library_of(ctx)
    if as_json:
        data = {
            "schema": "careerpath.roles/1",
            "roles": [
                {
                    "id": r.id,
                    "title": r.title,
                    "summary": r.summary,
                    "skills": len(r.skills),
                    "source": str(library.sources[r.id]),
                }
                for r in sorted(library.roles.values(), key=lambda r: r.id)
            ],
        }
        echo_json(data)
        return
    from careerpath.views.escape import terminal_line

    width = max(len(r) for r in library.roles)
    for role in sorted(library.roles.values(), key=lambda r: r.id):
        typer.echo(terminal_line(f"{role.id:<{width}}  {role.title}"))
    typer.echo("\nShow one with: careerpath roles show ROLE")


@app.command("show", epilog="Example: careerpath roles show testing")
@handled
def roles_show(
    ctx: typer.Context,
    role_id: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", autocompletion=complete_role, help="A role id, e.g. testing."
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show what a role needs: skills with level and importance, credentials, people, mentor."""
    from careerpath.views.role_text import role_text

    library = library_of(ctx)
    role = library.role(role_id)
    if as_json:  # the role as its file has it: careerpath schema role
        echo_json(role.model_dump(mode="json", by_alias=True, exclude_defaults=True))
        return
    typer.echo(role_text(role, library.catalogue))


@app.command("skills", epilog="Example: careerpath roles skills --json")
@handled
def roles_skills(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List every skill in the catalogue, by category, with its id."""
    from careerpath.views.escape import terminal_line

    library = library_of(ctx)
    catalogue = library.catalogue
    if as_json:  # the catalogue as skills.yaml has it: careerpath schema catalogue
        echo_json(catalogue.model_dump(mode="json", by_alias=True, exclude_defaults=True))
        return
    for category, title in catalogue.categories.items():
        typer.echo(terminal_line(title))
        for skill_id, skill in catalogue.skills.items():
            if skill.category == category:
                typer.echo(terminal_line(f"  {skill_id:<28} {skill.name}"))


@app.command(
    "import-onet",
    epilog=(
        "Example: careerpath roles import-onet ~/onet/db_30_x_text --code 15-1211.00 -o"
        " our-roles/systems-analyst.yaml"
    ),
)
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
    code: Annotated[
        str, typer.Option("--code", metavar="CODE", help="The O*NET-SOC code, e.g. 15-1232.00.")
    ],
    role_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="The new role's id. Default: the --out file's name, else the title's.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            callback=dash_is_stdout,
            help="Write the draft here (never over a file without --force); - is the terminal.",
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
