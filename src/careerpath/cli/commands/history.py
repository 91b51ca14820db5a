"""careerpath history: one person's dated inventories, oldest first."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

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
    emit,
    formatted,
    with_json,
)
from careerpath.cli.shared import TargetRoleOption, fail, handled, library_of
from careerpath.errors import CareerpathError, UsageError

if TYPE_CHECKING:  # the heavy modules load inside the command
    from careerpath.core.model import Inventory
    from careerpath.edges.load import Library

app = typer.Typer(add_completion=False)


def format_and_library(
    ctx: typer.Context, fmt: str | None, out: Path | None, role: str | None
) -> "tuple[str, Library, str | None]":
    """The format (--format, else --out's extension, else text), the library, and the role
    --role names (in any case): usage errors before any file is read."""
    chosen = chosen_format(fmt, out, FORMATS, "text")
    library = library_of(ctx)
    return chosen, library, None if role is None else library.role(role).id


def history_output(
    library: "Library", inventories: "list[Inventory]", role: str | None, fmt: str
) -> str:
    from careerpath.core.reviews.history import history
    from careerpath.views.history_text import (
        history_data,
        history_markdown,
        history_page,
        history_text,
    )

    result = history(inventories, library.roles.values(), library.catalogue, role)
    return formatted(
        library,
        fmt,
        lambda: exits.flagged(history_text(result)),
        lambda: history_markdown(result),
        lambda: history_data(result),
        "history.html.j2",
        f"Progress: {result.person}",
        lambda: history_page(result),
    )


@app.command(epilog='Example: careerpath history "Megan Doyle" ~/team -o history.html')
@handled
def history(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(metavar="PERSON", help="The name in the inventories.")],
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="DIR",
            help="Folders of dated inventories. Default: your careerpath folder"
            " (CAREERPATH_HOME, else the user data folder).",
            show_default=False,
        ),
    ] = None,
    dirs: Annotated[
        list[Path] | None,
        # the spelling before folders were positional, kept for scripts that use it
        typer.Option("--dir", metavar="DIR", hidden=True),
    ] = None,
    role: TargetRoleOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """PERSON's dated inventories, oldest first: movement per skill and readiness over time."""
    from careerpath.core.reviews.history import chronological, of_person
    from careerpath.edges import locations
    from careerpath.edges.inventory_folder import folders_inventories, read_inventories

    fmt, library, role = format_and_library(ctx, with_json(as_json, fmt), out, role)
    folders = [*(folders or ()), *(dirs or ())] or [locations.user_home()]
    if Path(person).is_dir() and not all(f.is_dir() for f in folders):
        raise UsageError(
            f"the person comes first, then the folders: careerpath history NAME {person}"
        )
    paths = folders_inventories(folders, required=False)
    loaded, errors = read_inventories(paths, library)
    for error in errors:
        fail(error)
    mine = of_person((inv for _, inv in loaded), person)
    if not mine:
        names = sorted({inv.person for _, inv in loaded})
        found = f"; found: {', '.join(names)}" if names else ""
        where = ", ".join(str(f) for f in folders)
        raise CareerpathError(f"no inventories of '{person}' in {where}{found}")
    emit(history_output(library, chronological(mine), role, fmt), out, force)
    if errors:
        raise typer.Exit(exits.DATA)
