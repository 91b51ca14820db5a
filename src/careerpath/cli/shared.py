"""What the commands share: settings, error handling, loading data, the options more than one
command takes."""

# No `from __future__ import annotations`: typer reads every command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from careerpath.cli import exits
from careerpath.errors import CareerpathError, UsageError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.core.model import Inventory
    from careerpath.edges.load import Library

P = ParamSpec("P")
R = TypeVar("R")


class Settings:
    """Options given before the command, shared with every command through typer's context."""

    def __init__(self, roles_dir: Path | None = None) -> None:
        self.roles_dir = roles_dir


def fail(error: CareerpathError) -> None:
    """One line on stderr; what it quotes from a file is shown inert (no escape sequence)."""
    from careerpath.views.escape import terminal_line

    typer.echo(f"careerpath: error: {terminal_line(exits.worded(error))}", err=True)


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """Turn careerpath's errors into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CareerpathError as error:
            fail(error)
            raise typer.Exit(exits.exit_code(error)) from None
        except KeyboardInterrupt:
            typer.echo("careerpath: cancelled", err=True)
            raise typer.Exit(exits.CANCELLED) from None

    return wrapper


def library_of(ctx: typer.Context) -> "Library":
    from careerpath.edges.load import load_library
    from careerpath.edges.locations import cache_dir

    settings = ctx.find_object(Settings) or Settings()
    return load_library(settings.roles_dir, cache_dir())


def read_inventory(path: Path, library: "Library") -> "Inventory":
    from careerpath.edges.load import load_inventory
    from careerpath.edges.locations import cache_dir

    return load_inventory(path, library, cache_dir())


def parse_date(text: str | None) -> dt.date:
    """--date (today without it), in the range a plan may start in."""
    from careerpath.core.plan.horizon import check_start

    if text is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date must be a date like 2026-11-23, got '{text}'") from None
    return check_start(day)


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a role id: the shipped roles and --roles-dir's (given before or
    after the command, or as CAREERPATH_ROLES), each with its title. Nothing when the roles
    cannot be read: completion never prints an error into the command line."""
    from careerpath.edges.load import load_library
    from careerpath.edges.locations import cache_dir

    roles_dir = ctx.find_root().params.get("roles_dir")
    try:
        library = load_library(roles_dir, cache_dir())
    except (CareerpathError, OSError):
        return []
    return [
        (role.id, role.title)
        for role in sorted(library.roles.values(), key=lambda r: r.id)
        if role.id.startswith(incomplete.lower())
    ]


# --- options more than one command takes -----------------------------------------------

InventoryArg = Annotated[
    Path, typer.Argument(metavar="INVENTORY", help="Your self-inventory YAML file.")
]
BasisOption = Annotated[
    str,
    typer.Option(
        "--basis",
        metavar="self|manager|conservative",
        help="Whose ratings to use: your own (the default), your manager's, or the lower of"
        " the two per skill. Never an average.",
    ),
]
TargetRoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        "-r",
        metavar="ROLE",
        autocompletion=complete_role,
        help="Only this role. Default: the targets.",
    ),
]
# A folder to read is an argument in every command (history, team, export, plan): several of
# them read as one, each person's latest inventory in any of them.
FoldersArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="DIR",
        help="Folders of inventories (one or more): each person's latest in any of them.",
        show_default=False,
    ),
]

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        metavar="N",
        help="Worker processes reading the files. Default: one per CPU for 200 files or more;"
        " 1 reads them in this process.",
        show_default=False,
    ),
]


def check_jobs(jobs: int | None) -> None:
    if jobs is not None and jobs < 1:
        raise UsageError(f"{{option}} must be 1 or more, got {jobs}", option="jobs")


def based(inventory: "Inventory", basis: str) -> "Inventory":
    """The inventory with the ratings --basis chooses."""
    from careerpath.core.basis import check_basis, with_basis

    return with_basis(inventory, check_basis(basis))


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 file`, `2 files`; `plural` where adding an s is wrong."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
