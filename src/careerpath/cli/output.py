"""Where a command's output goes, and in which format: the terminal, a private file, JSON."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.edges.load import Library

# The formats of the one-on-one, history and team results.
FORMATS = ("text", "md", "html", "json")
FormatOption = Annotated[
    str,
    typer.Option(
        "--format", metavar="text|md|html|json", help="text for the terminal, or md, html, json."
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="Write to this file (mode 0600) instead of the terminal."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")]


def echo_json(data: object) -> None:
    import json

    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def emit(text: str, out: Path | None, force: bool) -> None:
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from careerpath.edges.private_files import write_private

    write_private(out, text, force=force)
    typer.echo(f"careerpath: wrote {out}", err=True)


def formatted(
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
        return json.dumps(data(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return markdown()
    if fmt == "html":
        from careerpath.edges.templates import render

        context: dict[str, object] = {"title": title, template.split(".")[0]: data()}
        if template.startswith("team"):
            from careerpath.views.team_text import LEGEND

            context["legend"] = LEGEND
        return render(library.template_dirs, template, context)
    return text() + "\n"
