"""careerpath roles: the role profiles, one role, and the skills."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from typing import Annotated

import typer

from careerpath.cli.output import echo_json
from careerpath.cli.shared import handled, library_of

app = typer.Typer(
    name="roles",
    add_completion=False,
    invoke_without_command=True,
    help="List the role profiles, or show one role, or list the skills.",
)


@app.callback()
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
    width = max(len(r) for r in library.roles)
    for role in sorted(library.roles.values(), key=lambda r: r.id):
        typer.echo(f"{role.id:<{width}}  {role.title}")
    typer.echo("\nShow one with: careerpath roles show ROLE")


@app.command("show")
@handled
def roles_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id, e.g. testing.")],
) -> None:
    """Show what a role needs: skills with level and importance, credentials, people, mentor."""
    from careerpath.views.role_text import role_text

    library = library_of(ctx)
    typer.echo(role_text(library.role(role_id), library.catalogue))


@app.command("skills")
@handled
def roles_skills(ctx: typer.Context) -> None:
    """List every skill in the catalogue, by category, with its id."""
    library = library_of(ctx)
    catalogue = library.catalogue
    for category, title in catalogue.categories.items():
        typer.echo(title)
        for skill_id, skill in catalogue.skills.items():
            if skill.category == category:
                typer.echo(f"  {skill_id:<28} {skill.name}")
