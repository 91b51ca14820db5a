"""Where a command's output goes, and in which format: the terminal, a private file, JSON."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.errors import UsageError, one_of

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.edges.load import Library

# The formats of the one-on-one, history and team results.
FORMATS = ("text", "md", "html", "json")
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="text|md|html|json",
        help="text for the terminal, or md, html, json. Default: what --out's extension names"
        " (.md, .html, .json), else text.",
        show_default=False,
    ),
]


def dash_is_stdout(value: Path | None) -> Path | None:
    """--out -: standard output, as for other Unix tools."""
    return None if value is not None and str(value) == "-" else value


def check_out(path: Path | None, flag: str = "--out") -> None:
    """A usage error when `path`'s folder does not exist: careerpath never makes a folder for
    --out (a mistyped folder would be a new one nobody looks in)."""
    if path is None:
        return
    folder = path.parent
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(
            f"{flag} {path}: the folder {folder} {problem}; careerpath makes no folder for"
            f" {flag}: create it first (mkdir -p {folder}) or name a file in another folder"
        )


OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE",
        callback=dash_is_stdout,
        help="Write to this file (mode 0600) instead of the terminal; - is the terminal.",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON: the same as --format json.")]


def with_json(as_json: bool, fmt: str | None) -> str | None:
    """--format as --json asks for it: every read command takes --json, and those with
    formats take --format json as well; the two never disagree."""
    if not as_json:
        return fmt
    if fmt is not None and fmt.lower() != "json":
        raise UsageError(f"--json and --format {fmt} ask for two formats; give one")
    return "json"


# The format a file name asks for, by its extension (--out plan.html is HTML).
SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
    ".csv": "csv",
    ".jsonl": "jsonl",
}

FORMAT_NAMES = {
    **{"md": "Markdown", "html": "HTML", "json": "JSON", "text": "plain text"},
    **{"csv": "CSV", "jsonl": "JSON Lines"},
}
WRITE_BLOCK = 1 << 16  # characters: streamed output is written in blocks of about this size


def chosen_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...], default: str) -> str:
    """--format as given, else the one --out's extension names, else `default`.

    A --format that contradicts --out's extension (`--format md --out plan.html`) is a usage
    error, not a .html file of Markdown.
    """
    check_out(out)
    implied = SUFFIX_FORMATS.get(out.suffix.lower()) if out is not None else None
    if implied not in allowed:
        implied = None
    if fmt is None:
        return implied or default
    fmt = one_of(fmt, allowed, option="format")
    if implied is not None and implied != fmt:
        assert out is not None
        raise UsageError(
            f"--format {fmt} does not match --out {out.name} ({FORMAT_NAMES[implied]});"
            " leave --format out, and the extension decides, or name the file"
            f" {out.with_suffix('.' + {'text': 'txt'}.get(fmt, fmt)).name}"
        )
    return fmt


def json_document(data: object) -> str:
    """`data` as careerpath prints JSON: indented, UTF-8, inert, with a final newline."""
    from careerpath.views.indented_json import indented_json

    return indented_json(data, terminal_safe=True) + "\n"


def echo_json(data: object) -> None:
    typer.echo(json_document(data), nl=False)


def emit(text: str, out: Path | None, force: bool) -> None:
    """`text` to --out, or to stdout; on a terminal, with no escape sequence or control
    character left (the views strip user text already; this covers templates' own text)."""
    if out is None:
        import sys

        if sys.stdout.isatty():
            from careerpath.views.escape import terminal_text

            text = terminal_text(text)
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from careerpath.edges.private_files import write_private

    check_out(out)
    write_private(out, text, force=force)
    typer.echo(f"careerpath: wrote {out}", err=True)


def emit_pieces(pieces: Iterable[str], out: Path | None, force: bool) -> None:
    """emit for output made in pieces (a team of thousands): written as they come, in blocks
    of about WRITE_BLOCK characters, never held whole (the pieces are inert already)."""
    if out is not None:
        from careerpath.edges.private_files import write_private

        write_private(out, pieces, force=force)
        typer.echo(f"careerpath: wrote {out}", err=True)
        return
    import sys

    stream = sys.stdout
    block: list[str] = []
    size = 0
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size >= WRITE_BLOCK:
            stream.write("".join(block))
            block, size = [], 0
    stream.write("".join(block))
    stream.flush()


def formatted(
    library: "Library",
    fmt: str,
    text: Callable[[], str],
    markdown: Callable[[], str],
    data: Callable[[], dict[str, object]],
    template: str,
    title: str,
    page: Callable[[], dict[str, object]] | None = None,
) -> str:
    """The chosen format of one result; HTML through careerpath.edges.templates (autoescaped),
    given `page` (else the JSON document's data) as the template's data."""

    if fmt == "json":
        return json_document(data())
    if fmt == "md":
        return markdown()
    if fmt == "html":
        from careerpath.edges.templates import render

        context: dict[str, object] = {"title": title, template.split(".")[0]: (page or data)()}
        return render(library.template_dirs, template, context)
    return text() + "\n"
