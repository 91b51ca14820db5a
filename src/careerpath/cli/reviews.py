"""compare, progress, history and team: a person's two views, their movement, the team."""

# No `from __future__ import annotations`: typer reads every command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.app import commands
from careerpath.cli.shared import (
    JobsOption,
    check_jobs,
    chosen_format,
    counted,
    echo_json,
    emit,
    emit_pieces,
    fail,
    handled,
    library_of,
    read_inventory,
)
from careerpath.errors import CareerpathError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.core.model import Inventory
    from careerpath.core.reviews.team import Team
    from careerpath.edges.load import Library

# --- one-on-ones, history and the team (careerpath.core.reviews) ---

FORMATS = ("text", "md", "html", "json")
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="text|md|html|json",
        help="text for the terminal, or md, html, json. Default: what --out's extension names"
        " (.md, .html, .json), else text.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="Write to this file (mode 0600) instead of the terminal."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")]
TargetRoleOption = Annotated[
    str | None, typer.Option("--role", help="Only this role. Default: the targets.")
]


def _output(
    library: "Library",
    fmt: str,
    text: Callable[[], str],
    markdown: Callable[[], str],
    data: Callable[[], dict[str, object]],
    template: str,
    title: str,
) -> str:
    """The chosen format of one result; HTML through careerpath.edges.templates (autoescaped)."""
    import json

    if fmt == "json":
        from careerpath.views.escape import json_text

        return json_text(json.dumps(data(), indent=2, ensure_ascii=False)) + "\n"
    if fmt == "md":
        return markdown()
    if fmt == "html":
        from careerpath.edges.templates import render

        context: dict[str, object] = {"title": title, template.split(".")[0]: data()}
        return render(library.template_dirs, template, context)
    return text() + "\n"


@commands.command()
@handled
def compare(
    ctx: typer.Context,
    inventory_path: Annotated[
        Path, typer.Argument(metavar="FILE", help="An inventory with a manager rating.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Self against manager, skill by skill.

    Differences of two levels or more become discussion prompts for the next one-on-one."""
    from careerpath.core.reviews.compare import compare as compare_views
    from careerpath.views.compare_text import compare_data, compare_text

    library = library_of(ctx)
    inventory = read_inventory(inventory_path, library)
    comparison = compare_views(inventory, library.catalogue)
    if comparison is None:
        raise CareerpathError(
            "has no manager rating to compare with; the manager adds one with"
            f" careerpath assess --as-manager {inventory_path}",
            file=inventory_path,
        )
    if as_json:
        echo_json(compare_data(comparison))
        return
    typer.echo(compare_text(comparison))


@commands.command()
@handled
def progress(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier inventory.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later inventory.")],
    role: TargetRoleOption = None,
    fmt: FormatOption = None,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Movement between two inventories: every skill, and readiness for the target roles."""
    from careerpath.core.reviews.history import chronological

    fmt = chosen_format(fmt, out, FORMATS, "text")
    library = library_of(ctx)
    if role is not None:
        library.role(role)
    inventories = chronological([read_inventory(old, library), read_inventory(new, library)])
    emit(_history_output(library, inventories, role, fmt), out, force)


def _history_output(
    library: "Library", inventories: "list[Inventory]", role: str | None, fmt: str
) -> str:
    from careerpath.core.reviews.history import history
    from careerpath.views.history_text import history_data, history_markdown, history_text

    result = history(inventories, library.roles.values(), library.catalogue, role)
    return _output(
        library,
        fmt,
        lambda: history_text(result),
        lambda: history_markdown(result),
        lambda: history_data(result),
        "history.html.j2",
        f"Progress: {result.person}",
    )


@commands.command()
@handled
def history(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(metavar="PERSON", help="The name in the inventories.")],
    folders: Annotated[
        list[Path] | None,
        typer.Option(
            "--dir",
            help="A folder of dated inventories (repeatable). Default: your careerpath folder"
            " (CAREERPATH_HOME, else the user data folder).",
            show_default=False,
        ),
    ] = None,
    role: TargetRoleOption = None,
    fmt: FormatOption = None,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """PERSON's dated inventories, oldest first: movement per skill and readiness over time."""
    from careerpath.core.reviews.history import chronological, of_person
    from careerpath.edges import locations
    from careerpath.edges.inventory_folder import inventory_paths, read_inventories

    fmt = chosen_format(fmt, out, FORMATS, "text")
    library = library_of(ctx)
    if role is not None:
        library.role(role)
    paths = [p for folder in folders or [locations.user_home()] for p in inventory_paths(folder)]
    loaded, errors = read_inventories(paths, library)
    for error in errors:
        fail(error)
    mine = of_person((inv for _, inv in loaded), person)
    if not mine:
        names = sorted({inv.person for _, inv in loaded})
        found = f"; found: {', '.join(names)}" if names else ""
        where = ", ".join(str(f) for f in folders or [locations.user_home()])
        raise CareerpathError(f"no inventories of '{person}' in {where}{found}")
    emit(_history_output(library, chronological(mine), role, fmt), out, force)
    if errors:
        raise typer.Exit(exits.DATA)


@commands.command()
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
    jobs: JobsOption = None,
) -> None:
    """A folder of inventories as a team: heatmap, readiness, thinnest skills, mentor pairs.

    Groups smaller than five are left out of aggregates."""
    from careerpath.core.reviews.team import scope
    from careerpath.edges.folder_pool import collector_paused, progress
    from careerpath.edges.inventory_folder import inventory_paths, read_team

    fmt = chosen_format(fmt, out, FORMATS, "text")
    check_jobs(jobs)
    library = library_of(ctx)
    profile = library.role(role) if role is not None else None
    paths = inventory_paths(folder)
    frame = scope(library.roles.values(), library.catalogue, role=profile, anonymous=anonymous)
    with collector_paused() as collector:
        with progress(len(paths), "Reading inventories") as tick:
            tally, errors = read_team(paths, library, frame, jobs=jobs, tick=tick)
        collector.kept()
        for error in errors:
            fail(error)
        result = tally.finish(library.catalogue, profile)
        title = "Team" + (f": {profile.title}" if profile is not None else "")
        emit_pieces(_team_pieces(library, fmt, result, title), out, force)
    if errors:
        typer.echo(f"careerpath: {counted(len(errors), 'file')} could not be read", err=True)
        raise typer.Exit(exits.DATA)


def _team_pieces(library: "Library", fmt: str, result: "Team", title: str) -> Iterator[str]:
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
    page = team_text.team_page if shipped(library.template_dirs) else team_text.team_data
    context: dict[str, object] = {"title": title, "team": page(result), "legend": team_text.LEGEND}
    return render_pieces(library.template_dirs, "team.html.j2", context)


@commands.command()
@handled
def export(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder of inventories.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
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
        typer.Option("--role", help="Only this role's skills, gaps and readiness. Default: all."),
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
    from careerpath.edges.inventory_folder import inventory_paths

    fmt = chosen_format(fmt, out, EXPORT_FORMATS, "csv")
    check_jobs(jobs)
    if out is not None:
        from careerpath.edges.private_files import check_target

        check_target(out, force=force)
    library = library_of(ctx)
    profile = library.role(role) if role is not None else None
    paths = inventory_paths(folder)
    frame = scope(library.roles.values(), library.catalogue, role=profile, anonymous=anonymous)
    with progress(len(paths), "Exporting") as tick:
        result = export_folder(paths, library, frame, fmt, jobs=jobs, tick=tick)
        for error in result.errors:
            fail(error)
        read = len(result.errors)
        emit_pieces(result.pieces, out, force)
    for error in result.errors[read:]:  # files changed between the two passes
        fail(error)
    older = f"; {result.older} earlier inventories set aside" if result.older else ""
    typer.echo(f"careerpath: {EXPORT_VERSION}, {counted(result.people, 'person')}{older}", err=True)
    if result.hidden is not None:
        typer.echo(f"careerpath: {result.hidden}", err=True)
    if result.errors:
        typer.echo(f"careerpath: {counted(len(result.errors), 'file')} could not be read", err=True)
        raise typer.Exit(exits.DATA)
