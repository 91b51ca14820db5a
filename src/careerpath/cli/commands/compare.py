"""careerpath compare: self against manager, skill by skill."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.output import (
    ForceOption,
    JsonOption,
    OutOption,
    chosen_format,
    emit,
    json_document,
    with_json,
)
from careerpath.cli.shared import handled, library_of, read_inventory
from careerpath.errors import CareerpathError

app = typer.Typer(add_completion=False)


@app.command(epilog="Example: careerpath compare ben.yaml --reader manager")
@handled
def compare(
    ctx: typer.Context,
    inventory_path: Annotated[
        Path, typer.Argument(metavar="FILE", help="An inventory with a manager rating.")
    ],
    as_json: JsonOption = False,
    reader: Annotated[
        str,
        typer.Option(
            "--reader",
            metavar="self|manager",
            help="Who reads it: the person rated (self) or their manager; the discussion"
            " prompts speak to them.",
        ),
    ] = "self",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Self against manager, skill by skill.

    Differences of two levels or more become discussion prompts for the next one-on-one."""
    from careerpath.core.reviews.compare import compare as compare_views
    from careerpath.errors import one_of
    from careerpath.views.compare_text import compare_data, compare_text

    reader = one_of(reader, ("self", "manager"), option="reader")
    fmt = chosen_format(with_json(as_json, None), out, ("text", "json"), "text")
    library = library_of(ctx)
    inventory = read_inventory(inventory_path, library)
    comparison = compare_views(
        inventory, library.catalogue, reader="manager" if reader == "manager" else "self"
    )
    if comparison is None:
        raise CareerpathError(
            "has no manager rating to compare with; the manager adds one with"
            f" careerpath assess --as-manager {inventory_path}",
            file=inventory_path,
        )
    if fmt == "json":
        emit(json_document(compare_data(comparison)), out, force)
        return
    emit(compare_text(comparison) + "\n", out, force)
