"""careerpath validate: check skill catalogues, role profiles and inventories."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import JsonOption, echo_json
from careerpath.cli.shared import Settings, counted, fail, handled, library_of
from careerpath.errors import CareerpathError

if TYPE_CHECKING:  # the heavy modules load inside the command
    from careerpath.edges.load import Library

app = typer.Typer(add_completion=False)


@app.command(
    epilog=(
        "Example: careerpath validate my-inventory.yaml\n"
        "Example: careerpath --roles-dir our-roles validate"
    ),
)
@handled
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders to check. Default: the built-in and organisation data.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check skill catalogues, role profiles, the lattice and inventories; print every problem."""
    from careerpath.edges.validation import default_paths, validate_paths

    settings = ctx.find_object(Settings) or Settings()
    library = library_of(ctx) if not paths else _library_or_builtin(ctx)
    report = validate_paths(paths or default_paths(settings.roles_dir), library)
    if as_json:  # the same exit code: 1 when anything is wrong
        echo_json(
            {
                "schema": "careerpath.validate/1",
                "ok": not report.errors,
                "checked": [{"file": str(path), "kind": kind} for path, kind in report.checked],
                "problems": [
                    {
                        "file": None if e.file is None else str(e.file),
                        "line": e.line,
                        "message": exits.worded(CareerpathError(e.message, option=e.option)),
                    }
                    for e in report.errors
                ],
                "notes": [
                    {"file": str(note.file), "message": exits.worded(CareerpathError(note.message))}
                    for note in report.notes
                ],
            }
        )
        if report.errors:
            raise typer.Exit(exits.DATA)
        return
    for error in report.errors:
        fail(error)
    for note in report.notes:  # fine, and no problem: the exit code stays 0
        typer.echo(f"careerpath: note: {exits.worded(note)}", err=True)
    files = counted(len(report.checked), "file")
    if report.errors:
        typer.echo(f"{counted(len(report.errors), 'problem')} in {files}", err=True)
        raise typer.Exit(exits.DATA)
    notes = counted(len(report.notes), "unfinished inventory", "unfinished inventories")
    typer.echo(f"ok: {files} valid" + (f" ({notes})" if report.notes else ""))


def _library_or_builtin(ctx: typer.Context) -> "Library":
    """The library to check files against; the built-in one if the organisation's is broken."""
    from careerpath.edges.load import load_library

    try:
        return library_of(ctx)
    except CareerpathError:
        return load_library(None)
